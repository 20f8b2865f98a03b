import type { Db } from '../store/db.js';
import type { Config } from '../config.js';
import { loadMirrorRows, CORE_STAGE_KEYS, type MirrorSourceRow } from '../store/mirror-source.js';
import { GROUNDS, type GroundDef } from '../mirror/grounds.js';
import { buildPersonTable, type PersonTable } from '../mirror/person-table.js';
import { keyOfSet } from '../mirror/disclosure.js';
import type { KeyedCount } from '../mirror/answer.js';
import { countFactSources, type KeyedFactSources } from '../mirror/fact-sources.js';
import { personFactSources, type RegisterFact } from '../store/register.js';
import { pseudonymFor, recordKeyFor } from '../domain/pseudonym.js';

export interface MirrorScopeKey {
  municipalityId: number;
  from: string;
  to: string;
  teamId: number | null;
  neighbourhoodId: number | null;
}

export interface LoadedPopulation {
  table: PersonTable;
  grounds: GroundDef[];
  /** Teams and consultants as grounds (for the attention mirror); labels are names. */
  organisationGrounds: GroundDef[];
  /** Data-quality counts with the keys of their sets of people (published through disclosure control). */
  quality: {
    missingDiagnosis: KeyedCount;
    withoutConversation: KeyedCount;
    impossibleDates: KeyedCount;
    /** Register or questionnaire, per fact behind the grounds, over the same population. */
    factSources: Record<RegisterFact, KeyedFactSources>;
  };
  loadedAt: number;
}

const TTL_MS = 5 * 60 * 1000;

/** Every mirror service of this process, so an import can make them load fresh figures. */
const services = new Set<{ clear(): void }>();

/** Forgets every kept population (after an import changed the data they were built from). */
export function clearMirrorCaches(): void {
  for (const s of services) s.clear();
}

/**
 * Builds the person table of a period and scope from the case file and keeps it for a few
 * minutes, so changing ground or intersection costs only the computation, not the database.
 */
export function createMirrorService(db: Db, config: Config) {
  const cache = new Map<string, Promise<LoadedPopulation>>();
  const reloading = new Set<string>();

  async function load(scope: MirrorScopeKey): Promise<LoadedPopulation> {
    const rows: MirrorSourceRow[] = await loadMirrorRows(db, scope, config.pseudonymSecret);
    const teams = await db.query<{ id: number; name: string }>(
      'SELECT id, name FROM team WHERE municipality_id = $1 ORDER BY name',
      [scope.municipalityId],
    );
    const consultants = await db.query<{ id: number; display_name: string }>(
      `SELECT id, display_name FROM app_user WHERE municipality_id = $1 AND role = 'consultant' AND ($2::int IS NULL OR team_id = $2) ORDER BY display_name, id`,
      [scope.municipalityId, scope.teamId],
    );
    const teamName = new Map(teams.map((t) => [t.id, t.name]));
    const consultantName = new Map(consultants.map((c) => [c.id, c.display_name]));
    const organisationGrounds: GroundDef[] = [
      { key: 'team', label: 'Team', groups: teams.map((t) => t.name) },
      {
        key: 'klantmanager',
        label: 'Klantmanager',
        groups: [...new Set(consultants.map((c) => c.display_name))].slice(0, 254),
      },
    ];
    // one HMAC per person: the record keys serve the table and the quality counts alike
    const keyById = new Map(rows.map((r) => [r.clientId, recordKeyFor(r.clientId, config.pseudonymSecret)]));
    const persons = rows.map((r) => ({
      key: keyById.get(r.clientId)!,
      stages: r.person.stages,
      grounds: {
        ...r.person.grounds,
        team: teamName.get(r.teamId) ?? null,
        klantmanager: r.consultantId === null ? null : (consultantName.get(r.consultantId) ?? null),
      },
    }));
    const grounds = [...GROUNDS];
    const table = buildPersonTable(persons, [...grounds, ...organisationGrounds], [...CORE_STAGE_KEYS]);
    // Quality over the same population as the mirror (the people on benefit in the period).
    const ids = rows.map((r) => r.clientId);
    // only the people with a quality problem come back, not a row per person
    const flagged = await db.query<{ id: number; without_conversation: boolean; impossible: boolean }>(
      `SELECT * FROM (
         SELECT c.id,
                NOT EXISTS (SELECT 1 FROM conversation v WHERE v.client_id = c.id) AS without_conversation,
                (c.birth_date > current_date OR c.birth_date < date '1900-01-01'
                  OR EXISTS (SELECT 1 FROM benefit_period b WHERE b.client_id = c.id AND b.start_date < c.birth_date)
                  OR EXISTS (SELECT 1 FROM conversation v WHERE v.client_id = c.id AND v.held_on > current_date)) AS impossible
           FROM client c WHERE c.id = ANY($1::int[])) q
        WHERE without_conversation OR impossible`,
      [ids],
    );
    const sources = await personFactSources(db, scope.municipalityId);
    const factSources = countFactSources(
      rows.map((r) => ({
        key: keyById.get(r.clientId)!,
        codes: sources.get(pseudonymFor(r.clientId, config.pseudonymSecret)),
      })),
    );
    const keyed = (list: number[]): KeyedCount => ({
      count: list.length,
      key: keyOfSet(list.map((id) => keyById.get(id)!)),
    });
    return {
      table,
      grounds,
      organisationGrounds,
      quality: {
        missingDiagnosis: keyed(rows.filter((r) => !r.hasDiagnosis).map((r) => r.clientId)),
        withoutConversation: keyed(flagged.filter((f) => f.without_conversation).map((f) => f.id)),
        impossibleDates: keyed(flagged.filter((f) => f.impossible).map((f) => f.id)),
        factSources,
      },
      loadedAt: Date.now(),
    };
  }

  const service = {
    /**
     * The population of a period and scope. Kept in memory; after five minutes the kept value is
     * still answered at once while a fresh one is loaded in the background (stale-while-revalidate),
     * so figures are at most a few minutes behind the case file. `refresh` waits for fresh figures.
     */
    async population(scope: MirrorScopeKey, refresh = false): Promise<LoadedPopulation> {
      const key = JSON.stringify(scope);
      const hit = cache.get(key);
      if (hit && !refresh) {
        const value = await hit;
        if (Date.now() - value.loadedAt >= TTL_MS && !reloading.has(key)) {
          reloading.add(key);
          load(scope)
            .then((fresh) => {
              cache.set(key, Promise.resolve(fresh));
            })
            .catch(() => undefined)
            .finally(() => reloading.delete(key));
        }
        return value;
      }
      const promise = load(scope);
      cache.set(key, promise);
      promise.catch(() => cache.delete(key));
      if (cache.size > 50) cache.delete(cache.keys().next().value!);
      return promise;
    },
    clear(): void {
      cache.clear();
    },
  };
  services.add(service);
  return service;
}

export type MirrorService = ReturnType<typeof createMirrorService>;
