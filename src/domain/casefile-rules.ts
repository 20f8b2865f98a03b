import { ageBand, type AgeBand } from './age.js';
import { ageOn, daysBetween, monthOf } from './dates.js';

/**
 * Rules of the daily case-file work that do not need a database: a client's status, the
 * caseload flags and the anonymisation of intervision summaries. Dates are 'YYYY-MM-DD'
 * strings throughout (calendar days; "today" comes from src/domain/dates.ts, in Amsterdam).
 */

/** No conversation for this many days (about six months) while active: "onder op de stapel". */
export const BOTTOM_OF_PILE_DAYS = 183;

/** Intensive guidance means at least this many conversations in twelve months. */
export const INTENSIVE_CONVERSATIONS_PER_YEAR = 4;

/** The window of "the last twelve months" in days. */
export const YEAR_DAYS = 365;

export const CLIENT_STATUSES = ['actief', 'on-hold', 'uitgestroomd'] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];

export { AGE_BANDS, type AgeBand } from './age.js';
export { addDays, ageOn, daysBetween, monthOf } from './dates.js';

/** "Onder op de stapel" as a rule on a count of days: {@link BOTTOM_OF_PILE_DAYS} or more. */
export const isBottomOfPile = (daysWithoutConversation: number): boolean =>
  daysWithoutConversation >= BOTTOM_OF_PILE_DAYS;

export interface StatusFacts {
  /** The client has at least one benefit period. */
  hasBenefitPeriod: boolean;
  /** A benefit period runs today (no end date, or an end date today or later). */
  hasOpenBenefitPeriod: boolean;
  /** An on-hold period covers today. */
  onHoldToday: boolean;
}

/**
 * The client's status today. `uitgestroomd` when every benefit period has ended; otherwise
 * `on-hold` when an on-hold period covers today; otherwise `actief`. A client without any
 * benefit period yet (registered, benefit still being decided) counts as `actief`.
 */
export function clientStatus(f: StatusFacts): ClientStatus {
  if (f.hasBenefitPeriod && !f.hasOpenBenefitPeriod) return 'uitgestroomd';
  if (f.onHoldToday) return 'on-hold';
  return 'actief';
}

/** {@link clientStatus} on `today`, from the client's benefit and on-hold periods. */
export function statusFromPeriods(
  benefitPeriods: readonly { endDate: string | null }[],
  onHoldPeriods: readonly { startDate: string; endDate: string | null }[],
  today: string,
): ClientStatus {
  return clientStatus({
    hasBenefitPeriod: benefitPeriods.length > 0,
    hasOpenBenefitPeriod: benefitPeriods.some((b) => b.endDate === null || b.endDate >= today),
    onHoldToday: onHoldPeriods.some((h) => h.startDate <= today && (h.endDate === null || h.endDate >= today)),
  });
}

export interface PileFacts {
  status: ClientStatus;
  /** Date of the latest conversation held, or null when there was none. */
  lastConversation: string | null;
  /** Start of the running benefit period, or null. */
  benefitStart: string | null;
  /** The day the client was registered in Kansenspiegel. */
  registeredOn: string;
}

/**
 * Days since the last contact: since the latest conversation; without one, since the start of
 * the running benefit; without that, since the client was registered.
 */
export function daysWithoutConversation(f: Omit<PileFacts, 'status'>, today: string): number {
  return Math.max(0, daysBetween(f.lastConversation ?? f.benefitStart ?? f.registeredOn, today));
}

/**
 * "Onder op de stapel": an active client (not on hold, not flowed out) without a conversation
 * for {@link BOTTOM_OF_PILE_DAYS} days or more, counted as in {@link daysWithoutConversation}.
 */
export function onderOpDeStapel(f: PileFacts, today: string): boolean {
  return f.status === 'actief' && isBottomOfPile(daysWithoutConversation(f, today));
}

/**
 * "Nog geen intake": a client still on the caseload (not flowed out) for whom no intake was
 * recorded yet. New clients arrive this way; the signal stays until the first intake is saved.
 */
export function intakeOntbreekt(f: { status: ClientStatus; hasIntake: boolean }): boolean {
  return f.status !== 'uitgestroomd' && !f.hasIntake;
}

export interface IntensityFacts {
  status: ClientStatus;
  /** The current diagnosis advice, or null when none was given. */
  distance: 'kort' | 'lang' | null;
  /** Creation date of the earliest plan of action with status `actief`, or null without one. */
  activePlanSince: string | null;
  /** Conversations held in the last twelve months (today included). */
  conversationsLast12Months: number;
}

/**
 * The number of conversations intensive guidance asks for by `today`: one for every full
 * quarter since the active plan started, at most {@link INTENSIVE_CONVERSATIONS_PER_YEAR}.
 * A plan of two months asks for none yet, one of seven months for two, one over a year for four.
 */
