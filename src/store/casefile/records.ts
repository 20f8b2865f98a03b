import type { Queryable } from '../db.js';

/** Fields of a client's personal data that may be edited, by API name and column. */
export const EDITABLE_CLIENT_FIELDS = {
  givenName: 'given_name',
  familyName: 'family_name',
  birthDate: 'birth_date',
  gender: 'gender',
  street: 'street',
  houseNumber: 'house_number',
  postcode: 'postcode',
  city: 'city',
  household: 'household',
  educationLevel: 'education_level',
  dutchLanguageLevel: 'dutch_language_level',
  workExperience: 'work_experience',
  doelgroepregister: 'doelgroepregister',
} as const;
export type EditableClientField = keyof typeof EDITABLE_CLIENT_FIELDS;

export interface NewIntake {
  heldOn: string;
  consultantId: number;
  history: string | null;
  situation: string | null;
  wishes: string | null;
  workExperienceNote: string | null;
  diplomas: string | null;
  foreignDiplomaValued: boolean | null;
  network: string | null;
  scores: { lifeDomainId: number; score: number; note: string | null }[];
}

export interface AllocationState {
  id: number;
  requestedOn: string;
  startedOn: string | null;
  endedOn: string | null;
  outcome: string | null;
  satisfaction: number | null;
}

const one = async <T>(rows: Promise<T[]>): Promise<T> => (await rows)[0];
const first = async <T>(rows: Promise<T[]>): Promise<T | null> => (await rows)[0] ?? null;

