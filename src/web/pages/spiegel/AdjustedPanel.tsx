import { useId, useState } from 'react';
import type { ApiClient } from '../../api.js';
import { ForestPlot } from '../../charts/ForestPlot.js';
import { Legend } from '../../charts/Legend.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { DataTable } from './DataTable.js';
import { useFormat } from './format.js';
import {
  groundLabelOf,
  mirrorApi,
  queryString,
  type AdjustedAnswer,
  type MirrorOptions,
  type MirrorQuery,
} from './model.js';
import { Select } from './Select.js';
import { useSpiegelTexts } from './texts.js';
import { dataOf, useRemote } from './useRemote.js';

/** The labour-market-relevant characteristics one may take into account (only those the role may see). */
export const COVARIATES = ['leeftijd', 'opleiding', 'taalniveau', 'werkervaring', 'gezondheid'];

interface Props {
  api: ApiClient;
  options: MirrorOptions;
  query: MirrorQuery;
  onSessionEnded: () => void;
}

/** Does a ground still matter once other characteristics are taken into account (logistic regression)? */
export function AdjustedPanel({ api, options, query, onSessionEnded }: Props) {
  const t = useSpiegelTexts();
  const f = useFormat();
  const legendId = useId();
  const allowed = options.grounds.map((g) => g.key);
  const [stage, setStage] = useState('voorziening');
  const [ground, setGround] = useState(query.grounds[0]);
  const available = COVARIATES.filter((c) => allowed.includes(c) && c !== ground);
  const [covariates, setCovariates] = useState<string[]>(
    COVARIATES.filter((c) => allowed.includes(c) && c !== query.grounds[0]),
  );
  const [submitted, setSubmitted] = useState({ stage, ground, covariates: covariates.filter((c) => c !== ground) });
  const key = `${queryString(query)}|${JSON.stringify(submitted)}`;
  const remote = useRemote(
    key,
    () => mirrorApi(api).adjusted(query, submitted.stage, submitted.ground, submitted.covariates),
    onSessionEnded,
  );
  const data = dataOf(remote);
  const stageLabel = (k: string) => options.stages.find((s) => s.key === k)?.label ?? k;
  const groundDef = options.grounds.find((g) => g.key === data?.ground);
  const refLabel = data && groundDef ? (groundDef.groupLabels[data.reference] ?? data.reference) : '';
  const gl = data ? groundLabelOf(data.ground, options.grounds) : '';
  const threshold = options.threshold;

  return (
    <section aria-labelledby="ks-adjusted-title" data-testid="adjusted">
      <h2 id="ks-adjusted-title" className="utrecht-heading-2">
        {t('adjustedTitle')}
      </h2>
      <p className="utrecht-paragraph">{t('adjustedIntro')}</p>
      <form
        className="ks-fields"
        onSubmit={(e) => {
          e.preventDefault();
          setSubmitted({ stage, ground, covariates: covariates.filter((c) => c !== ground) });
        }}
      >
        <Select label={t('compareStage')} value={stage} onChange={setStage} testId="adjusted-stage">
          {options.stages.map((s) => (
            <option key={s.key} value={s.key}>
              {s.label}
            </option>
          ))}
        </Select>
        <Select label={t('adjustedGround')} value={ground} onChange={setGround} testId="adjusted-ground">
          {options.grounds.map((g) => (
            <option key={g.key} value={g.key}>
              {g.label}
            </option>
          ))}
        </Select>
        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset ks-checks">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            {t('covariates')}
          </legend>
          {available.map((c) => {
            const id = `ks-cov-${c}`;
            return (
              <div key={c} className="utrecht-form-field utrecht-form-field--checkbox ks-check">
                <input
                  id={id}
                  type="checkbox"
                  className="utrecht-checkbox utrecht-checkbox--html-input"
                  checked={covariates.includes(c)}
                  onChange={(e) =>
                    setCovariates((cur) => (e.target.checked ? [...cur, c] : cur.filter((x) => x !== c)))
                  }
                />
                <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>
                  {groundLabelOf(c, options.grounds)}
                </label>
              </div>
            );
          })}
        </fieldset>
        <div className="ks-fields__submit">
          <Button type="submit" appearance="primary-action" busy={remote.status === 'loading'}>
            {t('compute')}
          </Button>
        </div>
      </form>
      <p className="utrecht-paragraph ks-status" role="status">
        {remote.status === 'loading' ? t('computing') : ''}
      </p>
      {remote.status === 'error' && (
        <Alert type="error">
          <p className="utrecht-paragraph">{t('failed')}</p>
        </Alert>
      )}
      {data && (
        <div data-testid="adjusted-result">
          {data.problem && (
            <Alert type="warning">
              <p className="utrecht-paragraph">{data.problem}</p>
            </Alert>
          )}
          {!data.problem && (
            <figure className="ks-figure" aria-describedby={legendId}>
              <figcaption className="ks-figure__caption">
                {t('adjustedChart', { ground: gl, stage: stageLabel(data.stage), reference: refLabel })}
              </figcaption>
              <ForestPlot
                title={t('adjustedChart', { ground: gl, stage: stageLabel(data.stage), reference: refLabel })}
                description={data.explanation.join(' ')}
                rows={data.rows.map((r) => ({
                  key: r.group,
                  label: r.label,
                  crude: r.crude && { estimate: r.crude.oddsRatio, lower: r.crude.lower, upper: r.crude.upper },
                  adjusted: r.adjusted && {
                    estimate: r.adjusted.oddsRatio,
                    lower: r.adjusted.lower,
                    upper: r.adjusted.upper,
                  },
                  note:
                    r.group === data.reference
                      ? t('reference')
                      : r.suppressed
                        ? t('suppressed', { t: threshold })
                        : undefined,
                }))}
                formatTick={(v) => f.dec(v, v < 1 && v > 0.3 ? 2 : v < 0.3 ? 3 : 1)}
              />
              <div id={legendId}>
                <Legend
                  items={[
                    { swatch: 'crude', label: t('crude') },
                    { swatch: 'adjusted', label: t('adjusted') },
                  ]}
                />
              </div>
            </figure>
          )}
          <AdjustedTable
            data={data}
            caption={t('adjustedTable', { ground: gl, stage: stageLabel(data.stage), reference: refLabel })}
            threshold={threshold}
          />
          <Explanation data={data} />
        </div>
      )}
    </section>
  );
}

