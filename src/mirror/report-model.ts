import type { AdjustedResult } from './adjusted.js';
import type { MirrorAnswer } from './answer.js';
import type { MirrorCell, MirrorResult } from './funnel.js';
import { INTERSECTION_SEPARATOR, groupingLabel } from './funnel.js';
import { groundDef, type GroundDef } from './grounds.js';
import { fullyHiddenGroups } from './folded.js';
import { GROUND_LABELS_EN, NATIONAL_GROUP_LABELS_EN } from './labels-en.js';
import { namesFor, type Names } from './narrative.js';
import { reportTexts, type ReportLang, type ReportTexts } from './report-texts.js';

export type { ReportLang } from './report-texts.js';

/** How a column's numbers are shown: the same rounding on the page and in every file. */
export type ColumnKind = 'text' | 'count' | 'pct' | 'points' | 'ratio' | 'p';

/** Decimals per kind, as the page shows them (src/web/pages/spiegel/format.ts). */
export const DECIMALS: Record<Exclude<ColumnKind, 'text'>, number> = { count: 0, pct: 1, points: 1, ratio: 2, p: 3 };

/** A number (already rounded as shown), a marker such as "< 10" or "x", or text. */
export type ReportValue = number | string;

export interface ReportTable {
  /** Which section of the page this is. */
  key: 'funnel' | 'groups' | 'quality' | 'sources' | 'national' | 'adjusted' | 'attention';
  /** Short name: the XLSX sheet, and the heading of the section. */
  name: string;
  title: string;
  columns: { label: string; kind: ColumnKind }[];
  rows: ReportValue[][];
  /** Method notes shown under the table, in every format. */
  notes: string[];
}

export interface MirrorReport {
  lang: ReportLang;
  title: string;
  municipality: string;
  period: string;
  scope: string;
  ground: string;
  /** Date in the report's language ("30 november 2026", "30 November 2026"). */
  generatedOn: string;
  population: number;
  threshold: number;
  narrative: MirrorAnswer['narrative'];
  tables: ReportTable[];
  methodNotes: string[];
}

export interface ReportInput {
  municipality: string;
  period: string;
  scope: string;
  ground: string;
  generatedOn: string;
  answer: MirrorAnswer;
  /** The grouping the page shows (an intersection, or one ground). */
  grouping: string;
  adjusted?: AdjustedResult | null;
  attention?: MirrorResult | null;
  extraGrounds?: readonly GroundDef[];
  /** Dutch (default) or English. */
  lang?: ReportLang;
}

/** Rounds as Intl does on the page (half away from zero), so a file never differs from the screen. */
export function roundAs(value: number, kind: Exclude<ColumnKind, 'text'>): number {
  const d = DECIMALS[kind];
  const text = new Intl.NumberFormat('en-US', {
    minimumFractionDigits: d,
    maximumFractionDigits: d,
    useGrouping: false,
  }).format(value);
  return Number(text);
}

const num = (v: number | null, kind: Exclude<ColumnKind, 'text'>): ReportValue => (v === null ? '–' : roundAs(v, kind));

/** Names of grounds, groups and stages in the report's language. */
interface ReportNames extends Names {
  grouping(key: string): string;
  cellGroup(c: Pick<MirrorCell, 'ground' | 'groups'>): string;
}

function reportNames(lang: ReportLang, extra: readonly GroundDef[]): ReportNames {
  const names = namesFor(lang, { extraGrounds: extra });
  return {
    ...names,
    grouping: (key) =>
      lang === 'en'
        ? key
            .split(INTERSECTION_SEPARATOR)
            .map((k) => GROUND_LABELS_EN[k] ?? groundDef(k, extra)?.label ?? k)
            .join(INTERSECTION_SEPARATOR)
        : groupingLabel(key, extra),
    cellGroup: (c) => {
      const keys = c.ground.split(INTERSECTION_SEPARATOR);
      return c.groups.map((g, i) => (groundDef(keys[i], extra) ? names.group(keys[i], g) : g)).join(' · ');
    },
  };
}

