import { backgroundReads, type Queryable } from '../store/db.js';
import type { Config } from '../config.js';
import { loadMirrorRows, CORE_STAGE_KEYS, type MirrorSourceRow } from '../store/mirror-source.js';
import { GROUNDS, type GroundDef } from '../mirror/grounds.js';
import {
  buildPersonTable,
  encodePersons,
  fromColumns,
  type GroundColumn,
  type PersonColumns,
  type PersonTable,
} from '../mirror/person-table.js';
import { keyOfSet } from '../mirror/disclosure.js';
import type { KeyedCount } from '../mirror/answer.js';
import { countFactSources, type KeyedFactSources } from '../mirror/fact-sources.js';
import { personFactSources, type FactSourceCode, type RegisterFact } from '../store/register.js';
import { recordKeyFor } from '../domain/pseudonym.js';

/** A period and the part of the municipality looked at (null: all teams, all wijken). */
export interface MirrorScopeKey {
  municipalityId: number;
  from: string;
  to: string;
  teamId: number | null;
  neighbourhoodId: number | null;
}

export interface LoadedPopulation {
  table: PersonTable;
  grounds: GroundDef[];
  /** Teams and consultants as grounds (for the attention mirror); labels are names. */
  organisationGrounds: GroundDef[];
  /** Data-quality counts with the keys of their sets of people (published through disclosure control). */
  quality: {
    missingDiagnosis: KeyedCount;
    withoutConversation: KeyedCount;
    impossibleDates: KeyedCount;
    /** Register or questionnaire, per fact behind the grounds, over the same population. */
    factSources: Record<RegisterFact, KeyedFactSources>;
  };
  loadedAt: number;
}

interface Consultant {
  id: number;
  display_name: string;
  team_id: number | null;
}

/**
 * What the database gives for a period and scope, before it becomes a person table: the mirror
 * rows, the people with a quality problem, where each person's facts come from, the teams and
 * the consultants. Loaded once municipality-wide, every team and wijk of the period is a filter
 * over it (populationOf), without a round trip to the database.
 */
export interface MirrorBase {
  scope: MirrorScopeKey;
  rows: MirrorSourceRow[];
  /** Record key per client id (one HMAC per person, for the table and the quality counts alike). */
  keyById: Map<number, number>;
  withoutConversation: Set<number>;
  impossibleDates: Set<number>;
  /** Register or questionnaire per fact, per client id (absent: neither gives any fact). */
  factCodes: Map<number, Partial<Record<RegisterFact, FactSourceCode>> | undefined>;
  teams: { id: number; name: string }[];
  /** Ordered by name and id, as the ground "klantmanager" lists them. */
  consultants: Consultant[];
  loadedAt: number;
  /** Every row as columns, encoded at the first scope derived from this base. */
  encoded?: PersonColumns;
}

/** People per statement for the quality flags and the fact sources of a base. */
const QUALITY_PIECE = 1000;

/**
 * Reads a period from the database; a team or wijk in `scope` is filtered in SQL. Every read is a
 * background read in pieces (see loadMirrorRows), so that interactive queries go first.
 */
