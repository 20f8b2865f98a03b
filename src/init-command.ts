import { parseArgs } from 'node:util';
import type { Db } from './store/db.js';
import { firstInstall } from './store/first-install.js';

/**
 * `kansenspiegel init --gemeente NAAM --code GM0000 --beheerder GEBRUIKERSNAAM [--naam "Naam"]`:
 * a fresh installation without the demo. Prints the one-time password of the first beheerder.
 */
export async function runInit(db: Db, args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      gemeente: { type: 'string' },
      code: { type: 'string' },
      beheerder: { type: 'string' },
      naam: { type: 'string' },
    },
  });
  if (!values.gemeente || !values.code || !values.beheerder)
    throw new Error(
      'Gebruik: kansenspiegel init --gemeente NAAM --code GM0000 --beheerder GEBRUIKERSNAAM [--naam "Voornaam Achternaam"]',
    );
  const r = await firstInstall(db, {
    municipalityName: values.gemeente,
    municipalityCode: values.code,
    username: values.beheerder,
    displayName: values.naam,
  });
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`Gemeente ${values.gemeente} (${values.code}) is ingericht.`);
  out(`Eerste beheerder: ${values.beheerder}`);
  out(`Eenmalig wachtwoord: ${r.oneTimePassword}`);
  out('');
  out('Dit wachtwoord wordt maar één keer getoond. Geef het op een veilige manier door.');
  out('Bij de eerste keer inloggen kiest de beheerder een eigen wachtwoord.');
  out('Daarna: teams, gebruikers en gegevens in Beheer. Start de server met DEMO=0 (kansenspiegel serve).');
}
