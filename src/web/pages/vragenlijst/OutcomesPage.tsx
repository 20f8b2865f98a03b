import { useEffect, useState } from 'react';
import type { ApiClient, SessionUser } from '../../api.js';
import type {
  MeasureResultT as MeasureResult,
  OutcomeGroundResultT as OutcomeGroundResult,
  OutcomeReportT as OutcomeReport,
} from '../../../server/schemas/spiegel.js';
import { Alert } from '../../components/Alert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import './vragenlijst.css';

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

function Cell({ children, numeric = true }: { children: string; numeric?: boolean }) {
  const title =
    children === SUPPRESSED
      ? 'Niet getoond: minder dan 10 mensen'
      : children === SECONDARY
        ? 'Niet getoond: hiermee zou u een verborgen kleine groep kunnen terugrekenen'
        : undefined;
  return (
    <td className={`utrecht-table__cell${numeric ? ' ks-num' : ''}`} title={title}>
      {children}
    </td>
  );
}

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
  return (
    <div className="utrecht-table-container" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table className="utrecht-table utrecht-table--html-table ks-outcomes-table" data-testid={id}>
        <caption id={`${id}-caption`} className="utrecht-table__caption">
          {caption}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {head.map((h, i) => (
              <th key={h} scope="col" className={`utrecht-table__header-cell${i > 0 ? ' ks-num' : ''}`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.map((r) => (
            <tr key={r.header} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__header-cell">
                {r.header}
              </th>
              {r.cells.map((c, i) => (
                <Cell key={i}>{c}</Cell>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function GroundTables({ ground, measure }: { ground: OutcomeGroundResult; measure: string }) {
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
            : `${num(change.meanChange * 100, 0)} pp`
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
        caption={`Respons en uitval per groep: ${ground.label}`}
        head={['Groep', 'Mensen', 'Respons T0', 'Respons T1', 'Respons T2', 'Uitval na T0 → T1', 'Uitval na T0 → T2']}
        rows={responseRows}
      />
      <Table
        id="maat"
        caption={`Verandering per groep: ${ground.label}`}
        head={[
          'Groep',
          'T0',
          'T1',
          'T2',
          'Verandering T0 → T2 (alleen paren)',
          'p (gepaard)',
          'Paren',
          'p verschil met anderen',
        ]}
        rows={measureRows}
      />
      <p className="utrecht-paragraph" data-testid="paired-note">
        De verandering rekenen we alleen over de paren: mensen die de vragenlijst zowel bij T0 als bij T2 invulden. De
        cijfers bij T0, T1 en T2 gaan over iedereen die toen invulde. Daarom is de verandering niet altijd gelijk aan T2
        min T0.
      </p>
    </>
  );
}

/** The outcome mirror of the measurement moments: T0 → T1 → T2 per group, response and drop-out. */
export function OutcomesPage({ api, user }: { api: ApiClient; user: SessionUser }) {
  useDocumentTitle('Meetmomenten');
  const [period, setPeriod] = useState(String(new Date().getUTCFullYear() - 1));
  const [team, setTeam] = useState('');
  const [groundKey, setGroundKey] = useState('herkomst');
  const [measure, setMeasure] = useState('gezondheid');
  const [data, setData] = useState<Answer | null>(null);
  const [error, setError] = useState(false);
  useEffect(() => {
    setError(false);
    const q = new URLSearchParams({ period });
    if (team) q.set('team', team);
    api.send<Answer>('GET', `/meetmomenten/uitkomsten?${q.toString()}`).then(setData, () => setError(true));
  }, [api, period, team]);
  const report = data?.report;
  const ground = report?.grounds.find((g) => g.key === groundKey);
  const years = Array.from({ length: 5 }, (_, i) => String(new Date().getUTCFullYear() - i));
  return (
    <>
      <PageHeading>Meetmomenten: uitkomsten per groep</PageHeading>
      <p className="utrecht-paragraph">
        Dezelfde vragenlijst bij de start (T0) en {data?.settings.t1Months ?? 4} en {data?.settings.t2Months ?? 8}{' '}
        maanden later (T1, T2), voor iedereen van wie de begeleiding begon in de gekozen periode. Alleen totalen;
        aantallen onder de 10 staan er als {SUPPRESSED}, en {SECONDARY} is een groep die we niet tonen omdat u anders
        een kleine groep zou kunnen terugrekenen. Alle aantallen zijn afgerond op vijftallen; percentages zijn berekend
        uit de afgeronde aantallen.
      </p>
      <div className="ks-outcomes-filters">
        <label>
          Start begeleiding
          <select
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
        </label>
        {user.role !== 'teamleider' && data && data.teams.length > 0 && (
          <label>
            Team
            <select
              className="utrecht-select utrecht-select--html-select"
              value={team}
              onChange={(e) => setTeam(e.target.value)}
            >
              <option value="">Hele gemeente</option>
              {data.teams.map((t) => (
                <option key={t.id} value={String(t.id)}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {report && report.grounds.length > 0 && (
          <>
            <label>
              Kenmerk
              <select
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
            </label>
            <label>
              Uitkomstmaat
              <select
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
            </label>
          </>
        )}
      </div>
      {error && (
        <Alert type="error">
          <p className="utrecht-paragraph">De uitkomsten konden niet worden geladen.</p>
        </Alert>
      )}
      {report && (
        <>
          <h2 className="utrecht-heading-2">Wat de cijfers laten zien</h2>
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
              caption={`Respons per meetmoment (${count(report.cohort)} mensen gestart in ${data?.period})`}
              head={['Meetmoment', 'Kregen de vragenlijst', 'Vulden in', 'Respons']}
              rows={report.response.map((r) => ({
                header: r.wave,
                cells: [count(r.due), count(r.responded), pct(r.rate)],
              }))}
            />
          )}
          {ground && <GroundTables ground={ground} measure={measure} />}
          <p className="utrecht-paragraph">
            Toetsen: McNemar (ja/nee) en Wilcoxon (cijfers en schalen) voor de verandering binnen een groep;
            Wilcoxon-rangsom op de veranderingen voor het verschil met de anderen, gecorrigeerd voor het aantal toetsen
            (Benjamini–Hochberg).
          </p>
        </>
      )}
    </>
  );
}
