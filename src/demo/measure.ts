/**
 * Plain per-client facts computed from generated Demodam rows, to check the built-in truths
 * (tests, docs/demodam.md) without the database. The stages are read in memory by the same
 * stage rules as the mirror's SQL (src/mirror/stages.ts), over the demo's whole history: the
 * period from DEMO_FROM to the reference date.
 */
import { LANGUAGE_B1_OR_HIGHER } from '../domain/codes.js';
import { INSTRUMENTS } from './catalogue.js';
import { dayOf } from './dates.js';
import { readStages, type CaseEvents } from '../mirror/stage-facts.js';
import { srgStageKey, STAGE_RULES } from '../mirror/stages.js';
import type { ClientTables } from './rows.js';

/** The first day of the demo's history (no benefit starts earlier). */
export const DEMO_FROM = '2024-01-01';

export type CbsOld = 'nederlands' | 'westers' | 'niet-westers' | 'onbekend';
export type Herkomst = 'nederland' | 'europa' | 'buiten-europa' | 'onbekend';
export type Extended = 'geen' | 'westers' | 'niet-westers' | 'onbekend';

/** Western countries by CBS's definition until 2022: Europe (not Turkey), North America, Oceania, Indonesia, Japan. */
const WESTERN = new Set([
  'NL',
  'BE',
  'DE',
  'PL',
  'RO',
  'BG',
  'GB',
  'PT',
  'ES',
  'IT',
  'FR',
  'HU',
  'UA',
  'US',
  'CA',
  'AU',
  'NZ',
  'ID',
  'JP',
]);
/** European countries (CBS 2022 herkomst; Turkey counted with Europe here, an assumption to check against CBS's list). */
const EUROPE = new Set(['NL', 'BE', 'DE', 'PL', 'RO', 'BG', 'GB', 'PT', 'ES', 'IT', 'FR', 'HU', 'UA', 'TR']);
/** Self-reported backgrounds counted as western in the extended definition (the rest, except Nederlands, as non-western). */
const WESTERN_BACKGROUNDS = new Set([
  'Pools',
  'Roemeens',
  'Bulgaars',
  'Duits',
  'Belgisch',
  'Brits',
  'Portugees',
  'Spaans',
  'Oekraïens',
  'Indonesisch',
  'Indisch',
  'Moluks',
]);

/** Everything the checks need about one client. */
export interface ClientFact {
  id: number;
  ageAtStart: number;
  gender: string;
  teamId: number;
  cbsOld: CbsOld;
  herkomst: Herkomst;
  extended: Extended;
  statushouder: boolean | null;
  languageBelowB1: boolean;
  startDay: number;
  /** Last day observed on benefit (benefit end or the reference date). */
  untilDay: number;
  active: boolean;
  diagnosed: boolean;
  firstDistance: 'kort' | 'lang' | null;
  latestDistance: 'kort' | 'lang' | null;
  everWerkplein: boolean;
  /** Bestand at the last observed day (null before any diagnosis). */
  bestandNow: 'werkplein' | 'wijk' | null;
  /** Bestand in which the client spent the most days. */
  mainBestand: 'werkplein' | 'wijk' | null;
  plan: boolean;
  /** Received at least one instrument (an allocation that started). */
  instrument: boolean;
  srg: Set<number>;
  conversationsFirstYear: number;
  /** The mirror's stages over the whole history (STAGE_RULES), by stage key. */
  stages: Readonly<Record<string, boolean>>;
  werkzaam1m: boolean;
  werkzaam6m: boolean;
  /** First job started within 365 days of the benefit start. */
  workWithinYear: boolean;
  outflow: boolean;
  consultantId: number;
}

function cbsOldOf(birth: string | null, mother: string | null, father: string | null): CbsOld {
  if (birth === null) return 'onbekend';
  // first generation: own birth country (when a parent was born abroad too); second: mother first
  const parentAbroad = [mother, father].find((c) => c !== null && c !== 'NL') ?? null;
  if (parentAbroad === null) return 'nederlands';
  const country = birth !== 'NL' ? birth : parentAbroad;
  return WESTERN.has(country) ? 'westers' : 'niet-westers';
}

function herkomstOf(birth: string | null, mother: string | null, father: string | null): Herkomst {
  if (birth === null) return 'onbekend';
  const country = birth !== 'NL' ? birth : ([mother, father].find((c) => c !== null && c !== 'NL') ?? 'NL');
  return country === 'NL' ? 'nederland' : EUROPE.has(country) ? 'europa' : 'buiten-europa';
}

