import { useState } from 'react';
import { Select } from './Select.js';
import type { ApiClient } from '../../api.js';
import { PairedBarChart } from '../../charts/PairedBarChart.js';
import { Legend } from '../../charts/Legend.js';
import { DataTable } from './DataTable.js';
import { useFormat } from './format.js';
import {
  cellOf,
  groundLabelOf,
  groupLabelOf,
  groupingOf,
  groupsOf,
  mirrorApi,
  queryString,
  type GroundOption,
  type MirrorAnswer,
  type MirrorOptions,
  type MirrorQuery,
} from './model.js';
import { useSpiegelTexts } from './texts.js';
import { dataOf, useRemote } from './useRemote.js';
import { Alert } from '../../components/Alert.js';
import { useI18n } from '../../i18n/i18n.js';
import { NATIONAL_CAVEAT } from '../../../mirror/caveats.js';
import { NATIONAL_GROUP_LABELS_EN } from '../../../mirror/labels-en.js';

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
/** A national (CBS) group's name in the page's language. */
const nationalName = (g: string, lang: 'nl' | 'en'): string =>
  lang === 'en' ? (NATIONAL_GROUP_LABELS_EN[g] ?? capital(g)) : capital(g);
const NATIONAL_STAGES = ['voorziening', 'werkzaam_1m', 'werkzaam_6m'];

interface Props {
  api: ApiClient;
  options: MirrorOptions;
  query: MirrorQuery;
  answer: MirrorAnswer;
  scopeLabel: (scope: string) => string;
  stageLabel: (key: string) => string;
  onSessionEnded: () => void;
}

/** The municipality against the national CBS 2018 figures. */
function National({
  answer,
  grounds,
  stageLabel,
}: {
  answer: MirrorAnswer;
  grounds: GroundOption[];
  stageLabel: (k: string) => string;
}) {
  const t = useSpiegelTexts();
  const f = useFormat();
  const { lang } = useI18n();
  const [stage, setStage] = useState('voorziening');
  const rows = answer.benchmark;
  if (rows.length === 0) return <p className="utrecht-paragraph">{t('nationalNone')}</p>;
  const byGround = [...new Set(rows.map((r) => r.ground))];
  return (
    <>
      <Select label={t('compareStage')} value={stage} onChange={setStage} testId="national-stage">
        {NATIONAL_STAGES.map((s) => (
          <option key={s} value={s}>
            {stageLabel(s)}
          </option>
        ))}
      </Select>
      {byGround.map((ground) => {
        const gl = groundLabelOf(ground, grounds);
        const these = rows.filter((r) => r.ground === ground);
        const title = t('nationalChart', { ground: gl, stage: stageLabel(stage) });
        return (
          <div key={ground} data-testid={`national-${ground}`}>
            <figure className="ks-figure">
              <figcaption className="ks-figure__caption">{title}</figcaption>
              <PairedBarChart
                title={title}
                description={t('nationalIntro')}
                rows={these
                  .filter((r) => r.stage === stage)
                  .map((r) => ({
                    key: r.nationalGroup,
                    label: nationalName(r.nationalGroup, lang),
                    values: [
                      { value: r.localDifferencePp, label: f.points(r.localDifferencePp) },
                      { value: r.nationalDifferencePp, label: f.points(r.nationalDifferencePp) },
                    ],
                  }))}
                seriesClass={['clear', 'b']}
                diverging
                unit=""
                missingLabel={t('suppressed', { t: answer.result.threshold })}
                formatTick={(v) => f.points(v, 0)}
              />
              <Legend
                items={[
                  { swatch: 'clear', label: t('here') },
                  { swatch: 'b', label: t('national') },
                ]}
              />
            </figure>
            <DataTable
              caption={t('nationalTable', { ground: gl })}
              columns={[t('group'), t('stage'), t('diffHere'), t('diffNational'), t('rateHere'), t('rateNational')]}
              rows={these.map((r) => ({
                header: nationalName(r.nationalGroup, lang),
                cells: [
                  { text: stageLabel(r.stage) },
                  r.localDifferencePp === null
                    ? { text: '', suppressed: true }
                    : { text: f.points(r.localDifferencePp), numeric: true },
                  { text: f.points(r.nationalDifferencePp), numeric: true },
                  r.localRate === null ? { text: '', suppressed: true } : { text: f.pct(r.localRate), numeric: true },
                  { text: f.pct(r.nationalRate), numeric: true },
                ],
              }))}
              threshold={answer.result.threshold}
              testId={`national-${ground}-table`}
            />
          </div>
        );
      })}
    </>
  );
}

