/**
 * Storage of the measurement moments. The case file (questionnaire_wave, questionnaire_token)
 * knows only that a wave was sent and completed and by which mode; the answers go to
 * monitoring.questionnaire_response by pseudonym, and the facts they give update
 * monitoring.person and monitoring.cultural_background.
 */
import { readPersonGroundFacts } from './register.js';
import type { Queryable } from './db.js';
import type { SessionUser } from './users.js';
import { scopeCondition } from './clients.js';
import { pseudonymFor, recordKeyFor } from '../domain/pseudonym.js';
import {
  CURRENT_QUESTIONNAIRE,
  type Answers,
  type Mode,
  type QuestionnaireDefinition,
  type QuestionnaireLang,
  type Wave,
} from '../questionnaire/definition.js';
import { DEFAULT_SCHEDULE, type ScheduleSettings, type WaveRecord } from '../questionnaire/schedule.js';
import { monitoringFromAnswers } from '../questionnaire/monitoring.js';
import type { OutcomeSourceRow } from '../mirror/outcomes.js';

/** A client's guidance: the start of the current (latest) benefit period, and its end. */
export interface GuidanceStart {
  clientId: number;
  municipalityId: number;
  start: string;
  endedOn: string | null;
}

export interface TokenInfo {
  waveId: number;
  kind: 'link' | 'kiosk';
  clientId: number;
  municipalityId: number;
  wave: Wave;
  definitionVersion: number;
  createdBy: number;
  expired: boolean;
  used: boolean;
  completed: boolean;
}

export interface DueRow {
  clientId: number;
  name: string;
  consultantId: number | null;
  start: string;
  endedOn: string | null;
  records: WaveRecord[];
}

/** The latest benefit period per client, as a SQL fragment (lateral join on c). */
const LATEST_BENEFIT = `LEFT JOIN LATERAL (
    SELECT b.start_date, b.end_date FROM benefit_period b WHERE b.client_id = c.id ORDER BY b.start_date DESC, b.id DESC LIMIT 1
  ) bp ON true`;

/** The questionnaire's definitions and the municipality's schedule settings. */
function definitionStore(db: Queryable) {
  return {
    /** Stores the definition's version once (the same version is never changed). */
    async ensureDefinition(def: QuestionnaireDefinition = CURRENT_QUESTIONNAIRE): Promise<void> {
      await db.query(
        'INSERT INTO questionnaire_definition (version, definition) VALUES ($1, $2) ON CONFLICT (version) DO NOTHING',
        [def.version, JSON.stringify(def)],
      );
    },

    async definition(version: number): Promise<QuestionnaireDefinition | null> {
      const rows = await db.query<{ definition: QuestionnaireDefinition }>(
        'SELECT definition FROM questionnaire_definition WHERE version = $1',
        [version],
      );
      return rows[0]?.definition ?? null;
    },

    async settings(municipalityId: number): Promise<ScheduleSettings> {
      const rows = await db.query<{ t1_months: number; t2_months: number; link_days: number }>(
        'SELECT t1_months, t2_months, link_days FROM questionnaire_setting WHERE municipality_id = $1',
        [municipalityId],
      );
      const r = rows[0];
      return r
        ? { ...DEFAULT_SCHEDULE, t1Months: r.t1_months, t2Months: r.t2_months, linkDays: r.link_days }
        : DEFAULT_SCHEDULE;
    },

    async saveSettings(
      municipalityId: number,
      s: { t1Months: number; t2Months: number; linkDays: number },
    ): Promise<void> {
      await db.query(
        `INSERT INTO questionnaire_setting (municipality_id, t1_months, t2_months, link_days) VALUES ($1, $2, $3, $4)
         ON CONFLICT (municipality_id) DO UPDATE SET t1_months = EXCLUDED.t1_months, t2_months = EXCLUDED.t2_months, link_days = EXCLUDED.link_days`,
        [municipalityId, s.t1Months, s.t2Months, s.linkDays],
      );
    },
  };
}

