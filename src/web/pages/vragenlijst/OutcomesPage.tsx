import { useState } from 'react';
import type {
  MeasureResultT as MeasureResult,
  OutcomeGroundResultT as OutcomeGroundResult,
  OutcomeReportT as OutcomeReport,
} from '../../../server/schemas/spiegel.js';
import { Alert } from '../../components/Alert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { DataTable, type DataCell } from '../../components/DataTable.js';
import { dataOf, useApi } from '../../components/useApi.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import type { PageContext } from '../../routes.js';
import { useTexts } from './texts.js';
import './vragenlijst.css';
import { FormField } from '../../components/FormField.js';

interface Answer {
  period: string;
  teamId: number | null;
  settings: { t1Months: number; t2Months: number };
  teams: { id: number; name: string }[];
  report: OutcomeReport;
}

const SUPPRESSED = '—';
/** A group hidden to protect another (small) group. */
const SECONDARY = 'x';
const pct = (x: number | null | undefined) => (x === null || x === undefined ? SUPPRESSED : `${Math.round(x * 100)}%`);
const num = (x: number | null | undefined, digits = 1) =>
  x === null || x === undefined
    ? SUPPRESSED
    : x.toLocaleString('nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const count = (x: number | null | undefined) =>
  x === null || x === undefined ? SUPPRESSED : x.toLocaleString('nl-NL');
const pValue = (p: number | null | undefined) =>
  p === null || p === undefined ? SUPPRESSED : p < 0.001 ? '< 0,001' : num(p, 3);
const valueText = (m: MeasureResult, v: number | null) => (m.kind === 'yesno' ? pct(v) : num(v));

type TextFn = ReturnType<typeof useTexts>;

/** A number cell, with the reason on hover when it is not shown. */
const cellOf = (text: string, t: TextFn): DataCell => ({
  content: text,
  numeric: true,
  title: text === SUPPRESSED ? t('out.suppressed') : text === SECONDARY ? t('out.secondary') : undefined,
});

function Table({
  id,
  caption,
  head,
  rows,
}: {
  id: string;
  caption: string;
  head: string[];
  rows: { header: string; cells: string[] }[];
}) {
  const t = useTexts();
  return (
    <DataTable
      testId={id}
      className="ks-outcomes-table"
      caption={caption}
      columns={head.map((label, i) => ({ label, numeric: i > 0 }))}
      rows={rows.map((r) => ({ key: r.header, header: r.header, cells: r.cells.map((c) => cellOf(c, t)) }))}
    />
  );
}

function GroundTables({ ground, measure }: { ground: OutcomeGroundResult; measure: string }) {
  const t = useTexts();
  const responseRows = ground.groups.map((g) => ({
    header: g.label,
    cells: [
      g.suppressed === 'secundair' ? SECONDARY : count(g.size),
      ...g.response.map((r) => pct(r.rate)),
      ...(['T1', 'T2'] as const).map((w) => {
        const r = g.retention.find((x) => x.wave === w);
        return r?.rate == null ? SUPPRESSED : pct(1 - r.rate);
      }),
    ],
  }));
  const measureRows = ground.groups.map((g) => {
    const m = g.measures.find((x) => x.measure === measure);
    const d = ground.differences.find((x) => x.group === g.group && x.measure === measure);
    if (!m)
      return {
        header: g.label,
        cells: [SUPPRESSED, SUPPRESSED, SUPPRESSED, SUPPRESSED, SUPPRESSED, SUPPRESSED, SUPPRESSED],
      };
    const change = m.changes.find((c) => c.to === 'T2');
    return {
      header: g.label,
      cells: [
        ...m.waves.map((w) => valueText(m, w.value)),
        m.kind === 'yesno'
          ? change?.meanChange == null
            ? SUPPRESSED
            : t('out.pp', { n: num(change.meanChange * 100, 0) })
          : num(change?.meanChange),
        pValue(change?.p),
        count(change?.pairs),
        pValue(d?.pAdjusted),
      ],
    };
  });
  return (
    <>
      <Table
        id="respons"
        caption={t('out.responseByGroup', { ground: ground.label })}
        head={[
          t('out.group'),
          t('out.people'),
          ...['T0', 'T1', 'T2'].map((wave) => t('out.responseWave', { wave })),
          ...['T1', 'T2'].map((wave) => t('out.dropOut', { wave })),
        ]}
        rows={responseRows}
      />
      <Table
        id="maat"
        caption={t('out.changeByGroup', { ground: ground.label })}
        head={[t('out.group'), 'T0', 'T1', 'T2', t('out.change'), t('out.pPaired'), t('out.pairs'), t('out.pOthers')]}
        rows={measureRows}
      />
      <p className="utrecht-paragraph" data-testid="paired-note">
        {t('out.pairedNote')}
      </p>
    </>
  );
}

/** The outcome mirror of the measurement moments: T0 → T1 → T2 per group, response and drop-out. */
export function OutcomesPage({ api, user, onSessionEnded }: PageContext) {
  const t = useTexts();
  useDocumentTitle(t('out.title'));
  const [period, setPeriod] = useState(String(new Date().getUTCFullYear() - 1));
  const [team, setTeam] = useState('');
  const [groundKey, setGroundKey] = useState('herkomst');
  const [measure, setMeasure] = useState('gezondheid');
  const query = new URLSearchParams({ period, ...(team ? { team } : {}) }).toString();
  const [remote] = useApi(query, () => api.send<Answer>('GET', `/meetmomenten/uitkomsten?${query}`), onSessionEnded);
  const data = dataOf(remote);
  const error = remote.status === 'error';
  const report = data?.report;
  const ground = report?.grounds.find((g) => g.key === groundKey);
  const years = Array.from({ length: 5 }, (_, i) => String(new Date().getUTCFullYear() - i));
  return (
    <>
      <PageHeading>{t('out.heading')}</PageHeading>
      <p className="utrecht-paragraph">
        {t('out.intro', {
          t1: data?.settings.t1Months ?? 4,
          t2: data?.settings.t2Months ?? 8,
          suppressed: SUPPRESSED,
          secondary: SECONDARY,
        })}
      </p>
      <div className="ks-outcomes-filters">
        <FormField label={t('out.period')}>
          {(control) => (
            <select
              {...control}
              className="utrecht-select utrecht-select--html-select"
              value={period}
              onChange={(e) => setPeriod(e.target.value)}
            >
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {user.role !== 'teamleider' && data && data.teams.length > 0 && (
          <FormField label={t('out.team')}>
            {(control) => (
              <select
                {...control}
                className="utrecht-select utrecht-select--html-select"
                value={team}
                onChange={(e) => setTeam(e.target.value)}
              >
                <option value="">{t('out.wholeMunicipality')}</option>
                {data.teams.map((t) => (
                  <option key={t.id} value={String(t.id)}>
                    {t.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        )}
        {report && report.grounds.length > 0 && (
          <>
            <FormField label={t('out.ground')}>
              {(control) => (
                <select
                  {...control}
                  className="utrecht-select utrecht-select--html-select"
                  value={groundKey}
                  onChange={(e) => setGroundKey(e.target.value)}
                >
                  {report.grounds.map((g) => (
                    <option key={g.key} value={g.key}>
                      {g.label}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField label={t('out.measure')}>
              {(control) => (
                <select
                  {...control}
                  className="utrecht-select utrecht-select--html-select"
                  value={measure}
                  onChange={(e) => setMeasure(e.target.value)}
                >
                  {report.overall.map((m) => (
                    <option key={m.measure} value={m.measure}>
                      {m.label}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          </>
        )}
      </div>
      {error && (
        <Alert type="error">
          <p className="utrecht-paragraph">{t('out.failed')}</p>
        </Alert>
      )}
      {report && (
        <>
          <h2 className="utrecht-heading-2">{t('out.story')}</h2>
          <ul className="utrecht-unordered-list" data-testid="verhaal">
            {report.narrative.map((line) => (
              <li key={line} className="utrecht-unordered-list__item">
                {line}
              </li>
            ))}
          </ul>
          {report.response.length > 0 && (
            <Table
              id="respons-totaal"
              caption={t('out.responseCaption', { count: count(report.cohort), period: data?.period ?? '' })}
              head={[t('out.wave'), t('out.due'), t('out.responded'), t('out.response')]}
              rows={report.response.map((r) => ({
                header: r.wave,
                cells: [count(r.due), count(r.responded), pct(r.rate)],
              }))}
            />
          )}
          {ground && <GroundTables ground={ground} measure={measure} />}
          <p className="utrecht-paragraph">{t('out.tests')}</p>
        </>
      )}
    </>
  );
}