/** Facts per client, in client id order. */
export function clientFacts(t: ClientTables, referenceDate: string): ClientFact[] {
  const ref = dayOf(referenceDate);
  const byClient = <R extends { client_id: number }>(rows: readonly R[]): Map<number, R[]> => {
    const m = new Map<number, R[]>();
    for (const r of rows) {
      const list = m.get(r.client_id);
      if (list) list.push(r);
      else m.set(r.client_id, [r]);
    }
    return m;
  };
  const benefits = byClient(t.benefit_period),
    diagnoses = byClient(t.diagnosis),
    bestanden = byClient(t.bestand_period);
  const plans = byClient(t.action_plan),
    allocations = byClient(t.instrument_allocation),
    conversations = byClient(t.conversation);
  const intakes = byClient(t.intake),
    work = byClient(t.work_period),
    monitoring = new Map(t.monitoring_person.map((m) => [m.client_id, m]));
  const backgrounds = byClient(t.monitoring_cultural_background);
  const srgOf = new Map<number, number>(INSTRUMENTS.map((d, i) => [i + 1, d.srg]));

  return t.client.map((c) => {
    const b = benefits.get(c.id)?.[0];
    const startDay = b ? dayOf(b.start_date) : ref;
    const untilDay = b?.end_date ? Math.min(dayOf(b.end_date), ref) : ref;
    const startIso = b?.start_date ?? referenceDate;
    let age = Number(startIso.slice(0, 4)) - Number(c.birth_date.slice(0, 4));
    if (startIso.slice(5) < c.birth_date.slice(5)) age--;

    const diag = [...(diagnoses.get(c.id) ?? [])].sort((x, y) => x.given_on.localeCompare(y.given_on) || x.id - y.id);
    const periods = [...(bestanden.get(c.id) ?? [])].sort((x, y) => x.start_date.localeCompare(y.start_date));
    let mainBestand: 'werkplein' | 'wijk' | null = null;
    const days = { werkplein: 0, wijk: 0 };
    for (const p of periods)
      days[p.bestand] += Math.min(p.end_date ? dayOf(p.end_date) : ref, untilDay) - dayOf(p.start_date) + 1;
    if (periods.length > 0) mainBestand = days.werkplein >= days.wijk ? 'werkplein' : 'wijk';

    const conv = (conversations.get(c.id) ?? []).map((x) => dayOf(x.held_on)).sort((x, y) => x - y);
    const intake = intakes.get(c.id)?.[0];
    const firstYearFrom = intake ? dayOf(intake.held_on) : startDay;
    const jobs = work.get(c.id) ?? [];
    const events: CaseEvents = {
      benefit_period: benefits.get(c.id) ?? [],
      diagnosis: diag,
      bestand_period: periods,
      action_plan: plans.get(c.id) ?? [],
      instrument_allocation: (allocations.get(c.id) ?? []).map((a) => ({
        started_on: a.started_on,
        srg_code: srgOf.get(a.instrument_id) ?? 0,
      })),
      conversation: conversations.get(c.id) ?? [],
      work_period: jobs,
    };
    const stages = readStages(events, { from: DEMO_FROM, to: referenceDate }, referenceDate)?.stages ?? {};
    const m = monitoring.get(c.id);
    const cbsOld = m ? cbsOldOf(m.birth_country, m.mother_birth_country, m.father_birth_country) : 'onbekend';
    const bgs = (backgrounds.get(c.id) ?? []).map((x) => x.background).filter((x) => x !== 'Nederlands');
    let extended: Extended;
    const nationalityAbroad = m?.nationality && m.nationality !== 'NL' ? m.nationality : null;
    if (
      cbsOld === 'niet-westers' ||
      bgs.some((x) => !WESTERN_BACKGROUNDS.has(x)) ||
      (nationalityAbroad !== null && !WESTERN.has(nationalityAbroad))
    )
      extended = 'niet-westers';
    else if (cbsOld === 'westers' || bgs.length > 0 || nationalityAbroad !== null) extended = 'westers';
    else if (cbsOld === 'onbekend') extended = 'onbekend';
    else extended = 'geen';
    const started = (allocations.get(c.id) ?? []).filter((a) => a.started_on !== null);
    return {
      id: c.id,
      ageAtStart: age,
      gender: c.gender,
      teamId: c.team_id,
      cbsOld,
      herkomst: m ? herkomstOf(m.birth_country, m.mother_birth_country, m.father_birth_country) : 'onbekend',
      extended,
      statushouder: m?.statushouder ?? null,
      languageBelowB1: !LANGUAGE_B1_OR_HIGHER.has(c.dutch_language_level),
      startDay,
      untilDay,
      active: !b?.end_date,
      diagnosed: diag.length > 0,
      firstDistance: diag[0]?.distance ?? null,
      latestDistance: diag[diag.length - 1]?.distance ?? null,
      everWerkplein: periods.some((p) => p.bestand === 'werkplein'),
      bestandNow: periods[periods.length - 1]?.bestand ?? null,
      mainBestand,
      plan: (plans.get(c.id) ?? []).length > 0,
      instrument: started.length > 0,
      srg: new Set(started.map((a) => srgOf.get(a.instrument_id) ?? 0)),
      conversationsFirstYear: conv.filter((d) => d >= firstYearFrom && d < firstYearFrom + 365).length,
      stages,
      werkzaam1m: stages.werkzaam_1m ?? false,
      werkzaam6m: stages.werkzaam_6m ?? false,
      workWithinYear: jobs.some((j) => dayOf(j.start_date) < startDay + 365),
      outflow: Boolean(b?.end_date),
      consultantId: c.consultant_id,
    };
  });
}

/** Share (0..1) of `rows` for which `test` holds; NaN for no rows. */
export function share<T>(rows: readonly T[], test: (row: T) => boolean): number {
  let n = 0;
  for (const r of rows) if (test(r)) n++;
  return rows.length === 0 ? NaN : n / rows.length;
}

/** The mirror's stages used in the checks, as yes/no per client (core stages and the SRG types of the demo). */
export const STAGES: Readonly<Record<string, (f: ClientFact) => boolean>> = Object.fromEntries(
  [
    ...Object.keys(STAGE_RULES),
    ...[...new Set(INSTRUMENTS.map((d) => d.srg))].sort((a, b) => a - b).map(srgStageKey),
  ].map((key) => [key, (f: ClientFact) => f.stages[key] ?? false]),
);