export async function loadMirrorBase(db: Queryable, config: Config, scope: MirrorScopeKey): Promise<MirrorBase> {
  const reader = backgroundReads(db);
  const rows = await loadMirrorRows(db, scope, config.pseudonymSecret);
  const teams = await reader.query<{ id: number; name: string }>(
    'SELECT id, name FROM team WHERE municipality_id = $1 ORDER BY name',
    [scope.municipalityId],
  );
  const consultants = await reader.query<Consultant>(
    `SELECT id, display_name, team_id FROM app_user WHERE municipality_id = $1 AND role = 'consultant' AND ($2::int IS NULL OR team_id = $2) ORDER BY display_name, id`,
    [scope.municipalityId, scope.teamId],
  );
  // Quality over the same population as the mirror (the people on benefit in the period);
  // only the people with a quality problem come back, not a row per person.
  const flagged: { id: number; without_conversation: boolean; impossible: boolean }[] = [];
  const sources = new Map<string, Partial<Record<RegisterFact, FactSourceCode>>>();
  for (let i = 0; i < rows.length; i += QUALITY_PIECE) {
    const piece = rows.slice(i, i + QUALITY_PIECE);
    flagged.push(
      ...(await reader.query<{ id: number; without_conversation: boolean; impossible: boolean }>(
        `SELECT * FROM (
           SELECT c.id,
                  NOT EXISTS (SELECT 1 FROM conversation v WHERE v.client_id = c.id) AS without_conversation,
                  (c.birth_date > current_date OR c.birth_date < date '1900-01-01'
                    OR EXISTS (SELECT 1 FROM benefit_period b WHERE b.client_id = c.id AND b.start_date < c.birth_date)
                    OR EXISTS (SELECT 1 FROM conversation v WHERE v.client_id = c.id AND v.held_on > current_date)) AS impossible
             FROM client c WHERE c.id = ANY($1::int[])) q
          WHERE without_conversation OR impossible`,
        [piece.map((r) => r.clientId)],
      )),
    );
    const found = await personFactSources(
      reader,
      scope.municipalityId,
      piece.map((r) => r.pseudonym),
    );
    for (const [pseudonym, codes] of found) sources.set(pseudonym, codes);
  }
  return {
    scope,
    rows,
    keyById: new Map(rows.map((r) => [r.clientId, recordKeyFor(r.clientId, config.pseudonymSecret)])),
    withoutConversation: new Set(flagged.filter((f) => f.without_conversation).map((f) => f.id)),
    impossibleDates: new Set(flagged.filter((f) => f.impossible).map((f) => f.id)),
    factCodes: new Map(rows.map((r) => [r.clientId, sources.get(r.pseudonym)])),
    teams,
    consultants,
    loadedAt: Date.now(),
  };
}

/** Whether a scope's team and wijk admit a person of this team and wijk (null: any). */
function inScope(scope: MirrorScopeKey, teamId: number | null, neighbourhoodId: number | null): boolean {
  return (
    (scope.teamId === null || teamId === scope.teamId) &&
    (scope.neighbourhoodId === null || neighbourhoodId === scope.neighbourhoodId)
  );
}

/**
 * The population of `scope` from a base of the same period that holds it (municipality-wide, or
 * the scope itself): the rows of the team and wijk, and for a team only its own consultants. The
 * table is cut from the base's columns (encoded once per base), not built again person by person.
 */
export function populationOf(base: MirrorBase, scope: MirrorScopeKey): LoadedPopulation {
  const b = base.scope;
  if (b.municipalityId !== scope.municipalityId || b.from !== scope.from || b.to !== scope.to)
    throw new RangeError('the base holds another period or municipality');
  if (
    (b.teamId !== null && b.teamId !== scope.teamId) ||
    (b.neighbourhoodId !== null && b.neighbourhoodId !== scope.neighbourhoodId)
  )
    throw new RangeError('the base does not hold this team or wijk');
  const index: number[] = [];
  base.rows.forEach((r, i) => {
    if (inScope(scope, r.teamId, r.neighbourhoodId)) index.push(i);
  });
  const rows = index.map((i) => base.rows[i]);
  const consultants =
    scope.teamId === null ? base.consultants : base.consultants.filter((c) => c.team_id === scope.teamId);
  const organisationGrounds = organisationGroundsOf(base, consultants);
  const encoded = (base.encoded ??= encodeBase(base));
  const n = index.length;
  const pick = <A extends Uint8Array | Uint32Array | Float64Array>(all: A, into: A): A => {
    for (let k = 0; k < n; k++) into[k] = all[index[k]];
    return into;
  };
  const columns = new Map<string, GroundColumn>();
  for (const [key, col] of encoded.columns)
    columns.set(key, { def: col.def, codes: pick(col.codes, new Uint8Array(n)) });
  // the consultants differ per team: this ground is encoded for the scope itself
  const names = consultantNames(consultants);
  const own = rows.map((r) => ({ stages: {}, grounds: { klantmanager: consultantOf(r, names) } }));
  columns.set('klantmanager', encodePersons(own, [organisationGrounds[1]], []).columns.get('klantmanager')!);
  const numbers = new Map<string, Float64Array>();
  if (n > 0) for (const [key, col] of encoded.numbers) numbers.set(key, pick(col, new Float64Array(n)));
  const keys = n > 0 && encoded.keys ? pick(encoded.keys, new Uint32Array(n)) : null;
  const masks = pick(encoded.masks, new Uint32Array(n));
  const table = fromColumns(n, [...CORE_STAGE_KEYS], columns, masks, keys, numbers);
  return withQuality(base, rows, organisationGrounds, table);
}

