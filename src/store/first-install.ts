/**
 * A fresh installation for a real municipality, without the demo: the municipality and its first
 * functional administrator (beheerder), who logs in with a one-time password and must choose a
 * new one first. Everything else (teams, users, the catalogue, the data) is done in Beheer.
 */
import argon2 from 'argon2';
import type { Db } from './db.js';
import { writeAudit } from './audit.js';
import { temporaryPassword } from '../domain/temporary-password.js';
import { USERNAME_PATTERN } from '../domain/roles.js';

export interface FirstInstallInput {
  /** The municipality's name, e.g. "Utrecht". */
  municipalityName: string;
  /** CBS gemeentecode, e.g. GM0344. */
  municipalityCode: string;
  /** The first beheerder's user name. */
  username: string;
  /** The first beheerder's name as shown; the user name when not given. */
  displayName?: string;
}

export interface FirstInstallResult {
  municipalityId: number;
  userId: number;
  /** Shown once; the beheerder must replace it at the first log-in. */
  oneTimePassword: string;
}

const USERNAME = new RegExp(USERNAME_PATTERN);
const MUNICIPALITY_CODE = /^GM\d{4}$/;

/** Refuses bad input with a sentence naming the option, before anything is written. */
export function checkFirstInstall(input: FirstInstallInput): string[] {
  const problems: string[] = [];
  if (!input.municipalityName.trim()) problems.push('--gemeente: geef de naam van de gemeente.');
  if (!MUNICIPALITY_CODE.test(input.municipalityCode))
    problems.push(
      `--code: de CBS-gemeentecode is GM met vier cijfers (bijvoorbeeld GM0344), niet "${input.municipalityCode}".`,
    );
  if (!USERNAME.test(input.username))
    problems.push(
      `--beheerder: een gebruikersnaam is 2 tot 50 kleine letters, cijfers, punt, liggend streepje of streepje, niet "${input.username}".`,
    );
  return problems;
}

/**
 * Creates the municipality and its first beheerder in one transaction, audited. Refuses when the
 * database already has users (the demo, or an earlier installation): from then on, accounts are
 * made in Beheer.
 */
export async function firstInstall(db: Db, input: FirstInstallInput): Promise<FirstInstallResult> {
  const problems = checkFirstInstall(input);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  const oneTimePassword = temporaryPassword();
  const hash = await argon2.hash(oneTimePassword);
  return db.transaction(async (tx) => {
    const [{ n }] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM app_user');
    if (n > 0)
      throw new Error(
        `Deze database heeft al ${n} gebruiker(s). Een eerste beheerder maakt u alleen in een lege installatie; maak verdere accounts in Beheer.`,
      );
    const existing = await tx.query<{ id: number; name: string }>('SELECT id, name FROM municipality WHERE code = $1', [
      input.municipalityCode,
    ]);
    const [municipality] = existing.length
      ? existing
      : await tx.query<{ id: number; name: string }>(
          'INSERT INTO municipality (code, name) VALUES ($1, $2) RETURNING id, name',
          [input.municipalityCode, input.municipalityName.trim()],
        );
    const [user] = await tx.query<{ id: number }>(
      `INSERT INTO app_user (municipality_id, team_id, username, display_name, password_hash, role, must_change_password)
       VALUES ($1, NULL, $2, $3, $4, 'beheerder', true) RETURNING id`,
      [municipality.id, input.username, input.displayName?.trim() || input.username, hash],
    );
    await writeAudit(tx, [
      {
        userId: null,
        clientId: null,
        action: 'create',
        resource: 'gebruiker',
        detail: `installatie: gemeente ${input.municipalityCode} ${municipality.name}, eerste beheerder gebruiker ${user.id}`,
      },
    ]);
    return { municipalityId: municipality.id, userId: user.id, oneTimePassword };
  });
}
