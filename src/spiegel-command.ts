import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from './config.js';
import { GROUNDS, type GroundDef } from './mirror/grounds.js';
import { buildPersonTable } from './mirror/person-table.js';
import { computeMirror } from './mirror/funnel.js';
import { SelectionError, parseGroupings, parsePeriod, parsePublishedPeriod } from './mirror/selection.js';
import { buildMirrorAnswer, type QualityInput } from './mirror/answer.js';
import { MIN_SCOPE_FACTOR, keyOfSet, protectionRules, type ProtectionRules } from './mirror/disclosure.js';
import { mirrorToCsv } from './mirror/report-csv.js';
import { compareResults, type PeriodComparisonRow } from './mirror/benchmark.js';
import { readMirrorExtractFile, type ExtractResult } from './import/mirror-extract.js';
import type { ExtractMapping } from './import/extract-mapping.js';
import type { adjustedComparison as AdjustedComparison } from './mirror/adjusted.js';
import type { PersonTable } from './mirror/person-table.js';
import { nl } from './mirror/format.js';

// Modules that only some uses need (the HTML report, the adjusted comparison, record keys, the
// database) are loaded when used, so that `spiegel --input … --format csv` starts quickly.

export const SPIEGEL_USAGE = `Gebruik: kansenspiegel spiegel [opties]

  --period P        2025 (een jaar) of 2025-01-01..2025-06-30 (standaard: vorig jaar);
                    met --protect alleen een jaar, kwartaal (2025-K1) of maand (2025-03)
  --ground G        kenmerken, met komma's; een kruising met ×, * of + (bv. geslacht*leeftijd)
                    standaard: alle kenmerken
  --intersections   ook alle kruisingen van twee van de gekozen kenmerken
  --format F        html | csv | json (standaard html)
  --out BESTAND     schrijf naar dit bestand (standaard: het scherm)
  --threshold N     drempel voor kleine aantallen (standaard 10)
  --protect         dezelfde bescherming als de server, voor cijfers die u publiceert:
                    aantallen afgerond op vijftallen (per celsleutel), alles berekend uit
                    de afgeronde aantallen (docs/openbaarmaking.md). Zonder deze optie:
                    exacte cijfers met alleen de drempel, voor de analist die het extract al heeft.
  --input BESTAND   een extract (CSV) van de gemeente, zonder het te laden; een regel per
                    persoon met de kolommen persoon, geslacht, leeftijd, migratieachtergrond,
                    huishouden, doelgroepregister en de fasen (0 of 1). CBS-namen zoals
                    eenpersoons, paar, (on)gehuwde paren en eenouderhuishouden worden herkend.
  --mapping BESTAND koppeling (JSON, zoals bij import) met onderdeel "extract": columns,
                    values en defaults, voor eigen kolomnamen en waarden
  --strict          met --input: laat een regel met een onbekende waarde weg (de oude regel);
                    standaard telt de persoon mee en is alleen dat kenmerk onbekend
  --age-bands A,B   ondergrenzen van de leeftijdsgroepen na de eerste (standaard 27,45)
  --adjusted FASE   de gecorrigeerde vergelijking voor deze fase, voor het ene kenmerk van
                    --ground (csv of json; html geeft tekst)
  --covariates A,B  kenmerken waarvoor gecorrigeerd wordt (bij --adjusted), bv. leeftijd
  --reference R     de vergelijkingsgroep (bij --adjusted)
  --team ID         alleen dit team (database)
  --compare-period P  vergelijk met een andere periode (database)
  --compare-team ID   vergelijk met een ander team (database)
  --help            deze uitleg
`;

export const SPIEGEL_OPTIONS = {
  period: { type: 'string' },
  ground: { type: 'string' },
  format: { type: 'string', default: 'html' },
  out: { type: 'string' },
  threshold: { type: 'string' },
  input: { type: 'string' },
  mapping: { type: 'string' },
  strict: { type: 'boolean', default: false },
  'age-bands': { type: 'string' },
  adjusted: { type: 'string' },
  covariates: { type: 'string' },
  reference: { type: 'string' },
  team: { type: 'string' },
  'compare-period': { type: 'string' },
  'compare-team': { type: 'string' },
  intersections: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
  protect: { type: 'boolean', default: false },
} as const;

type SpiegelValues = ReturnType<typeof parseArgs<{ args: string[]; options: typeof SPIEGEL_OPTIONS }>>['values'];

