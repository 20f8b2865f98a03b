import type { AdjustedResult } from './adjusted.js';
import type { MirrorAnswer } from './answer.js';
import { NATIONAL_CAVEAT } from './caveats.js';
import type { MirrorCell, MirrorResult } from './funnel.js';
import { INTERSECTION_SEPARATOR, groupingLabel } from './funnel.js';
import { groundDef, groupLabel, type GroundDef } from './grounds.js';
import { stageDef } from './stages.js';
import { fullyHiddenGroups } from './folded.js';

/** How a column's numbers are shown: the same rounding on the page and in every file. */
export type ColumnKind = 'text' | 'count' | 'pct' | 'points' | 'ratio' | 'p';

/** Decimals per kind, as the page shows them (src/web/pages/spiegel/format.ts). */
export const DECIMALS: Record<Exclude<ColumnKind, 'text'>, number> = { count: 0, pct: 1, points: 1, ratio: 2, p: 3 };

/** A number (already rounded as shown), a marker such as "< 10" or "x", or text. */
export type ReportValue = number | string;

export interface ReportTable {
  /** Short name: the XLSX sheet, and the id of the section. */
  name: string;
  title: string;
  columns: { label: string; kind: ColumnKind }[];
  rows: ReportValue[][];
  /** Method notes shown under the table, in every format. */
  notes: string[];
}

export interface MirrorReport {
  title: string;
  municipality: string;
  period: string;
  scope: string;
  ground: string;
  /** Dutch date ("30 november 2026"). */
  generatedOn: string;
  population: number;
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

function cellGroup(c: Pick<MirrorCell, 'ground' | 'groups'>, extra: readonly GroundDef[]): string {
  const keys = c.ground.split(INTERSECTION_SEPARATOR);
  return c.groups
    .map((g, i) => {
      const d = groundDef(keys[i], extra);
      return d ? groupLabel(d, g) : g;
    })
    .join(' · ');
}

const hidden = (c: MirrorCell, t: number): string => (c.suppressed === 'secundair' ? 'x' : `< ${t}`);

export const foldedNote = (n: number): string =>
  n === 1 ? '1 groep te klein om te tonen.' : `${n} groepen te klein om te tonen.`;

function groupTable(
  name: string,
  title: string,
  result: MirrorResult,
  groupings: readonly string[],
  stages: readonly string[],
  extra: readonly GroundDef[],
): ReportTable {
  const t = result.threshold;
  const rows: ReportValue[][] = [];
  let folded = 0;
  for (const grouping of groupings) {
    const skip = fullyHiddenGroups(result, grouping, stages);
    folded += skip.size;
    for (const c of result.cells.filter((x) => x.ground === grouping && stages.includes(x.stage))) {
      if (skip.has(c.group)) continue;
      const head = [groupingLabel(grouping, extra), cellGroup(c, extra), stageDef(c.stage).label];
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
        c.clear ? 'ja' : 'nee',
      ]);
    }
  }
  return {
    name,
    title,
    columns: [
      { label: 'Kenmerk', kind: 'text' },
      { label: 'Groep', kind: 'text' },
      { label: 'Fase', kind: 'text' },
      { label: 'Aantal in de groep', kind: 'count' },
      { label: 'Aandeel in de bevolking (%)', kind: 'pct' },
      { label: 'Aandeel in de fase (%)', kind: 'pct' },
      { label: 'Verschil (procentpunten)', kind: 'points' },
      { label: 'Kans (%)', kind: 'pct' },
      { label: 'Kans, ondergrens 95%-interval (%)', kind: 'pct' },
      { label: 'Kans, bovengrens 95%-interval (%)', kind: 'pct' },
      { label: 'Duidelijk verschil', kind: 'text' },
    ],
    rows,
    notes: folded > 0 ? [foldedNote(folded)] : [],
  };
}

function funnelTable(result: MirrorResult): ReportTable {
  return {
    name: 'Trechter',
    title: 'De trechter: hoeveel mensen elke fase bereikten',
    columns: [
      { label: 'Fase', kind: 'text' },
      { label: 'Betekenis', kind: 'text' },
      { label: 'Aantal', kind: 'count' },
      { label: 'Kans (%)', kind: 'pct' },
    ],
    rows: result.totals.map((s) => {
      const d = stageDef(s.stage);
      return [d.label, d.description, s.reached === null ? `< ${result.threshold}` : s.reached, num(s.rate, 'pct')];
    }),
    notes: [],
  };
}

