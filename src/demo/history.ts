/**
 * One client's history in the guidance process, from the benefit start up to the reference
 * date: intake, diagnosis advice (and re-diagnosis), bestand, plan, on hold, instruments, work
 * and outflow, conversations, ladder, intermediate steps, discrimination talks and feedback.
 *
 * Timing and every yes/no that a mirror stage can see come from the 'path' stream and read only
 * the person's age, gender, education, work experience (none or some), health, doelgroep-
 * register and team. Texts and details that may follow origin or language (which instrument
 * within an SRG type, summaries, discrimination experiences) come from the 'text' stream.
 */
import { LANGUAGE_B1_OR_HIGHER } from '../domain/codes.js';
import { INSTRUMENTS, INSTRUMENT_ID, LIFE_DOMAINS, type InstrumentDef, type SrgCode } from './catalogue.js';
import { birthdayDay, isoOf, isoOrNull } from './dates.js';
import {
  AOW_AGE,
  CONVERSATION_INTERVAL,
  DIAGNOSIS_AFTER_INTAKE,
  DISCRIMINATION_DISCUSSED,
  DISCRIMINATION_EXPERIENCED,
  FEEDBACK_SHARE,
  FORGOTTEN,
  INSTRUMENT_FACTOR_45_PLUS,
  intersectionInstrumentFactor,
  INSTRUMENT_SHARE,
  INTAKE_AFTER_START,
  JOB_ENDS_BEFORE_SIX_MONTHS,
  JOB_HOURS,
  JOB_SHORTER_THAN_MONTH,
  JOB_START_AFTER_WORK_INSTRUMENT,
  JOB_START_DOELGROEPREGISTER,
  JOB_START_PER_30_DAYS,
  KORT_FACTORS,
  LONG_JOB_OPEN_ENDED,
  ON_HOLD,
  OTHER_OUTFLOW_PER_30_DAYS,
  PLAN_SHARE,
  REDIAGNOSIS,
  SRG_BY_DISTANCE,
  WAGE_COST_SUBSIDY,
  benefitEndsWithJob,
  jobStartAgeFactor,
  kortBaseByAge,
  otherOutflowReasons,
} from './model.js';
import { LOCATIONS } from './places.js';
import type { Person } from './person.js';
import type { Random } from './random.js';
import type { BenefitEndReason, ClientTables, DiscriminationGround, IntermediateStepKind } from './rows.js';
import {
  EMPLOYERS,
  OCCUPATIONS,
  allocationTexts,
  conversationSummary,
  diagnosisReasons,
  discriminationAction,
  domainNote,
  feedbackComment,
  intakeTexts,
  intermediateStepText,
  ladderNote,
  onHoldReason,
  planGoals,
  type ClientFacts,
} from './texts.js';

type Distance = 'kort' | 'lang';
type Bestand = 'werkplein' | 'wijk';

/** The last id used per table (0 = none yet); advanced as rows are added. */
export type IdCounters = Record<
  Exclude<
    keyof ClientTables,
    'client' | 'intake_domain_score' | 'monitoring_person' | 'monitoring_cultural_background'
  >,
  number
>;

/** Counters at the start of a run: no ids used yet. */
export function newIdCounters(): IdCounters {
  return {
    benefit_period: 0,
    intake: 0,
    diagnosis: 0,
    bestand_period: 0,
    action_plan: 0,
    plan_goal: 0,
    plan_step: 0,
    instrument_allocation: 0,
    conversation: 0,
    on_hold_period: 0,
    ladder_step: 0,
    intermediate_step: 0,
    discrimination_discussion: 0,
    work_period: 0,
    client_feedback: 0,
  };
}

/** What a client's history needs besides the person. */
export interface HistoryContext {
  refDay: number;
  /** Consultants of the client's team (for the occasional conversation by a colleague). */
  teamConsultants: readonly number[];
}

interface Job {
  start: number;
  end: number | null;
  hours: number;
  subsidy: boolean;
}

const bestandOf = (d: Distance): Bestand => (d === 'kort' ? 'werkplein' : 'wijk');
const WORK_SRG = new Set<SrgCode>([23, 29, 30]);
const PLACEMENTS = new Set(['werkervaringsplaats', 'participatieplek', 'leerwerktraject']);

