/**
 * Demodam's measurement moments: a cohort whose guidance started in the cohort year (default
 * 2025) got the questionnaire at T0, T1 and T2 (4 and 8 months later). Deterministic: every
 * person's answers come from a random stream seeded by (seed, 'waves', client id).
 *
 * Roughly the Enschede figures (seed 000): experienced health 6.0 without migration background,
 * 5.8 for non-western oudkomers, 7.1 for statushouders, 6.7 at short and 5.5 at long distance;
 * 2 hours a week looking for work; experienced discrimination on origin 10% overall and almost
 * a quarter of non-western oudkomers. Non-response rises per wave, a little more for
 * non-western oudkomers (a finding the mirror must show). Health improves a little over time,
 * equally for every group.
 */
import { readPersonGroundFacts, type PersonGroundFacts } from '../store/register.js';
import { pseudonymFor } from '../domain/pseudonym.js';
import { classifyAll } from '../domain/migration-background.js';
import type { Db } from '../store/db.js';
import { questionnaireRepository } from '../store/questionnaire.js';
import {
  BACKGROUND_OPTIONS,
  CURRENT_QUESTIONNAIRE,
  type Answers,
  type Mode,
  type QuestionnaireLang,
  type Wave,
} from '../questionnaire/definition.js';
import { addDays, dueDates, DEFAULT_SCHEDULE } from '../questionnaire/schedule.js';
import { createRandom, type Random } from './random.js';

export interface DemodamWavesOptions {
  seed?: string;
  pseudonymSecret: string;
  /** The "today" of the data: no wave after it. Default 2026-10-31 (as the generator). */
  referenceDate?: string;
  /** Guidance started in this year. Default 2025. */
  cohortYear?: number;
}

type Group = 'geen' | 'westers' | 'niet-westers-oudkomer' | 'statushouder' | 'onbekend';

/** TRUTH: mean experienced health at T0 by group before the distance shift (gives about 6.0 / 5.8 / 7.1 after rounding and the mix of distances). */
const HEALTH_T0: Record<Group, number> = {
  geen: 6.3,
  westers: 6.1,
  'niet-westers-oudkomer': 6.1,
  statushouder: 7.3,
  onbekend: 6.2,
};
const HEALTH_DISTANCE = { kort: 0.6, lang: -0.55, none: 0 } as const;
/** TRUTH: response per wave (of those due), and the extra non-response of non-western oudkomers. */
const RESPONSE = { T0: 0.82, T1: 0.74, T2: 0.66 } as const;
const EXTRA_NON_RESPONSE: Record<Group, number> = {
  geen: 0,
  westers: 0,
  'niet-westers-oudkomer': 0.1,
  statushouder: 0.04,
  onbekend: 0,
};
/** TRUTH: experienced discrimination in the last six months. */
const DISCRIMINATION: Record<Group, number> = {
  geen: 0.04,
  westers: 0.08,
  'niet-westers-oudkomer': 0.26,
  statushouder: 0.16,
  onbekend: 0.08,
};

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
const scale = (r: Random, mean: number): number => clamp(Math.round(r.normal(mean, 1)), 1, 5);

function language(r: Random, birthCountry: string | null): QuestionnaireLang {
  if (birthCountry && ['SY', 'IQ', 'EG', 'YE', 'MA'].includes(birthCountry)) return r.bernoulli(0.45) ? 'ar' : 'nl';
  if (birthCountry === 'ER') return r.bernoulli(0.6) ? 'ti' : 'nl';
  if (birthCountry === 'TR') return r.bernoulli(0.3) ? 'tr' : 'nl';
  if (birthCountry && !['NL', 'BE', 'SR', 'CW'].includes(birthCountry)) return r.bernoulli(0.2) ? 'en' : 'nl';
  return 'nl';
}

interface Person {
  group: Group;
  distance: 'kort' | 'lang' | 'none';
  facts: {
    birth: string | null;
    mother: string | null;
    father: string | null;
    nationality: string | null;
    backgrounds: string[];
  };
}