/** The CLI's reading of a period or ground choice: the option name before the reason. */
function cliSelection<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof SelectionError) throw new Error(`--${err.field} ${err.reason}`, { cause: err });
    throw err;
  }
}

/** The population to mirror, from an extract or from the database. */
interface Population {
  table: PersonTable;
  grounds: GroundDef[];
  extraGrounds: GroundDef[];
  quality: QualityInput;
  subtitle: string;
  other: { table: PersonTable; label: string } | null;
}

type Period = ReturnType<typeof parsePeriod>;

const BASE_GROUNDS = ['geslacht', 'leeftijd', 'migratieachtergrond', 'huishouden', 'doelgroepregister'];

async function fromExtract(values: SpiegelValues, config: Config, protect: boolean): Promise<Population> {
  const input = values.input!;
  const extraKeys = (values.ground ?? '')
    .split(/[,×*+]/)
    .map((s) => s.trim())
    .filter((k) => k && !BASE_GROUNDS.includes(k));
  for (const k of (values.covariates ?? '').split(',').map((s) => s.trim()))
    if (k && !BASE_GROUNDS.includes(k) && !extraKeys.includes(k)) extraKeys.push(k);
  const bands = values['age-bands'] ? values['age-bands'].split(',').map(Number) : undefined;
  let keyFor: ((id: string) => number) | undefined;
  if (protect) {
    const { recordKeyForExtract } = await import('./domain/pseudonym.js');
    keyFor = (id: string) => recordKeyForExtract(id, config.pseudonymSecret);
  }
  let mapping: ExtractMapping | undefined;
  if (values.mapping) {
    const { parseExtractMapping } = await import('./import/extract-mapping.js');
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(values.mapping, 'utf8'));
    } catch (err) {
      throw new Error(`--mapping ${values.mapping}: geen leesbare JSON (${(err as Error).message}).`, { cause: err });
    }
    mapping = parseExtractMapping(json, extraKeys);
  }
  const extract = readMirrorExtractFile(input, {
    extraGrounds: extraKeys,
    ageBands: bands,
    keyFor,
    mapping,
    strict: values.strict,
    countsOnly: !values.adjusted,
  });
  reportExtract(extract);
  return {
    table: extract.table,
    grounds: extract.grounds,
    extraGrounds: extract.grounds.filter((g) => extraKeys.includes(g.key)),
    quality: { rejectedRows: extract.rejectedRows },
    subtitle: `Extract ${input}: ${nl(extract.table.size)} mensen.`,
    other: null,
  };
}

/** Errors and warnings of an extract, on stderr. */
function reportExtract(extract: ExtractResult): void {
  for (const e of extract.errors.slice(0, 50)) console.error(`regel ${e.row}, ${e.field}: ${e.reason}`);
  if (extract.errorCount > 50) console.error(`... en nog ${extract.errorCount - 50} fouten`);
  if (extract.errorCount) console.error(`${extract.errorCount} fout(en); ${extract.table.size} regels meegeteld.`);
  const warnings = extract.warnings;
  for (const w of warnings.slice(0, 50))
    console.error(
      `waarschuwing: ${w.field} "${w.value}" niet herkend; ${w.count} keer als onbekend geteld (eerst op regel ${w.firstRow})`,
    );
  if (warnings.length > 50) console.error(`... en nog ${warnings.length - 50} waarden`);
  if (warnings.length) {
    const people = warnings.reduce((a, w) => a + w.count, 0);
    console.error(
      `${warnings.length} onbekende waarde(n), ${people} keer: deze mensen tellen mee, alleen dat kenmerk is voor hen onbekend. Vertaal de waarden met --mapping.`,
    );
  }
}

