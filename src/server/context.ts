import type { Config } from '../config.js';
import type { Db } from '../store/db.js';
import type { HeavyGate } from './workers/gate.js';

/** What every route needs: the database and the configuration. */
export interface AppContext {
  db: Db;
  config: Config;
  /** Load each year's mirror population into memory right after start (serve only). */
  warmMirror?: boolean;
  /**
   * Keep the caseload and client-file answers in memory until the data changes (serve on the
   * embedded database; see src/server/read-cache.ts). Off in tests unless a test turns it on.
   */
  readCache?: boolean;
  /**
   * How the mirror reads a team or wijk: derived in memory from the municipality-wide period
   * (default) or 'direct', straight from the database (to check the derived path against).
   */
  mirrorLoad?: 'derived' | 'direct';
  /** The gate for heavy work (mirror, adjusted comparison, PDF); one per app when not given. */
  heavyGate?: HeavyGate;
  /** How the server reaches the identity provider (OIDC); tests pass their own to alter its answers. */
  oidcFetch?: typeof fetch;
}
