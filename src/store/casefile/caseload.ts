import type { Queryable } from '../db.js';
import type { SessionUser } from '../users.js';
import { scopeCondition } from '../clients.js';
import {
  clientStatus,
  daysWithoutConversation,
  intakeOntbreekt,
  intensiefTeWeinig,
  onderOpDeStapel,
  YEAR_DAYS,
  type ClientStatus,
} from '../../domain/casefile-rules.js';
import { TIME_ZONE } from '../../domain/dates.js';

/** What one query gathers per client; the flags are derived from it by the pure rules. */
interface CaseloadFactsRow {
  id: number;
  name: string;
  birthDate: string;
  consultantId: number | null;
  consultantName: string | null;
  registeredOn: string;
  hasBenefitPeriod: boolean;
  benefitStart: string | null;
  hasOpenBenefitPeriod: boolean;
  onHoldToday: boolean;
  lastConversation: string | null;
  nextConversation: string | null;
  conversationsLast12Months: number;
  conversationsLast90Days: number;
  ladderStep: number | null;
  diagnosis: 'kort' | 'lang' | null;
  bestand: 'werkplein' | 'wijk' | null;
  hasIntake: boolean;
  activePlanSince: string | null;
  instrumentsStartedLast12Months: number;
}

export interface CaseloadItem {
  id: number;
  name: string;
  birthDate: string;
  consultantId: number | null;
  consultantName: string | null;
  status: ClientStatus;
  lastConversation: string | null;
  nextConversation: string | null;
  daysWithoutConversation: number;
  conversationsLast12Months: number;
  conversationsLast90Days: number;
  instrumentsStartedLast12Months: number;
  ladderStep: number | null;
  diagnosis: 'kort' | 'lang' | null;
  bestand: 'werkplein' | 'wijk' | null;
  flags: {
    onderOpDeStapel: boolean;
    intensiefTeWeinig: boolean;
    geenIntake: boolean;
    meetmomentNodig: { wave: string; status: string; dueOn: string } | null;
  };
}

export interface CaseloadFilter {
  /** Only the clients of this consultant (within what the user may see anyway). */
  consultantId?: number;
}

/**
 * The caseload in one statement: each client's facts from small correlated subqueries on
 * indexed client_id columns, so 200 clients cost one round trip and no query per client.
 * `today` is a parameter, never the database clock, so the flags match the server's day.
 */