export function intensiveConversationsRequired(activePlanSince: string, today: string): number {
  const days = Math.min(YEAR_DAYS, Math.max(0, daysBetween(activePlanSince, today)));
  return Math.floor((INTENSIVE_CONVERSATIONS_PER_YEAR * days) / YEAR_DAYS);
}

/**
 * "Intensief te weinig". The case file does not yet record whether an instrument or plan is
 * meant as intensive guidance, so the route counts as intensive for an active client with a
 * current diagnosis `lang` (the long-distance clients of the VIA pilot) and an active plan of
 * action. Flagged when such a client had fewer conversations in the last twelve months than
 * {@link intensiveConversationsRequired} (four a year, pro rata while the plan is younger).
 */
export function intensiefTeWeinig(f: IntensityFacts, today: string): boolean {
  if (f.status !== 'actief' || f.distance !== 'lang' || f.activePlanSince === null) return false;
  return f.conversationsLast12Months < intensiveConversationsRequired(f.activePlanSince, today);
}

/** The text put where an identifying value stood in an anonymised summary. */
export const REDACTED = '[…]';

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Removes the given identifying values (names, BSN, address, postcode, birth date) from free
 * text: case-insensitively, as whole words only (so "El" does not eat "elektricien"), and with
 * any run of spaces inside a value matching any spacing. Values shorter than two characters
 * are ignored.
 *
 * Warning: this catches what is known about the person, not every way free text can identify
 * someone; a summary meant for others still needs a human eye.
 */
export function redact(text: string, identifiers: readonly (string | null | undefined)[]): string {
  const patterns = identifiers
    .filter((v): v is string => typeof v === 'string' && v.trim().length >= 2)
    .map((v) => v.trim())
    .sort((a, b) => b.length - a.length)
    .map((v) => v.split(/\s+/).map(escapeRegExp).join('\\s*'));
  if (patterns.length === 0) return text;
  return text.replace(new RegExp(`(?<![\\p{L}\\p{N}])(?:${patterns.join('|')})(?![\\p{L}\\p{N}])`, 'giu'), REDACTED);
}

/** Date forms in which a birth date may appear in free text: 1980-03-01, 01-03-1980, 1-3-1980. */
export function dateSpellings(iso: string): string[] {
  const [y, m, d] = [iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10)];
  const dd = String(Number(d));
  const mm = String(Number(m));
  return [
    ...new Set([iso, `${d}-${m}-${y}`, `${d}/${m}/${y}`, `${dd}-${mm}-${y}`, `${dd}/${mm}/${y}`, `${d}.${m}.${y}`]),
  ];
}

/** Particles of Dutch surnames that identify no one on their own. */
const NAME_PARTICLES = new Set([
  'van',
  'de',
  'der',
  'den',
  'het',
  'ten',
  'ter',
  'te',
  'op',
  'in',
  'el',
  'al',
  'la',
  'le',
  'da',
  'di',
  'du',
  'bin',
  'ben',
]);

/** A name and its distinctive parts: "Fatima El Amrani" gives itself, "Fatima" and "Amrani". */
export function nameForms(name: string | null | undefined): string[] {
  if (!name) return [];
  const parts = name
    .trim()
    .split(/[\s-]+/)
    .filter((p) => p.length >= 3 && !NAME_PARTICLES.has(p.toLowerCase()));
  return [name.trim(), ...parts];
}

/** What an intervision summary is made from (a client's case file; extra fields are ignored). */
export interface IntervisionInput {
  client: {
    bsn: string;
    givenName: string;
    familyName: string;
    birthDate: string;
    street: string | null;
    houseNumber: string | null;
    postcode: string | null;
    city: string | null;
    household: string;
    educationLevel: string;
    dutchLanguageLevel: string;
    workExperience: string;
    doelgroepregister: boolean;
    consultantName: string | null;
  };
  benefitPeriods: { startDate: string; endDate: string | null }[];
  onHoldPeriods: { startDate: string; endDate: string | null }[];
  diagnoses: { givenOn: string; distance: 'kort' | 'lang'; reasons: string; givenByName: string | null }[];
  plans: {
    createdOn: string;
    status: string;
    consultantName: string | null;
    goals: { description: string }[];
    steps: { doneOn: string | null }[];
  }[];
  instrumentAllocations: {
    instrumentName: string;
    srgCode: number;
    requestedOn: string;
    startedOn: string | null;
    endedOn: string | null;
    outcome: string | null;
    satisfaction: number | null;
    reason: string;
    allocatedByName: string | null;
  }[];
  conversations: { kind: string; consultantName: string | null }[];
  ladderSteps: { step: number; stepName: string; recordedOn: string }[];
  workPeriods: {
    employer: string;
    startDate: string;
    endDate: string | null;
    hoursPerWeek: number;
    wageCostSubsidy: boolean;
  }[];
  discriminationDiscussions?: { consultantName: string | null }[];
}

