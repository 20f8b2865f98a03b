import type { Db, Queryable } from './db.js';
import { writeAudit } from './audit.js';
import { pseudonymFor } from '../domain/pseudonym.js';
import { ageBand, ageOn } from '../domain/age.js';
import { LANGUAGE_B1_OR_HIGHER, LANGUAGE_LEVELS } from '../domain/codes.js';

/** Tables that are never part of a person's file, even though they name a client. */
const NOT_CASE_FILE = new Set(['audit_log', 'import_run', 'import_rejection', 'user_session', 'schema_migration']);

interface CaseTables {
  /** Tables with a client_id column (the case file). */
  direct: string[];
  /** Tables that hang under one of those by a single-column foreign key (plan steps, intake scores, ...). */
  children: { table: string; column: string; parent: string }[];
  /** Tables in the monitoring schema keyed by pseudonym. */
  monitoring: string[];
}

/**
 * Finds the case-file tables from the catalogue, so a table added by a later migration is in
 * the inzage and in the deletion without anyone having to remember it.
 */
export async function caseTables(db: Queryable): Promise<CaseTables> {
  const direct = (
    await db.query<{ t: string }>(
      `SELECT table_name AS t FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'client_id' ORDER BY table_name`,
    )
  )
    .map((r) => r.t)
    .filter((t) => !NOT_CASE_FILE.has(t));
  const fks = await db.query<{ child: string; col: string; parent: string }>(
    `SELECT cc.relname AS child, a.attname AS col, pc.relname AS parent
       FROM pg_constraint c
       JOIN pg_class cc ON cc.oid = c.conrelid JOIN pg_namespace cn ON cn.oid = cc.relnamespace AND cn.nspname = 'public'
       JOIN pg_class pc ON pc.oid = c.confrelid
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      WHERE c.contype = 'f' AND array_length(c.conkey, 1) = 1
      ORDER BY cc.relname, a.attname`,
  );
  const directSet = new Set(direct);
  const children = fks
    .filter(
      (f) => directSet.has(f.parent) && !directSet.has(f.child) && !NOT_CASE_FILE.has(f.child) && f.parent !== 'client',
    )
    .map((f) => ({ table: f.child, column: f.col, parent: f.parent }));
  const monitoring = (
    await db.query<{ t: string }>(
      `SELECT table_name AS t FROM information_schema.columns
      WHERE table_schema = 'monitoring' AND column_name = 'pseudonym' ORDER BY table_name`,
    )
  ).map((r) => r.t);
  return { direct, children, monitoring };
}

export interface Inzage {
  madeAt: string;
  client: Record<string, unknown>;
  caseFile: Record<string, Record<string, unknown>[]>;
  /** Special categories (monitoring schema); only in an inzage made by the functioneel beheerder. */
  specialCategories: Record<string, Record<string, unknown>[]> | null;
  /** Who read or changed this person's data, and when. */
  auditTrail: {
    at: string;
    user: string | null;
    role: string | null;
    action: string;
    resource: string;
    detail: string | null;
  }[];
}

/** Everything Kansenspiegel holds about one person (AVG art. 15), in one JSON document. */
export async function inzage(
  db: Queryable,
  clientId: number,
  opts: { includeSpecial: boolean; pseudonymSecret: string },
): Promise<Inzage | null> {
  const [client] = await db.query<Record<string, unknown>>('SELECT * FROM client WHERE id = $1', [clientId]);
  if (!client) return null;
  const tables = await caseTables(db);
  const caseFile: Inzage['caseFile'] = {};
  const ids: Record<string, number[]> = {};
  for (const t of tables.direct) {
    const rows = await db.query<Record<string, unknown>>(`SELECT * FROM ${t} WHERE client_id = $1 ORDER BY 1`, [
      clientId,
    ]);
    caseFile[t] = rows;
    ids[t] = rows.map((r) => Number(r.id)).filter((n) => Number.isFinite(n));
  }
  for (const c of tables.children) {
    const parentIds = ids[c.parent] ?? [];
    const rows =
      parentIds.length === 0
        ? []
        : await db.query<Record<string, unknown>>(
            `SELECT * FROM ${c.table} WHERE ${c.column} = ANY($1::int[]) ORDER BY 1`,
            [parentIds],
          );
    caseFile[c.table] = [...(caseFile[c.table] ?? []), ...rows];
  }
  // Secrets of the application (token hashes) are not the person's data.
  if (caseFile.questionnaire_token)
    caseFile.questionnaire_token = caseFile.questionnaire_token.map(({ token_hash: _t, ...rest }) => rest);
  let specialCategories: Inzage['specialCategories'] = null;
  if (opts.includeSpecial) {
    const pseudonym = pseudonymFor(clientId, opts.pseudonymSecret);
    specialCategories = {};
    for (const t of tables.monitoring) {
      specialCategories[t] = (
        await db.query<Record<string, unknown>>(`SELECT * FROM monitoring.${t} WHERE pseudonym = $1`, [pseudonym])
      ).map(({ pseudonym: _p, ...rest }) => rest);
    }
  }
  const auditTrail = await db.query<Inzage['auditTrail'][number]>(
    `SELECT a.at, u.display_name AS user, u.role, a.action, a.resource, a.detail
       FROM audit_log a LEFT JOIN app_user u ON u.id = a.user_id
      WHERE a.client_id = $1 OR a.client_ids @> ARRAY[$1::int] ORDER BY a.id`,
    [clientId],
  );
  return { madeAt: new Date().toISOString(), client, caseFile, specialCategories, auditTrail };
}

