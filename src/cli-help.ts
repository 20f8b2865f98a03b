import { IMPORT_USAGE } from './import/command.js';
import { SPIEGEL_USAGE } from './spiegel-command.js';

/** One command of the command line: a one-line summary for the overview and its full help. */
interface CommandHelp {
  name: string;
  summary: string;
  usage: string;
}

const ENVIRONMENT = `Instellingen (omgevingsvariabelen): PORT, HOST, DATA_DIR (ingebouwde database),
DATABASE_URL (PostgreSQL-server), PSEUDONYM_SECRET, AUDIT_SECRET, AUDIT_CHECKPOINT_FILE,
AUDIT_CHECKPOINT_SECONDS, SESSION_HOURS, SUPPRESSION_THRESHOLD, MIRROR_ROUNDING_BASE,
RESEARCH_MIN_K, TRUST_PROXY, DEMO=1 (demogemeente bij de eerste start; DEMO=0 voor een echte gemeente).`;

export const COMMANDS: readonly CommandHelp[] = [
  {
    name: 'serve',
    summary: 'start de webapplicatie',
    usage: `Gebruik: kansenspiegel serve

  Start de webapplicatie. Werkt de database eerst bij (migrate).
  --help            deze uitleg

${ENVIRONMENT}`,
  },
  {
    name: 'init',
    summary: 'richt een nieuwe installatie in: de gemeente en de eerste beheerder (zonder demo)',
    usage: `Gebruik: kansenspiegel init --gemeente NAAM --code GM0000 --beheerder GEBRUIKERSNAAM [--naam "NAAM"]

  Voor een echte gemeente: maakt in een lege database de gemeente en het eerste account van de
  functioneel beheerder. Toont een eenmalig wachtwoord; bij de eerste keer inloggen kiest de
  beheerder een eigen wachtwoord. Weigert als de database al gebruikers heeft.
  Start daarna de server zonder demo: DEMO=0 kansenspiegel serve.
  --gemeente NAAM   naam van de gemeente
  --code GM0000     CBS-gemeentecode
  --beheerder G     gebruikersnaam van de eerste beheerder (kleine letters, cijfers, . _ -)
  --naam NAAM       naam van de beheerder zoals de applicatie die toont (standaard de gebruikersnaam)
  --help            deze uitleg`,
  },
  {
    name: 'migrate',
    summary: 'werk de database bij naar de nieuwste versie',
    usage: `Gebruik: kansenspiegel migrate

  Werkt de database bij naar de nieuwste versie en verzegelt oudere auditregels met AUDIT_SECRET.
  --help            deze uitleg`,
  },
  {
    name: 'demo',
    summary: 'schrijf de demogemeente Demodam in de database',
    usage: `Gebruik: kansenspiegel demo [opties]

  --clients N       aantal klanten (standaard 6000)
  --seed S          startwaarde van de toevalsgenerator (standaard demodam); dezelfde S geeft dezelfde gemeente
  --help            deze uitleg`,
  },
  {
    name: 'spiegel',
    summary: 'de spiegel van gelijke kansen als HTML, CSV of JSON (uit de database of een extract)',
    usage: SPIEGEL_USAGE.trimEnd(),
  },
  {
    name: 'snapshot',
    summary: 'bewaar de bevolking van een periode in kolommen (snel starten)',
    usage: `Gebruik: kansenspiegel snapshot --period P

  --period P        2025 (een jaar) of 2025-01-01..2025-06-30 (standaard: vorig jaar)
  --help            deze uitleg`,
  },
  {
    name: 'import',
    summary: 'lees een bestand van de gemeente in (CSV of XLSX)',
    usage: `Gebruik: ${IMPORT_USAGE}

  --entity E        wat het bestand bevat (zie E hierboven)
  --file F          het bestand
  --mapping M.json  koppeling van kolommen en waarden (zie src/import/mapping.ts)
  --dry-run         proef: controleer alles, sla niets op
  --municipality GMxxxx  de gemeente, als de database er meer dan één heeft
  --report R.csv    waar de afgekeurde regels komen
  --help            deze uitleg`,
  },
  {
    name: 'audit-verify',
    summary: 'controleer de keten van het auditlog en leg een ankerpunt vast',
    usage: `Gebruik: kansenspiegel audit-verify

  Controleert elke rij van het auditlog met AUDIT_SECRET en de ankerpunten in
  AUDIT_CHECKPOINT_FILE. Afsluitcode 1 als de keten gebroken is.
  --help            deze uitleg`,
  },
  {
    name: 'retention',
    summary: 'verwijder dossiers na de bewaartermijn (AVG)',
    usage: `Gebruik: kansenspiegel retention [opties]

  --years N         bewaartermijn in jaren na het einde van de uitkering (standaard RETENTION_YEARS of 7)
  --dry-run         proef: toon wat verwijderd zou worden, verwijder niets
  --help            deze uitleg`,
  },
  {
    name: 'backup',
    summary: 'schrijf een reservekopie van de database',
    usage: `Gebruik: kansenspiegel backup --out BESTAND

  --out BESTAND     waar de reservekopie komt (ingebouwde database of PostgreSQL-server)
  --help            deze uitleg`,
  },
  {
    name: 'restore',
    summary: 'zet een reservekopie terug',
    usage: `Gebruik: kansenspiegel restore --in BESTAND

  --in BESTAND      de reservekopie; de huidige database wordt vervangen
  --help            deze uitleg`,
  },
];

export function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return [
    'Gebruik: kansenspiegel <opdracht> [opties]',
    '',
    'Opdrachten:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    'Uitleg per opdracht: kansenspiegel <opdracht> --help (of kansenspiegel help <opdracht>).',
    '',
    ENVIRONMENT,
    '',
  ].join('\n');
}

/** The help of one command, or undefined for a name that is not a command. */
export function commandHelp(name: string): string | undefined {
  const c = COMMANDS.find((x) => x.name === name);
  return c ? `${c.usage}\n` : undefined;
}

/** True when the arguments ask for help (--help or -h anywhere). */
export const asksHelp = (args: readonly string[]): boolean => args.includes('--help') || args.includes('-h');
