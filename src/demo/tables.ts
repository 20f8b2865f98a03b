/**
 * How each generated table is written: target table, columns and their PostgreSQL types (for
 * `unnest($n::type[])`), and whether its id comes from a serial sequence.
 */
import type { ClientTables, OrganisationTables } from './rows.js';

/** Column types as used in the array casts; 'text[]' columns travel as comma-joined text. */
export type PgType = 'int' | 'smallint' | 'text' | 'date' | 'bool' | 'numeric' | 'timestamptz' | 'text[]';

/** How one table is written. */
export interface TableSpec {
  /** Table in the database (schema-qualified where needed). */
  table: string;
  /** Columns in insert order, with their types. */
  columns: readonly (readonly [string, PgType])[];
  /** True when `id` is a serial whose sequence must be moved past the written ids. */
  serialId: boolean;
}

type Specs = { [K in keyof OrganisationTables | keyof ClientTables]: TableSpec };

const id = ['id', 'int'] as const;
const clientId = ['client_id', 'int'] as const;

/** The write specification of every generated table. */
export const TABLE_SPECS: Specs = {
  municipality: { table: 'municipality', serialId: true, columns: [id, ['code', 'text'], ['name', 'text']] },
  neighbourhood: {
    table: 'neighbourhood',
    serialId: true,
    columns: [id, ['municipality_id', 'int'], ['code', 'text'], ['name', 'text']],
  },
  team: { table: 'team', serialId: true, columns: [id, ['municipality_id', 'int'], ['name', 'text']] },
  app_user: {
    table: 'app_user',
    serialId: true,
    columns: [
      id,
      ['municipality_id', 'int'],
      ['team_id', 'int'],
      ['username', 'text'],
      ['display_name', 'text'],
      ['password_hash', 'text'],
      ['role', 'text'],
    ],
  },
  life_domain: {
    table: 'life_domain',
    serialId: true,
    columns: [
      id,
      ['municipality_id', 'int'],
      ['code', 'text'],
      ['name', 'text'],
      ['sort_order', 'int'],
      ['active', 'bool'],
    ],
  },
  instrument: {
    table: 'instrument',
    serialId: true,
    columns: [
      id,
      ['municipality_id', 'int'],
      ['code', 'text'],
      ['name', 'text'],
      ['srg_code', 'int'],
      ['description', 'text'],
      ['asks', 'text'],
      ['yields', 'text'],
      ['target_group', 'text'],
      ['active', 'bool'],
    ],
  },
  client: {
    table: 'client',
    serialId: true,
    columns: [
      id,
      ['municipality_id', 'int'],
      ['bsn', 'text'],
      ['given_name', 'text'],
      ['family_name', 'text'],
      ['birth_date', 'date'],
      ['gender', 'text'],
      ['street', 'text'],
      ['house_number', 'text'],
      ['postcode', 'text'],
      ['city', 'text'],
      ['neighbourhood_id', 'int'],
      ['household', 'text'],
      ['education_level', 'text'],
      ['dutch_language_level', 'text'],
      ['work_experience', 'text'],
      ['doelgroepregister', 'bool'],
      ['team_id', 'int'],
      ['consultant_id', 'int'],
      ['created_at', 'timestamptz'],
    ],
  },
  benefit_period: {
    table: 'benefit_period',
    serialId: true,
    columns: [id, clientId, ['start_date', 'date'], ['end_date', 'date'], ['end_reason', 'text']],
  },
  intake: {
    table: 'intake',
    serialId: true,
    columns: [
      id,
      clientId,
      ['held_on', 'date'],
      ['consultant_id', 'int'],
      ['history', 'text'],
      ['situation', 'text'],
      ['wishes', 'text'],
      ['work_experience_note', 'text'],
      ['diplomas', 'text'],
      ['foreign_diploma_valued', 'bool'],
      ['network', 'text'],
    ],
  },
  intake_domain_score: {
    table: 'intake_domain_score',
    serialId: false,
    columns: [
      ['intake_id', 'int'],
      ['life_domain_id', 'int'],
      ['score', 'smallint'],
      ['note', 'text'],
    ],
  },
  diagnosis: {
    table: 'diagnosis',
    serialId: true,
    columns: [id, clientId, ['given_on', 'date'], ['distance', 'text'], ['reasons', 'text'], ['given_by', 'int']],
  },
  bestand_period: {
    table: 'bestand_period',
    serialId: true,
    columns: [id, clientId, ['bestand', 'text'], ['start_date', 'date'], ['end_date', 'date']],
  },
  action_plan: {
    table: 'action_plan',
    serialId: true,
    columns: [id, clientId, ['created_on', 'date'], ['status', 'text'], ['consultant_id', 'int']],
  },
  plan_goal: {
    table: 'plan_goal',
    serialId: true,
    columns: [id, ['plan_id', 'int'], ['description', 'text'], ['sort_order', 'int']],
  },
  plan_step: {
    table: 'plan_step',
    serialId: true,
    columns: [
      id,
      ['plan_id', 'int'],
      ['goal_id', 'int'],
      ['description', 'text'],
      ['due_on', 'date'],
      ['done_on', 'date'],
    ],
  },
  instrument_allocation: {
    table: 'instrument_allocation',
    serialId: true,
    columns: [
      id,
      clientId,
      ['instrument_id', 'int'],
      ['requested_on', 'date'],
      ['started_on', 'date'],
      ['ended_on', 'date'],
      ['outcome', 'text'],
      ['satisfaction', 'smallint'],
      ['reason', 'text'],
      ['client_wish', 'text'],
      ['allocated_by', 'int'],
    ],
  },
  conversation: {
    table: 'conversation',
    serialId: true,
    columns: [
      id,
      clientId,
      ['held_on', 'date'],
      ['kind', 'text'],
      ['location', 'text'],
      ['summary', 'text'],
      ['next_appointment', 'date'],
      ['consultant_id', 'int'],
    ],
  },
  on_hold_period: {
    table: 'on_hold_period',
    serialId: true,
    columns: [id, clientId, ['start_date', 'date'], ['end_date', 'date'], ['reason', 'text']],
  },
  ladder_step: {
    table: 'ladder_step',
    serialId: true,
    columns: [id, clientId, ['step', 'smallint'], ['recorded_on', 'date'], ['note', 'text']],
  },
  intermediate_step: {
    table: 'intermediate_step',
    serialId: true,
    columns: [id, clientId, ['achieved_on', 'date'], ['kind', 'text'], ['description', 'text']],
  },
  discrimination_discussion: {
    table: 'discrimination_discussion',
    serialId: true,
    columns: [
      id,
      clientId,
      ['discussed_on', 'date'],
      ['experienced', 'bool'],
      ['grounds', 'text[]'],
      ['action_taken', 'text'],
      ['consultant_id', 'int'],
    ],
  },
  work_period: {
    table: 'work_period',
    serialId: true,
    columns: [
      id,
      clientId,
      ['employer', 'text'],
      ['start_date', 'date'],
      ['end_date', 'date'],
      ['hours_per_week', 'numeric'],
      ['wage_cost_subsidy', 'bool'],
    ],
  },
  client_feedback: {
    table: 'client_feedback',
    serialId: true,
    columns: [
      id,
      clientId,
      ['conversation_id', 'int'],
      ['given_on', 'date'],
      ['score', 'smallint'],
      ['comment', 'text'],
    ],
  },
  monitoring_person: {
    table: 'monitoring.person',
    serialId: false,
    columns: [
      ['pseudonym', 'text'],
      ['municipality_id', 'int'],
      ['birth_country', 'text'],
      ['mother_birth_country', 'text'],
      ['father_birth_country', 'text'],
      ['nationality', 'text'],
      ['statushouder', 'bool'],
      ['religion', 'text'],
      ['health_limitation', 'bool'],
      ['source', 'text'],
    ],
  },
  monitoring_cultural_background: {
    table: 'monitoring.cultural_background',
    serialId: false,
    columns: [
      ['pseudonym', 'text'],
      ['background', 'text'],
    ],
  },
};

/** `INSERT … SELECT … FROM unnest($1::type[], …)`: one array parameter per column, any number of rows. */
export function unnestInsertSql(spec: TableSpec): string {
  const names = spec.columns.map(([name]) => name);
  const args = spec.columns.map(([, type], i) => `$${i + 1}::${type === 'text[]' ? 'text' : type}[]`);
  const select = spec.columns.map(([name, type]) => (type === 'text[]' ? `string_to_array(${name}, ',')` : name));
  return `INSERT INTO ${spec.table} (${names.join(', ')}) SELECT ${select.join(', ')} FROM unnest(${args.join(', ')}) AS x(${names.join(', ')})`;
}

/** The column arrays for unnestInsertSql, from rows whose properties are named like the columns. */
export function columnArrays(spec: TableSpec, rows: readonly object[]): unknown[][] {
  return spec.columns.map(([name, type]) =>
    rows.map((r) => {
      const v = (r as Record<string, unknown>)[name];
      if (v === undefined) return null;
      return type === 'text[]' ? (v as readonly string[]).join(',') : v;
    }),
  );
}
