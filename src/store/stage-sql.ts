import { EVENT_DATES, STAGE_RULES, type StageRule } from '../mirror/stages.js';

/**
 * The stage rules of src/mirror/stages.ts as SQL: one CTE per stage with the ids of the people
 * in the population who reached it. Parameters of the query they are part of: $2 and $3 the
 * first and last day of the period, $6 today (for event periods still running). The CTE `pop`
 * holds the population: id, bstart (earliest start of the overlapping benefit periods) and
 * wend (the observed end: the end of the period or of the benefit, whichever comes first).
 */

const literal = (value: string): string => `'${value.replace(/'/g, "''")}'`;
const whole = (n: number): number => {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`not a whole number of days or months: ${n}`);
  return n;
};

const from = (event: string): string => `FROM ${event} x JOIN pop p ON p.id = x.client_id`;

/** The ids of the people in `pop` who reach a stage by `rule`. */
export function stageSelect(rule: StageRule): string {
  switch (rule.kind) {
    case 'latestIs': {
      const on = EVENT_DATES[rule.event].on;
      return `SELECT l.client_id FROM (SELECT DISTINCT ON (x.client_id) x.client_id, x.${rule.field} AS v ${from(rule.event)}
   WHERE x.${on} <= $3::date ORDER BY x.client_id, x.${on} DESC, x.id DESC) l WHERE l.v = ${literal(rule.value)}`;
    }
    case 'overlaps': {
      const { start, end } = EVENT_DATES[rule.event];
      return `SELECT DISTINCT x.client_id ${from(rule.event)}
   WHERE x.${rule.field} = ${literal(rule.value)} AND x.${start} <= $3::date AND (x.${end} IS NULL OR x.${end} >= $2::date)`;
    }
    case 'byEnd':
      return `SELECT DISTINCT x.client_id ${from(rule.event)}
   WHERE x.${EVENT_DATES[rule.event].on} <= $3::date AND x.status <> ${literal(rule.exceptStatus)}`;
    case 'startsIn':
      return `SELECT DISTINCT x.client_id ${from(rule.event)} WHERE x.${EVENT_DATES[rule.event].on} BETWEEN $2::date AND $3::date`;
    case 'countUpToEnd': {
      const on = EVENT_DATES[rule.event].on;
      return `SELECT x.client_id ${from(rule.event)}
   WHERE x.${on} > p.wend - ${whole(rule.days)} AND x.${on} <= p.wend GROUP BY x.client_id HAVING count(*) >= ${whole(rule.atLeast)}`;
    }
    case 'gap': {
      const on = EVENT_DATES[rule.event].on;
      return `SELECT DISTINCT g.client_id FROM (
    SELECT client_id, d, lead(d) OVER (PARTITION BY client_id ORDER BY d) AS next_d FROM (
      SELECT p.id AS client_id, p.bstart AS d FROM pop p
      UNION ALL
      SELECT x.client_id, x.${on} ${from(rule.event)} WHERE x.${on} >= p.bstart AND x.${on} <= p.wend
      UNION ALL
      SELECT p.id, p.wend FROM pop p) pts) g JOIN pop p ON p.id = g.client_id
   WHERE g.next_d IS NOT NULL AND GREATEST($2::date, g.d + ${whole(rule.days)}) <= LEAST(g.next_d, p.wend)`;
    }
    case 'lasts': {
      const { start, end } = EVENT_DATES[rule.event];
      return `SELECT DISTINCT x.client_id ${from(rule.event)}
   WHERE x.${start} BETWEEN $2::date AND $3::date
     AND COALESCE(x.${end}, $6::date) >= (x.${start} + interval '${whole(rule.months)} months' - interval '1 day')::date`;
    }
    case 'endsIn':
      return `SELECT DISTINCT x.client_id ${from(rule.event)} WHERE x.${EVENT_DATES[rule.event].end} BETWEEN $2::date AND $3::date`;
  }
}

/** CTE name of a stage. */
export const stageCte = (key: string): string => {
  if (!/^[a-z0-9_]+$/.test(key)) throw new RangeError(`not a stage key: ${key}`);
  return `st_${key}`;
};

/** `st_<key> AS (...)` for every stage of STAGE_RULES, joined with commas. */
export const STAGE_CTES = Object.entries(STAGE_RULES)
  .map(([key, rule]) => `${stageCte(key)} AS (\n  ${stageSelect(rule)}\n)`)
  .join(', ');

/** `(st_<key>.client_id IS NOT NULL) AS "<key>"` for every stage, for the select list. */
export const STAGE_COLUMNS = Object.keys(STAGE_RULES)
  .map((key) => `(${stageCte(key)}.client_id IS NOT NULL) AS "${key}"`)
  .join(',\n       ');

/** The left joins that bring the stage CTEs to the population `p`. */
export const STAGE_JOINS = Object.keys(STAGE_RULES)
  .map((key) => `LEFT JOIN ${stageCte(key)} ON ${stageCte(key)}.client_id = p.id`)
  .join('\n  ');