/** The ground "team" (all teams) and "klantmanager" (the consultants given), labels are names. */
function organisationGroundsOf(base: MirrorBase, consultants: Consultant[]): GroundDef[] {
  return [
    { key: 'team', label: 'Team', groups: base.teams.map((t) => t.name) },
    {
      key: 'klantmanager',
      label: 'Klantmanager',
      groups: [...new Set(consultants.map((c) => c.display_name))].slice(0, 254),
    },
  ];
}

const consultantNames = (consultants: Consultant[]) => new Map(consultants.map((c) => [c.id, c.display_name]));
const consultantOf = (r: MirrorSourceRow, names: Map<number, string>): string | null =>
  r.consultantId === null ? null : (names.get(r.consultantId) ?? null);

/** The person of a row as the mirror takes it, with team and (when given) consultant as grounds. */
function personOf(base: MirrorBase, r: MirrorSourceRow, teamName: Map<number, string>, names?: Map<number, string>) {
  const grounds: Record<string, string | null> = { ...r.person.grounds, team: teamName.get(r.teamId) ?? null };
  if (names) grounds.klantmanager = consultantOf(r, names);
  return { key: base.keyById.get(r.clientId)!, stages: r.person.stages, grounds, numbers: r.person.numbers };
}

/** Every row of the base as columns (grounds, team, stages, keys), in the rows' order. */
function encodeBase(base: MirrorBase): PersonColumns {
  const teamName = new Map(base.teams.map((t) => [t.id, t.name]));
  const persons = base.rows.map((r) => personOf(base, r, teamName));
  return encodePersons(persons, [...GROUNDS, organisationGroundsOf(base, [])[0]], [...CORE_STAGE_KEYS]);
}

/** The population of the rows given (all of them in one scope) with its table and quality counts. */
function withQuality(
  base: MirrorBase,
  rows: MirrorSourceRow[],
  organisationGrounds: GroundDef[],
  table: PersonTable,
): LoadedPopulation {
  const keyOf = (id: number): number => base.keyById.get(id)!;
  const keyed = (list: MirrorSourceRow[]): KeyedCount => ({
    count: list.length,
    key: keyOfSet(list.map((r) => keyOf(r.clientId))),
  });
  return {
    table,
    grounds: [...GROUNDS],
    organisationGrounds,
    quality: {
      missingDiagnosis: keyed(rows.filter((r) => !r.hasDiagnosis)),
      withoutConversation: keyed(rows.filter((r) => base.withoutConversation.has(r.clientId))),
      impossibleDates: keyed(rows.filter((r) => base.impossibleDates.has(r.clientId))),
      factSources: countFactSources(
        rows.map((r) => ({ key: keyOf(r.clientId), codes: base.factCodes.get(r.clientId) })),
      ),
    },
    loadedAt: base.loadedAt,
  };
}

/** A scope straight from the database, filtered in SQL (the way every scope was loaded before bases were kept). */
export async function loadPopulationDirect(
  db: Queryable,
  config: Config,
  scope: MirrorScopeKey,
): Promise<LoadedPopulation> {
  // no filter or cut in memory here: this path is what populationOf is checked against
  const base = await loadMirrorBase(db, config, scope);
  const teamName = new Map(base.teams.map((t) => [t.id, t.name]));
  const names = consultantNames(base.consultants);
  const persons = base.rows.map((r) => personOf(base, r, teamName, names));
  const organisationGrounds = organisationGroundsOf(base, base.consultants);
  const table = buildPersonTable(persons, [...GROUNDS, ...organisationGrounds], [...CORE_STAGE_KEYS]);
  return withQuality(base, base.rows, organisationGrounds, table);
}