/** This choice against another period or another team: two answers side by side. */
function Other({ api, options, query, answer, scopeLabel, stageLabel, onSessionEnded }: Props) {
  const t = useSpiegelTexts();
  const f = useFormat();
  const choices = [
    ...options.periods
      .filter((p) => p !== query.period)
      .map((p) => ({ value: `period:${p}`, label: t('comparePeriod', { period: p }) })),
    ...(options.teams.length
      ? [
          { value: 'scope:', label: scopeLabel('') },
          ...options.teams.map((tm) => ({ value: `scope:team:${tm.id}`, label: scopeLabel(`team:${tm.id}`) })),
        ]
      : []
    ).filter((c) => c.value !== `scope:${query.scope}`),
  ];
  const [chosen, setOther] = useState('');
  // the choice made, while it is still a choice (the period or team above may have changed)
  const other = choices.some((c) => c.value === chosen)
    ? chosen
    : (choices.find((c) => c.value.startsWith('period:'))?.value ?? choices[0]?.value ?? '');
  const [stage, setStage] = useState('voorziening');
  const otherQuery: MirrorQuery | null = !other
    ? null
    : other.startsWith('period:')
      ? { ...query, period: other.slice('period:'.length) }
      : { ...query, scope: other.slice('scope:'.length) };
  const remote = useRemote(
    otherQuery ? queryString(otherQuery) : null,
    () => mirrorApi(api).mirror(otherQuery!),
    onSessionEnded,
  );
  const second = dataOf(remote);
  if (!choices.length) return null;
  const grouping = groupingOf(query);
  const gl = groundLabelOf(grouping, options.grounds);
  const a = `${scopeLabel(query.scope)} ${query.period}`;
  const b = otherQuery ? `${scopeLabel(otherQuery.scope)} ${otherQuery.period}` : '';
  const groups = groupsOf(answer.result, grouping).filter((g) => !g.unknown);
  const label = (c: (typeof groups)[number]) => groupLabelOf(c, options.grounds, t('unknownGroup'));
  const title = t('compareChart', { ground: gl, stage: stageLabel(stage), a, b });
  const threshold = answer.result.threshold;
  return (
    <>
      <div className="ks-fields">
        <Select label={t('compareWith')} value={other} onChange={setOther} testId="compare-with">
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </Select>
        <Select label={t('compareStage')} value={stage} onChange={setStage} testId="compare-stage">
          {options.stages.map((s) => (
            <option key={s.key} value={s.key}>
              {s.label}
            </option>
          ))}
        </Select>
      </div>
      {remote.status === 'error' && (
        <Alert type="error">
          <p className="utrecht-paragraph">{t('failed')}</p>
        </Alert>
      )}
      {second && (
        <div data-testid="compare">
          <figure className="ks-figure">
            <figcaption className="ks-figure__caption">{title}</figcaption>
            <PairedBarChart
              title={title}
              description={t('rateIntro')}
              rows={groups.map((g) => {
                const x = cellOf(answer.result, grouping, g.group, stage);
                const y = cellOf(second.result, grouping, g.group, stage);
                const v = (c: typeof x) => ({
                  value: c?.rate ?? null,
                  lower: c?.rateLower,
                  upper: c?.rateUpper,
                  label: f.pct(c?.rate ?? null, 0),
                });
                return { key: g.group, label: label(g), values: [v(x), v(y)] };
              })}
              seriesClass={['bar', 'b']}
              unit="%"
              missingLabel={t('suppressed', { t: threshold })}
              formatTick={(v) => f.num(v)}
            />
            <Legend
              items={[
                { swatch: 'bar', label: a },
                { swatch: 'b', label: b },
              ]}
            />
          </figure>
          <DataTable
            caption={t('compareTable', { ground: gl, stage: stageLabel(stage), a, b })}
            columns={[
              t('group'),
              `${a}: ${t('rate').toLowerCase()} (${t('interval')})`,
              `${b}: ${t('rate').toLowerCase()} (${t('interval')})`,
              t('compareDiff'),
            ]}
            rows={groups.map((g) => {
              const x = cellOf(answer.result, grouping, g.group, stage);
              const y = cellOf(second.result, grouping, g.group, stage);
              const show = (c: typeof x) =>
                !c || c.rate === null
                  ? { text: '', suppressed: true }
                  : { text: `${f.pct(c.rate)} (${f.pct(c.rateLower)}–${f.pct(c.rateUpper)})`, numeric: true };
              const diff =
                x?.rate != null && y?.rate != null ? { text: f.points(x.rate - y.rate), numeric: true } : { text: '–' };
              return { header: label(g), cells: [show(x), show(y), diff] };
            })}
            threshold={threshold}
            testId="compare-table"
          />
        </div>
      )}
    </>
  );
}

export function BenchmarkPanel(props: Props) {
  const t = useSpiegelTexts();
  const { lang } = useI18n();
  return (
    <section aria-labelledby="ks-benchmark-title" data-testid="benchmark">
      <h2 id="ks-benchmark-title" className="utrecht-heading-2">
        {t('benchmarkTitle')}
      </h2>
      <h3 className="utrecht-heading-3">{t('nationalTitle')}</h3>
      <p className="utrecht-paragraph">{t('nationalIntro')}</p>
      {props.answer.benchmark.length > 0 && (
        <p className="utrecht-paragraph ks-caveat" data-testid="national-caveat">
          {NATIONAL_CAVEAT[lang]}
        </p>
      )}
      <National answer={props.answer} grounds={props.options.grounds} stageLabel={props.stageLabel} />
      <h3 className="utrecht-heading-3">{t('compareTitle')}</h3>
      <Other {...props} />
    </section>
  );
}
