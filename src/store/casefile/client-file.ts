import type { Queryable } from '../db.js';
import { clientsRepository, type ClientRecord } from '../clients.js';
import { LADDER_STEPS } from '../../domain/codes.js';

export interface BenefitPeriod {
  id: number;
  startDate: string;
  endDate: string | null;
  endReason: string | null;
}
export interface DomainScore {
  lifeDomainId: number;
  lifeDomainCode: string;
  lifeDomainName: string;
  score: number;
  note: string | null;
}
export interface Intake {
  id: number;
  heldOn: string;
  consultantId: number | null;
  consultantName: string | null;
  history: string | null;
  situation: string | null;
  wishes: string | null;
  workExperienceNote: string | null;
  diplomas: string | null;
  foreignDiplomaValued: boolean | null;
  network: string | null;
  scores: DomainScore[];
}
export interface Diagnosis {
  id: number;
  givenOn: string;
  distance: 'kort' | 'lang';
  reasons: string;
  givenById: number | null;
  givenByName: string | null;
}
export interface BestandPeriod {
  id: number;
  bestand: 'werkplein' | 'wijk';
  startDate: string;
  endDate: string | null;
}
export interface PlanGoal {
  id: number;
  description: string;
  sortOrder: number;
}
export interface PlanStep {
  id: number;
  goalId: number | null;
  description: string;
  dueOn: string | null;
  doneOn: string | null;
}
export interface Plan {
  id: number;
  createdOn: string;
  status: 'concept' | 'actief' | 'afgerond';
  consultantId: number | null;
  consultantName: string | null;
  version: number;
  goals: PlanGoal[];
  steps: PlanStep[];
}
export interface Allocation {
  id: number;
  instrumentId: number;
  instrumentCode: string;
  instrumentName: string;
  srgCode: number;
  srgName: string;
  targetGroup: string | null;
  targetGroupNote: string | null;
  targetGroupConfirmed: boolean;
  requestedOn: string;
  startedOn: string | null;
  endedOn: string | null;
  outcome: string | null;
  satisfaction: number | null;
  reason: string;
  clientWish: string | null;
  allocatedById: number | null;
  allocatedByName: string | null;
}
export interface Conversation {
  id: number;
  heldOn: string;
  kind: string;
  location: string | null;
  summary: string;
  nextAppointment: string | null;
  consultantId: number | null;
  consultantName: string | null;
}
export interface OnHoldPeriod {
  id: number;
  startDate: string;
  endDate: string | null;
  reason: string;
}
export interface LadderStep {
  id: number;
  step: number;
  stepName: string;
  recordedOn: string;
  note: string | null;
}
export interface IntermediateStep {
  id: number;
  achievedOn: string;
  kind: string;
  description: string;
}
export interface DiscriminationDiscussion {
  id: number;
  discussedOn: string;
  experienced: boolean;
  grounds: string[];
  actionTaken: string;
  consultantId: number | null;
  consultantName: string | null;
}
export interface WorkPeriod {
  id: number;
  employer: string;
  startDate: string;
  endDate: string | null;
  hoursPerWeek: number;
  wageCostSubsidy: boolean;
}
export interface Feedback {
  id: number;
  conversationId: number | null;
  givenOn: string;
  score: number;
  comment: string | null;
}

/** A client's whole case file. It reads no table of the monitoring schema. */
export interface ClientFile {
  client: ClientRecord;
  benefitPeriods: BenefitPeriod[];
  intakes: Intake[];
  diagnoses: Diagnosis[];
  bestandPeriods: BestandPeriod[];
  plans: Plan[];
  instrumentAllocations: Allocation[];
  conversations: Conversation[];
  onHoldPeriods: OnHoldPeriod[];
  ladderSteps: LadderStep[];
  intermediateSteps: IntermediateStep[];
  discriminationDiscussions: DiscriminationDiscussion[];
  workPeriods: WorkPeriod[];
  feedback: Feedback[];
}

const groupBy = <T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> => {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
};

/**
 * The parts of a case file, each a query on client_id = $1 sorted as the file shows it. They are
 * read in one statement: each part becomes a JSON array column (json_agg keeps the order of its
 * sorted subquery), so a file costs one round trip and one plan, whatever its number of parts.
 */
