/**
 * Demodam's employers and placement: inclusive-employer marks, eight employers with contacts,
 * agreements and vacancies (each requirement judged), work profiles, proposals through the
 * employer's decision moments with follow-up, discriminatory requests and external tracks.
 *
 * Deterministic, with a random stream of its own (seeded by (seed, 'werkgevers')), written after
 * the clients, so that no earlier draw of the generator changes.
 *
 * TRUTH: at Schoonmaakbedrijf Blinkend, people of non-European origin (CBS herkomst
 * "buiten-europa") who were invited are hired far less often (22%) than everyone else (55%).
 * At every other employer, and at every other step, the chances are the same for every group.
 */
import { pseudonymFor } from '../domain/pseudonym.js';
import { classifyAll } from '../domain/migration-background.js';
import { addDays } from '../domain/dates.js';
import { addMonths } from '../domain/placement.js';
import type { Db, Queryable } from '../store/db.js';
import { createRandom, type Random } from './random.js';

export interface DemodamEmployersOptions {
  seed?: string;
  pseudonymSecret: string;
  referenceDate?: string;
}

/** The employer whose invited → hired rate falls behind for one group. */
export const BIASED_EMPLOYER = 'Schoonmaakbedrijf Blinkend';
/** TRUTH: invited → hired at the biased employer, for "buiten-europa" and for everyone else. */
export const BIASED_HIRE_RATE = { behind: 0.22, others: 0.55 } as const;
const HIRE_RATE = 0.55;
const INVITE_RATE = 0.6;
const STILL_WORKING = { 1: 0.9, 6: 0.8, 12: 0.85 } as const;

const MARKS = [
  ['normaalste_zaak', 'De Normaalste Zaak'],
  ['charter_diversiteit', 'Charter Diversiteit'],
  ['pso', 'PSO-keurmerk (Prestatieladder Socialer Ondernemen)'],
  ['sebo', 'SEBO-keurmerk'],
  ['open_hiring', 'Open hiring'],
] as const;

interface EmployerSpec {
  name: string;
  sector: string;
  size: 'klein' | 'middel' | 'groot';
  marks: number[];
  /** People proposed over the whole period. */
  proposals: number;
  competences: string[];
  titles: string[];
}

const EMPLOYERS: EmployerSpec[] = [
  {
    name: BIASED_EMPLOYER,
    sector: 'schoonmaak',
    size: 'groot',
    marks: [3],
    proposals: 520,
    competences: ['zorgvuldig', 'zelfstandig', 'samenwerken', 'op tijd'],
    titles: ['Schoonmaker kantoren', 'Glazenwasser', 'Schoonmaker ziekenhuis'],
  },
  {
    name: 'Zorggroep De Linde',
    sector: 'zorg',
    size: 'groot',
    marks: [1, 2],
    proposals: 260,
    competences: ['empathie', 'samenwerken', 'geduld', 'communicatie'],
    titles: ['Helpende zorg', 'Medewerker huishouding', 'Gastvrouw'],
  },
  {
    name: 'Distributiecentrum Oost',
    sector: 'logistiek',
    size: 'groot',
    marks: [5],
    proposals: 240,
    competences: ['orderpicken', 'fysiek werk', 'samenwerken', 'op tijd'],
    titles: ['Orderpicker', 'Heftruckchauffeur'],
  },
  {
    name: 'Hotel Havenzicht',
    sector: 'horeca',
    size: 'middel',
    marks: [2],
    proposals: 90,
    competences: ['gastvrij', 'klantgericht', 'samenwerken'],
    titles: ['Medewerker bediening', 'Afwasser'],
  },
  {
    name: 'Bouwbedrijf Van Dam',
    sector: 'bouw',
    size: 'middel',
    marks: [],
    proposals: 70,
    competences: ['fysiek werk', 'technisch inzicht', 'veilig werken'],
    titles: ['Bouwplaatsmedewerker'],
  },
  {
    name: 'Supermarkt Centrum',
    sector: 'detailhandel',
    size: 'middel',
    marks: [1],
    proposals: 80,
    competences: ['klantgericht', 'kassa', 'vakken vullen'],
    titles: ['Vakkenvuller', 'Caissière'],
  },
  {
    name: 'Groenbedrijf Esch',
    sector: 'groen',
    size: 'klein',
    marks: [4],
    proposals: 40,
    competences: ['buiten werken', 'fysiek werk', 'samenwerken'],
    titles: ['Hovenier'],
  },
  {
    name: 'Kantoor Westerkwartier',
    sector: 'administratie',
    size: 'klein',
    marks: [],
    proposals: 30,
    competences: ['computer', 'nauwkeurig', 'communicatie'],
    titles: ['Administratief medewerker'],
  },
];