async function fromDatabase(
  values: SpiegelValues,
  config: Config,
  period: Period,
  readPeriod: (v: string | undefined) => Period,
): Promise<Population> {
  const { openDb } = await import('./store/db.js');
  const { migrate } = await import('./store/migrate.js');
  const { loadMirrorRows, CORE_STAGE_KEYS } = await import('./store/mirror-source.js');
  const { recordKeyFor } = await import('./domain/pseudonym.js');
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(db);
    const [m] = await db.query<{ id: number; name: string }>('SELECT id, name FROM municipality ORDER BY id LIMIT 1');
    if (!m) throw new Error('De database bevat nog geen gemeente. Start eerst met DEMO=1 of importeer gegevens.');
    const teamId = values.team ? Number(values.team) : null;
    const rows = await loadMirrorRows(
      db,
      { municipalityId: m.id, from: period.from, to: period.to, teamId },
      config.pseudonymSecret,
    );
    const keyOf = (id: number) => recordKeyFor(id, config.pseudonymSecret);
    const grounds = [...GROUNDS];
    const stages = [...CORE_STAGE_KEYS];
    const toTable = (rs: typeof rows) =>
      buildPersonTable(
        rs.map((r) => ({ ...r.person, key: keyOf(r.clientId) })),
        grounds,
        stages,
      );
    let other: Population['other'] = null;
    if (values['compare-period'] || values['compare-team']) {
      const otherPeriod = values['compare-period'] ? readPeriod(values['compare-period']) : period;
      const otherTeam = values['compare-team'] ? Number(values['compare-team']) : teamId;
      const otherRows = await loadMirrorRows(
        db,
        { municipalityId: m.id, from: otherPeriod.from, to: otherPeriod.to, teamId: otherTeam },
        config.pseudonymSecret,
      );
      other = {
        table: toTable(otherRows),
        label: values['compare-period'] ? `periode ${otherPeriod.label}` : `team ${otherTeam}`,
      };
    }
    const missing = rows.filter((r) => !r.hasDiagnosis);
    return {
      table: toTable(rows),
      grounds,
      extraGrounds: [],
      quality: { missingDiagnosis: { count: missing.length, key: keyOfSet(missing.map((r) => keyOf(r.clientId))) } },
      subtitle: `Gemeente ${m.name}, periode ${period.label}: ${nl(rows.length)} mensen met bijstand.`,
      other,
    };
  } finally {
    await db.close();
  }
}

export async function runSpiegel(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: SPIEGEL_OPTIONS });
  if (values.help) {
    console.log(SPIEGEL_USAGE);
    return;
  }
  const format = values.format!;
  if (!['html', 'csv', 'json'].includes(format)) throw new Error(`--format "${format}": kies html, csv of json.`);
  const config = loadConfig();
  const threshold = values.threshold === undefined ? config.suppressionThreshold : Number(values.threshold);
  if (!Number.isInteger(threshold) || threshold < 1)
    throw new Error(`--threshold "${values.threshold}": een heel getal van 1 of meer.`);
  const protect = values.protect === true;
  const readPeriod = (v: string | undefined) =>
    cliSelection(() => (protect ? parsePublishedPeriod(v) : parsePeriod(v)));
  const period = readPeriod(values.period);
  if (values.mapping && !values.input) throw new Error('--mapping hoort bij --input.');

  const pop = values.input
    ? await fromExtract(values, config, protect)
    : await fromDatabase(values, config, period, readPeriod);
  const { table, extraGrounds } = pop;
  const protection = protect ? protectionRules(threshold, config.roundingBase) : null;
  if (protect && table.size < MIN_SCOPE_FACTOR * threshold)
    throw new Error(
      `Te weinig mensen (${table.size}) om beschermde cijfers te maken: minstens ${MIN_SCOPE_FACTOR * threshold}.`,
    );
  let output: string;
  if (values.adjusted) {
    const { adjustedComparison } = await import('./mirror/adjusted.js');
    output = adjustedOutput(adjustedComparison, values, pop, format, threshold, protection);
  } else {
    const available = pop.grounds.map((g) => g.key);
    const groupings = cliSelection(() => parseGroupings(values.ground, available, values.intersections));
    const { result, narrative, benchmark } = buildMirrorAnswer({
      table,
      groupings,
      threshold,
      protection,
      extraGrounds,
      quality: pop.quality,
    });
    let comparison: { label: string; rows: PeriodComparisonRow[] } | undefined;
    if (pop.other) {
      const other = computeMirror(
        pop.other.table,
        groupings,
        protection ? { protection, extraGrounds } : { threshold, extraGrounds },
      );
      comparison = { label: pop.other.label, rows: compareResults(result, other) };
    }
    if (format === 'csv') output = mirrorToCsv(result);
    else if (format === 'json') output = `${JSON.stringify({ ...result, narrative, comparison }, null, 2)}\n`;
    else {
      const { mirrorToHtml } = await import('./mirror/report-html.js');
      const { todayIso } = await import('./domain/dates.js');
      output = mirrorToHtml({
        title: 'Kansenspiegel',
        subtitle: pop.subtitle,
        result,
        narrative,
        benchmark,
        comparison,
        extraGrounds,
        generatedAt: todayIso(),
      });
    }
  }
  if (values.out) {
    writeFileSync(values.out, output);
    console.error(`Geschreven: ${values.out}`);
  } else process.stdout.write(output);
}