/** Which instrument within an SRG type: may follow language and status (text stream); the type itself does not. */
function instrumentWithin(t: Random, srg: SrgCode, distance: Distance, f: ClientFacts): InstrumentDef {
  const weight = (d: InstrumentDef): number => {
    switch (d.code) {
      case 'taalcursus':
        return f.languageBelowB1 ? 3 : 0.1;
      case 'activeringscentrum':
        return distance === 'lang' ? 2 : 0.3;
      case 'cv_workshop':
        return distance === 'kort' ? 2 : 0.5;
      case 'sollicitatietraining':
        return distance === 'kort' ? 2 : 0.3;
      case 'empowerment':
        return 1;
      case 'duaal_traject':
        return f.statushouder ? 3 : 0;
      case 'werkervaringsplaats':
        return distance === 'kort' ? 3 : 1.5;
      case 'participatieplek':
        return distance === 'kort' ? 0.5 : 2;
      case 'leerwerktraject':
        return 1;
      default:
        return 1;
    }
  };
  return t.weighted(INSTRUMENTS.filter((d) => d.srg === srg && !d.newInCatalogue).map((d) => [d, weight(d)] as const));
}

/** The facts the text stream reads (the occupation is the text stream's first draw). */
function clientFactsOf(p: Person, t: Random): ClientFacts {
  return {
    age: p.age,
    female: p.gender === 'vrouw',
    education: p.education,
    languageBelowB1: !LANGUAGE_B1_OR_HIGHER.has(p.language),
    experience: p.workExperience,
    occupation: t.pick(OCCUPATIONS),
    household: p.household,
    healthLimitation: p.healthLimitation === true,
    bornAbroad: p.origin.bornAbroad && p.origin.heritage !== null,
    statushouder: p.origin.statushouder === true,
    neighbourhood: p.neighbourhood.name,
  };
}

/** The path's timing up to the diagnosis: intake, diagnosis and re-diagnosis, plan and on hold. */
interface EarlyPath {
  intakeDay: number;
  diagDay: number;
  d0: Distance;
  d1: Distance;
  rediag: boolean;
  rediagDay: number;
  distanceAt: (day: number) => Distance | null;
  hasPlan: boolean;
  planDay: number;
  planConcept: boolean;
  onHold: boolean;
  holdStart: number;
  holdEnd: number;
  onHoldAt: (day: number) => boolean;
}

function drawEarlyPath(p: Person, r: Random, health: boolean): EarlyPath {
  const intakeDay = p.startDay + r.int(INTAKE_AFTER_START[0], INTAKE_AFTER_START[1]);
  const diagDay = intakeDay + r.int(DIAGNOSIS_AFTER_INTAKE[0], DIAGNOSIS_AFTER_INTAKE[1]);
  const pKort = Math.min(
    0.95,
    kortBaseByAge(p.age) *
      KORT_FACTORS.education[p.education] *
      (p.workExperience === 'geen'
        ? KORT_FACTORS.noWorkExperience
        : p.workExperience === 'onbekend'
          ? 1
          : KORT_FACTORS.someWorkExperience) *
      (health ? KORT_FACTORS.healthLimitation : 1) *
      (p.doelgroepregister ? KORT_FACTORS.doelgroepregister : 1),
  );
  const d0: Distance = r.bernoulli(pKort) ? 'kort' : 'lang';
  const rediag = r.bernoulli(REDIAGNOSIS.share);
  const rediagDay = diagDay + r.int(REDIAGNOSIS.afterDays[0], REDIAGNOSIS.afterDays[1]);
  const d1: Distance =
    d0 === 'lang'
      ? r.bernoulli(REDIAGNOSIS.changeFromLang)
        ? 'kort'
        : 'lang'
      : r.bernoulli(REDIAGNOSIS.changeFromKort)
        ? 'lang'
        : 'kort';
  const distanceAt = (day: number): Distance | null => (day < diagDay ? null : rediag && day >= rediagDay ? d1 : d0);

  const hasPlan = r.bernoulli(PLAN_SHARE[bestandOf(d0)]);
  const planDay = diagDay + r.int(7, 42);
  const planConcept = r.bernoulli(0.5);

  const onHold = r.bernoulli(health ? ON_HOLD.withHealthLimitation : ON_HOLD.base);
  const holdStart = diagDay + r.int(ON_HOLD.startAfterDays[0], ON_HOLD.startAfterDays[1]);
  const holdEnd = holdStart + r.int(ON_HOLD.lengthDays[0], ON_HOLD.lengthDays[1]);
  const onHoldAt = (day: number): boolean => onHold && day >= holdStart && day <= holdEnd;
  return {
    intakeDay,
    diagDay,
    d0,
    d1,
    rediag,
    rediagDay,
    distanceAt,
    hasPlan,
    planDay,
    planConcept,
    onHold,
    holdStart,
    holdEnd,
    onHoldAt,
  };
}