const REQUIREMENTS: [string, string, 'arbeidsmarktrelevant' | 'niet_nodig', string | null][] = [
  ['taalniveau', 'Nederlands op niveau B2', 'niet_nodig', null],
  ['culturele_fit', 'Past in ons team', 'niet_nodig', null],
  ['diploma', 'Mbo-diploma niveau 2', 'niet_nodig', null],
  ['rijbewijs', 'Rijbewijs B', 'arbeidsmarktrelevant', 'Het werk is op wisselende locaties zonder openbaar vervoer.'],
  [
    'vaardigheid',
    'Veilig werken met schoonmaakmiddelen',
    'arbeidsmarktrelevant',
    'Nodig voor de veiligheid op het werk.',
  ],
  ['taalniveau', 'Veiligheidsinstructies kunnen lezen (A2)', 'arbeidsmarktrelevant', 'Instructies zijn op schrift.'],
];

interface Row {
  [column: string]: unknown;
}

async function insert(q: Queryable, table: string, rows: readonly Row[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) {
    await q.query(`INSERT INTO ${table} SELECT * FROM json_populate_recordset(NULL::${table}, $1::json)`, [
      JSON.stringify(rows.slice(i, i + 2000)),
    ]);
  }
}

interface DemoClient {
  id: number;
  consultantId: number | null;
  start: string;
  end: string | null;
  behind: boolean;
}

function followUps(r: Random, proposalId: number, hiredOn: string, ref: string, nextId: () => number): Row[] {
  const rows: Row[] = [];
  let working = true;
  for (const months of [1, 6, 12] as const) {
    const dueOn = addMonths(hiredOn, months);
    // Some follow-ups are not (yet) held: those past their date are overdue.
    const held = working && dueOn <= ref && r.bernoulli(0.9);
    const stillWorking = held ? r.bernoulli(STILL_WORKING[months]) : null;
    const heldOn = held ? addDays(dueOn, r.int(0, 10)) : null;
    rows.push({
      id: nextId(),
      proposal_id: proposalId,
      months,
      due_on: dueOn,
      held_on: heldOn !== null && heldOn > ref ? ref : heldOn,
      still_working: stillWorking,
      note: held ? (stillWorking ? 'Gaat goed' : 'Gestopt met het werk') : null,
    });
    if (!held || !stillWorking) working = false;
  }
  return rows;
}