/** The word that stands for every employer in an anonymised summary. */
export const EMPLOYER_PLACEHOLDER = 'werkgever';

export interface IntervisionSummary {
  ageBand: AgeBand;
  status: ClientStatus;
  household: string;
  educationLevel: string;
  dutchLanguageLevel: string;
  workExperience: string;
  doelgroepregister: boolean;
  diagnoses: { month: string; distance: 'kort' | 'lang'; reasons: string }[];
  plans: { month: string; status: string; goals: string[]; steps: number; stepsDone: number }[];
  instruments: {
    name: string;
    srgCode: number;
    requestedMonth: string;
    startedMonth: string | null;
    endedMonth: string | null;
    outcome: string | null;
    satisfaction: number | null;
    reason: string;
  }[];
  conversations: { total: number; byKind: Record<string, number> };
  ladderSteps: { month: string; step: number; stepName: string }[];
  workPeriods: {
    employer: typeof EMPLOYER_PLACEHOLDER;
    startMonth: string;
    endMonth: string | null;
    hoursPerWeek: number;
    wageCostSubsidy: boolean;
  }[];
}

/**
 * An anonymised case summary for intervision: no name, BSN, address, postcode or birth date,
 * no consultant's name; age as a band, dates as months, employers as "werkgever", and every
 * free text stripped of the identifying values this file knows (the client's names, BSN,
 * address, postcode, birth date, the consultants' names and the employers).
 * Conversation summaries, notes, client wishes, feedback and discrimination talks are left out.
 */
export function intervisionSummary(file: IntervisionInput, today: string): IntervisionSummary {
  const c = file.client;
  const postcode = c.postcode?.replace(/\s+/g, '') ?? null;
  const identifiers = [
    ...nameForms(`${c.givenName} ${c.familyName}`),
    ...nameForms(c.familyName),
    c.bsn,
    c.street && c.houseNumber ? `${c.street} ${c.houseNumber}` : null,
    c.street,
    postcode,
    postcode && postcode.length === 6 ? `${postcode.slice(0, 4)} ${postcode.slice(4)}` : null,
    ...dateSpellings(c.birthDate),
    ...[
      c.consultantName,
      ...file.diagnoses.map((d) => d.givenByName),
      ...file.plans.map((p) => p.consultantName),
      ...file.instrumentAllocations.map((a) => a.allocatedByName),
      ...file.conversations.map((v) => v.consultantName),
      ...(file.discriminationDiscussions ?? []).map((d) => d.consultantName),
    ].flatMap(nameForms),
    ...file.workPeriods.map((w) => w.employer),
  ];
  const clean = (text: string): string => redact(text, identifiers);
  const month = (iso: string): string => iso.slice(0, 7);
  const byKind: Record<string, number> = {};
  for (const v of file.conversations) byKind[v.kind] = (byKind[v.kind] ?? 0) + 1;
  return {
    ageBand: ageBand(ageOn(c.birthDate, today)) as AgeBand,
    status: statusFromPeriods(file.benefitPeriods, file.onHoldPeriods, today),
    household: c.household,
    educationLevel: c.educationLevel,
    dutchLanguageLevel: c.dutchLanguageLevel,
    workExperience: c.workExperience,
    doelgroepregister: c.doelgroepregister,
    diagnoses: file.diagnoses.map((d) => ({
      month: month(d.givenOn),
      distance: d.distance,
      reasons: clean(d.reasons),
    })),
    plans: file.plans.map((p) => ({
      month: month(p.createdOn),
      status: p.status,
      goals: p.goals.map((g) => clean(g.description)),
      steps: p.steps.length,
      stepsDone: p.steps.filter((s) => s.doneOn !== null).length,
    })),
    instruments: file.instrumentAllocations.map((a) => ({
      name: a.instrumentName,
      srgCode: a.srgCode,
      requestedMonth: month(a.requestedOn),
      startedMonth: monthOf(a.startedOn),
      endedMonth: monthOf(a.endedOn),
      outcome: a.outcome,
      satisfaction: a.satisfaction,
      reason: clean(a.reason),
    })),
    conversations: { total: file.conversations.length, byKind },
    ladderSteps: file.ladderSteps.map((l) => ({ month: month(l.recordedOn), step: l.step, stepName: l.stepName })),
    workPeriods: file.workPeriods.map((w) => ({
      employer: EMPLOYER_PLACEHOLDER,
      startMonth: month(w.startDate),
      endMonth: monthOf(w.endDate),
      hoursPerWeek: w.hoursPerWeek,
      wageCostSubsidy: w.wageCostSubsidy,
    })),
  };
}