/** An instrument as planned; cut at the benefit end later. */
interface PlannedInstrument {
  requested: number;
  srg: SrgCode;
  def: InstrumentDef;
  started: number | null;
  length: number;
  stoppedEarly: boolean;
  satisfaction: number | null;
}

/** The instruments planned for the client (before the benefit end is known). */
function planInstruments(
  p: Person,
  path: EarlyPath,
  facts: ClientFacts,
  r: Random,
  t: Random,
  x: Random,
): PlannedInstrument[] {
  let planned: PlannedInstrument[] = [];
  const pAny = INSTRUMENT_SHARE[path.d0] * (p.age >= 45 ? INSTRUMENT_FACTOR_45_PLUS : 1);
  const draw = (r: Random, t: Random) => {
    const count = 1 + (r.bernoulli(0.35) ? 1 + (r.bernoulli(0.3) ? 1 : 0) : 0);
    for (let k = 0; k < count; k++) {
      const requested = (path.hasPlan ? path.planDay : path.diagDay + 14) + (k === 0 ? r.int(0, 120) : r.int(60, 360));
      const distance = path.distanceAt(requested) ?? path.d0;
      const srg = r.weighted(SRG_BY_DISTANCE[distance]);
      const def = instrumentWithin(t, srg, distance, facts);
      const notStarted = r.bernoulli(0.08);
      const started = notStarted ? null : requested + r.int(5, 45);
      const length = r.int(def.days[0], def.days[1]);
      const stoppedEarly = r.bernoulli(0.2);
      const satisfaction = r.bernoulli(0.7)
        ? r.weighted([
            [1, 5],
            [2, 10],
            [3, 20],
            [4, 40],
            [5, 25],
          ])
        : null;
      planned.push({ requested, srg, def, started, length, stoppedEarly, satisfaction });
    }
  };
  if (r.bernoulli(pAny)) draw(r, t);
  // TRUTH (f), from its own stream x: thin (factor < 1) or add (factor > 1) so that the chance
  // of any instrument becomes pAny·factor, without changing a draw of the path or text stream.
  const factor = intersectionInstrumentFactor(p.neighbourhood.name, p.gender);
  if (factor < 1 && planned.length > 0 && x.bernoulli(1 - factor)) planned = [];
  else if (factor > 1 && planned.length === 0 && x.bernoulli((pAny * (factor - 1)) / (1 - pAny))) draw(x, x);
  return planned;
}

