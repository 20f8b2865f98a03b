import type { Queryable } from '../db.js';
import type { Logic } from '../../domain/learning.js';

export interface ReflectionRow {
  conversationId: number;
  clientId: number;
  reflectedOn: string;
  logic: Logic;
  discriminationDiscussed: boolean;
}

/**
 * Reflections after a conversation. Reads per person only for that person (`mine`); the team
 * reads them only through `forTeam`, which the routes publish in aggregate.
 */
export function reflectionsRepository(db: Queryable) {
  return {
    /** The conversation, when it was held by this consultant (else null). */
    async ownConversation(
      conversationId: number,
      consultantId: number,
    ): Promise<{ clientId: number; heldOn: string } | null> {
      const [row] = await db.query<{ clientId: number; heldOn: string }>(
        `SELECT client_id AS "clientId", held_on::text AS "heldOn" FROM conversation WHERE id = $1 AND consultant_id = $2`,
        [conversationId, consultantId],
      );
      return row ?? null;
    },

    /** This consultant's recent conversations that have no reflection yet (newest first). */
    async open(
      consultantId: number,
      since: string,
    ): Promise<{ conversationId: number; clientId: number; clientName: string; heldOn: string; kind: string }[]> {
      return db.query(
        `SELECT v.id AS "conversationId", c.id AS "clientId", c.given_name || ' ' || c.family_name AS "clientName",
                v.held_on::text AS "heldOn", v.kind
           FROM conversation v JOIN client c ON c.id = v.client_id
          WHERE v.consultant_id = $1 AND v.held_on >= $2
            AND NOT EXISTS (SELECT 1 FROM conversation_reflection r WHERE r.conversation_id = v.id)
          ORDER BY v.held_on DESC, v.id DESC LIMIT 20`,
        [consultantId, since],
      );
    },

    async add(r: {
      conversationId: number;
      consultantId: number;
      logic: Logic;
      discriminationDiscussed: boolean;
      clientWish: string;
      reflectedOn: string;
    }): Promise<boolean> {
      const rows = await db.query(
        `INSERT INTO conversation_reflection (conversation_id, consultant_id, logic, discrimination_discussed, client_wish, reflected_on)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (conversation_id) DO NOTHING RETURNING conversation_id`,
        [r.conversationId, r.consultantId, r.logic, r.discriminationDiscussed, r.clientWish, r.reflectedOn],
      );
      return rows.length === 1;
    },

    /** The consultant's own reflections (no client data: only date, logic and the discrimination flag). */
    async mine(consultantId: number): Promise<Omit<ReflectionRow, 'clientId' | 'conversationId'>[]> {
      return db.query(
        `SELECT reflected_on::text AS "reflectedOn", logic, discrimination_discussed AS "discriminationDiscussed"
           FROM conversation_reflection WHERE consultant_id = $1 ORDER BY reflected_on`,
        [consultantId],
      );
    },

    /** A team's reflections in a period, for aggregation only. */
    async forTeam(teamId: number, from: string, to: string): Promise<ReflectionRow[]> {
      return db.query<ReflectionRow>(
        `SELECT r.conversation_id AS "conversationId", v.client_id AS "clientId", r.reflected_on::text AS "reflectedOn",
                r.logic, r.discrimination_discussed AS "discriminationDiscussed"
           FROM conversation_reflection r
           JOIN conversation v ON v.id = r.conversation_id
           JOIN app_user u ON u.id = r.consultant_id
          WHERE u.team_id = $1 AND r.reflected_on BETWEEN $2 AND $3`,
        [teamId, from, to],
      );
    },
  };
}