/** Personal data, intake, diagnosis and bestand. */
function intakeRecords(db: Queryable) {
  return {
    /**
     * Updates personal data when `version` is still the stored one, and raises the version.
     * Returns the new version, or null when the version was stale (nothing was written).
     */
    async updateClient(
      clientId: number,
      version: number,
      changes: Partial<Record<EditableClientField, unknown>>,
    ): Promise<number | null> {
      const entries = Object.entries(changes).filter(([, v]) => v !== undefined) as [EditableClientField, unknown][];
      const sets = entries.map(([field], i) => `${EDITABLE_CLIENT_FIELDS[field]} = $${i + 3}`);
      const row = await first(
        db.query<{ version: number }>(
          `UPDATE client SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
          WHERE id = $1 AND version = $2 RETURNING version`,
          [clientId, version, ...entries.map(([, v]) => v)],
        ),
      );
      return row?.version ?? null;
    },

    /** Active life domains of the municipality among the given ids. */
    async activeLifeDomainIds(municipalityId: number, ids: readonly number[]): Promise<Set<number>> {
      const rows = await db.query<{ id: number }>(
        'SELECT id FROM life_domain WHERE municipality_id = $1 AND active AND id = ANY($2::int[])',
        [municipalityId, [...ids]],
      );
      return new Set(rows.map((r) => r.id));
    },

    async addIntake(clientId: number, i: NewIntake): Promise<{ id: number }> {
      const row = await one(
        db.query<{ id: number }>(
          `INSERT INTO intake (client_id, held_on, consultant_id, history, situation, wishes, work_experience_note, diplomas,
                             foreign_diploma_valued, network)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
          [
            clientId,
            i.heldOn,
            i.consultantId,
            i.history,
            i.situation,
            i.wishes,
            i.workExperienceNote,
            i.diplomas,
            i.foreignDiplomaValued,
            i.network,
          ],
        ),
      );
      if (i.scores.length > 0) {
        await db.query(
          `INSERT INTO intake_domain_score (intake_id, life_domain_id, score, note)
           SELECT $1::int, * FROM unnest($2::int[], $3::smallint[], $4::text[])`,
          [row.id, i.scores.map((s) => s.lifeDomainId), i.scores.map((s) => s.score), i.scores.map((s) => s.note)],
        );
      }
      return row;
    },

    addDiagnosis(clientId: number, d: { givenOn: string; distance: string; reasons: string; givenBy: number }) {
      return one(
        db.query<{ id: number }>(
          'INSERT INTO diagnosis (client_id, given_on, distance, reasons, given_by) VALUES ($1, $2, $3, $4, $5) RETURNING id',
          [clientId, d.givenOn, d.distance, d.reasons, d.givenBy],
        ),
      );
    },

    /** The bestand period without an end date (the latest, if the data hold more than one). */
    openBestandPeriod(clientId: number) {
      return first(
        db.query<{ id: number; bestand: string; startDate: string }>(
          `SELECT id, bestand, start_date AS "startDate" FROM bestand_period
          WHERE client_id = $1 AND end_date IS NULL ORDER BY start_date DESC, id DESC LIMIT 1 FOR UPDATE`,
          [clientId],
        ),
      );
    },

    /** Latest start of any bestand period (a new period may not start on or before it). */
    async latestBestandStart(clientId: number): Promise<string | null> {
      const row = await one(
        db.query<{ start: string | null }>('SELECT max(start_date) AS start FROM bestand_period WHERE client_id = $1', [
          clientId,
        ]),
      );
      return row.start;
    },

    async closeOpenBestandPeriods(clientId: number, endDate: string): Promise<void> {
      await db.query('UPDATE bestand_period SET end_date = $2 WHERE client_id = $1 AND end_date IS NULL', [
        clientId,
        endDate,
      ]);
    },

    addBestandPeriod(clientId: number, bestand: string, startDate: string) {
      return one(
        db.query<{ id: number }>(
          'INSERT INTO bestand_period (client_id, bestand, start_date) VALUES ($1, $2, $3) RETURNING id',
          [clientId, bestand, startDate],
        ),
      );
    },
  };
}

/** Plans of action with their goals and steps. */
function planRecords(db: Queryable) {
  return {
    async addPlan(clientId: number, p: { createdOn: string; status: string; consultantId: number; goals: string[] }) {
      const plan = await one(
        db.query<{ id: number; version: number }>(
          'INSERT INTO action_plan (client_id, created_on, status, consultant_id) VALUES ($1, $2, $3, $4) RETURNING id, version',
          [clientId, p.createdOn, p.status, p.consultantId],
        ),
      );
      if (p.goals.length > 0) {
        await db.query(
          `INSERT INTO plan_goal (plan_id, description, sort_order)
           SELECT $1::int, g.description, g.n FROM unnest($2::text[]) WITH ORDINALITY AS g(description, n)`,
          [plan.id, p.goals],
        );
      }
      return plan;
    },

    /** The plan when it belongs to this client. */
    findPlan(clientId: number, planId: number) {
      return first(
        db.query<{ id: number; createdOn: string; status: string; version: number }>(
          'SELECT id, created_on AS "createdOn", status, version FROM action_plan WHERE id = $1 AND client_id = $2',
          [planId, clientId],
        ),
      );
    },

    /** Sets the plan's status when `version` is current; the new version, or null when stale. */
    async updatePlan(planId: number, version: number, status: string): Promise<number | null> {
      const row = await first(
        db.query<{ version: number }>(
          'UPDATE action_plan SET status = $3, version = version + 1 WHERE id = $1 AND version = $2 RETURNING version',
          [planId, version, status],
        ),
      );
      return row?.version ?? null;
    },

    addGoal(planId: number, description: string, sortOrder: number | null) {
      return one(
        db.query<{ id: number }>(
          `INSERT INTO plan_goal (plan_id, description, sort_order)
         VALUES ($1, $2, COALESCE($3::int, (SELECT COALESCE(max(sort_order), 0) + 1 FROM plan_goal WHERE plan_id = $1::int)))
         RETURNING id`,
          [planId, description, sortOrder],
        ),
      );
    },

    async goalBelongsToPlan(planId: number, goalId: number): Promise<boolean> {
      return (await db.query('SELECT 1 FROM plan_goal WHERE id = $1 AND plan_id = $2', [goalId, planId])).length > 0;
    },

    addStep(planId: number, s: { goalId: number | null; description: string; dueOn: string | null }) {
      return one(
        db.query<{ id: number }>(
          'INSERT INTO plan_step (plan_id, goal_id, description, due_on) VALUES ($1, $2, $3, $4) RETURNING id',
          [planId, s.goalId, s.description, s.dueOn],
        ),
      );
    },

    async setStepDone(planId: number, stepId: number, doneOn: string | null): Promise<boolean> {
      const rows = await db.query('UPDATE plan_step SET done_on = $3 WHERE id = $1 AND plan_id = $2 RETURNING id', [
        stepId,
        planId,
        doneOn,
      ]);
      return rows.length > 0;
    },
  };
}

/** Instrument allocations, conversations and on-hold periods. */
function allocationAndContactRecords(db: Queryable) {
  return {
    /** The allocation when it belongs to this client, locked for the update that follows. */
    findAllocation(clientId: number, allocationId: number) {
      return first(
        db.query<AllocationState>(
          `SELECT id, requested_on AS "requestedOn", started_on AS "startedOn", ended_on AS "endedOn", outcome, satisfaction
           FROM instrument_allocation WHERE id = $1 AND client_id = $2 FOR UPDATE`,
          [allocationId, clientId],
        ),
      );
    },

    async updateAllocation(a: AllocationState): Promise<void> {
      await db.query(
        'UPDATE instrument_allocation SET started_on = $2, ended_on = $3, outcome = $4, satisfaction = $5 WHERE id = $1',
        [a.id, a.startedOn, a.endedOn, a.outcome, a.satisfaction],
      );
    },

    addConversation(
      clientId: number,
      c: {
        heldOn: string;
        kind: string;
        location: string | null;
        summary: string;
        nextAppointment: string | null;
        consultantId: number;
      },
    ) {
      return one(
        db.query<{ id: number }>(
          `INSERT INTO conversation (client_id, held_on, kind, location, summary, next_appointment, consultant_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
          [clientId, c.heldOn, c.kind, c.location, c.summary, c.nextAppointment, c.consultantId],
        ),
      );
    },

    /** The conversation's date when it belongs to this client. */
    async conversationDate(clientId: number, conversationId: number): Promise<string | null> {
      const row = await first(
        db.query<{ heldOn: string }>('SELECT held_on AS "heldOn" FROM conversation WHERE id = $1 AND client_id = $2', [
          conversationId,
          clientId,
        ]),
      );
      return row?.heldOn ?? null;
    },

    openOnHoldPeriod(clientId: number) {
      return first(
        db.query<{ id: number; startDate: string }>(
          `SELECT id, start_date AS "startDate" FROM on_hold_period WHERE client_id = $1 AND end_date IS NULL
          ORDER BY start_date DESC, id DESC LIMIT 1 FOR UPDATE`,
          [clientId],
        ),
      );
    },

    addOnHold(clientId: number, startDate: string, reason: string) {
      return one(
        db.query<{ id: number }>(
          'INSERT INTO on_hold_period (client_id, start_date, reason) VALUES ($1, $2, $3) RETURNING id',
          [clientId, startDate, reason],
        ),
      );
    },

    findOnHold(clientId: number, periodId: number) {
      return first(
        db.query<{ id: number; startDate: string; endDate: string | null }>(
          'SELECT id, start_date AS "startDate", end_date AS "endDate" FROM on_hold_period WHERE id = $1 AND client_id = $2 FOR UPDATE',
          [periodId, clientId],
        ),
      );
    },

    async endOnHold(periodId: number, endDate: string): Promise<void> {
      await db.query('UPDATE on_hold_period SET end_date = $2 WHERE id = $1', [periodId, endDate]);
    },
  };
}

/** Ladder and intermediate steps, discrimination talks, outflow and feedback. */
function progressAndOutflowRecords(db: Queryable) {
  return {
    addLadderStep(clientId: number, s: { step: number; recordedOn: string; note: string | null }) {
      return one(
        db.query<{ id: number }>(
          'INSERT INTO ladder_step (client_id, step, recorded_on, note) VALUES ($1, $2, $3, $4) RETURNING id',
          [clientId, s.step, s.recordedOn, s.note],
        ),
      );
    },

    addIntermediateStep(clientId: number, s: { achievedOn: string; kind: string; description: string }) {
      return one(
        db.query<{ id: number }>(
          'INSERT INTO intermediate_step (client_id, achieved_on, kind, description) VALUES ($1, $2, $3, $4) RETURNING id',
          [clientId, s.achievedOn, s.kind, s.description],
        ),
      );
    },

    addDiscriminationDiscussion(
      clientId: number,
      d: { discussedOn: string; experienced: boolean; grounds: string[]; actionTaken: string; consultantId: number },
    ) {
      return one(
        db.query<{ id: number }>(
          `INSERT INTO discrimination_discussion (client_id, discussed_on, experienced, grounds, action_taken, consultant_id)
         VALUES ($1, $2, $3, $4::text[], $5, $6) RETURNING id`,
          [clientId, d.discussedOn, d.experienced, d.grounds, d.actionTaken, d.consultantId],
        ),
      );
    },

    /** The running benefit period (no end date), locked for the outflow that follows. */
    openBenefitPeriod(clientId: number) {
      return first(
        db.query<{ id: number; startDate: string }>(
          `SELECT id, start_date AS "startDate" FROM benefit_period WHERE client_id = $1 AND end_date IS NULL
          ORDER BY start_date DESC, id DESC LIMIT 1 FOR UPDATE`,
          [clientId],
        ),
      );
    },

    async endBenefitPeriod(periodId: number, endDate: string, reason: string): Promise<void> {
      await db.query('UPDATE benefit_period SET end_date = $2, end_reason = $3 WHERE id = $1', [
        periodId,
        endDate,
        reason,
      ]);
    },

    addFeedback(
      clientId: number,
      f: { conversationId: number; givenOn: string; score: number; comment: string | null },
    ) {
      return one(
        db.query<{ id: number }>(
          'INSERT INTO client_feedback (client_id, conversation_id, given_on, score, comment) VALUES ($1, $2, $3, $4, $5) RETURNING id',
          [clientId, f.conversationId, f.givenOn, f.score, f.comment],
        ),
      );
    },
  };
}

/**
 * Writes of the case file's records. Every method runs on what it is given: pass the open
 * transaction so that checks, the write and its audit row commit or roll back together.
 * Lookups return null for "not found (for this client)".
 */
export function recordsRepository(db: Queryable) {
  return {
    ...intakeRecords(db),
    ...planRecords(db),
    ...allocationAndContactRecords(db),
    ...progressAndOutflowRecords(db),
  };
}