/** Guidance starts and the waves of a client. */
function waveStore(db: Queryable) {
  return {
    async guidance(clientId: number): Promise<GuidanceStart | null> {
      const rows = await db.query<{
        id: number;
        municipality_id: number;
        start_date: string | null;
        end_date: string | null;
      }>(`SELECT c.id, c.municipality_id, bp.start_date, bp.end_date FROM client c ${LATEST_BENEFIT} WHERE c.id = $1`, [
        clientId,
      ]);
      const r = rows[0];
      if (!r || !r.start_date) return null;
      return { clientId: r.id, municipalityId: r.municipality_id, start: r.start_date, endedOn: r.end_date };
    },

    async waveRecords(clientId: number): Promise<WaveRecord[]> {
      return db.query<WaveRecord>(
        `SELECT wave, sent_on AS "sentOn", completed_on AS "completedOn", mode FROM questionnaire_wave WHERE client_id = $1 ORDER BY wave`,
        [clientId],
      );
    },

    /** The wave's row (made when missing), with the current definition version. */
    async ensureWave(
      clientId: number,
      wave: Wave,
      version: number,
    ): Promise<{ id: number; completedOn: string | null }> {
      await db.query(
        `INSERT INTO questionnaire_wave (client_id, wave, definition_version) VALUES ($1, $2, $3) ON CONFLICT (client_id, wave) DO NOTHING`,
        [clientId, wave, version],
      );
      const rows = await db.query<{ id: number; completed_on: string | null }>(
        'SELECT id, completed_on FROM questionnaire_wave WHERE client_id = $1 AND wave = $2',
        [clientId, wave],
      );
      return { id: rows[0].id, completedOn: rows[0].completed_on };
    },

    async markSent(waveId: number, userId: number, today: string): Promise<void> {
      await db.query(
        'UPDATE questionnaire_wave SET sent_on = coalesce(sent_on, $2), sent_by = coalesce(sent_by, $3) WHERE id = $1',
        [waveId, today, userId],
      );
    },
  };
}

/** Link and kiosk tokens. */
function tokenStore(db: Queryable) {
  return {
    async createToken(
      tokenHash: string,
      waveId: number,
      kind: 'link' | 'kiosk',
      userId: number,
      validHours: number,
    ): Promise<string> {
      const rows = await db.query<{ expires_at: string }>(
        `INSERT INTO questionnaire_token (token_hash, wave_id, kind, created_by, expires_at)
         VALUES ($1, $2, $3, $4, now() + make_interval(hours => $5)) RETURNING expires_at`,
        [tokenHash, waveId, kind, userId, validHours],
      );
      return rows[0].expires_at;
    },

    async findToken(tokenHash: string): Promise<TokenInfo | null> {
      const rows = await db.query<{
        wave_id: number;
        kind: 'link' | 'kiosk';
        client_id: number;
        municipality_id: number;
        wave: Wave;
        definition_version: number;
        created_by: number;
        expired: boolean;
        used: boolean;
        completed: boolean;
      }>(
        `SELECT t.wave_id, t.kind, w.client_id, c.municipality_id, w.wave, w.definition_version, t.created_by,
                t.expires_at <= now() AS expired, t.used_at IS NOT NULL AS used, w.completed_on IS NOT NULL AS completed
           FROM questionnaire_token t JOIN questionnaire_wave w ON w.id = t.wave_id JOIN client c ON c.id = w.client_id
          WHERE t.token_hash = $1`,
        [tokenHash],
      );
      const r = rows[0];
      if (!r) return null;
      return {
        waveId: r.wave_id,
        kind: r.kind,
        clientId: r.client_id,
        municipalityId: r.municipality_id,
        wave: r.wave,
        definitionVersion: r.definition_version,
        createdBy: r.created_by,
        expired: r.expired,
        used: r.used,
        completed: r.completed,
      };
    },

    async useToken(tokenHash: string): Promise<void> {
      await db.query('UPDATE questionnaire_token SET used_at = coalesce(used_at, now()) WHERE token_hash = $1', [
        tokenHash,
      ]);
    },

    /** Ends every kiosk token a consultant started (on leaving kiosk mode). */
    async endKiosk(tokenHash: string): Promise<void> {
      await db.query(
        `UPDATE questionnaire_token SET expires_at = least(expires_at, now()) WHERE token_hash = $1 AND kind = 'kiosk'`,
        [tokenHash],
      );
    },
  };
}