/** The name of a grouping ("Geslacht × Leeftijd", "Gender × Age") in the report's language. */
export const groupingName = (key: string, lang: ReportLang, extra: readonly GroundDef[] = []): string =>
  reportNames(lang, extra).grouping(key);

const hidden = (c: MirrorCell, t: number): string => (c.suppressed === 'secundair' ? 'x' : `< ${t}`);

export const foldedNote = (n: number, lang: ReportLang = 'nl'): string => reportTexts(lang).folded(n);

interface Ctx {
  tx: ReportTexts;
  names: ReportNames;
  lang: ReportLang;
}

function groupTable(
  key: ReportTable['key'],
  title: string,
  result: MirrorResult,
  groupings: readonly string[],
  stages: readonly string[],
  { tx, names }: Ctx,
): ReportTable {
  const t = result.threshold;
  const rows: ReportValue[][] = [];
  let folded = 0;
  for (const grouping of groupings) {
    const skip = fullyHiddenGroups(result, grouping, stages);
    folded += skip.size;
    for (const c of result.cells.filter((x) => x.ground === grouping && stages.includes(x.stage))) {
      if (skip.has(c.group)) continue;
      const head = [names.grouping(grouping), names.cellGroup(c), names.stage(c.stage).label];
      const pop = c.nPopulation === null ? `< ${t}` : c.nPopulation;
      if (c.suppressed !== null) {
        rows.push([...head, pop, ...Array<ReportValue>(6).fill(hidden(c, t)), '–']);
        continue;
      }
      const share = (v: number | null) => (c.unknown ? '–' : num(v, 'pct'));
      rows.push([
        ...head,
        pop,
        share(c.sharePopulation),
        share(c.shareStage),
        c.unknown ? '–' : num(c.differencePp, 'points'),
        num(c.rate, 'pct'),
        num(c.rateLower, 'pct'),
        num(c.rateUpper, 'pct'),
        c.clear ? tx.yes : tx.no,
      ]);
    }
  }
  const col = tx.col;
  return {
    key,
    name: key === 'groups' ? tx.sheet.groups : tx.sheet.attention,
    title,
    columns: [
      { label: col.ground, kind: 'text' },
      { label: col.group, kind: 'text' },
      { label: col.stage, kind: 'text' },
      { label: col.groupSize, kind: 'count' },
      { label: col.sharePopulation, kind: 'pct' },
      { label: col.shareStage, kind: 'pct' },
      { label: col.difference, kind: 'points' },
      { label: col.rate, kind: 'pct' },
      { label: col.rateLower, kind: 'pct' },
      { label: col.rateUpper, kind: 'pct' },
      { label: col.clear, kind: 'text' },
    ],
    rows,
    notes: folded > 0 ? [tx.folded(folded)] : [],
  };
}

function funnelTable(result: MirrorResult, { tx, names }: Ctx): ReportTable {
  return {
    key: 'funnel',
    name: tx.sheet.funnel,
    title: tx.funnelTitle,
    columns: [
      { label: tx.col.stage, kind: 'text' },
      { label: tx.col.meaning, kind: 'text' },
      { label: tx.col.count, kind: 'count' },
      { label: tx.col.rate, kind: 'pct' },
    ],
    rows: result.totals.map((s) => {
      const d = names.stage(s.stage);
      return [d.label, d.description, s.reached === null ? `< ${result.threshold}` : s.reached, num(s.rate, 'pct')];
    }),
    notes: [],
  };
}

function qualityTable(answer: MirrorAnswer, grounds: readonly string[], { tx, names }: Ctx): ReportTable {
  const { quality, result } = answer;
  const t = result.threshold;
  // no unknown group: 0; an unknown group too small to show: hidden (null), as on the page
  const unknownOf = (g: string): number | null => {
    const cell = result.cells.find((c) => c.ground === g && c.unknown && c.stage === result.stages[0]);
    return cell ? cell.nPopulation : 0;
  };
  const rows: [string, number | null][] = [
    [tx.quality.missingDiagnosis, quality.missingDiagnosis],
    [tx.quality.withoutConversation, quality.withoutConversation],
    [tx.quality.impossibleDates, quality.impossibleDates],
    ...grounds.map((g): [string, number | null] => [tx.qualityUnknown(names.grouping(g)), unknownOf(g)]),
  ];
  return {
    key: 'quality',
    name: tx.sheet.quality,
    title: tx.qualityTitle,
    columns: [
      { label: tx.col.what, kind: 'text' },
      { label: tx.col.count, kind: 'count' },
      { label: tx.col.shareOfPeople, kind: 'pct' },
    ],
    rows: rows.map(([what, n]) => [
      what,
      n === null ? `< ${t}` : n,
      n === null || result.population === 0 ? '–' : num((100 * n) / result.population, 'pct'),
    ]),
    notes: [tx.qualityNote],
  };
}

