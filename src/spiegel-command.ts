import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from './config.js';
import { openDb } from './store/db.js';
import { migrate } from './store/migrate.js';
import { loadMirrorRows, CORE_STAGE_KEYS } from './store/mirror-source.js';
import { GROUNDS, type GroundDef } from './mirror/grounds.js';
import { buildPersonTable, type MirrorPerson } from './mirror/person-table.js';
import { computeMirror } from './mirror/funnel.js';
import { SelectionError, parseGroupings, parsePeriod, parsePublishedPeriod } from './mirror/selection.js';
import { buildMirrorAnswer, type QualityInput } from './mirror/answer.js';
import { MIN_SCOPE_FACTOR, keyOfSet, protectionRules } from './mirror/disclosure.js';
import { recordKeyFor, recordKeyForExtract } from './domain/pseudonym.js';
import { mirrorToCsv } from './mirror/report-csv.js';
import { mirrorToHtml } from './mirror/report-html.js';
import { compareResults, type PeriodComparisonRow } from './mirror/benchmark.js';
import { readMirrorExtract } from './import/mirror-extract.js';
import { nl } from './mirror/format.js';
import { saveSnapshot } from './store/mirror-snapshot.js';
import { todayIso } from './domain/dates.js';

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
  --input BESTAND   een extract (CSV) van de gemeente, zonder het te laden
  --age-bands A,B   ondergrenzen van de leeftijdsgroepen na de eerste (standaard 27,45)
  --team ID         alleen dit team (database)
  --compare-period P  vergelijk met een andere periode (database)
  --compare-team ID   vergelijk met een ander team (database)
