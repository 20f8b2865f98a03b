import type { Db } from '../store/db.js';
import type { Config } from '../config.js';
import { loadMirrorRows, CORE_STAGE_KEYS } from '../store/mirror-source.js';
import { loadStepTimes, type StepTimesRow } from '../store/step-times.js';
import { GROUNDS, type GroundDef } from '../mirror/grounds.js';
import { buildPersonTable, type PersonTable } from '../mirror/person-table.js';
import { recordKeyFor } from '../domain/pseudonym.js';
import type { MirrorScopeKey } from './mirror-service.js';

export interface DeepPopulation {
  table: PersonTable;
  /** Every ground of the table, with team and wijk (neighbourhood) as grounds of their own. */
  defs: Map<string, GroundDef>;
  /** Ground values and record key per client, for the time to a step. */
  byClient: Map<number, { grounds: Record<string, string | null>; key: number }>;
}

const TTL_MS = 5 * 60 * 1000;

/**
 * The population of a period with team and wijk as grounds (the mirror's own population has
 * them only as scopes), kept a few minutes, and the step times of the people who started.
 */
export function createVerdiepingService(db: Db, config: Config) {
  const cache = new Map<string, { at: number; value: Promise<DeepPopulation> }>();

  async function load(scope: MirrorScopeKey): Promise<DeepPopulation> {
    const rows = await loadMirrorRows(db, scope, config.pseudonymSecret);
    const teams = await db.query<{ id: number; name: string }>(
      'SELECT id, name FROM team WHERE municipality_id = $1 ORDER BY name',
      [scope.municipalityId],
    );
    const wijken = await db.query<{ id: number; name: string }>(
      'SELECT id, name FROM neighbourhood WHERE municipality_id = $1 ORDER BY name',
      [scope.municipalityId],
    );
    const teamName = new Map(teams.map((t) => [t.id, t.name]));
    const wijkName = new Map(wijken.map((w) => [w.id, w.name]));
    const extra: GroundDef[] = [
      { key: 'wijk', label: 'Wijk', groups: wijken.map((w) => w.name) },
      { key: 'team', label: 'Team', groups: teams.map((t) => t.name) },
    ];
    const byClient = new Map<number, { grounds: Record<string, string | null>; key: number }>();
    const persons = rows.map((r) => {
      const grounds = {
        ...r.person.grounds,
        team: teamName.get(r.teamId) ?? null,
        wijk: r.neighbourhoodId === null ? null : (wijkName.get(r.neighbourhoodId) ?? null),
      };
      const key = recordKeyFor(r.clientId, config.pseudonymSecret);
      byClient.set(r.clientId, { grounds, key });
      return { ...r.person, grounds, key };
    });
    const all = [...GROUNDS, ...extra];
    return {
      table: buildPersonTable(persons, all, [...CORE_STAGE_KEYS]),
      defs: new Map(all.map((g) => [g.key, g])),
      byClient,
    };
  }

  return {
    population(scope: MirrorScopeKey): Promise<DeepPopulation> {
      const key = JSON.stringify(scope);
      const hit = cache.get(key);
      if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
      const value = load(scope);
      value.catch(() => cache.delete(key));
      cache.set(key, { at: Date.now(), value });
      if (cache.size > 30) cache.delete(cache.keys().next().value!);
      return value;
    },
    stepTimes(scope: MirrorScopeKey): Promise<StepTimesRow[]> {
      return loadStepTimes(db, scope);
    },
  };
}