/** Work and outflow, in steps of 30 days from the intake: the jobs, and the benefit end if any. */
function drawWorkAndOutflow(
  p: Person,
  path: EarlyPath,
  planned: PlannedInstrument[],
  ref: number,
  r: Random,
): { jobs: Job[]; end: number | null; endReason: BenefitEndReason | null } {
  // age at a day, from the birthdays that fall in the window
  const birthdays = [1, 2, 3, 4].map((k) => birthdayDay(p.birthDate, p.age + k));
  const ageAt = (day: number): number => p.age + birthdays.filter((b) => b <= day).length;
  const aowDay = birthdayDay(p.birthDate, AOW_AGE);
  const workInstrumentFrom = Math.min(
    ...planned.filter((x) => x.started !== null && WORK_SRG.has(x.srg)).map((x) => x.started as number),
  );
  const jobs: Job[] = [];
  let end: number | null = null;
  let endReason: BenefitEndReason | null = null;
  let busyUntil = -Infinity; // working (part-time, benefit continues) until this day
  for (let day = path.intakeDay; day <= ref && end === null; day += 30) {
    if (aowDay >= day && aowDay < day + 30 && aowDay <= ref) {
      end = aowDay;
      endReason = 'aow';
      break;
    }
    const distance = path.distanceAt(day);
    if (!path.onHoldAt(day) && day > busyUntil) {
      const base = distance === null ? JOB_START_PER_30_DAYS.beforeDiagnosis : JOB_START_PER_30_DAYS[distance];
      const pJob =
        base *
        jobStartAgeFactor(ageAt(day)) *
        (day >= workInstrumentFrom ? JOB_START_AFTER_WORK_INSTRUMENT : 1) *
        (p.doelgroepregister ? JOB_START_DOELGROEPREGISTER : 1);
      if (r.bernoulli(pJob)) {
        const start = day + r.int(0, 29);
        if (start > ref) break;
        const [hLo, hHi] = r.weighted(JOB_HOURS);
        const hours = r.int(hLo * 2, hHi * 2) / 2;
        const subsidy = r.bernoulli(
          p.doelgroepregister ? WAGE_COST_SUBSIDY.doelgroepregister : WAGE_COST_SUBSIDY[distance ?? 'kort'],
        );
        let length: number | null;
        if (r.bernoulli(JOB_SHORTER_THAN_MONTH)) length = r.int(5, 29);
        else if (r.bernoulli(JOB_ENDS_BEFORE_SIX_MONTHS[p.gender])) length = r.int(31, 180);
        else length = r.bernoulli(LONG_JOB_OPEN_ENDED) ? null : r.int(190, 900);
        const jobEnd = length === null ? null : start + length;
        jobs.push({ start, end: jobEnd !== null && jobEnd <= ref ? jobEnd : null, hours, subsidy });
        const endsBenefit = (length === null || length >= 31) && r.bernoulli(benefitEndsWithJob(hours));
        const outDay = start + r.int(0, 30);
        if (endsBenefit && outDay <= ref) {
          end = outDay;
          endReason = subsidy ? 'werk_met_loonkostensubsidie' : 'werk';
          break;
        }
        busyUntil = jobEnd ?? Infinity;
        continue;
      }
    }
    if (r.bernoulli(OTHER_OUTFLOW_PER_30_DAYS)) {
      const outDay = day + r.int(0, 29);
      if (outDay <= ref) {
        end = outDay;
        endReason = r.weighted(otherOutflowReasons(ageAt(outDay)));
      }
    }
  }
  return { jobs, end, endReason };
}

/** Everything the recording stages share once the path (up to the benefit end) is drawn. */
interface Life extends EarlyPath {
  out: ClientTables;
  ids: IdCounters;
  ctx: HistoryContext;
  clientId: number;
  p: Person;
  facts: ClientFacts;
  consultant: number;
  female: boolean;
  health: boolean;
  ref: number;
  jobs: Job[];
  end: number | null;
  /** Last day we observe the client on benefit. */
  until: number;
  seen: (day: number) => boolean;
}

function writeJobs(life: Life, t: Random): void {
  for (const j of life.jobs) {
    life.out.work_period.push({
      id: ++life.ids.work_period,
      client_id: life.clientId,
      employer: t.pick(EMPLOYERS),
      start_date: isoOf(j.start),
      end_date: isoOrNull(j.end),
      hours_per_week: j.hours,
      wage_cost_subsidy: j.subsidy,
    });
  }
}

function writeIntake(life: Life, t: Random): void {
  const { out, ids, facts, health, p } = life;
  const intakeId = ++ids.intake;
  out.intake.push({
    id: intakeId,
    client_id: life.clientId,
    held_on: isoOf(life.intakeDay),
    consultant_id: life.consultant,
    ...intakeTexts(t, facts),
  });
  const lift = life.d0 === 'kort' ? 0.7 : -0.4;
  LIFE_DOMAINS.forEach((d, i) => {
    let mean = 3 + lift;
    if (d.code === 'taal') mean = facts.languageBelowB1 ? 2.2 : 4.4;
    if (d.code === 'gezondheid_fysiek' || d.code === 'psychisch') mean += health ? -1.2 : 0.3;
    if (d.code === 'werk_opleiding' && p.workExperience === 'geen') mean -= 0.8;
    const score = Math.max(1, Math.min(5, Math.round(t.normal(mean, 0.9))));
    out.intake_domain_score.push({
      intake_id: intakeId,
      life_domain_id: i + 1,
      score,
      note: domainNote(t, d.code, score),
    });
  });
}