/** The table behind the forest plot: odds ratios without and with adjustment, per group. */
function AdjustedTable({ data, caption, threshold }: { data: AdjustedAnswer; caption: string; threshold: number }) {
  const t = useSpiegelTexts();
  const f = useFormat();
  return (
    <DataTable
      caption={caption}
      columns={[
        t('group'),
        t('count'),
        t('reached'),
        `${t('crude')}: odds ratio (${t('interval')})`,
        `${t('adjusted')}: odds ratio (${t('interval')})`,
        'p',
      ]}
      rows={data.rows.map((r) => {
        const or = (e: typeof r.crude) =>
          e
            ? { text: `${f.dec(e.oddsRatio)} (${f.dec(e.lower)}–${f.dec(e.upper)})`, numeric: true }
            : { text: r.group === data.reference ? t('reference') : '–' };
        return {
          header: r.label,
          cells: r.suppressed
            ? [
                { text: '', suppressed: true },
                { text: '', suppressed: true },
                { text: '–' },
                { text: '–' },
                { text: '–' },
              ]
            : [
                { text: r.n === null ? '–' : f.num(r.n), numeric: true },
                { text: r.reached === null ? '–' : f.num(r.reached), numeric: true },
                or(r.crude),
                or(r.adjusted),
                {
                  text: r.adjusted ? (r.adjusted.p < 0.001 ? `< ${f.dec(0.001, 3)}` : f.dec(r.adjusted.p, 3)) : '–',
                  numeric: true,
                },
              ],
        };
      })}
      threshold={threshold}
      testId="adjusted-table"
    />
  );
}

/** The plain reading of the result, and how many people it rests on. */
function Explanation({ data }: { data: AdjustedAnswer }) {
  const t = useSpiegelTexts();
  const f = useFormat();
  return (
    <div className="ks-explanation" data-testid="adjusted-explanation">
      {data.explanation.map((x) => (
        <p key={x} className="utrecht-paragraph">
          {x}
        </p>
      ))}
      <p className="utrecht-paragraph utrecht-paragraph--small">
        {data.used === null || data.leftOut === null
          ? t('usedHidden')
          : t('used', { used: f.num(data.used), leftOut: f.num(data.leftOut) })}
      </p>
    </div>
  );
}