function qualityTable(answer: MirrorAnswer, grounds: readonly string[], extra: readonly GroundDef[]): ReportTable {
  const { quality, result } = answer;
  const t = result.threshold;
  const unknownOf = (g: string): number | null =>
    result.cells.find((c) => c.ground === g && c.unknown && c.stage === result.stages[0])?.nPopulation ?? 0;
  const rows: [string, number | null][] = [
    ['Mensen zonder diagnoseadvies', quality.missingDiagnosis],
    ['Klanten zonder enig gesprek in het dossier', quality.withoutConversation],
    ['Klanten met een onmogelijke datum (geboortedatum, uitkering of gesprek)', quality.impossibleDates],
    ...grounds.map((g): [string, number | null] => [
      `Kenmerk onbekend: ${groundDef(g, extra)?.label ?? g}`,
      unknownOf(g),
    ]),
  ];
  return {
    name: 'Kwaliteit',
    title: 'Kwaliteit van de gegevens in deze periode',
    columns: [
      { label: 'Wat', kind: 'text' },
      { label: 'Aantal', kind: 'count' },
      { label: 'Deel van de mensen met bijstand (%)', kind: 'pct' },
    ],
    rows: rows.map(([what, n]) => [
      what,
      n === null ? `< ${t}` : n,
      n === null || result.population === 0 ? '–' : num((100 * n) / result.population, 'pct'),
    ]),
    notes: ['Cijfers zijn zo goed als de registratie. Dit ontbreekt of klopt niet.'],
  };
}

const FACT_LABELS: Record<string, string> = {
  birth_country: 'Geboorteland',
  mother_birth_country: 'Geboorteland van de moeder',
  father_birth_country: 'Geboorteland van de vader',
  nationality: 'Nationaliteit',
  statushouder: 'Statushouder',
};

/** Register or questionnaire per fact behind the grounds (only when the answer has it). */
function factSourcesTable(answer: MirrorAnswer): ReportTable | null {
  const sources = answer.quality.factSources;
  if (!sources) return null;
  const t = answer.result.threshold;
  const cell = (n: number | null): ReportValue => (n === null ? `< ${t}` : n);
  return {
    name: 'Bronnen',
    title: 'Registratie of vragenlijst: waar de gegevens over herkomst vandaan komen',
    columns: [
      { label: 'Gegeven', kind: 'text' },
      { label: 'Uit de registratie', kind: 'count' },
      { label: 'Alleen uit een vragenlijst', kind: 'count' },
      { label: 'Onbekend', kind: 'count' },
      { label: 'Registratie en vragenlijst verschillen', kind: 'count' },
    ],
    rows: sources.map((s) => [
      FACT_LABELS[s.fact] ?? s.fact,
      cell(s.register),
      cell(s.questionnaire),
      cell(s.unknown),
      cell(s.differ),
    ]),
    notes: [
      'Staat een gegeven in de registratie én in een vragenlijst, dan telt de registratie. Dat geldt per gegeven: ontbreekt het in de registratie, dan telt het antwoord.',
    ],
  };
}

function nationalTable(answer: MirrorAnswer, extra: readonly GroundDef[]): ReportTable {
  const t = answer.result.threshold;
  return {
    name: 'Nederland',
    title: 'Vergelijking met Nederland (CBS 2018)',
    columns: [
      { label: 'Kenmerk', kind: 'text' },
      { label: 'Groep', kind: 'text' },
      { label: 'Fase', kind: 'text' },
      { label: 'Verschil hier (procentpunten)', kind: 'points' },
      { label: 'Verschil landelijk (procentpunten)', kind: 'points' },
      { label: 'Kans hier (%)', kind: 'pct' },
      { label: 'Kans landelijk (%)', kind: 'pct' },
    ],
    rows: answer.benchmark.map((b) => [
      groupingLabel(b.ground, extra),
      b.nationalGroup.charAt(0).toUpperCase() + b.nationalGroup.slice(1),
      stageDef(b.stage).label,
      b.localDifferencePp === null ? `< ${t}` : roundAs(b.localDifferencePp, 'points'),
      roundAs(b.nationalDifferencePp, 'points'),
      b.localRate === null ? `< ${t}` : roundAs(b.localRate, 'pct'),
      roundAs(b.nationalRate, 'pct'),
    ]),
    notes: [NATIONAL_CAVEAT.nl],
  };
}