`;

/** The CLI's reading of a period or ground choice: the option name before the reason. */
function cliSelection<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof SelectionError) throw new Error(`--${err.field} ${err.reason}`, { cause: err });
    throw err;
  }
}

export async function runSpiegel(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      period: { type: 'string' },
      ground: { type: 'string' },
      format: { type: 'string', default: 'html' },
      out: { type: 'string' },
      threshold: { type: 'string' },
      input: { type: 'string' },
      'age-bands': { type: 'string' },
      team: { type: 'string' },
      'compare-period': { type: 'string' },
      'compare-team': { type: 'string' },
      intersections: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
      protect: { type: 'boolean', default: false },
    },
  });
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

  let persons: MirrorPerson[];
  let grounds: GroundDef[];
  let stages: string[];
  let subtitle: string;
  const quality: QualityInput = {};
  let extraGrounds: GroundDef[] = [];
  let otherPersons: MirrorPerson[] | null = null;
  let otherLabel = '';

  if (values.input) {
    const extraKeys = (values.ground ?? '')
      .split(/[,×*+]/)
      .map((s) => s.trim())
      .filter(
        (k) => k && !['geslacht', 'leeftijd', 'migratieachtergrond', 'huishouden', 'doelgroepregister'].includes(k),
      );
    const bands = values['age-bands'] ? values['age-bands'].split(',').map(Number) : undefined;
    const keyFor = protect ? (id: string) => recordKeyForExtract(id, config.pseudonymSecret) : undefined;
    const extract = readMirrorExtract(readFileSync(values.input, 'utf8'), {
      extraGrounds: extraKeys,
      ageBands: bands,
      keyFor,
    });
    for (const e of extract.errors.slice(0, 50)) console.error(`regel ${e.row}, ${e.field}: ${e.reason}`);
    if (extract.errors.length > 50) console.error(`... en nog ${extract.errors.length - 50} fouten`);
    if (extract.errors.length)
      console.error(`${extract.errors.length} fout(en); ${extract.persons.length} regels meegeteld.`);
    quality.rejectedRows = new Set(extract.errors.map((e) => e.row)).size;
    persons = extract.persons;
    grounds = extract.grounds;
    extraGrounds = extract.grounds.filter((g) => extraKeys.includes(g.key));
    stages = extract.stages;
    subtitle = `Extract ${values.input}: ${nl(persons.length)} mensen.`;
  } else {
    const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      await migrate(db);
      const [m] = await db.query<{ id: number; name: string }>('SELECT id, name FROM municipality ORDER BY id LIMIT 1');
      if (!m) throw new Error('De database bevat nog geen gemeente. Start eerst met DEMO=1 of importeer gegevens.');
      const rows = await loadMirrorRows(
        db,
        { municipalityId: m.id, from: period.from, to: period.to, teamId: values.team ? Number(values.team) : null },
        config.pseudonymSecret,
      );
      const keyOf = (id: number) => recordKeyFor(id, config.pseudonymSecret);
      persons = rows.map((r) => ({ ...r.person, key: keyOf(r.clientId) }));
      if (values['compare-period'] || values['compare-team']) {
        const other = values['compare-period'] ? readPeriod(values['compare-period']) : period;
        const otherTeam = values['compare-team']
          ? Number(values['compare-team'])
          : values.team
            ? Number(values.team)
            : null;
        otherPersons = (
          await loadMirrorRows(
            db,
            { municipalityId: m.id, from: other.from, to: other.to, teamId: otherTeam },
            config.pseudonymSecret,
          )
        ).map((r) => ({ ...r.person, key: keyOf(r.clientId) }));
        otherLabel = values['compare-period'] ? `periode ${other.label}` : `team ${otherTeam}`;
      }
      const missing = rows.filter((r) => !r.hasDiagnosis);
      quality.missingDiagnosis = { count: missing.length, key: keyOfSet(missing.map((r) => keyOf(r.clientId))) };
      grounds = [...GROUNDS];
      stages = [...CORE_STAGE_KEYS];
      subtitle = `Gemeente ${m.name}, periode ${period.label}: ${nl(persons.length)} mensen met bijstand.`;
    } finally {
      await db.close();
    }
  }

  const available = grounds.map((g) => g.key);
  const groupings = cliSelection(() => parseGroupings(values.ground, available, values.intersections));
  const table = buildPersonTable(persons, grounds, stages);
  const protection = protect ? protectionRules(threshold, config.roundingBase) : null;
  if (protect && table.size < MIN_SCOPE_FACTOR * threshold)
    throw new Error(
      `Te weinig mensen (${table.size}) om beschermde cijfers te maken: minstens ${MIN_SCOPE_FACTOR * threshold}.`,
    );
  const { result, narrative, benchmark } = buildMirrorAnswer({
    table,
    groupings,
    threshold,
    protection,
    extraGrounds,
    quality,
  });
  let comparison: { label: string; rows: PeriodComparisonRow[] } | undefined;
  if (otherPersons) {
    const otherTable = buildPersonTable(otherPersons, grounds, stages);
    const other = computeMirror(
      otherTable,
      groupings,
      protection ? { protection, extraGrounds } : { threshold, extraGrounds },
    );
    comparison = { label: otherLabel, rows: compareResults(result, other) };
  }
  let output: string;
  if (format === 'csv') output = mirrorToCsv(result);
  else if (format === 'json') output = `${JSON.stringify({ ...result, narrative, comparison }, null, 2)}\n`;
  else {
    output = mirrorToHtml({
      title: 'Kansenspiegel',
      subtitle,
      result,
      narrative,
      benchmark,
      comparison,
      extraGrounds,
      generatedAt: todayIso(),
    });
  }
  if (values.out) {
    writeFileSync(values.out, output);
    console.error(`Geschreven: ${values.out}`);
  } else process.stdout.write(output);
}

/**
 * `kansenspiegel snapshot --period P`: stores the period's population in columns (no identities)
 * so that a large municipality's mirror starts from a few rows instead of the whole case file.
 */
export async function runSnapshot(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { period: { type: 'string' } } });
  const config = loadConfig();
  const period = cliSelection(() => parsePeriod(values.period));
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
