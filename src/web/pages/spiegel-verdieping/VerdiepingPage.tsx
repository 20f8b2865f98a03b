import { useState } from 'react';
import { DataTable } from '../../components/DataTable.js';
import type { ApiClient, SessionUser } from '../../api.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import type { MirrorOptions } from '../spiegel/model.js';
import { Select } from '../spiegel/Select.js';
import { dataOf, useRemote, type Remote } from '../spiegel/useRemote.js';
import type { ScanAnswerT, TimeToStepAnswerT, TrendAnswerT } from '../../../server/schemas/verdieping.js';
import { KmChart } from './KmChart.js';
import { useVerdiepingTexts, type VerdiepingText } from './texts.js';

export interface VerdiepingPageProps {
  api: ApiClient;
  user: SessionUser;
  onSessionEnded: () => void;
}

const STEPS = [
  ['voorziening', 'Eerste voorziening'],
  ['diagnose', 'Diagnose'],
  ['plan', 'Plan van aanpak'],
  ['werk', 'Werk ≥ 1 maand'],
] as const;

const nl1 = (x: number | null | undefined, digits = 1) =>
  x === null || x === undefined
    ? '–'
    : x.toLocaleString('nl-NL', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function Status<T>({ remote, t }: { remote: Remote<T>; t: VerdiepingText }) {
  if (remote.status === 'loading') return <p className="utrecht-paragraph">{t('loading')}</p>;
  if (remote.status === 'error')
    return (
      <p className="utrecht-paragraph" role="alert">
        {t('failed')}
      </p>
    );
  return null;
}

/** /spiegel/verdieping: subgroup scan, time to a step and trends. */
export function VerdiepingPage({ api, onSessionEnded }: VerdiepingPageProps) {
  const t = useVerdiepingTexts();
  useDocumentTitle(t('title'));
  const options = dataOf(
    useRemote('options', () => api.send<MirrorOptions>('GET', '/spiegel/options'), onSessionEnded),
  );
  const [period, setPeriod] = useState('2025');
  const [stage, setStage] = useState('voorziening');
  const [step, setStep] = useState('voorziening');
  const [ground, setGround] = useState('leeftijd');
  const scan = useRemote(
    `scan:${period}:${stage}`,
    () => api.send<ScanAnswerT>('GET', `/spiegel/verdieping/scan?period=${period}&stage=${stage}`),
    onSessionEnded,
  );
  const time = useRemote(
    `tijd:${period}:${step}:${ground}`,
    () => api.send<TimeToStepAnswerT>('GET', `/spiegel/verdieping/tijd?period=${period}&step=${step}&ground=${ground}`),
    onSessionEnded,
  );
  const years = (options?.periods ?? []).map(Number).filter((y) => y > 0);
  const from = years.length ? Math.max(years[0], years[years.length - 1] - 2) : 0;
  const to = years.length ? years[years.length - 1] : 0;
  const trendRemote = useRemote(
    years.length ? `trend:${from}:${to}:${stage}:${ground}` : null,
    () =>
      api.send<TrendAnswerT>('GET', `/spiegel/verdieping/trend?from=${from}&to=${to}&stage=${stage}&ground=${ground}`),
    onSessionEnded,
  );
  const stages = options?.stages ?? [];
  const grounds = (options?.grounds ?? []).filter((g) => !['leeftijd_fijn'].includes(g.key));
  const groundLabel = grounds.find((g) => g.key === ground)?.label ?? ground;
  const stepLabel = STEPS.find(([k]) => k === step)?.[1] ?? step;
  return (
    <div className="ks-verdieping">
      <PageHeading>{t('title')}</PageHeading>
      <p className="utrecht-paragraph">{t('intro')}</p>
      <p className="utrecht-paragraph">
        <a className="utrecht-link utrecht-link--html-a" href="/spiegel">
          {t('back')}
        </a>
      </p>
      <div className="ks-choices" style={{ display: 'flex', gap: '1rem', flexWrap: 'wrap' }}>
        <Select label={t('period')} value={period} onChange={setPeriod} testId="verdieping-period">
          {(options?.periods ?? [period]).map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </Select>
        <Select label={t('stage')} value={stage} onChange={setStage} testId="verdieping-stage">
          {stages.map((s) => (
            <option key={s.key} value={s.key}>
              {s.label}
            </option>
          ))}
        </Select>
        <Select label={t('ground')} value={ground} onChange={setGround} testId="verdieping-ground">
          {grounds.map((g) => (
            <option key={g.key} value={g.key}>
              {g.label}
            </option>
          ))}
        </Select>
      </div>
      <ScanSection remote={scan} t={t} />
      <section aria-labelledby="ks-time-title" data-testid="verdieping-time">
        <h2 id="ks-time-title" className="utrecht-heading-2">
          {t('timeTitle')}
        </h2>
        <p className="utrecht-paragraph">{t('timeIntro')}</p>
        <Select label={t('step')} value={step} onChange={setStep} testId="verdieping-step">
          {STEPS.map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </Select>
        <Status remote={time} t={t} />
        {time.status === 'ok' && (
          <TimeView data={time.data} t={t} title={t('timeChart', { step: stepLabel, ground: groundLabel })} />
        )}
      </section>
      <TrendSection remote={trendRemote} t={t} />
    </div>
  );
}

function ScanSection({ remote, t }: { remote: Remote<ScanAnswerT>; t: VerdiepingText }) {
  const data = dataOf(remote);
  return (
    <section aria-labelledby="ks-scan-title" data-testid="verdieping-scan">
      <h2 id="ks-scan-title" className="utrecht-heading-2">
        {t('scanTitle')}
      </h2>
      <p className="utrecht-paragraph">{t('scanIntro')}</p>
      <Status remote={remote} t={t} />
      {data && (
        <>
          <p className="utrecht-paragraph">{t('scanTested', { n: data.tested })}</p>
          <DataTable
            caption={t('scanTitle')}
            columns={[
              t('subgroup'),
              { label: t('people'), numeric: true },
              { label: t('reached'), numeric: true },
              { label: t('rate'), numeric: true },
              t('ratio'),
              t('signal'),
              t('evidence'),
            ]}
            rows={data.rows.slice(0, 12).map((r) => ({
              key: r.label,
              header: r.label,
              attributes: r.signal ? { 'data-signal': 'true' } : undefined,
              cells: [
                r.n,
                r.reached,
                `${nl1(r.rate)}%`,
                `${nl1(r.ratio, 2)} (${nl1(r.ratioLower, 2)}–${nl1(r.ratioUpper, 2)})`,
                r.signal ? t('yes') : t('no'),
                r.evidence?.enough
                  ? `${nl1(r.evidence.ratioBelow, 2)} / ${nl1(r.evidence.ratioAbove, 2)}`
                  : t('tooLittle'),
              ],
            }))}
          />
        </>
      )}
    </section>
  );
}

function TimeView({ data, t, title }: { data: TimeToStepAnswerT; t: VerdiepingText; title: string }) {
  return (
    <>
      <KmChart data={data} title={title} xLabel={t('months')} />
      <DataTable
        caption={title}
        columns={[t('ground'), { label: t('people'), numeric: true }, t('median'), t('interval')]}
        rows={data.groups.map((g) => ({
          key: g.group,
          header: g.label,
          cells: [
            g.n ?? t('hidden'),
            g.suppressed ? t('hidden') : g.medianMonths === null ? t('notHalf') : nl1(g.medianMonths),
            g.suppressed ? '' : `${nl1(g.medianLower)} – ${g.medianUpper === null ? t('openEnd') : nl1(g.medianUpper)}`,
          ],
        }))}
      />
      {data.logRank && (
        <p className="utrecht-paragraph">
          {t('logRank', { p: data.logRank.p < 0.001 ? '< 0,001' : `= ${nl1(data.logRank.p, 3)}` })}
        </p>
      )}
    </>
  );
}

function TrendSection({ remote, t }: { remote: Remote<TrendAnswerT>; t: VerdiepingText }) {
  const data = dataOf(remote);
  return (
    <section aria-labelledby="ks-trend-title" data-testid="verdieping-trend">
      <h2 id="ks-trend-title" className="utrecht-heading-2">
        {t('trendTitle')}
      </h2>
      <p className="utrecht-paragraph">{t('trendIntro')}</p>
      <Status remote={remote} t={t} />
      {data && (
        <>
          {data.notes.map((n) => (
            <p key={n} className="utrecht-paragraph">
              {n}
            </p>
          ))}
          <DataTable
            caption={t('trendTitle')}
            columns={[t('ground'), ...data.periods]}
            rows={data.groups.map((g) => ({
              key: g.group,
              header: g.label,
              cells: data.periods.map((p) => {
                const c = g.cells.find((x) => x.period === p);
                const rate = c?.row.rate === null || !c ? t('hidden') : `${nl1(c.row.rate)}%`;
                const change = c?.change
                  ? ` (${c.change.difference >= 0 ? '+' : ''}${nl1(c.change.difference)}; ${nl1(c.change.lower)} tot ${nl1(c.change.upper)})`
                  : '';
                return `${rate}${change}`;
              }),
            }))}
          />
        </>
      )}
    </section>
  );
}
