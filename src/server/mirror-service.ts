import type { Db } from '../store/db.js';
import type { Config } from '../config.js';
import {
  loadMirrorBase,
  loadPopulationDirect,
  populationOf,
  type LoadedPopulation,
  type MirrorBase,
  type MirrorScopeKey,
} from './mirror-scope.js';

export type { LoadedPopulation, MirrorScopeKey } from './mirror-scope.js';

const TTL_MS = 5 * 60 * 1000;
/** Periods kept municipality-wide (about 3 MB of heap each for 6,000 clients); the least recently used goes first. */
const MAX_BASES = 12;
/** Teams, wijken and their combinations kept per period (each a small table over the base's rows). */
const MAX_SCOPES_PER_BASE = 64;

/** Every mirror service of this process, so an import can make them load fresh figures. */
const services = new Set<{ clear(): void }>();

/** Forgets every kept population (after an import changed the data they were built from). */
export function clearMirrorCaches(): void {
  for (const s of services) s.clear();
}

export interface MirrorServiceOptions {
  /**
   * 'direct' loads every team and wijk from the database with its own SQL filter instead of
   * deriving it from the municipality-wide period: the former way, kept to check the derived
   * path against (test/integration/mirror-scope-derived.test.ts).
   */
  load?: 'derived' | 'direct';
}

interface KeptBase {
  base: MirrorBase;
  /** Populations derived from this base, by scope; they go with it when it is replaced. */
  scopes: Map<string, LoadedPopulation>;
}

/** Moves a kept entry to the back of a map's order (most recently used) and drops the oldest beyond `max`. */
function keepRecent<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > max) map.delete(map.keys().next().value!);
}

/**
 * Builds the person table of a period and scope from the case file and keeps it for a few
 * minutes, so changing ground or intersection costs only the computation, not the database.
 * A period is read once for the whole municipality (its base); a team or wijk of that period
 * is then a filter over the base in memory, so its first view costs no database round trip.
 */
export function createMirrorService(db: Db, config: Config, options: MirrorServiceOptions = {}) {
  const bases = new Map<string, Promise<KeptBase>>();
  const reloading = new Set<string>();
  const clearListeners: (() => void)[] = [];

  const periodOf = (scope: MirrorScopeKey): MirrorScopeKey => ({ ...scope, teamId: null, neighbourhoodId: null });

  function loadBase(key: string, period: MirrorScopeKey): Promise<KeptBase> {
    const promise = loadMirrorBase(db, config, period).then((base) => ({ base, scopes: new Map() }));
    keepRecent(bases, key, promise, MAX_BASES);
    promise.catch(() => {
      if (bases.get(key) === promise) bases.delete(key);
    });
    return promise;
  }

  /**
   * The municipality-wide base of a period: kept; after five minutes the kept base is still
   * answered at once while a fresh one is loaded in the background (stale-while-revalidate).
   * `refresh` waits for a fresh base.
   */
  async function baseFor(scope: MirrorScopeKey, refresh: boolean): Promise<KeptBase> {
    const period = periodOf(scope);
    const key = JSON.stringify(period);
    const hit = bases.get(key);
    if (!hit || refresh) return loadBase(key, period);
    keepRecent(bases, key, hit, MAX_BASES);
    const kept = await hit;
    if (Date.now() - kept.base.loadedAt >= TTL_MS && !reloading.has(key)) {
      reloading.add(key);
      loadMirrorBase(db, config, period)
        .then((base) => {
          if (bases.get(key) === hit) keepRecent(bases, key, Promise.resolve({ base, scopes: new Map() }), MAX_BASES);
        })
        .catch(() => undefined)
        .finally(() => reloading.delete(key));
    }
    return kept;
  }

  const direct = new Map<string, Promise<LoadedPopulation>>();
  /** The former path: every scope its own load from the database (kept, without the background refresh). */
  function directPopulation(scope: MirrorScopeKey, refresh: boolean): Promise<LoadedPopulation> {
    const key = JSON.stringify(scope);
    const hit = direct.get(key);
    if (hit && !refresh) return hit;
    const promise = loadPopulationDirect(db, config, scope);
    keepRecent(direct, key, promise, 50);
    promise.catch(() => direct.delete(key));
    return promise;
  }

  const service = {
    /**
     * The population of a period and scope. Kept in memory; after five minutes the kept value is
     * still answered at once while a fresh one is loaded in the background (stale-while-revalidate),
     * so figures are at most a few minutes behind the case file. `refresh` waits for fresh figures
     * (for a team or wijk: the whole period is read again).
     */
    async population(scope: MirrorScopeKey, refresh = false): Promise<LoadedPopulation> {
      if (options.load === 'direct') return directPopulation(scope, refresh);
      const kept = await baseFor(scope, refresh);
      const key = JSON.stringify(scope);
      const pop = kept.scopes.get(key) ?? populationOf(kept.base, scope);
      keepRecent(kept.scopes, key, pop, MAX_SCOPES_PER_BASE);
      return pop;
    },
    /** Calls `listener` after every clear (e.g. to load the current year again in the background). */
    onClear(listener: () => void): void {
      clearListeners.push(listener);
    },
    clear(): void {
      bases.clear();
      direct.clear();
      for (const listener of clearListeners) listener();
    },
  };
  services.add(service);
  return service;
}

export type MirrorService = ReturnType<typeof createMirrorService>;