/** Register or questionnaire per fact behind the grounds (only when the answer has it). */
function factSourcesTable(answer: MirrorAnswer, { tx }: Ctx): ReportTable | null {
  const sources = answer.quality.factSources;
  if (!sources) return null;
  const t = answer.result.threshold;
  const cell = (n: number | null): ReportValue => (n === null ? `< ${t}` : n);
  const c = tx.sources.col;
  return {
    key: 'sources',
    name: tx.sheet.sources,
    title: tx.sources.title,
    columns: [
      { label: c.fact, kind: 'text' },
      { label: c.register, kind: 'count' },
      { label: c.questionnaire, kind: 'count' },
      { label: c.unknown, kind: 'count' },
      { label: c.differ, kind: 'count' },
    ],
    rows: sources.map((s) => [
      tx.sources.facts[s.fact] ?? s.fact,
      cell(s.register),
      cell(s.questionnaire),
      cell(s.unknown),
      cell(s.differ),
    ]),
    notes: [tx.sources.note],
  };
}

function nationalTable(answer: MirrorAnswer, { tx, names, lang }: Ctx): ReportTable {
  const t = answer.result.threshold;
  const groupName = (g: string) =>
    lang === 'en' ? (NATIONAL_GROUP_LABELS_EN[g] ?? g) : g.charAt(0).toUpperCase() + g.slice(1);
  return {
    key: 'national',
    name: tx.sheet.national,
    title: tx.nationalTitle,
    columns: [
      { label: tx.col.ground, kind: 'text' },
      { label: tx.col.group, kind: 'text' },
      { label: tx.col.stage, kind: 'text' },
      { label: tx.col.diffHere, kind: 'points' },
      { label: tx.col.diffNational, kind: 'points' },
      { label: tx.col.rateHere, kind: 'pct' },
      { label: tx.col.rateNational, kind: 'pct' },
    ],
    rows: answer.benchmark.map((b) => [
      names.grouping(b.ground),
      groupName(b.nationalGroup),
      names.stage(b.stage).label,
      b.localDifferencePp === null ? `< ${t}` : roundAs(b.localDifferencePp, 'points'),
      roundAs(b.nationalDifferencePp, 'points'),
      b.localRate === null ? `< ${t}` : roundAs(b.localRate, 'pct'),
      roundAs(b.nationalRate, 'pct'),
    ]),
    notes: [tx.nationalCaveat],
  };
}

function adjustedTable(a: AdjustedResult, threshold: number, { tx, names }: Ctx): ReportTable {
  const or = (e: { oddsRatio: number; lower: number; upper: number } | null, isRef: boolean): ReportValue[] =>
    e
      ? [roundAs(e.oddsRatio, 'ratio'), roundAs(e.lower, 'ratio'), roundAs(e.upper, 'ratio')]
      : Array<ReportValue>(3).fill(isRef ? tx.reference : '–');
  const covariates = a.covariates.map((c) => names.grouping(c).toLowerCase()).join(', ');
  const col = tx.col;
  return {
    key: 'adjusted',
    name: tx.sheet.adjusted,
    title: tx.adjustedTitle(
      names.grouping(a.ground),
      names.stage(a.stage).label,
      names.group(a.ground, a.reference),
      covariates || tx.nothing,
    ),
    columns: [
      { label: col.group, kind: 'text' },
      { label: col.count, kind: 'count' },
      { label: col.reached, kind: 'count' },
      { label: col.crudeOr, kind: 'ratio' },
      { label: col.crudeLower, kind: 'ratio' },
      { label: col.crudeUpper, kind: 'ratio' },
      { label: col.adjustedOr, kind: 'ratio' },
      { label: col.adjustedLower, kind: 'ratio' },
      { label: col.adjustedUpper, kind: 'ratio' },
      { label: col.p, kind: 'p' },
    ],
    rows: a.rows.map((r) => {
      const label = names.group(a.ground, r.group);
      // as on the page: a group too small shows "< threshold" for its numbers and no ratios
      if (r.suppressed) return [label, `< ${threshold}`, `< ${threshold}`, ...Array<ReportValue>(7).fill('–')];
      const isRef = r.group === a.reference;
      const p = r.adjusted ? (r.adjusted.p < 0.001 ? tx.pBelow : roundAs(r.adjusted.p, 'p')) : '–';
      return [label, r.n ?? '–', r.reached ?? '–', ...or(r.crude, isRef), ...or(r.adjusted, isRef), p];
    }),
    // the explanation is written in Dutch; in English the report gives the general reading
    notes: tx.adjustedNote ? [tx.adjustedNote] : [...(a.problem ? [a.problem] : []), ...a.explanation],
  };
}