export interface RetentionResult {
  dryRun: boolean;
  cutoff: string;
  clients: number;
  clientIds: number[];
  monitoringRows: number;
  auditRowsErased: number;
  rejectionReportsDeleted: number;
  sessionsDeleted: number;
}

/**
 * Deletes the case files whose retention period has passed: every benefit period ended more
 * than `years` years before `today` (or, without any benefit period, the client was created
 * that long ago). Deletes the case-file rows, the special categories by pseudonym, and erases
 * the detail text of the person's audit rows (the rows themselves, and the hash chain, stay).
 */
export async function runRetention(
  db: Db,
  opts: { years: number; today: string; dryRun: boolean; pseudonymSecret: string; rejectionDays?: number },
): Promise<RetentionResult> {
  const [{ cutoff }] = await db.query<{ cutoff: string }>(
    `SELECT ($1::date - make_interval(years => $2))::date::text AS cutoff`,
    [opts.today, opts.years],
  );
  const candidates = (
    await db.query<{ id: number }>(
      `SELECT c.id FROM client c
      WHERE NOT EXISTS (SELECT 1 FROM benefit_period b WHERE b.client_id = c.id AND (b.end_date IS NULL OR b.end_date >= $1::date))
        AND (EXISTS (SELECT 1 FROM benefit_period b WHERE b.client_id = c.id) OR c.created_at < $1::date)
      ORDER BY c.id`,
      [cutoff],
    )
  ).map((r) => r.id);
  const result: RetentionResult = {
    dryRun: opts.dryRun,
    cutoff,
    clients: candidates.length,
    clientIds: candidates,
    monitoringRows: 0,
    auditRowsErased: 0,
    rejectionReportsDeleted: 0,
    sessionsDeleted: 0,
  };
  const rejectionDays = opts.rejectionDays ?? 90;
  if (opts.dryRun) {
    const [{ n }] = await db.query<{ n: number }>(
      `SELECT count(*) AS n FROM import_run WHERE finished_at < $1::date - make_interval(days => $2) AND EXISTS (SELECT 1 FROM import_rejection r WHERE r.import_id = import_run.id)`,
      [opts.today, rejectionDays],
    );
    result.rejectionReportsDeleted = Number(n);
    return result;
  }
  const tables = await caseTables(db);
  for (let i = 0; i < candidates.length; i += 500) {
    const ids = candidates.slice(i, i + 500);
    await db.transaction(async (tx) => {
      const pseudonyms = ids.map((id) => pseudonymFor(id, opts.pseudonymSecret));
      // Dependants first, the person row (with its cascades) last.
      for (const t of [
        ...tables.monitoring.filter((t) => t !== 'person'),
        ...(tables.monitoring.includes('person') ? ['person'] : []),
      ]) {
        const rows = await tx.query(`DELETE FROM monitoring.${t} WHERE pseudonym = ANY($1::text[]) RETURNING 1`, [
          pseudonyms,
        ]);
        result.monitoringRows += rows.length;
      }
      for (const t of tables.direct) await tx.query(`DELETE FROM ${t} WHERE client_id = ANY($1::int[])`, [ids]);
      await tx.query('DELETE FROM client WHERE id = ANY($1::int[])', [ids]);
      const erased = await tx.query(
        'UPDATE audit_log SET detail = NULL WHERE client_id = ANY($1::int[]) AND detail IS NOT NULL RETURNING 1',
        [ids],
      );
      result.auditRowsErased += erased.length;
      await writeAudit(
        tx,
        ids.map((id) => ({ userId: null, clientId: id, action: 'delete' as const, resource: 'bewaartermijn' })),
      );
    });
  }
  const runs = await db.query<{ import_id: number }>(
    `DELETE FROM import_rejection WHERE import_id IN (SELECT id FROM import_run WHERE finished_at < $1::date - make_interval(days => $2)) RETURNING import_id`,
    [opts.today, rejectionDays],
  );
  result.rejectionReportsDeleted = new Set(runs.map((r) => r.import_id)).size;
  result.sessionsDeleted = (await db.query('DELETE FROM user_session WHERE expires_at < now() RETURNING 1')).length;
  return result;
}