const PARTS = {
  benefitPeriods: `SELECT id, start_date AS "startDate", end_date AS "endDate", end_reason AS "endReason"
      FROM benefit_period WHERE client_id = $1 ORDER BY start_date, id`,
  intakes: `SELECT i.id, i.held_on AS "heldOn", i.consultant_id AS "consultantId", u.display_name AS "consultantName",
      i.history, i.situation, i.wishes, i.work_experience_note AS "workExperienceNote", i.diplomas,
      i.foreign_diploma_valued AS "foreignDiplomaValued", i.network
      FROM intake i LEFT JOIN app_user u ON u.id = i.consultant_id
      WHERE i.client_id = $1 ORDER BY i.held_on DESC, i.id DESC`,
  scores: `SELECT s.intake_id AS "intakeId", s.life_domain_id AS "lifeDomainId", d.code AS "lifeDomainCode",
      d.name AS "lifeDomainName", s.score, s.note
      FROM intake_domain_score s JOIN intake i ON i.id = s.intake_id JOIN life_domain d ON d.id = s.life_domain_id
      WHERE i.client_id = $1 ORDER BY d.sort_order, d.id`,
  diagnoses: `SELECT d.id, d.given_on AS "givenOn", d.distance, d.reasons, d.given_by AS "givenById", u.display_name AS "givenByName"
      FROM diagnosis d LEFT JOIN app_user u ON u.id = d.given_by
      WHERE d.client_id = $1 ORDER BY d.given_on DESC, d.id DESC`,
  bestandPeriods: `SELECT id, bestand, start_date AS "startDate", end_date AS "endDate"
      FROM bestand_period WHERE client_id = $1 ORDER BY start_date, id`,
  plans: `SELECT p.id, p.created_on AS "createdOn", p.status, p.consultant_id AS "consultantId",
      u.display_name AS "consultantName", p.version
      FROM action_plan p LEFT JOIN app_user u ON u.id = p.consultant_id
      WHERE p.client_id = $1 ORDER BY p.created_on DESC, p.id DESC`,
  goals: `SELECT g.plan_id AS "planId", g.id, g.description, g.sort_order AS "sortOrder"
      FROM plan_goal g JOIN action_plan p ON p.id = g.plan_id
      WHERE p.client_id = $1 ORDER BY g.sort_order, g.id`,
  steps: `SELECT s.plan_id AS "planId", s.id, s.goal_id AS "goalId", s.description, s.due_on AS "dueOn", s.done_on AS "doneOn"
      FROM plan_step s JOIN action_plan p ON p.id = s.plan_id
      WHERE p.client_id = $1 ORDER BY s.due_on NULLS LAST, s.id`,
  allocations: `SELECT a.id, a.instrument_id AS "instrumentId", i.code AS "instrumentCode", i.name AS "instrumentName",
      i.srg_code AS "srgCode", t.name AS "srgName", i.target_group AS "targetGroup", i.target_group_note AS "targetGroupNote", a.target_group_confirmed AS "targetGroupConfirmed",
      a.requested_on AS "requestedOn", a.started_on AS "startedOn", a.ended_on AS "endedOn", a.outcome,
      a.satisfaction, a.reason, a.client_wish AS "clientWish", a.allocated_by AS "allocatedById",
      u.display_name AS "allocatedByName"
      FROM instrument_allocation a
      JOIN instrument i ON i.id = a.instrument_id
      JOIN srg_type t ON t.code = i.srg_code
      LEFT JOIN app_user u ON u.id = a.allocated_by
      WHERE a.client_id = $1 ORDER BY a.requested_on DESC, a.id DESC`,
  conversations: `SELECT c.id, c.held_on AS "heldOn", c.kind, c.location, c.summary, c.next_appointment AS "nextAppointment",
      c.consultant_id AS "consultantId", u.display_name AS "consultantName"
      FROM conversation c LEFT JOIN app_user u ON u.id = c.consultant_id
      WHERE c.client_id = $1 ORDER BY c.held_on DESC, c.id DESC`,
  onHoldPeriods: `SELECT id, start_date AS "startDate", end_date AS "endDate", reason
      FROM on_hold_period WHERE client_id = $1 ORDER BY start_date, id`,
  ladder: `SELECT id, step, recorded_on AS "recordedOn", note
      FROM ladder_step WHERE client_id = $1 ORDER BY recorded_on DESC, id DESC`,
  intermediateSteps: `SELECT id, achieved_on AS "achievedOn", kind, description
      FROM intermediate_step WHERE client_id = $1 ORDER BY achieved_on DESC, id DESC`,
  discrimination: `SELECT d.id, d.discussed_on AS "discussedOn", d.experienced, d.grounds, d.action_taken AS "actionTaken",
      d.consultant_id AS "consultantId", u.display_name AS "consultantName"
      FROM discrimination_discussion d LEFT JOIN app_user u ON u.id = d.consultant_id
      WHERE d.client_id = $1 ORDER BY d.discussed_on DESC, d.id DESC`,
  workPeriods: `SELECT id, employer, start_date AS "startDate", end_date AS "endDate", hours_per_week AS "hoursPerWeek",
      wage_cost_subsidy AS "wageCostSubsidy"
      FROM work_period WHERE client_id = $1 ORDER BY start_date DESC, id DESC`,
  feedback: `SELECT id, conversation_id AS "conversationId", given_on AS "givenOn", score, comment
      FROM client_feedback WHERE client_id = $1 ORDER BY given_on DESC, id DESC`,
} as const;