function adjustedTable(a: AdjustedResult, threshold: number, extra: readonly GroundDef[]): ReportTable {
  const or = (e: { oddsRatio: number; lower: number; upper: number } | null, isRef: boolean): ReportValue[] =>
    e
      ? [roundAs(e.oddsRatio, 'ratio'), roundAs(e.lower, 'ratio'), roundAs(e.upper, 'ratio')]
      : Array<ReportValue>(3).fill(isRef ? 'referentie' : '–');
  const covariates = a.covariates.map((c) => groundDef(c, extra)?.label.toLowerCase() ?? c).join(', ');
  return {
    name: 'Rekening houdend met',
    title: `${groupingLabel(a.ground, extra)}, ${stageDef(a.stage).label}: odds ratio tegen ${a.rows.find((r) => r.group === a.reference)?.label ?? a.reference}, zonder en met correctie voor ${covariates || 'niets'}`,
    columns: [
      { label: 'Groep', kind: 'text' },
      { label: 'Aantal', kind: 'count' },
      { label: 'Bereikt', kind: 'count' },
      { label: 'Zonder correctie: odds ratio', kind: 'ratio' },
      { label: 'Zonder correctie: ondergrens', kind: 'ratio' },
      { label: 'Zonder correctie: bovengrens', kind: 'ratio' },
      { label: 'Met correctie: odds ratio', kind: 'ratio' },
      { label: 'Met correctie: ondergrens', kind: 'ratio' },
      { label: 'Met correctie: bovengrens', kind: 'ratio' },
      { label: 'p (met correctie)', kind: 'p' },
    ],
    rows: a.rows.map((r) => {
      if (r.suppressed) return [r.label, ...Array<ReportValue>(9).fill(`< ${threshold}`)];
      const isRef = r.group === a.reference;
      const p = r.adjusted ? (r.adjusted.p < 0.001 ? '< 0,001' : roundAs(r.adjusted.p, 'p')) : '–';
      return [r.label, r.n ?? '–', r.reached ?? '–', ...or(r.crude, isRef), ...or(r.adjusted, isRef), p];
    }),
    notes: [...(a.problem ? [a.problem] : []), ...a.explanation],
  };
}

export function methodNotes(result: MirrorResult): string[] {
  const t = result.threshold;
  return [
    'Aandeel: welk deel van de mensen in een fase tot deze groep hoort. Verschil: dat aandeel min het aandeel van de groep in de hele bevolking, in procentpunten. Negatief betekent ondervertegenwoordigd.',
    'Kans: welk deel van de groep de fase bereikte, met een 95%-betrouwbaarheidsinterval (Wilson). Een duidelijk verschil met de rest: na correctie voor het aantal vergelijkingen (Benjamini-Hochberg) p < 0,05 en minstens 10% hoger of lager.',
    'Rekening houdend met andere kenmerken: logistische regressie; een odds ratio onder 1 betekent een kleinere kans dan de referentiegroep.',
    `"< ${t}": minder dan ${t} mensen. "x": genoeg mensen, maar met dit cijfer zou u een verborgen klein aantal kunnen terugrekenen. Beide tonen we niet.`,
    ...(result.protection && result.protection.base > 1
      ? [
          `Alle aantallen zijn afgerond op veelvouden van ${result.protection.base}. Percentages, verhoudingen en toetsen zijn berekend uit de afgeronde aantallen, zodat niemand door cijfers van elkaar af te trekken iets over één persoon te weten komt.`,
        ]
      : []),
  ];
}

/**
 * Everything the mirror page shows for one view, as labelled tables with numbers rounded as on
 * screen: the one source of the HTML, PDF, XLSX and CSV reports.
 */
export function buildReport(input: ReportInput): MirrorReport {
  const { answer } = input;
  const extra = input.extraGrounds ?? [];
  const result = answer.result;
  const singles = result.groupings.filter((g) => !g.includes(INTERSECTION_SEPARATOR));
  const tables: ReportTable[] = [
    funnelTable(result),
    groupTable(
      'Per groep',
      `Per groep: ${groupingLabel(input.grouping, extra)}`,
      result,
      [input.grouping],
      result.stages,
      extra,
    ),
    qualityTable(answer, singles, extra),
  ];
  const sources = factSourcesTable(answer);
  if (sources) tables.push(sources);
  if (answer.benchmark.length) tables.push(nationalTable(answer, extra));
  if (input.adjusted) tables.push(adjustedTable(input.adjusted, result.threshold, extra));
  if (input.attention) {
    const stages = ['contact_4', 'onder_op_de_stapel'].filter((s) => input.attention!.stages.includes(s));
    tables.push(
      groupTable(
        'Aandacht',
        'Aandachtsspiegel: gesprekken en "onder op de stapel" per groep',
        input.attention,
        input.attention.groupings,
        stages,
        extra,
      ),
    );
  }
  return {
    title: 'Kansenspiegel',
    municipality: input.municipality,
    period: input.period,
    scope: input.scope,
    ground: input.ground,
    generatedOn: input.generatedOn,
    population: result.population,
    narrative: answer.narrative,
    tables,
    methodNotes: methodNotes(result),
  };
}

/** A value as the page writes it in Dutch: decimal comma, thousands dot, points with a sign. */
export function formatNl(value: ReportValue, kind: ColumnKind): string {
  if (typeof value === 'string' || kind === 'text') return String(value);
  const d = DECIMALS[kind];
  const text = Math.abs(value).toLocaleString('nl-NL', { minimumFractionDigits: d, maximumFractionDigits: d });
  if (kind === 'points' && value !== 0) return `${value < 0 ? '−' : '+'}${text}`;
  return value < 0 ? `−${text}` : text;
}