// ---------------------------------------------------------------------------------------------
// Pseudonymised research export with k-anonymity on the quasi-identifiers.

/**
 * Every exported attribute that someone else could know about a person (a neighbour, an
 * employer, a relative, another register) is a quasi-identifier. The process attributes
 * (diagnosis, plan, instruments, conversations) are known only inside the municipality; the
 * outcome `uitstroom_werk` is the sensitive attribute, protected by l-diversity.
 */
export const QUASI_IDENTIFIERS = [
  'leeftijd',
  'geslacht',
  'wijk',
  'huishouden',
  'opleiding',
  'taalniveau',
  'werkervaring',
] as const;
/** The outcome that no class may give away: every class holds at least two of its values. */
export const SENSITIVE_OUTCOME = 'uitstroom_werk';
export type ResearchRow = Record<string, string>;

export interface KAnonymityReport {
  k: number;
  quasiIdentifiers: readonly string[];
  /** l-diversity: the outcome column and the number of distinct values each class must hold (null: not applied). */
  diversity: { field: string; l: number } | null;
  rowsIn: number;
  rowsOut: number;
  /** Rows whose value was made coarser, per quasi-identifier (only those that changed). */
  generalised: Record<string, number>;
  /** Rows left out because even the coarsest values left them in a class smaller than k or without l distinct outcomes. */
  suppressed: number;
  /** Of those: rows in a class of at least k whose outcome was the same for all (l-diversity). */
  suppressedHomogeneous: number;
  classes: number;
  smallestClass: number;
}

/** The coarser value for a quasi-identifier (one step up); '*' means "any". */
export type Generaliser = { field: string; coarser: (value: string) => string };

/**
 * Makes a table k-anonymous on the quasi-identifiers (and, when `diversity` is given,
 * l-diverse in that column): rows in a class smaller than k, or with fewer than l distinct
 * outcomes, get their values generalised one quasi-identifier at a time (in the given order);
 * rows whose class still fails are suppressed. Every class in the result has ≥ k rows (and ≥ l
 * distinct outcomes).
 */
export function kAnonymise(
  rows: readonly ResearchRow[],
  qi: readonly string[],
  steps: readonly Generaliser[],
  k: number,
  diversity?: { field: string; l: number },
): { rows: ResearchRow[]; report: KAnonymityReport } {
  let work = rows.map((r) => ({ ...r }));
  const generalised: Record<string, number> = {};
  const classKey = (r: ResearchRow) => qi.map((q) => r[q]).join('\u0001');
  const classes = () => {
    const m = new Map<string, { n: number; outcomes: Set<string> }>();
    for (const r of work) {
      const key = classKey(r);
      const c = m.get(key) ?? { n: 0, outcomes: new Set<string>() };
      c.n++;
      if (diversity) c.outcomes.add(r[diversity.field]);
      m.set(key, c);
    }
    return m;
  };
  const bad = (c: { n: number; outcomes: Set<string> }) =>
    c.n < k || (diversity !== undefined && c.outcomes.size < diversity.l);
  for (const step of steps) {
    const s = classes();
    let changed = 0;
    for (const r of work) {
      if (!bad(s.get(classKey(r))!)) continue;
      const value = r[step.field];
      if (value === undefined) continue;
      const next = step.coarser(value);
      if (next !== value) {
        r[step.field] = next;
        changed++;
      }
    }
    if (changed > 0) generalised[step.field] = (generalised[step.field] ?? 0) + changed;
  }
  const s = classes();
  const before = work.length;
  const homogeneous = work.filter((r) => {
    const c = s.get(classKey(r))!;
    return c.n >= k && bad(c);
  }).length;
  work = work.filter((r) => !bad(s.get(classKey(r))!));
  const final = classes();
  const sizes = [...final.values()].map((c) => c.n);
  return {
    rows: work,
    report: {
      k,
      quasiIdentifiers: qi,
      diversity: diversity ?? null,
      rowsIn: rows.length,
      rowsOut: work.length,
      generalised,
      suppressed: before - work.length,
      suppressedHomogeneous: homogeneous,
      classes: final.size,
      smallestClass: sizes.length ? Math.min(...sizes) : 0,
    },
  };
}

/** The research export's age bands: t/m 26, 27-44, 45-66, 67+ (the mirror's, with pension age apart). */
export const RESEARCH_AGE_BANDS: readonly number[] = [27, 45, 67];

export function researchAgeBand(birthDate: string, today: string): string {
  return ageBand(ageOn(birthDate, today), RESEARCH_AGE_BANDS)!;
}

const recode = (map: Record<string, string>) => (v: string) => map[v] ?? v;
const anything = () => '*';