function answersFor(
  r: Random,
  p: Person,
  wave: Wave,
  state: { health: number; hours: number; social: boolean },
): Answers {
  const step = wave === 'T0' ? 0 : wave === 'T1' ? 1 : 2;
  if (step > 0) {
    state.health = clamp(state.health + r.normal(0.2, 0.8), 1, 10);
    state.hours = Math.max(
      0,
      state.hours + (p.distance === 'kort' ? r.pick([0, 0, 1, 1, 2]) : r.pick([-1, 0, 0, 0, 1])),
    );
    if (!state.social && r.bernoulli(0.15)) state.social = true;
  }
  const discriminated = r.bernoulli(DISCRIMINATION[p.group]);
  const grounds = discriminated
    ? {
        codes: [
          ...(r.bernoulli(0.75) ? ['herkomst'] : []),
          ...(r.bernoulli(0.35) ? ['religie'] : []),
          ...(r.bernoulli(0.15) ? ['leeftijd'] : ['geslacht']),
        ],
      }
    : undefined;
  const answers: Record<string, Answers[string]> = {
    gezondheid: clamp(Math.round(state.health), 1, 10),
    gezondheid_beperking: state.health < 5 ? r.bernoulli(0.6) : r.bernoulli(0.12),
    sociale_contacten: state.social,
    meedoen_moeite: scale(r, 3 + step * 0.15),
    meedoen_redenen: { codes: r.bernoulli(0.5) ? ['geld'] : ['taal', 'vervoer'].slice(0, r.int(1, 2)) },
    werk_moeite: scale(r, p.distance === 'kort' ? 3 : 2),
    werk_belemmeringen: { codes: r.bernoulli(0.5) ? ['gezondheid'] : ['opleiding', 'ervaring'].slice(0, r.int(1, 2)) },
    werk_activiteiten: { codes: ['cv', 'gesolliciteerd', 'cursus'].slice(0, r.int(1, 3)) },
    uren_zoeken: state.hours,
    zelfredzaamheid: scale(r, 3.3 + step * 0.1),
    optimisme: scale(r, p.distance === 'kort' ? 3.4 : 2.7),
    discriminatie: discriminated,
    brieven_begrijpen: scale(r, p.group === 'statushouder' ? 2.6 : 3.6),
    tevredenheid_voorzieningen: r.bernoulli(0.3) ? 'nvt' : scale(r, 3.5),
    geboorteland: p.facts.birth ?? 'NL',
    geboorteland_moeder: p.facts.mother ?? 'onbekend',
    geboorteland_vader: p.facts.father ?? 'onbekend',
    nationaliteit: p.facts.nationality ?? 'onbekend',
  };
  if (grounds && grounds.codes.length > 0) answers.discriminatie_gronden = grounds;
  if (p.facts.backgrounds.length > 0) {
    const known = p.facts.backgrounds
      .map((b) => b.toLowerCase())
      .filter((b) => (BACKGROUND_OPTIONS as readonly string[]).includes(b));
    const other = p.facts.backgrounds.filter((b) => !known.includes(b.toLowerCase()));
    answers.culturele_achtergrond = other.length > 0 ? { codes: known, other: other.join(', ') } : { codes: known };
  }
  return answers;
}

type CohortClient = {
  id: number;
  municipality_id: number;
  consultant_id: number | null;
  start_date: string;
  end_date: string | null;
  distance: 'kort' | 'lang' | null;
};
type MonitoringPerson = PersonGroundFacts;
type WaveRow = {
  client_id: number;
  wave: Wave;
  sent_on: string;
  sent_by: number | null;
  completed_on: string | null;
  mode: Mode | null;
};
type ResponseRow = {
  pseudonym: string;
  municipality_id: number;
  wave: Wave;
  mode: Mode;
  language: QuestionnaireLang;
  answers: string;
  submitted_on: string;
};

/** The cohort: clients whose latest benefit period started in the cohort year, with their first diagnosis' distance. */
async function loadCohort(db: Db, year: number): Promise<CohortClient[]> {
  return db.query<CohortClient>(
    `SELECT c.id, c.municipality_id, c.consultant_id, bp.start_date, bp.end_date,
            (SELECT d.distance FROM diagnosis d WHERE d.client_id = c.id ORDER BY d.given_on, d.id LIMIT 1) AS distance
       FROM client c JOIN LATERAL (SELECT b.start_date, b.end_date FROM benefit_period b WHERE b.client_id = c.id ORDER BY b.start_date DESC, b.id DESC LIMIT 1) bp ON true
      WHERE bp.start_date BETWEEN $1 AND $2 ORDER BY c.id`,
    [`${year}-01-01`, `${year}-12-31`],
  );
}

/** The facts of the grounds per pseudonym, register first, as the mirror reads them. */
async function loadMonitoringPersons(db: Db): Promise<Map<string, MonitoringPerson>> {
  const persons = await readPersonGroundFacts(db, null);
  return new Map(persons.map((p) => [p.pseudonym, p]));
}

/** The person's group and facts for the answers, from the monitoring row. */
function personFor(c: CohortClient, m: MonitoringPerson | undefined): Person {
  const facts = {
    birth: m?.birth_country ?? null,
    mother: m?.mother_birth_country ?? null,
    father: m?.father_birth_country ?? null,
    nationality: m?.nationality ?? null,
    backgrounds: m?.backgrounds ?? [],
  };
  const enschede = classifyAll({
    birthCountry: facts.birth,
    motherBirthCountry: facts.mother,
    fatherBirthCountry: facts.father,
    nationality: facts.nationality,
    culturalBackgrounds: facts.backgrounds,
  }).enschede;
  const group: Group = m?.statushouder
    ? 'statushouder'
    : enschede === 'geen'
      ? 'geen'
      : enschede === 'westers'
        ? 'westers'
        : enschede === 'niet-westers'
          ? 'niet-westers-oudkomer'
          : 'onbekend';
  return { group, distance: c.distance ?? 'none', facts };
}

