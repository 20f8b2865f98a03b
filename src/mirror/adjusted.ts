import {
  buildDesignMatrix,
  oddsRatio2x2,
  robustLogisticRegression,
  type CategoricalVariable,
  type LogisticResult,
  type NumericVariable,
  type RecordValue,
} from './stats/index.js';
import { roundByKey, type ProtectionRules } from './disclosure.js';
import { groundDef, groupLabel, type GroundDef } from './grounds.js';
import { AGE_IN_YEARS, type PersonTable } from './person-table.js';
import { DEFAULT_THRESHOLD } from './funnel.js';
import { explainAdjusted } from './adjusted-explain.js';

/** Reference choice "the largest group" (instead of a named group). */
export const LARGEST_GROUP = 'grootste';

/** Labels of covariates that are numbers rather than grounds. */
export const NUMERIC_COVARIATE_LABELS: Readonly<Record<string, string>> = { [AGE_IN_YEARS]: 'Leeftijd in jaren' };

export interface AdjustedRequest {
  stage: string;
  ground: string;
  /**
   * Labour-market-relevant covariates (other grounds), e.g. leeftijd, opleiding, taalniveau; or
   * a numeric column of the table such as leeftijd_jaren (age in years, as glm takes it).
   */
  covariates: readonly string[];
  /** A group of the ground, or LARGEST_GROUP; default the ground's own reference. */
  reference?: string;
  threshold?: number;
  /**
   * Publish protected figures: the counts rounded by cell key, the crude odds ratios computed
   * from those published counts, the adjusted odds ratios and bounds to two decimals.
   */
  protection?: ProtectionRules;
}

type Estimate = { oddsRatio: number; lower: number; upper: number; p: number };

export interface AdjustedRow {
  group: string;
  label: string;
  /** People of this group in the analysis, and how many reached the stage. */
  n: number | null;
  reached: number | null;
  /** Odds ratio against the reference group, without and with the covariates. */
  crude: Estimate | null;
  adjusted: Estimate | null;
  suppressed: boolean;
}

export interface AdjustedResult {
  stage: string;
  ground: string;
  reference: string;
  covariates: string[];
  /** People with a known value for the ground and every covariate (null when too few to show). */
  used: number | null;
  /** People left out because a value was unknown (null when too few to show). */
  leftOut: number | null;
  rows: AdjustedRow[];
  /** Covariate columns left out because they follow from the ground or other covariates (R: NA), as labels. */
  aliased: string[];
  /** 'glm' = ordinary logistic regression; 'firth' = Firth's bias reduction, used after separation. */
  method: 'glm' | 'firth';
  /** Set when a fit could not be trusted: plain Dutch. */
  problem: string | null;
  /** Plain Dutch reading of the result. */
  explanation: string[];
}

interface Column {
  key: string;
  def: GroundDef | null;
  label: string;
  known: (i: number) => boolean;
  value: (i: number) => RecordValue;
}

function columnsOf(table: PersonTable, keys: readonly string[]): Column[] {
  return keys.map((k) => {
    const c = table.grounds.get(k);
    if (c) {
      return {
        key: k,
        def: c.def,
        label: c.def.label,
        known: (i: number) => c.codes[i] !== 0,
        value: (i: number) => c.def.groups[c.codes[i] - 1],
      };
    }
    const numbers = table.numbers?.get(k);
    if (!numbers) throw new RangeError(`unknown ground "${k}"`);
    return {
      key: k,
      def: null,
      label: NUMERIC_COVARIATE_LABELS[k] ?? k,
      known: (i: number) => !Number.isNaN(numbers[i]),
      value: (i: number) => numbers[i],
    };
  });
}

/** "Opleidingsniveau: Hbo / wo" for a model column "opleiding: hbo_wo"; numbers by their label. */
export function columnLabel(name: string, columns: readonly Column[]): string {
  const col = columns.find((c) => name === c.key || name.startsWith(`${c.key}: `));
  if (!col) return name;
  if (!col.def) return col.label;
  return `${col.label}: ${groupLabel(col.def, name.slice(col.key.length + 2))}`;
}

/** A fit's message with every 'column' code replaced by its label. */
function withLabels(message: string, columns: readonly Column[]): string {
  return message.replace(/'([^']+)'/g, (_, name: string) => `'${columnLabel(name, columns)}'`);
}