export function methodNotes(result: MirrorResult, lang: ReportLang = 'nl'): string[] {
  const base = result.protection && result.protection.base > 1 ? result.protection.base : null;
  return reportTexts(lang).method(result.threshold, base);
}

/**
 * Everything the mirror page shows for one view, as labelled tables with numbers rounded as on
 * screen: the one source of the HTML, PDF, XLSX and CSV reports, in Dutch or English.
 */
export function buildReport(input: ReportInput): MirrorReport {
  const { answer } = input;
  const lang = input.lang ?? 'nl';
  const extra = input.extraGrounds ?? [];
  const ctx: Ctx = { tx: reportTexts(lang), names: reportNames(lang, extra), lang };
  const result = answer.result;
  const singles = result.groupings.filter((g) => !g.includes(INTERSECTION_SEPARATOR));
  const tables: ReportTable[] = [
    funnelTable(result, ctx),
    groupTable(
      'groups',
      ctx.tx.groupsTitle(ctx.names.grouping(input.grouping)),
      result,
      [input.grouping],
      result.stages,
      ctx,
    ),
    qualityTable(answer, singles, ctx),
  ];
  const sources = factSourcesTable(answer, ctx);
  if (sources) tables.push(sources);
  if (answer.benchmark.length) tables.push(nationalTable(answer, ctx));
  if (input.adjusted) tables.push(adjustedTable(input.adjusted, result.threshold, ctx));
  if (input.attention) {
    const attention = input.attention;
    const stages = ['contact_4', 'onder_op_de_stapel'].filter((s) => attention.stages.includes(s));
    // the groupings the page shows: the chosen one, and per team or per consultant
    const shown = [input.grouping, 'team', 'klantmanager'].filter((g) => attention.groupings.includes(g));
    tables.push(groupTable('attention', ctx.tx.attentionTitle, attention, shown, stages, ctx));
  }
  return {
    lang,
    title: 'Kansenspiegel',
    municipality: input.municipality,
    period: input.period,
    scope: input.scope,
    ground: input.ground,
    generatedOn: input.generatedOn,
    population: result.population,
    threshold: result.threshold,
    narrative: answer.narrative,
    tables,
    methodNotes: methodNotes(result, lang),
  };
}

/** A value as the page writes it: decimal comma (Dutch) or point (English), thousands separator, points with a sign. */
export function formatValue(value: ReportValue, kind: ColumnKind, lang: ReportLang = 'nl'): string {
  if (typeof value === 'string' || kind === 'text') return String(value);
  const d = DECIMALS[kind];
  const text = Math.abs(value).toLocaleString(reportTexts(lang).locale, {
    minimumFractionDigits: d,
    maximumFractionDigits: d,
  });
  if (kind === 'points' && value !== 0) return `${value < 0 ? '−' : '+'}${text}`;
  return value < 0 ? `−${text}` : text;
}

/** A value as the page writes it in Dutch. */
export const formatNl = (value: ReportValue, kind: ColumnKind): string => formatValue(value, kind, 'nl');