/** Diagnoses and the bestand periods they give; returns the diagnoses and the bestand at a day. */
function writeDiagnoses(
  life: Life,
  t: Random,
): { diagnoses: [number, Distance][]; bestandAt: (day: number) => Bestand } {
  const { out, ids, seen, diagDay, end, d0 } = life;
  const diagnoses: [number, Distance][] = [];
  if (seen(diagDay)) diagnoses.push([diagDay, d0]);
  if (seen(diagDay) && life.rediag && seen(life.rediagDay)) diagnoses.push([life.rediagDay, life.d1]);
  diagnoses.forEach(([day, d], k) => {
    out.diagnosis.push({
      id: ++ids.diagnosis,
      client_id: life.clientId,
      given_on: isoOf(day),
      distance: d,
      reasons: diagnosisReasons(t, life.facts, d, k > 0),
      given_by: life.consultant,
    });
  });
  const periods: { bestand: Bestand; start: number; end: number | null }[] = [];
  for (const [day, d] of diagnoses) {
    const last = periods[periods.length - 1];
    if (last && last.bestand === bestandOf(d)) continue;
    if (last) last.end = day - 1;
    periods.push({ bestand: bestandOf(d), start: day, end: null });
  }
  if (end !== null && periods.length > 0)
    periods[periods.length - 1].end = Math.max(end, periods[periods.length - 1].start);
  for (const b of periods) {
    out.bestand_period.push({
      id: ++ids.bestand_period,
      client_id: life.clientId,
      bestand: b.bestand,
      start_date: isoOf(b.start),
      end_date: isoOrNull(b.end),
    });
  }
  const bestandAt = (day: number): Bestand => {
    let b: Bestand = bestandOf(d0);
    for (const x of periods) if (x.start <= day) b = x.bestand;
    return b;
  };
  return { diagnoses, bestandAt };
}

function writePlan(life: Life, t: Random): void {
  const { out, ids, planDay, until, ref } = life;
  const planId = ++ids.action_plan;
  const status = life.end !== null ? 'afgerond' : planDay > ref - 14 && life.planConcept ? 'concept' : 'actief';
  out.action_plan.push({
    id: planId,
    client_id: life.clientId,
    created_on: isoOf(planDay),
    status,
    consultant_id: life.consultant,
  });
  planGoals(t, life.facts, bestandOf(life.d0)).forEach((g, gi) => {
    const goalId = ++ids.plan_goal;
    out.plan_goal.push({ id: goalId, plan_id: planId, description: g.goal, sort_order: gi + 1 });
    for (const step of g.steps) {
      const due = planDay + t.int(14, 180);
      const done = t.bernoulli(0.55) ? due - t.int(-20, 10) : null;
      out.plan_step.push({
        id: ++ids.plan_step,
        plan_id: planId,
        goal_id: goalId,
        description: step,
        due_on: isoOf(due),
        done_on: done !== null && done >= planDay && done <= until ? isoOf(done) : null,
      });
    }
  });
}

function writeOnHold(life: Life, t: Random): void {
  const { holdEnd, until, end } = life;
  const closes = holdEnd <= until ? holdEnd : end !== null ? end : null;
  life.out.on_hold_period.push({
    id: ++life.ids.on_hold_period,
    client_id: life.clientId,
    start_date: isoOf(life.holdStart),
    end_date: isoOrNull(closes),
    reason: onHoldReason(t, life.female, life.health),
  });
}