/** Writes Demodam's employers and everything around them; returns rows written per table. */
export async function writeDemodamEmployers(db: Db, opts: DemodamEmployersOptions): Promise<Record<string, number>> {
  const seed = opts.seed ?? 'demodam';
  const ref = opts.referenceDate ?? '2026-10-31';
  const r = createRandom(seed, 'werkgevers');
  const [muni] = await db.query<{ id: number }>('SELECT id FROM municipality ORDER BY id LIMIT 1');
  if (!muni) return {};
  const clients = await loadClients(db, opts.pseudonymSecret);
  const rows: Record<string, Row[]> = {};
  const push = (table: string, row: Row) => (rows[table] ??= []).push(row);
  MARKS.forEach(([code, name], i) =>
    push('employer_mark', { id: i + 1, municipality_id: muni.id, code, name, active: true }),
  );
  const ids = { vacancy: 0, requirement: 0, proposal: 0, follow: 0, contact: 0, agreement: 0 };
  const earliest = '2024-12-01';
  const latest = addDays(ref, -20);
  EMPLOYERS.forEach((e, i) => {
    const employerId = i + 1;
    push('employer', {
      id: employerId,
      municipality_id: muni.id,
      name: e.name,
      sector: e.sector,
      size: e.size,
      place: 'Demodam',
      named_as_example: i === 1,
      created_at: '2024-11-01T00:00:00Z',
    });
    for (const m of e.marks)
      push('employer_mark_holding', { employer_id: employerId, mark_id: m, since: '2024-01-01' });
    push('employer_contact', {
      id: ++ids.contact,
      employer_id: employerId,
      name: `Contactpersoon ${e.name.split(' ').pop()}`,
      role: 'HR-adviseur',
      phone: '0900 123 45 67',
      email: null,
    });
    if (i % 2 === 0)
      push('employer_agreement', {
        id: ++ids.agreement,
        employer_id: employerId,
        kind: 'extra_begeleiding',
        description: 'Plaatsingen met een jobcoach in de eerste drie maanden',
        start_date: '2025-01-01',
        end_date: null,
      });
    const vacancyIds: number[] = [];
    for (const title of e.titles) {
      const id = ++ids.vacancy;
      vacancyIds.push(id);
      push('vacancy', {
        id,
        employer_id: employerId,
        title,
        place: 'Demodam',
        hours_per_week: r.pick([16, 24, 32, 36]),
        competences: e.competences.slice(0, r.int(2, e.competences.length)),
        description: '',
        opened_on: earliest,
        closed_on: null,
      });
      for (const [kind, description, assessment, reason] of REQUIREMENTS.filter(() => r.bernoulli(0.35))) {
        const answered = assessment === 'niet_nodig' && r.bernoulli(0.7);
        push('vacancy_requirement', {
          id: ++ids.requirement,
          vacancy_id: id,
          kind,
          description,
          assessment,
          reason,
          raised_on: answered ? '2025-01-15' : null,
          employer_answer: answered ? 'Besproken met de werkgever' : null,
          outcome: answered ? r.pick(['geschrapt', 'aangepast', 'gehandhaafd']) : null,
        });
      }
    }
    const biased = e.name === BIASED_EMPLOYER;
    const taken = new Set<number>();
    for (let k = 0; k < e.proposals; k++) {
      const proposedOn = r.dateBetween(earliest, latest);
      const pool = clients.filter((c) => c.start <= proposedOn && (c.end === null || c.end >= proposedOn));
      if (pool.length === 0) continue;
      const c = r.pick(pool);
      if (taken.has(c.id)) continue;
      taken.add(c.id);
      const id = ++ids.proposal;
      const invited = r.bernoulli(INVITE_RATE);
      const invitedOn = invited ? addDays(proposedOn, r.int(3, 14)) : null;
      const hireRate = biased ? (c.behind ? BIASED_HIRE_RATE.behind : BIASED_HIRE_RATE.others) : HIRE_RATE;
      const hired = invitedOn !== null && invitedOn <= ref && r.bernoulli(hireRate);
      const hiredOn = hired ? addDays(invitedOn!, r.int(7, 21)) : null;
      const stopped = !hired && r.bernoulli(0.8);
      const proposal: Row = {
        id,
        vacancy_id: r.pick(vacancyIds),
        client_id: c.id,
        proposed_on: proposedOn,
        proposed_by: c.consultantId,
        decision_reason: 'Competenties en wensen passen bij de vacature',
        match_summary: '',
        invited_on: invitedOn && invitedOn <= ref ? invitedOn : null,
        hired_on: hiredOn && hiredOn <= ref ? hiredOn : null,
        stopped_on: stopped ? (invitedOn && invitedOn <= ref ? invitedOn : proposedOn) : null,
        stopped_stage: stopped ? (invitedOn && invitedOn <= ref ? 'uitgenodigd' : 'voorgesteld') : null,
        stopped_reason: stopped ? 'Werkgever koos een andere kandidaat' : null,
      };
      push('proposal', proposal);
      if (hiredOn && hiredOn <= ref)
        for (const f of followUps(r, id, hiredOn, ref, () => ++ids.follow)) {
          push('placement_follow_up', f);
          // A follow-up that finds the client no longer working there ends the placement.
          if (f.still_working === false) {
            Object.assign(proposal, {
              stopped_on: f.held_on,
              stopped_stage: 'aangenomen',
              stopped_reason: 'Gestopt met het werk',
            });
            break;
          }
        }
    }
  });
  addProfilesRequestsTracks(r, clients, ref, push);
  await db.transaction(async (tx) => {
    for (const table of ORDER) if (rows[table]) await insert(tx, table, rows[table]);
    for (const table of ORDER.filter((t) => !['employer_mark_holding', 'client_work_profile'].includes(t)))
      await tx.query(
        `SELECT setval(pg_get_serial_sequence('${table}', 'id'), coalesce(max(id), 1), max(id) IS NOT NULL) FROM ${table}`,
      );
  });
  return Object.fromEntries(ORDER.map((t) => [t, rows[t]?.length ?? 0]));
}

const ORDER = [
  'employer_mark',
  'employer',
  'employer_mark_holding',
  'employer_contact',
  'employer_agreement',
  'vacancy',
  'vacancy_requirement',
  'client_work_profile',
  'proposal',
  'placement_follow_up',
  'discriminatory_request',
  'external_track',
  'track_signal',
];

const COMPETENCES = [
  'samenwerken',
  'zorgvuldig',
  'klantgericht',
  'fysiek werk',
  'op tijd',
  'zelfstandig',
  'empathie',
  'computer',
  'gastvrij',
  'technisch inzicht',
];
const SECTORS = EMPLOYERS.map((e) => e.sector);

