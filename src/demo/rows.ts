/**
 * The rows the Demodam generator produces: one interface per table, property names equal to
 * the column names, dates as ISO strings (YYYY-MM-DD). Ids are explicit and start at 1 per
 * table. Monitoring rows carry the client id; the writer turns it into the pseudonym.
 */
import type { Role } from '../domain/roles.js';
import type { Distance, EducationLevel, Gender, Household, LanguageLevel, WorkExperience } from '../domain/codes.js';

/** An ISO calendar date, YYYY-MM-DD. */
export type IsoDate = string;

export interface MunicipalityRow {
  id: number;
  code: string;
  name: string;
}
export interface NeighbourhoodRow {
  id: number;
  municipality_id: number;
  code: string;
  name: string;
}
export interface TeamRow {
  id: number;
  municipality_id: number;
  name: string;
}

/** An account, without its password hash (the writer adds that). */
export interface DemoUserRow {
  id: number;
  municipality_id: number;
  team_id: number | null;
  username: string;
  display_name: string;
  role: Role;
}

export interface LifeDomainRow {
  id: number;
  municipality_id: number;
  code: string;
  name: string;
  sort_order: number;
  active: boolean;
}

export interface InstrumentRow {
  id: number;
  municipality_id: number;
  code: string;
  name: string;
  srg_code: number;
  description: string;
  asks: string;
  yields: string;
  target_group: string | null;
  active: boolean;
}

export interface ClientRow {
  id: number;
  municipality_id: number;
  bsn: string;
  given_name: string;
  family_name: string;
  birth_date: IsoDate;
  gender: Gender;
  street: string;
  house_number: string;
  postcode: string;
  city: string;
  neighbourhood_id: number;
  household: Household;
  education_level: EducationLevel;
  dutch_language_level: LanguageLevel;
  work_experience: WorkExperience;
  doelgroepregister: boolean;
  team_id: number;
  consultant_id: number;
  /** ISO timestamp (UTC): the morning the benefit started. */
  created_at: string;
}

export type BenefitEndReason =
  | 'werk'
  | 'werk_met_loonkostensubsidie'
  | 'onderwijs'
  | 'inkomen_partner'
  | 'verhuizing'
  | 'aow'
  | 'overlijden'
  | 'detentie'
  | 'overig';

export interface BenefitPeriodRow {
  id: number;
  client_id: number;
  start_date: IsoDate;
  end_date: IsoDate | null;
  end_reason: BenefitEndReason | null;
}

export interface IntakeRow {
  id: number;
  client_id: number;
  held_on: IsoDate;
  consultant_id: number;
  history: string;
  situation: string;
  wishes: string;
  work_experience_note: string;
  diplomas: string;
  foreign_diploma_valued: boolean | null;
  network: string;
}

export interface IntakeDomainScoreRow {
  intake_id: number;
  life_domain_id: number;
  score: number;
  note: string | null;
}

export interface DiagnosisRow {
  id: number;
  client_id: number;
  given_on: IsoDate;
  distance: Distance;
  reasons: string;
  given_by: number;
}

export interface BestandPeriodRow {
  id: number;
  client_id: number;
  bestand: 'werkplein' | 'wijk';
  start_date: IsoDate;
  end_date: IsoDate | null;
}

export interface ActionPlanRow {
  id: number;
  client_id: number;
  created_on: IsoDate;
  status: 'concept' | 'actief' | 'afgerond';
  consultant_id: number;
}
export interface PlanGoalRow {
  id: number;
  plan_id: number;
  description: string;
  sort_order: number;
}
export interface PlanStepRow {
  id: number;
  plan_id: number;
  goal_id: number;
  description: string;
  due_on: IsoDate | null;
  done_on: IsoDate | null;
}

export interface InstrumentAllocationRow {
  id: number;
  client_id: number;
  instrument_id: number;
  requested_on: IsoDate;
  started_on: IsoDate | null;
  ended_on: IsoDate | null;
  outcome: 'afgerond' | 'voortijdig_gestopt' | 'niet_gestart' | null;
  satisfaction: number | null;
  reason: string;
  client_wish: string | null;
  allocated_by: number;
}

export interface ConversationRow {
  id: number;
  client_id: number;
  held_on: IsoDate;
  kind: 'gesprek' | 'telefoon' | 'video' | 'huisbezoek';
  location: string | null;
  summary: string;
  next_appointment: IsoDate | null;
  consultant_id: number;
}