/** The planned instruments as allocations, cut at the benefit end; returns placement starts and running instruments. */
function writeAllocations(
  life: Life,
  planned: PlannedInstrument[],
  t: Random,
): { placements: number[]; running: [number, number | null, string][] } {
  const { seen, end, until, ref } = life;
  const placements: number[] = [];
  const running: [number, number | null, string][] = []; // start, end, name: for summaries
  for (const x of planned) {
    if (!seen(x.requested)) continue;
    const started = x.started !== null && seen(x.started) ? x.started : null;
    let outcome: 'afgerond' | 'voortijdig_gestopt' | 'niet_gestart' | null = null;
    let ended: number | null = null;
    if (x.started === null) outcome = 'niet_gestart';
    else if (started === null && end !== null) outcome = 'niet_gestart';
    if (started !== null) {
      const stopAt = started + (x.stoppedEarly ? Math.max(1, Math.round(x.length * 0.4)) : x.length);
      const continuesInJob = x.srg === 30 || x.srg === 31;
      if (stopAt <= ref && (stopAt <= until || continuesInJob)) {
        ended = stopAt;
        outcome = x.stoppedEarly ? 'voortijdig_gestopt' : 'afgerond';
      } else if (end !== null && !continuesInJob) {
        ended = Math.max(end, started);
        outcome = 'voortijdig_gestopt';
      }
      if (PLACEMENTS.has(x.def.code)) placements.push(started);
      running.push([started, ended, x.def.name]);
    }
    const texts = allocationTexts(t, x.def, life.facts);
    life.out.instrument_allocation.push({
      id: ++life.ids.instrument_allocation,
      client_id: life.clientId,
      instrument_id: INSTRUMENT_ID[x.def.code],
      requested_on: isoOf(x.requested),
      started_on: isoOrNull(started),
      ended_on: isoOrNull(ended),
      outcome,
      satisfaction: ended !== null ? x.satisfaction : null,
      ...texts,
      allocated_by: life.consultant,
    });
  }
  return { placements, running };
}

/** The conversation days (path stream): regular by bestand, with a long gap for a forgotten client. */
function drawConversationDays(
  life: Life,
  bestandAt: (day: number) => Bestand,
  r: Random,
): { held: number[]; gapAfter: Set<number>; planNextAfterLast: number | null } {
  const { p, intakeDay, until } = life;
  const forgotten = r.bernoulli(Math.min(1, FORGOTTEN[bestandOf(life.d0)] * (FORGOTTEN.teamFactor[p.teamName] ?? 1)));
  const gapAt = intakeDay + r.int(30, 540);
  const gapLength = r.int(FORGOTTEN.gapDays[0], FORGOTTEN.gapDays[1]);
  const held: number[] = [intakeDay];
  const gapAfter = new Set<number>(); // index of the conversation after which contact stopped
  let gapDone = false;
  for (;;) {
    const last = held[held.length - 1];
    let next: number;
    if (forgotten && !gapDone && last >= gapAt) {
      next = last + gapLength;
      gapDone = true;
      gapAfter.add(held.length - 1);
    } else {
      const [lo, hi] = CONVERSATION_INTERVAL[bestandAt(last)];
      next = last + r.int(lo, hi);
    }
    if (next > until) return { held, gapAfter, planNextAfterLast: gapAfter.has(held.length - 1) ? null : next };
    held.push(next);
  }
}

/** Conversations and the client's feedback on them; returns the conversation days. */
function writeConversations(
  life: Life,
  bestandAt: (day: number) => Bestand,
  running: [number, number | null, string][],
  r: Random,
  t: Random,
): number[] {
  const { out, ids, p, jobs, ref } = life;
  const { held, gapAfter, planNextAfterLast } = drawConversationDays(life, bestandAt, r);
  held.forEach((day, k) => {
    const bestand = bestandAt(day);
    const kind =
      k === 0
        ? 'gesprek'
        : t.weighted(
            bestand === 'werkplein'
              ? ([
                  ['gesprek', 60],
                  ['telefoon', 25],
                  ['video', 15],
                ] as const)
              : ([
                  ['huisbezoek', 35],
                  ['gesprek', 35],
                  ['telefoon', 25],
                  ['video', 5],
                ] as const),
          );
    const location =
      kind === 'huisbezoek'
        ? LOCATIONS.thuis
        : kind === 'gesprek'
          ? bestand === 'werkplein' || k === 0
            ? LOCATIONS.werkplein
            : LOCATIONS.wijkcentrum(p.neighbourhood.name)
          : null;
    const inJob = jobs.some((j) => j.start <= day && (j.end === null || j.end >= day));
    const instrument = running.find(([s, e]) => s <= day && (e === null || e >= day));
    const nextHeld = k + 1 < held.length ? held[k + 1] : planNextAfterLast;
    const planned =
      gapAfter.has(k) || nextHeld === null
        ? null
        : Math.max(day + 1, nextHeld - (t.bernoulli(0.15) ? t.int(7, 21) : 0));
    const id = ++ids.conversation;
    out.conversation.push({
      id,
      client_id: life.clientId,
      held_on: isoOf(day),
      kind,
      location,
      summary: conversationSummary(t, {
        first: k === 0,
        bestand,
        onHold: life.onHoldAt(day),
        working: inJob,
        afterLongGap: k > 0 && gapAfter.has(k - 1),
        instrument: instrument ? instrument[2] : null,
      }),
      next_appointment: isoOrNull(planned),
      consultant_id: k > 0 && t.bernoulli(0.05) ? t.pick(life.ctx.teamConsultants) : life.consultant,
    });
    if (k > 0 && t.bernoulli(FEEDBACK_SHARE)) {
      const given = day + t.int(0, 3);
      if (given <= ref) {
        const score = t.weighted([
          [1, 4],
          [2, 8],
          [3, 18],
          [4, 40],
          [5, 30],
        ]);
        out.client_feedback.push({
          id: ++ids.client_feedback,
          client_id: life.clientId,
          conversation_id: id,
          given_on: isoOf(given),
          score,
          comment: feedbackComment(t, score),
        });
      }
    }
  });
  return held;
}