/** `--adjusted FASE`: the adjusted comparison (src/mirror/adjusted.ts) for the one ground of --ground. */
function adjustedOutput(
  adjustedComparison: typeof AdjustedComparison,
  values: SpiegelValues,
  pop: Population,
  format: string,
  threshold: number,
  protection: ProtectionRules | null,
): string {
  const stage = values.adjusted!;
  if (!pop.table.stages.includes(stage))
    throw new Error(`--adjusted "${stage}": kies een fase uit ${pop.table.stages.join(', ')}.`);
  const ground = (values.ground ?? '').trim();
  const def = pop.grounds.find((g) => g.key === ground);
  if (!def)
    throw new Error(
      `--adjusted vraagt één kenmerk bij --ground; kies uit ${pop.grounds.map((g) => g.key).join(', ')}.`,
    );
  const covariates = (values.covariates ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  for (const c of covariates)
    if (!pop.table.grounds.has(c))
      throw new Error(`--covariates "${c}": kies uit ${pop.grounds.map((g) => g.key).join(', ')}.`);
  if (values.reference && !def.groups.includes(values.reference))
    throw new Error(`--reference "${values.reference}" is geen groep van ${def.label}.`);
  const r = adjustedComparison(pop.table, {
    stage,
    ground,
    covariates,
    reference: values.reference,
    threshold,
    protection: protection ?? undefined,
  });
  if (format === 'json') return `${JSON.stringify(r, null, 2)}\n`;
  const num = (x: number | null | undefined) => (x === null || x === undefined ? '' : String(x));
  if (format === 'csv') {
    const lines = [
      'groep,n,n_fase,or_ruw,or_ruw_onder,or_ruw_boven,p_ruw,or_gecorrigeerd,or_onder,or_boven,p,onderdrukt',
    ];
    for (const row of r.rows) {
      const c = row.crude,
        a = row.adjusted;
      lines.push(
        [row.group, num(row.n), num(row.reached), num(c?.oddsRatio), num(c?.lower), num(c?.upper), num(c?.p)]
          .concat([num(a?.oddsRatio), num(a?.lower), num(a?.upper), num(a?.p), row.suppressed ? 'ja' : 'nee'])
          .join(','),
      );
    }
    return `${lines.join('\n')}\n`;
  }
  const text = [
    `Gecorrigeerde vergelijking: ${def.label}, fase ${stage}, vergeleken met ${r.reference}; gecorrigeerd voor ${r.covariates.join(', ') || 'niets'}.`,
    `Meegeteld: ${num(r.used) || 'te weinig'}; weggelaten (een waarde onbekend): ${num(r.leftOut) || 'te weinig'}.`,
    ...(r.problem ? [r.problem] : []),
    ...r.explanation,
  ];
  return `${text.join('\n')}\n`;
}

/**
 * `kansenspiegel snapshot --period P`: stores the period's population in columns (no identities)
 * so that a large municipality's mirror starts from a few rows instead of the whole case file.
 */
export async function runSnapshot(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { period: { type: 'string' } } });
  const config = loadConfig();
  const period = cliSelection(() => parsePeriod(values.period));
  const { openDb } = await import('./store/db.js');
  const { migrate } = await import('./store/migrate.js');
  const { loadMirrorRows, CORE_STAGE_KEYS } = await import('./store/mirror-source.js');
  const { saveSnapshot } = await import('./store/mirror-snapshot.js');
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(db);
    const [m] = await db.query<{ id: number }>('SELECT id FROM municipality ORDER BY id LIMIT 1');
    if (!m) throw new Error('De database bevat nog geen gemeente.');
    const t0 = Date.now();
    const rows = await loadMirrorRows(
      db,
      { municipalityId: m.id, from: period.from, to: period.to },
      config.pseudonymSecret,
    );
    const table = buildPersonTable(
      rows.map((r) => r.person),
      [...GROUNDS],
      [...CORE_STAGE_KEYS],
    );
    const id = await saveSnapshot(db, m.id, period.from, period.to, table);
    console.log(
      `Snapshot ${id} voor ${period.label}: ${nl(table.size)} mensen, in ${((Date.now() - t0) / 1000).toFixed(1)} s.`,
    );
  } finally {
    await db.close();
  }
}