export interface OnHoldPeriodRow {
  id: number;
  client_id: number;
  start_date: IsoDate;
  end_date: IsoDate | null;
  reason: string;
}
export interface LadderStepRow {
  id: number;
  client_id: number;
  step: number;
  recorded_on: IsoDate;
  note: string | null;
}

export type IntermediateStepKind =
  'taal' | 'gezondheid' | 'netwerk' | 'scholing' | 'vrijwilligerswerk' | 'financien' | 'overig';
export interface IntermediateStepRow {
  id: number;
  client_id: number;
  achieved_on: IsoDate;
  kind: IntermediateStepKind;
  description: string;
}

export type DiscriminationGround = 'herkomst' | 'religie' | 'geslacht' | 'leeftijd' | 'beperking' | 'anders';
export interface DiscriminationDiscussionRow {
  id: number;
  client_id: number;
  discussed_on: IsoDate;
  experienced: boolean;
  grounds: DiscriminationGround[];
  action_taken: string;
  consultant_id: number;
}

export interface WorkPeriodRow {
  id: number;
  client_id: number;
  employer: string;
  start_date: IsoDate;
  end_date: IsoDate | null;
  hours_per_week: number;
  wage_cost_subsidy: boolean;
}

export interface ClientFeedbackRow {
  id: number;
  client_id: number;
  conversation_id: number;
  given_on: IsoDate;
  score: number;
  comment: string | null;
}

/** Special-category data, keyed by client id here; stored under the pseudonym of that id. */
export interface MonitoringPersonRow {
  client_id: number;
  municipality_id: number;
  birth_country: string | null;
  mother_birth_country: string | null;
  father_birth_country: string | null;
  nationality: string | null;
  statushouder: boolean | null;
  religion: string | null;
  health_limitation: boolean | null;
  source: 'registratie' | 'vragenlijst';
}

export interface MonitoringCulturalBackgroundRow {
  client_id: number;
  background: string;
}

/** The organisation: written once, before any client. */
export interface OrganisationTables {
  municipality: MunicipalityRow[];
  neighbourhood: NeighbourhoodRow[];
  team: TeamRow[];
  app_user: DemoUserRow[];
  life_domain: LifeDomainRow[];
  instrument: InstrumentRow[];
}

/** Everything about a batch of clients, in foreign-key order. */
export interface ClientTables {
  client: ClientRow[];
  benefit_period: BenefitPeriodRow[];
  intake: IntakeRow[];
  intake_domain_score: IntakeDomainScoreRow[];
  diagnosis: DiagnosisRow[];
  bestand_period: BestandPeriodRow[];
  action_plan: ActionPlanRow[];
  plan_goal: PlanGoalRow[];
  plan_step: PlanStepRow[];
  instrument_allocation: InstrumentAllocationRow[];
  conversation: ConversationRow[];
  on_hold_period: OnHoldPeriodRow[];
  ladder_step: LadderStepRow[];
  intermediate_step: IntermediateStepRow[];
  discrimination_discussion: DiscriminationDiscussionRow[];
  work_period: WorkPeriodRow[];
  client_feedback: ClientFeedbackRow[];
  monitoring_person: MonitoringPersonRow[];
  monitoring_cultural_background: MonitoringCulturalBackgroundRow[];
}

/** All of Demodam. */
export type DemodamData = OrganisationTables & ClientTables;

export const ORGANISATION_TABLES = [
  'municipality',
  'neighbourhood',
  'team',
  'app_user',
  'life_domain',
  'instrument',
] as const satisfies readonly (keyof OrganisationTables)[];

export const CLIENT_TABLES = [
  'client',
  'benefit_period',
  'intake',
  'intake_domain_score',
  'diagnosis',
  'bestand_period',
  'action_plan',
  'plan_goal',
  'plan_step',
  'instrument_allocation',
  'conversation',
  'on_hold_period',
  'ladder_step',
  'intermediate_step',
  'discrimination_discussion',
  'work_period',
  'client_feedback',
  'monitoring_person',
  'monitoring_cultural_background',
] as const satisfies readonly (keyof ClientTables)[];

/** Empty client tables, to fill. */
export function emptyClientTables(): ClientTables {
  return Object.fromEntries(CLIENT_TABLES.map((t) => [t, []])) as unknown as ClientTables;
}