/** Why nothing can be compared, naming the true cause; null when the data allow a comparison. */
function missingCause(table: PersonTable, columns: readonly Column[]): string | null {
  const [groundCol, ...covs] = columns;
  let withGround = 0;
  for (let i = 0; i < table.size; i++) if (groundCol.known(i)) withGround++;
  if (withGround === 0)
    return `Van niemand in deze periode is "${groundCol.label}" bekend. Er valt niets te vergelijken.`;
  for (const c of covs) {
    let known = 0;
    for (let i = 0; i < table.size; i++) if (groundCol.known(i) && c.known(i)) known++;
    if (known === 0)
      return `Van niemand in deze periode is "${c.label}" bekend. Laat dit kenmerk weg uit de correctie, dan kan de vergelijking wel.`;
  }
  return null;
}

/**
 * Does a ground still matter for reaching a stage once labour-market-relevant factors are taken
 * into account? Logistic regression of the stage on the ground alone ("crude") and on the
 * ground plus covariates ("adjusted"), over the people with every value known. Covariates that
 * follow from the ground or from each other are left out as R's glm leaves them out (NA); under
 * separation the fit uses Firth's bias reduction. Groups with fewer than `threshold` people,
 * events or non-events are not shown.
 */
export function adjustedComparison(table: PersonTable, req: AdjustedRequest): AdjustedResult {
  const protection = req.protection ?? null;
  const threshold = protection?.threshold ?? req.threshold ?? DEFAULT_THRESHOLD;
  if (protection && !table.keys)
    throw new RangeError('this population has no record keys: protected figures cannot be computed');
  const rowKeys = table.keys ?? new Uint32Array(0);
  const stageIndex = table.stages.indexOf(req.stage);
  if (stageIndex < 0) throw new RangeError(`unknown stage "${req.stage}"`);
  const keys = [req.ground, ...req.covariates.filter((c) => c !== req.ground)];
  const columns = columnsOf(table, keys);
  const groundDefn = columns[0].def;
  if (!groundDefn) throw new RangeError(`the ground "${req.ground}" must be a grouping, not a number`);
  const records: Record<string, RecordValue>[] = [];
  const y: number[] = [];
  const recordKeys: number[] = [];
  let leftOut = 0;
  let leftOutKey = 0;
  for (let i = 0; i < table.size; i++) {
    if (columns.some((c) => !c.known(i))) {
      leftOut++;
      if (protection) leftOutKey = (leftOutKey + rowKeys[i]) % 4294967296;
      continue;
    }
    if (protection) recordKeys.push(rowKeys[i]);
    records.push(Object.fromEntries(columns.map((c) => [c.key, c.value(i)])));
    y.push(table.distinctMasks[table.maskIds[i]] & (1 << stageIndex) ? 1 : 0);
  }
  const stats = groupStats(records, y, recordKeys, req.ground, protection !== null);
  const reference = chooseReference(groundDefn, req.reference, stats);
  const small = (g: string) => {
    const s = stats.groups.get(g);
    return !s || s.n < threshold || s.x < threshold || s.n - s.x < threshold;
  };
  const pub = (count: number, key: number): number | null => {
    if (!protection) return count;
    return count > 0 && count < threshold ? null : roundByKey(count, key, protection.base);
  };
  const base: AdjustedResult = {
    stage: req.stage,
    ground: req.ground,
    reference,
    covariates: keys.slice(1),
    used: pub(records.length, stats.usedKey),
    leftOut: pub(leftOut, leftOutKey),
    rows: [],
    aliased: [],
    method: 'glm',
    problem: null,
    explanation: [],
  };
  const cause = missingCause(table, columns);
  if (cause) return { ...base, problem: cause, explanation: [cause] };
  if (small(reference)) {
    const problem = `De vergelijkingsgroep "${groupLabel(groundDefn, reference)}" is te klein (minder dan ${threshold} mensen, of minder dan ${threshold} die de fase wel of niet bereikten). Kies een andere vergelijkingsgroep of een langere periode.`;
    return { ...base, problem, explanation: [problem] };
  }
  // leave out the small groups from the model: their coefficients would be shown from small counts
  const keep = records.map((r) => !small(String(r[req.ground])));
  const recs = records.filter((_, i) => keep[i]);
  const ys = y.filter((_, i) => keep[i]);
  const crude = robustLogisticRegression(buildDesignMatrix(recs, variables(recs, columns, reference, 1)), ys);
  const adjusted =
    keys.length > 1
      ? robustLogisticRegression(buildDesignMatrix(recs, variables(recs, columns, reference, keys.length)), ys)
      : crude;
  const problemOf = (fit: LogisticResult) => (fit.status !== 'ok' ? withLabels(fit.message, columns) : null);
  const problem = problemOf(crude.fit) ?? problemOf(adjusted.fit);
  const pick = (fit: LogisticResult, group: string): Estimate | null => {
    if (fit.status !== 'ok') return null;
    const c = fit.coefficients.find((k) => k.name === `${req.ground}: ${group}`);
    if (!c) return null;
    const two = (x: number) => (protection ? Math.round(x * 100) / 100 : x);
    return { oddsRatio: two(c.oddsRatio), lower: two(c.lower), upper: two(c.upper), p: c.p };
  };
  // Protected: the crude comparison is computed from the published counts of the two groups, as
  // the mirror's own ratios are; it is what glm gives on those counts.
  const refStats = stats.groups.get(reference)!;
  const crudeFromPublished = (g: string) => {
    const s = stats.groups.get(g)!;
    return oddsRatio2x2(
      pub(s.x, s.keyX)!,
      pub(s.n, s.keyN)!,
      pub(refStats.x, refStats.keyX)!,
      pub(refStats.n, refStats.keyN)!,
    );
  };
  for (const g of groundDefn.groups) {
    if (!stats.groups.has(g)) continue;
    const hide = small(g);
    const s = stats.groups.get(g)!;
    base.rows.push({
      group: g,
      label: groupLabel(groundDefn, g),
      n: hide ? null : pub(s.n, s.keyN),
      reached: hide ? null : pub(s.x, s.keyX),
      crude: hide || g === reference ? null : protection ? crudeFromPublished(g) : pick(crude.fit, g),
      adjusted: hide || g === reference ? null : pick(adjusted.fit, g),
      suppressed: hide,
    });
  }
  const aliased = adjusted.aliased.map((a) => columnLabel(a, columns));
  const method = crude.method === 'firth' || adjusted.method === 'firth' ? 'firth' : 'glm';
  return {
    ...base,
    aliased,
    method,
    problem,
    explanation: explainAdjusted({
      rows: base.rows,
      referenceLabel: groupLabel(groundDefn, reference),
      covariateLabels: columns.slice(1).map((c) => c.label),
      problem,
      aliased,
      method,
    }),
  };
}