/** The participation ladder: a step at intake, then half-yearly reviews, work and placements. */
function writeLadder(life: Life, placements: number[], t: Random): void {
  const { out, ids, until, intakeDay } = life;
  const events: [number, 'review' | 'work' | 'work_supported' | 'work_ended' | 'placement'][] = [];
  for (let day = intakeDay + 180; day <= until; day += 180) events.push([day, 'review']);
  for (const j of life.jobs) {
    if (j.start <= until) events.push([j.start, j.subsidy ? 'work_supported' : 'work']);
    if (j.end !== null && j.end <= until) events.push([j.end, 'work_ended']);
  }
  for (const s of placements) events.push([s, 'placement']);
  events.sort((a, b) => a[0] - b[0]);
  let step =
    life.d0 === 'kort'
      ? t.weighted([
          [2, 15],
          [3, 35],
          [4, 50],
        ])
      : t.weighted([
          [1, 15],
          [2, 40],
          [3, 35],
          [4, 10],
        ]);
  out.ladder_step.push({
    id: ++ids.ladder_step,
    client_id: life.clientId,
    step,
    recorded_on: isoOf(intakeDay),
    note: ladderNote('intake'),
  });
  for (const [day, cause] of events) {
    const next =
      cause === 'review'
        ? step < 4 && t.bernoulli(0.3)
          ? step + 1
          : step
        : cause === 'work'
          ? 6
          : cause === 'work_supported'
            ? 5
            : cause === 'work_ended'
              ? Math.min(step, 4)
              : Math.max(step, 4);
    if (next === step && cause === 'review' && t.bernoulli(0.6)) continue;
    step = next;
    out.ladder_step.push({
      id: ++ids.ladder_step,
      client_id: life.clientId,
      step,
      recorded_on: isoOf(day),
      note: ladderNote(cause),
    });
  }
}

function writeIntermediateSteps(life: Life, t: Random): void {
  const { facts, intakeDay, until } = life;
  const n = t.weighted([
    [0, 35],
    [1, 30],
    [2, 20],
    [3, 10],
    [4, 5],
  ]);
  for (let k = 0; k < n; k++) {
    const kind = t.weighted<IntermediateStepKind>([
      ['taal', facts.languageBelowB1 ? 3 : 0.3],
      ['gezondheid', life.health ? 2 : 0.5],
      ['netwerk', 1],
      ['scholing', 1],
      ['vrijwilligerswerk', life.d0 === 'lang' ? 1.5 : 0.5],
      ['financien', 1],
      ['overig', 0.5],
    ]);
    life.out.intermediate_step.push({
      id: ++life.ids.intermediate_step,
      client_id: life.clientId,
      achieved_on: isoOf(t.int(intakeDay + 30, until)),
      kind,
      description: intermediateStepText(t, kind),
    });
  }
}