const FILE_SQL = `SELECT ${Object.entries(PARTS)
  .map(([name, sql]) => `(SELECT coalesce(json_agg(x), '[]'::json) FROM (${sql}) x) AS "${name}"`)
  .join(',\n       ')}`;

/** One row: every part of the file as an array of its rows. */
interface PartRows {
  benefitPeriods: BenefitPeriod[];
  intakes: Omit<Intake, 'scores'>[];
  scores: (DomainScore & { intakeId: number })[];
  diagnoses: Diagnosis[];
  bestandPeriods: BestandPeriod[];
  plans: Omit<Plan, 'goals' | 'steps'>[];
  goals: (PlanGoal & { planId: number })[];
  steps: (PlanStep & { planId: number })[];
  allocations: Allocation[];
  conversations: Conversation[];
  onHoldPeriods: OnHoldPeriod[];
  ladder: Omit<LadderStep, 'stepName'>[];
  intermediateSteps: IntermediateStep[];
  discrimination: DiscriminationDiscussion[];
  workPeriods: WorkPeriod[];
  feedback: Feedback[];
}

export function clientFileRepository(db: Queryable) {
  return {
    /**
     * Every part of one client's case file, newest first where history matters (diagnoses,
     * conversations, plans), in date order elsewhere. A fixed number of queries, whatever
     * the size of the file. Null when the client does not exist.
     */
    async read(clientId: number): Promise<ClientFile | null> {
      const client = await clientsRepository(db).get(clientId);
      if (!client) return null;
      const [parts] = await db.query<PartRows>(FILE_SQL, [clientId]);
      const {
        benefitPeriods,
        intakes,
        scores,
        diagnoses,
        bestandPeriods,
        plans,
        goals,
        steps,
        allocations,
        conversations,
        onHoldPeriods,
        ladder,
        intermediateSteps,
        discrimination,
        workPeriods,
        feedback,
      } = parts;
      const scoresByIntake = groupBy(scores, (s) => s.intakeId);
      const goalsByPlan = groupBy(goals, (g) => g.planId);
      const stepsByPlan = groupBy(steps, (s) => s.planId);
      return {
        client,
        benefitPeriods,
        intakes: intakes.map((i) => ({
          ...i,
          scores: (scoresByIntake.get(i.id) ?? []).map(({ intakeId: _, ...s }) => s),
        })),
        diagnoses,
        bestandPeriods,
        plans: plans.map((p) => ({
          ...p,
          goals: (goalsByPlan.get(p.id) ?? []).map(({ planId: _, ...g }) => g),
          steps: (stepsByPlan.get(p.id) ?? []).map(({ planId: _, ...s }) => s),
        })),
        instrumentAllocations: allocations,
        conversations,
        onHoldPeriods,
        ladderSteps: ladder.map((l) => ({ ...l, stepName: LADDER_STEPS[l.step] ?? String(l.step) })),
        intermediateSteps,
        discriminationDiscussions: discrimination,
        workPeriods,
        feedback,
      };
    },
  };
}
