import type { Queryable } from '../db.js';
import type { SessionUser } from '../users.js';
import { scopeCondition } from '../clients.js';

export interface TrackSignal {
  id: number;
  trackId: number;
  clientId: number;
  clientName: string;
  leadParty: string;
  trackName: string;
  kind: 'niet_verschenen' | 'uitgevallen' | 'werk_gevonden';
  signalledOn: string;
  note: string;
}

/** External tracks with their lead party, and the lead party's signals to the consultant. */
export function tracksRepository(db: Queryable) {
  return {
    async add(clientId: number, t: { leadParty: string; name: string; startedOn: string }): Promise<{ id: number }> {
      const [row] = await db.query<{ id: number }>(
        'INSERT INTO external_track (client_id, lead_party, name, started_on) VALUES ($1, $2, $3, $4) RETURNING id',
        [clientId, t.leadParty, t.name, t.startedOn],
      );
      return row;
    },
    async find(id: number): Promise<{ id: number; clientId: number; startedOn: string } | null> {
      const [row] = await db.query<{ id: number; clientId: number; startedOn: string }>(
        'SELECT id, client_id AS "clientId", started_on AS "startedOn" FROM external_track WHERE id = $1',
        [id],
      );
      return row ?? null;
    },
    forClient(clientId: number) {
      return db.query<{ id: number; leadParty: string; name: string; startedOn: string; endedOn: string | null }>(
        `SELECT id, lead_party AS "leadParty", name, started_on AS "startedOn", ended_on AS "endedOn"
           FROM external_track WHERE client_id = $1 ORDER BY started_on DESC, id DESC`,
        [clientId],
      );
    },
    async addSignal(trackId: number, s: { kind: string; signalledOn: string; note: string }): Promise<{ id: number }> {
      const [row] = await db.query<{ id: number }>(
        'INSERT INTO track_signal (track_id, kind, signalled_on, note) VALUES ($1, $2, $3, $4) RETURNING id',
        [trackId, s.kind, s.signalledOn, s.note],
      );
      return row;
    },
    /** Unseen signals for the user's clients (own caseload, or the team): the caseload signals. */
    openSignals(user: SessionUser): Promise<TrackSignal[]> {
      const scope = scopeCondition(user, 2);
      return db.query<TrackSignal>(
        `SELECT s.id, t.id AS "trackId", c.id AS "clientId", c.given_name || ' ' || c.family_name AS "clientName",
                t.lead_party AS "leadParty", t.name AS "trackName", s.kind, s.signalled_on AS "signalledOn", s.note
           FROM track_signal s JOIN external_track t ON t.id = s.track_id JOIN client c ON c.id = t.client_id
          WHERE c.municipality_id = $1 AND (${scope.sql}) AND s.seen_on IS NULL
          ORDER BY s.signalled_on, s.id`,
        [user.municipalityId, ...scope.params],
      );
    },
    async signalClient(id: number): Promise<{ clientId: number; seenOn: string | null } | null> {
      const [row] = await db.query<{ clientId: number; seenOn: string | null }>(
        `SELECT t.client_id AS "clientId", s.seen_on AS "seenOn" FROM track_signal s JOIN external_track t ON t.id = s.track_id WHERE s.id = $1`,
        [id],
      );
      return row ?? null;
    },
    async markSeen(id: number, on: string, by: number): Promise<void> {
      await db.query('UPDATE track_signal SET seen_on = $2, seen_by = $3 WHERE id = $1', [id, on, by]);
    },
  };
}