/** One client's waves T0..T2 (as far as due before the reference date and within the benefit) and responses. */
function wavesForClient(
  c: CohortClient,
  pseudonym: string,
  person: Person,
  seed: string,
  ref: string,
  out: { waveRows: WaveRow[]; responseRows: ResponseRow[] },
): void {
  const { group, facts } = person;
  const r = createRandom(seed, 'waves', c.id);
  const state = {
    health: r.normal(HEALTH_T0[group] + HEALTH_DISTANCE[person.distance], 1.6),
    hours: r.weighted([
      [0, 30],
      [1, 20],
      [2, 20],
      [3, 10],
      [4, 10],
      [6, 6],
      [10, 4],
    ] as const),
    social: r.bernoulli(0.6),
  };
  const language0 = language(r, facts.birth);
  const due = dueDates(c.start_date, DEFAULT_SCHEDULE);
  let stillIn = true;
  for (const wave of ['T0', 'T1', 'T2'] as const) {
    const dueOn = due[wave];
    if (dueOn > ref || (c.end_date !== null && c.end_date < dueOn)) break;
    const p =
      (stillIn ? RESPONSE[wave] : RESPONSE[wave] * 0.35) - EXTRA_NON_RESPONSE[group] * (wave === 'T0' ? 0.5 : 1);
    const responded = r.bernoulli(p);
    const answers = answersFor(r, person, wave, state);
    const mode: Mode = r.weighted([
      ['kiosk', 45],
      ['link', 40],
      ['voorgelezen', 15],
    ] as const);
    const completed = responded ? addDays(dueOn, r.int(0, 20)) : null;
    out.waveRows.push({
      client_id: c.id,
      wave,
      sent_on: dueOn,
      sent_by: c.consultant_id,
      completed_on: completed,
      mode: responded ? mode : null,
    });
    if (responded) {
      out.responseRows.push({
        pseudonym,
        municipality_id: c.municipality_id,
        wave,
        mode,
        language: language0,
        answers: JSON.stringify(answers),
        submitted_on: completed!,
      });
    } else stillIn = false;
  }
}

/** Writes the wave rows and the (pseudonymised) responses in one transaction. */
async function insertWaves(db: Db, waveRows: WaveRow[], responseRows: ResponseRow[]): Promise<void> {
  const version = CURRENT_QUESTIONNAIRE.version;
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO questionnaire_wave (client_id, wave, definition_version, sent_on, sent_by, completed_on, mode)
       SELECT u.client_id, u.wave, $1, u.sent_on, u.sent_by, u.completed_on, u.mode
         FROM unnest($2::int[], $3::text[], $4::date[], $5::int[], $6::date[], $7::text[]) AS u(client_id, wave, sent_on, sent_by, completed_on, mode)`,
      [
        version,
        waveRows.map((w) => w.client_id),
        waveRows.map((w) => w.wave),
        waveRows.map((w) => w.sent_on),
        waveRows.map((w) => w.sent_by),
        waveRows.map((w) => w.completed_on),
        waveRows.map((w) => w.mode),
      ],
    );
    await tx.query(
      `INSERT INTO monitoring.questionnaire_response (pseudonym, municipality_id, wave, definition_version, mode, language, answers, submitted_on)
       SELECT u.pseudonym, u.municipality_id, u.wave, $1, u.mode, u.language, u.answers::jsonb, u.submitted_on
         FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::date[]) AS u(pseudonym, municipality_id, wave, mode, language, answers, submitted_on)`,
      [
        version,
        responseRows.map((x) => x.pseudonym),
        responseRows.map((x) => x.municipality_id),
        responseRows.map((x) => x.wave),
        responseRows.map((x) => x.mode),
        responseRows.map((x) => x.language),
        responseRows.map((x) => x.answers),
        responseRows.map((x) => x.submitted_on),
      ],
    );
  });
}

/** Writes the questionnaire waves of Demodam's cohort. Returns the number of responses written. */
export async function writeDemodamWaves(
  db: Db,
  opts: DemodamWavesOptions,
): Promise<{ cohort: number; responses: number }> {
  const seed = opts.seed ?? 'demodam';
  const ref = opts.referenceDate ?? '2026-10-31';
  const year = opts.cohortYear ?? 2025;
  await questionnaireRepository(db).ensureDefinition(CURRENT_QUESTIONNAIRE);
  const clients = await loadCohort(db, year);
  const byPseudonym = await loadMonitoringPersons(db);
  const out = { waveRows: [] as WaveRow[], responseRows: [] as ResponseRow[] };
  for (const c of clients) {
    const pseudonym = pseudonymFor(c.id, opts.pseudonymSecret);
    wavesForClient(c, pseudonym, personFor(c, byPseudonym.get(pseudonym)), seed, ref, out);
  }
  await insertWaves(db, out.waveRows, out.responseRows);
  return { cohort: clients.length, responses: out.responseRows.length };
}