function addProfilesRequestsTracks(
  r: Random,
  clients: DemoClient[],
  ref: string,
  push: (table: string, row: Row) => void,
) {
  const running = clients.filter((c) => c.end === null);
  for (const c of running) {
    const min = r.pick([0, 8, 16, 24]);
    push('client_work_profile', {
      client_id: c.id,
      competences: COMPETENCES.filter(() => r.bernoulli(0.3)),
      experience: SECTORS.filter(() => r.bernoulli(0.15)),
      hours_min: min,
      hours_max: Math.min(40, min + r.pick([8, 16, 24])),
      reachable_places: r.bernoulli(0.9) ? ['demodam'] : [],
      wished_sectors: SECTORS.filter(() => r.bernoulli(0.2)),
      wishes: '',
      updated_on: addDays(ref, -r.int(0, 200)),
    });
  }
  const requests: [number, string, string, string, string, string][] = [
    [1, 'expliciet', 'herkomst', 'Liever een Nederlander', 'geweigerd', 'noemen'],
    [1, 'impliciet', 'herkomst', 'Iemand die goed in het team past, u weet wel', 'besproken', 'open'],
    [1, 'expliciet', 'religie', 'Geen hoofddoek', 'gemeld', 'noemen'],
    [5, 'positief', 'leeftijd', 'Alleen jongeren', 'besproken', 'open'],
    [4, 'impliciet', 'herkomst', 'Accentloos Nederlands', 'besproken', 'niet_noemen'],
    [3, 'positief', 'geslacht', 'Liever een vrouw voor dit werk', 'geweigerd', 'open'],
    [1, 'impliciet', 'herkomst', 'Geen mensen uit een azc', 'gemeld', 'open'],
  ];
  requests.forEach(([employer, kind, ground, wording, action, decision], i) =>
    push('discriminatory_request', {
      id: i + 1,
      employer_id: employer,
      vacancy_id: null,
      received_on: addDays(ref, -30 - i * 70),
      kind,
      ground,
      wording,
      action,
      naming_decision: decision,
      decided_by: null,
      recorded_by: null,
    }),
  );
  const parties = ['Re-integratiebureau Vooruit', 'Werkfit Demodam', 'Taal en Werk BV'];
  const sample = running.filter((c) => c.consultantId !== null).filter(() => r.bernoulli(0.03));
  sample.forEach((c, i) => {
    const startedOn = addDays(ref, -r.int(30, 200));
    push('external_track', {
      id: i + 1,
      client_id: c.id,
      lead_party: r.pick(parties),
      name: r.pick(['Werkfit', 'Taal op de werkvloer', 'Sollicitatietraject']),
      started_on: startedOn,
      ended_on: null,
    });
    if (r.bernoulli(0.5))
      push('track_signal', {
        id: i + 1,
        track_id: i + 1,
        kind: r.pick(['niet_verschenen', 'uitgevallen', 'werk_gevonden']),
        signalled_on: addDays(ref, -r.int(0, 25)),
        note: '',
        seen_on: null,
        seen_by: null,
      });
  });
}

async function loadClients(db: Queryable, secret: string): Promise<DemoClient[]> {
  const clients = await db.query<{ id: number; consultant_id: number | null; start: string; end: string | null }>(
    `SELECT c.id, c.consultant_id, min(b.start_date) AS start,
            CASE WHEN bool_or(b.end_date IS NULL) THEN NULL ELSE max(b.end_date) END AS "end"
       FROM client c JOIN benefit_period b ON b.client_id = c.id GROUP BY c.id ORDER BY c.id`,
  );
  const persons = await db.query<{
    pseudonym: string;
    b: string | null;
    m: string | null;
    f: string | null;
    n: string | null;
    bg: string[] | null;
  }>(
    `SELECT p.pseudonym, p.birth_country AS b, p.mother_birth_country AS m, p.father_birth_country AS f, p.nationality AS n,
            (SELECT array_agg(cb.background ORDER BY cb.background) FROM monitoring.cultural_background cb WHERE cb.pseudonym = p.pseudonym) AS bg
       FROM monitoring.person p`,
  );
  const byPseudonym = new Map(persons.map((p) => [p.pseudonym, p]));
  return clients.map((c) => {
    const p = byPseudonym.get(pseudonymFor(c.id, secret));
    const origin = p
      ? classifyAll({
          birthCountry: p.b,
          motherBirthCountry: p.m,
          fatherBirthCountry: p.f,
          nationality: p.n,
          culturalBackgrounds: p.bg ?? [],
        }).cbsFrom2022
      : null;
    return { id: c.id, consultantId: c.consultant_id, start: c.start, end: c.end, behind: origin === 'buiten-europa' };
  });
}