/** Completed questionnaires and the caseload's due measurements. */
function responseStore(db: Queryable) {
  return {
    /**
     * Stores one completed questionnaire: the answers by pseudonym in monitoring, the facts
     * they give in monitoring.person and cultural_background, and in the case file only that the
     * wave was completed and how. Run inside a transaction. Returns false when the wave was
     * already completed (a second submission changes nothing).
     */
    async submit(p: {
      waveId: number;
      clientId: number;
      municipalityId: number;
      wave: Wave;
      definitionVersion: number;
      mode: Mode;
      language: QuestionnaireLang;
      answers: Answers;
      today: string;
      pseudonymSecret: string;
    }): Promise<boolean> {
      const done = await db.query<{ id: number }>(
        `UPDATE questionnaire_wave SET completed_on = $2, mode = $3 WHERE id = $1 AND completed_on IS NULL RETURNING id`,
        [p.waveId, p.today, p.mode],
      );
      if (done.length === 0) return false;
      const pseudonym = pseudonymFor(p.clientId, p.pseudonymSecret);
      await db.query(
        `INSERT INTO monitoring.questionnaire_response (pseudonym, municipality_id, wave, definition_version, mode, language, answers, submitted_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          pseudonym,
          p.municipalityId,
          p.wave,
          p.definitionVersion,
          p.mode,
          p.language,
          JSON.stringify(p.answers),
          p.today,
        ],
      );
      const { person, culturalBackgrounds } = monitoringFromAnswers(p.answers);
      // An answer "I don't know" (null) never erases a registered fact; a given answer replaces it.
      await db.query(
        `INSERT INTO monitoring.person (pseudonym, municipality_id, birth_country, mother_birth_country, father_birth_country, nationality,
                                        health_limitation, source)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'vragenlijst')
         ON CONFLICT (pseudonym) DO UPDATE SET
           birth_country = coalesce(EXCLUDED.birth_country, monitoring.person.birth_country),
           mother_birth_country = coalesce(EXCLUDED.mother_birth_country, monitoring.person.mother_birth_country),
           father_birth_country = coalesce(EXCLUDED.father_birth_country, monitoring.person.father_birth_country),
           nationality = coalesce(EXCLUDED.nationality, monitoring.person.nationality),
           health_limitation = coalesce(EXCLUDED.health_limitation, monitoring.person.health_limitation),
           source = 'vragenlijst', updated_at = now()`,
        [
          pseudonym,
          p.municipalityId,
          person.birthCountry ?? null,
          person.motherBirthCountry ?? null,
          person.fatherBirthCountry ?? null,
          person.nationality ?? null,
          person.healthLimitation ?? null,
        ],
      );
      if (culturalBackgrounds !== null) {
        await db.query('DELETE FROM monitoring.cultural_background WHERE pseudonym = $1', [pseudonym]);
        if (culturalBackgrounds.length > 0) {
          await db.query(
            `INSERT INTO monitoring.cultural_background (pseudonym, background) SELECT $1, b FROM unnest($2::text[]) b ON CONFLICT DO NOTHING`,
            [pseudonym, culturalBackgrounds],
          );
        }
      }
      return true;
    },

    /** A consultant's own clients (a team leader: the team's) with their guidance start and waves. */
    async dueRows(user: SessionUser): Promise<DueRow[]> {
      const scope = scopeCondition(user, 2);
      const rows = await db.query<{
        id: number;
        name: string;
        consultant_id: number | null;
        start_date: string;
        end_date: string | null;
        waves: WaveRecord[] | null;
      }>(
        `SELECT c.id, c.given_name || ' ' || c.family_name AS name, c.consultant_id, bp.start_date, bp.end_date,
                (SELECT json_agg(json_build_object('wave', w.wave, 'sentOn', w.sent_on, 'completedOn', w.completed_on, 'mode', w.mode))
                   FROM questionnaire_wave w WHERE w.client_id = c.id) AS waves
           FROM client c ${LATEST_BENEFIT}
          WHERE c.municipality_id = $1 AND (${scope.sql}) AND bp.start_date IS NOT NULL
          ORDER BY c.family_name, c.given_name, c.id`,
        [user.municipalityId, ...scope.params],
      );
      return rows.map((r) => ({
        clientId: r.id,
        name: r.name,
        consultantId: r.consultant_id,
        start: r.start_date,
        endedOn: r.end_date,
        records: r.waves ?? [],
      }));
    },
  };
}

/** Everything the measurement moments store: definitions and settings, waves, tokens and responses. */
export function questionnaireRepository(db: Queryable) {
  return {
    ...definitionStore(db),
    ...waveStore(db),
    ...tokenStore(db),
    ...responseStore(db),
  };
}

export type QuestionnaireRepository = ReturnType<typeof questionnaireRepository>;

/**
 * The cohort whose guidance (latest benefit period) started in [from, to], for the outcome
 * mirror: case-file facts joined in memory, by pseudonym, with monitoring rows and answers.
 */
export async function loadOutcomeRows(
  db: Queryable,
  scope: { municipalityId: number; teamId: number | null; from: string; to: string },
  pseudonymSecret: string,
): Promise<OutcomeSourceRow[]> {
  const facts = await db.query<{
    id: number;
    start_date: string;
    end_date: string | null;
    gender: string;
    birth_date: string;
    distance: 'kort' | 'lang' | null;
  }>(
    `SELECT c.id, bp.start_date, bp.end_date, c.gender, c.birth_date,
            (SELECT d.distance FROM diagnosis d WHERE d.client_id = c.id ORDER BY d.given_on, d.id LIMIT 1) AS distance
       FROM client c ${LATEST_BENEFIT}
      WHERE c.municipality_id = $1 AND ($2::int IS NULL OR c.team_id = $2) AND bp.start_date BETWEEN $3 AND $4`,
    [scope.municipalityId, scope.teamId, scope.from, scope.to],
  );
  // only the cohort's people and answers, not the whole municipality's
  const pseudonyms = facts.map((f) => pseudonymFor(f.id, pseudonymSecret));
  const persons = await readPersonGroundFacts(db, scope.municipalityId, pseudonyms);
  const responses = await db.query<{ pseudonym: string; wave: Wave; answers: Answers; mode: Mode }>(
    `SELECT pseudonym, wave, answers, mode FROM monitoring.questionnaire_response
      WHERE municipality_id = $1 AND pseudonym = ANY($2::text[])`,
    [scope.municipalityId, pseudonyms],
  );
  const personBy = new Map(persons.map((p) => [p.pseudonym, p]));
  const responsesBy = new Map<string, OutcomeSourceRow['responses']>();
  for (const r of responses) {
    const m = responsesBy.get(r.pseudonym) ?? {};
    m[r.wave] = { answers: r.answers, mode: r.mode };
    responsesBy.set(r.pseudonym, m);
  }
  return facts.map((f, i) => {
    const pseudonym = pseudonyms[i];
    const p = personBy.get(pseudonym);
    return {
      key: recordKeyFor(f.id, pseudonymSecret),
      start: f.start_date,
      endedOn: f.end_date,
      gender: f.gender,
      birthDate: f.birth_date,
      distance: f.distance,
      statushouder: p?.statushouder ?? null,
      monitoring: p
        ? {
            birth_country: p.birth_country,
            mother_birth_country: p.mother_birth_country,
            father_birth_country: p.father_birth_country,
            nationality: p.nationality,
          }
        : null,
      backgrounds: p?.backgrounds ?? [],
      responses: responsesBy.get(pseudonym) ?? {},
    };
  });
}