export function caseloadRepository(db: Queryable) {
  return {
    async list(user: SessionUser, today: string, filter: CaseloadFilter = {}): Promise<CaseloadItem[]> {
      const scope = scopeCondition(user, 3);
      const params: unknown[] = [user.municipalityId, today, ...scope.params];
      let extra = '';
      if (filter.consultantId !== undefined) {
        params.push(filter.consultantId);
        extra = ` AND c.consultant_id = $${params.length}`;
      }
      const rows = await db.query<CaseloadFactsRow>(
        `SELECT c.id, c.given_name || ' ' || c.family_name AS name, c.birth_date AS "birthDate",
                c.consultant_id AS "consultantId", u.display_name AS "consultantName",
                (c.created_at AT TIME ZONE '${TIME_ZONE}')::date AS "registeredOn",
                b.n > 0 AS "hasBenefitPeriod", b.open_start AS "benefitStart", b.open_n > 0 AS "hasOpenBenefitPeriod",
                EXISTS (SELECT 1 FROM on_hold_period h
                         WHERE h.client_id = c.id AND h.start_date <= $2::date
                           AND (h.end_date IS NULL OR h.end_date >= $2::date)) AS "onHoldToday",
                cv.last_on AS "lastConversation", cv.next_on AS "nextConversation",
                cv.n12 AS "conversationsLast12Months", cv.n90 AS "conversationsLast90Days",
                (SELECT l.step FROM ladder_step l WHERE l.client_id = c.id
                  ORDER BY l.recorded_on DESC, l.id DESC LIMIT 1) AS "ladderStep",
                (SELECT d.distance FROM diagnosis d WHERE d.client_id = c.id
                  ORDER BY d.given_on DESC, d.id DESC LIMIT 1) AS diagnosis,
                (SELECT bp.bestand FROM bestand_period bp
                  WHERE bp.client_id = c.id AND bp.start_date <= $2::date AND (bp.end_date IS NULL OR bp.end_date >= $2::date)
                  ORDER BY bp.start_date DESC, bp.id DESC LIMIT 1) AS bestand,
                EXISTS (SELECT 1 FROM intake i WHERE i.client_id = c.id) AS "hasIntake",
                (SELECT min(p.created_on) FROM action_plan p
                  WHERE p.client_id = c.id AND p.status = 'actief') AS "activePlanSince",
                (SELECT count(*) FROM instrument_allocation a
                  WHERE a.client_id = c.id AND a.started_on > $2::date - ${YEAR_DAYS} AND a.started_on <= $2::date)
                  AS "instrumentsStartedLast12Months"
           FROM client c
           LEFT JOIN app_user u ON u.id = c.consultant_id
           CROSS JOIN LATERAL (
             SELECT count(*) AS n,
                    count(*) FILTER (WHERE bp.end_date IS NULL OR bp.end_date >= $2::date) AS open_n,
                    max(bp.start_date) FILTER (WHERE bp.end_date IS NULL OR bp.end_date >= $2::date) AS open_start
               FROM benefit_period bp WHERE bp.client_id = c.id) b
           CROSS JOIN LATERAL (
             SELECT max(cv.held_on) FILTER (WHERE cv.held_on <= $2::date) AS last_on,
                    max(cv.next_appointment) FILTER (WHERE cv.next_appointment >= $2::date) AS next_on,
                    count(*) FILTER (WHERE cv.held_on > $2::date - ${YEAR_DAYS} AND cv.held_on <= $2::date) AS n12,
                    count(*) FILTER (WHERE cv.held_on > $2::date - 90 AND cv.held_on <= $2::date) AS n90
               FROM conversation cv WHERE cv.client_id = c.id) cv
          WHERE c.municipality_id = $1 AND (${scope.sql})${extra}
          ORDER BY c.family_name, c.given_name, c.id`,
        params,
      );
      return rows.map((r) => toItem(r, today));
    },
  };
}

function toItem(r: CaseloadFactsRow, today: string): CaseloadItem {
  const status = clientStatus(r);
  const pile = {
    status,
    lastConversation: r.lastConversation,
    benefitStart: r.benefitStart,
    registeredOn: r.registeredOn,
  };
  return {
    id: r.id,
    name: r.name,
    birthDate: r.birthDate,
    consultantId: r.consultantId,
    consultantName: r.consultantName,
    status,
    lastConversation: r.lastConversation,
    nextConversation: r.nextConversation,
    daysWithoutConversation: daysWithoutConversation(pile, today),
    conversationsLast12Months: r.conversationsLast12Months,
    conversationsLast90Days: r.conversationsLast90Days,
    instrumentsStartedLast12Months: r.instrumentsStartedLast12Months,
    ladderStep: r.ladderStep,
    diagnosis: r.diagnosis,
    bestand: r.bestand,
    flags: {
      onderOpDeStapel: onderOpDeStapel(pile, today),
      intensiefTeWeinig: intensiefTeWeinig(
        {
          status,
          distance: r.diagnosis,
          activePlanSince: r.activePlanSince,
          conversationsLast12Months: r.conversationsLast12Months,
        },
        today,
      ),
      geenIntake: intakeOntbreekt({ status, hasIntake: r.hasIntake }),
      // Measurement moments (T0/T1/T2) arrive with the questionnaire feature; until then
      // the case file holds no questionnaires, so whether one is due is not known: null.
      meetmomentNodig: null,
    },
  };
}