/**
 * The generalisation hierarchy, coarsest last: wijk → gemeente; work experience → ja/geen;
 * language level → below B1 / B1 or higher; education → with or without a starting
 * qualification; household → any; age → t/m 44 / 45+; then work experience, language and
 * education → any. Gender is never coarsened (it is then suppressed if need be).
 */
export const RESEARCH_STEPS: Generaliser[] = [
  { field: 'wijk', coarser: anything },
  { field: 'werkervaring', coarser: recode({ buitenland: 'ja', nederland: 'ja' }) },
  {
    field: 'taalniveau',
    coarser: (v) =>
      LANGUAGE_B1_OR_HIGHER.has(v)
        ? 'B1_of_hoger'
        : v !== 'onbekend' && (LANGUAGE_LEVELS as readonly string[]).includes(v)
          ? 'onder_B1'
          : v,
  },
  {
    field: 'opleiding',
    coarser: recode({
      geen_basis: 'zonder_startkwalificatie',
      vmbo_mbo1: 'zonder_startkwalificatie',
      startkwalificatie: 'met_startkwalificatie',
      hbo_wo: 'met_startkwalificatie',
    }),
  },
  { field: 'huishouden', coarser: anything },
  {
    field: 'leeftijd',
    coarser: (v) =>
      v === 't/m 26' || v === '27-44' ? 't/m 44' : v === '*' || v === 't/m 44' || v === '45+' ? v : '45+',
  },
  { field: 'werkervaring', coarser: anything },
  { field: 'taalniveau', coarser: anything },
  { field: 'opleiding', coarser: anything },
];

/**
 * One row per client without direct identifiers (no BSN, name, address, birth date, client id):
 * an export number, age band, gender, neighbourhood (wijk), household, education, language
 * level, work experience (all quasi-identifiers), the process (diagnosis, plan, instruments,
 * conversations) and the outcome (outflow to work); then made k-anonymous and 2-diverse in the
 * outcome. Whether someone ever worked is not exported: others can know it, and it nearly
 * repeats the outcome.
 */
export async function researchExport(
  db: Queryable,
  municipalityId: number,
  k: number,
  today: string,
): Promise<{ rows: ResearchRow[]; report: KAnonymityReport }> {
  const raw = await db.query<{
    birth_date: string;
    gender: string;
    wijk: string | null;
    household: string;
    education_level: string;
    dutch_language_level: string;
    work_experience: string;
    distance: string | null;
    plan: boolean;
    instruments: number;
    conversations_12m: number;
    outflow_work: boolean;
  }>(
    `SELECT c.birth_date, c.gender, n.code AS wijk, c.household, c.education_level, c.dutch_language_level, c.work_experience,
            (SELECT d.distance FROM diagnosis d WHERE d.client_id = c.id ORDER BY d.given_on DESC, d.id DESC LIMIT 1) AS distance,
            EXISTS (SELECT 1 FROM action_plan p WHERE p.client_id = c.id) AS plan,
            (SELECT count(*) FROM instrument_allocation a WHERE a.client_id = c.id) AS instruments,
            (SELECT count(*) FROM conversation v WHERE v.client_id = c.id AND v.held_on > $2::date - 365) AS conversations_12m,
            EXISTS (SELECT 1 FROM benefit_period b WHERE b.client_id = c.id AND b.end_reason IN ('werk', 'werk_met_loonkostensubsidie')) AS outflow_work
       FROM client c LEFT JOIN neighbourhood n ON n.id = c.neighbourhood_id
      WHERE c.municipality_id = $1`,
    [municipalityId, today],
  );
  const rows: ResearchRow[] = raw.map((r) => ({
    leeftijd: researchAgeBand(r.birth_date, today),
    geslacht: r.gender,
    wijk: r.wijk ?? 'onbekend',
    huishouden: r.household,
    opleiding: r.education_level,
    taalniveau: r.dutch_language_level,
    werkervaring: r.work_experience,
    diagnose: r.distance ?? 'geen',
    plan: r.plan ? 'ja' : 'nee',
    voorzieningen: String(Math.min(Number(r.instruments), 3)) + (Number(r.instruments) >= 3 ? '+' : ''),
    gesprekken_12m: Number(r.conversations_12m) >= 4 ? '4+' : String(r.conversations_12m),
    uitstroom_werk: r.outflow_work ? 'ja' : 'nee',
  }));
  const result = kAnonymise(rows, QUASI_IDENTIFIERS, RESEARCH_STEPS, k, { field: SENSITIVE_OUTCOME, l: 2 });
  // Random order and a plain sequence number: the export cannot be linked to ids or to other exports.
  const shuffled = result.rows
    .map((r) => ({ r, s: Math.random() }))
    .sort((a, b) => a.s - b.s)
    .map(({ r }, i) => ({ nummer: String(i + 1), ...r }));
  return { rows: shuffled, report: result.report };
}