interface GroupStat {
  n: number;
  x: number;
  keyN: number;
  keyX: number;
}

function groupStats(
  records: readonly Record<string, RecordValue>[],
  y: readonly number[],
  recordKeys: readonly number[],
  ground: string,
  keyed: boolean,
): { groups: Map<string, GroupStat>; usedKey: number } {
  const groups = new Map<string, GroupStat>();
  let usedKey = 0;
  records.forEach((r, i) => {
    const g = String(r[ground]);
    const s = groups.get(g) ?? { n: 0, x: 0, keyN: 0, keyX: 0 };
    s.n++;
    s.x += y[i];
    if (keyed) {
      const k = recordKeys[i];
      s.keyN = (s.keyN + k) % 4294967296;
      if (y[i]) s.keyX = (s.keyX + k) % 4294967296;
      usedKey = (usedKey + k) % 4294967296;
    }
    groups.set(g, s);
  });
  return { groups, usedKey };
}

function chooseReference(def: GroundDef, asked: string | undefined, stats: { groups: Map<string, GroupStat> }): string {
  if (asked === LARGEST_GROUP) {
    let best = def.reference ?? def.groups[0];
    let bestN = -1;
    for (const g of def.groups) {
      const n = stats.groups.get(g)?.n ?? 0;
      if (n > bestN) [best, bestN] = [g, n];
    }
    return best;
  }
  return asked ?? def.reference ?? def.groups[0];
}

function variables(
  recs: readonly Record<string, RecordValue>[],
  columns: readonly Column[],
  reference: string,
  count: number,
): (CategoricalVariable | NumericVariable)[] {
  return columns.slice(0, count).map((col, idx) => {
    if (!col.def) return { name: col.key, numeric: true as const };
    const levels = new Set(recs.map((r) => String(r[col.key])));
    const def = col.def;
    const ref =
      idx === 0
        ? reference
        : def.reference && levels.has(def.reference)
          ? def.reference
          : def.groups.find((g) => levels.has(g))!;
    return { name: col.key, reference: ref, levels: def.groups.filter((g) => levels.has(g)) };
  });
}

/** Label of a covariate key: a ground's label, or the numeric column's. */
export function covariateLabel(key: string): string {
  return groundDef(key)?.label ?? NUMERIC_COVARIATE_LABELS[key] ?? key;
}