/** Discrimination as a standard topic, in one or two of the conversations after the first. */
function writeDiscriminationTalks(life: Life, held: number[], t: Random): void {
  const { p, female, health } = life;
  const times = t.bernoulli(DISCRIMINATION_DISCUSSED.twice / DISCRIMINATION_DISCUSSED.once) ? 2 : 1;
  const o = p.origin.kind;
  const pExperienced =
    o === 'nonWesternFirst'
      ? DISCRIMINATION_EXPERIENCED.nonWesternFirst
      : o === 'nonWesternSecond'
        ? DISCRIMINATION_EXPERIENCED.nonWesternSecond
        : o === 'westernFirst' || o === 'westernSecond'
          ? DISCRIMINATION_EXPERIENCED.western
          : o === 'unknown'
            ? DISCRIMINATION_EXPERIENCED.unknown
            : DISCRIMINATION_EXPERIENCED.dutch;
  const migrant = p.origin.heritage !== null;
  const chosen = new Set<number>();
  for (let k = 0; k < times; k++) chosen.add(t.int(1, held.length - 1));
  for (const k of [...chosen].sort((a, b) => a - b)) {
    const experienced = t.bernoulli(pExperienced);
    const grounds: DiscriminationGround[] = [];
    if (experienced) {
      if (migrant && t.bernoulli(0.85)) grounds.push('herkomst');
      if (p.origin.religion === 'islam' ? t.bernoulli(0.4) : t.bernoulli(0.05)) grounds.push('religie');
      if (female && t.bernoulli(0.2)) grounds.push('geslacht');
      if (p.age >= 45 && t.bernoulli(0.4)) grounds.push('leeftijd');
      if (health && t.bernoulli(0.3)) grounds.push('beperking');
      if (grounds.length === 0) grounds.push(migrant ? 'herkomst' : 'anders');
    }
    life.out.discrimination_discussion.push({
      id: ++life.ids.discrimination_discussion,
      client_id: life.clientId,
      discussed_on: isoOf(held[k]),
      experienced,
      grounds,
      action_taken: discriminationAction(t, experienced),
      consultant_id: life.consultant,
    });
  }
}

/**
 * Adds the history of client `clientId` to `out`. `r` is the path stream, `t` the text stream.
 * Returns the benefit end day (null while on benefit at the reference date).
 */
export function addHistory(
  out: ClientTables,
  ids: IdCounters,
  ctx: HistoryContext,
  clientId: number,
  p: Person,
  r: Random,
  t: Random,
  x: Random = r,
): number | null {
  const ref = ctx.refDay;
  const health = p.healthLimitation === true;
  const facts = clientFactsOf(p, t);

  // ---- benefit start, intake, diagnosis ---------------------------------------------------
  const benefit = {
    id: ++ids.benefit_period,
    client_id: clientId,
    start_date: isoOf(p.startDay),
    end_date: null as string | null,
    end_reason: null as BenefitEndReason | null,
  };
  out.benefit_period.push(benefit);
  const path = drawEarlyPath(p, r, health);
  const planned = planInstruments(p, path, facts, r, t, x);
  const { jobs, end, endReason } = drawWorkAndOutflow(p, path, planned, ref, r);
  if (end !== null) {
    benefit.end_date = isoOf(end);
    benefit.end_reason = endReason;
  }
  const until = Math.min(end ?? ref, ref);
  const life: Life = {
    ...path,
    out,
    ids,
    ctx,
    clientId,
    p,
    facts,
    consultant: p.consultantId,
    female: p.gender === 'vrouw',
    health,
    ref,
    jobs,
    end,
    until,
    seen: (day) => day <= until,
  };
  writeJobs(life, t);

  // ---- recorded stages, in the order of the streams' draws --------------------------------
  if (!life.seen(path.intakeDay)) return end;
  writeIntake(life, t);
  const { diagnoses, bestandAt } = writeDiagnoses(life, t);
  if (diagnoses.length > 0 && path.hasPlan && life.seen(path.planDay)) writePlan(life, t);
  if (diagnoses.length > 0 && path.onHold && path.holdStart <= until) writeOnHold(life, t);
  const { placements, running } =
    diagnoses.length > 0 ? writeAllocations(life, planned, t) : { placements: [], running: [] };
  const held = writeConversations(life, bestandAt, running, r, t);
  writeLadder(life, placements, t);
  if (until > path.intakeDay + 60) writeIntermediateSteps(life, t);
  if (held.length >= 3 && t.bernoulli(DISCRIMINATION_DISCUSSED.once)) writeDiscriminationTalks(life, held, t);
  return end;
}
