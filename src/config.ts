import { join } from 'node:path';
import { loadOidcSettings, type OidcSettings } from './oidc-settings.js';

/** Runtime configuration, read once from environment variables (documented in README.md). */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  pseudonymSecret: string;
  /** Key of the audit log's HMAC chain (AUDIT_SECRET); kept apart from the database. */
  auditSecret: string;
  /** Append-only file outside the database with the audit chain's head at intervals. */
  auditCheckpointFile: string;
  /** How often the server writes a checkpoint when the audit log has grown (seconds). */
  auditCheckpointSeconds: number;
  /**
   * Which reverse proxies are trusted for X-Forwarded-For / X-Forwarded-Proto: false (none),
   * a number of hops, or a list of addresses / CIDR ranges.
   */
  trustProxy: false | number | string[];
  /** The smallest k the research export accepts (RESEARCH_MIN_K). */
  researchMinK: number;
  demo: boolean;
  sessionHours: number;
  suppressionThreshold: number;
  /** The mirror publishes counts as multiples of this (random rounding by cell key; 1 = none). */
  roundingBase: number;
  /** Log-in through the municipality's identity provider (OIDC_*); null: local accounts only. */
  oidc: OidcSettings | null;
  /**
   * Keep caseload and client-file answers until the data changes (READ_CACHE, on by default).
   * The embedded database, which this process alone writes, is counted in this process; a server
   * database counts every committed change itself (src/store/data-version-db.ts), so a second
   * instance or a command-line import is seen too.
   */
  readCache: boolean;
}

const DEV_SECRET = 'demodam-only-not-for-production';
const DEV_AUDIT_SECRET = 'demodam-audit-only-not-for-production';

function bool(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'ja', 'yes', 'on'].includes(value.toLowerCase());
}

function int(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${value}"`);
  return n;
}

function roundingBase(value: string | undefined): number {
  const base = int('MIRROR_ROUNDING_BASE', value, 5);
  if (base < 1 || base > 10) throw new Error(`MIRROR_ROUNDING_BASE must be between 1 and 10, got "${value}"`);
  return base;
}

/** TRUST_PROXY: empty/off = trust no proxy; a whole number = that many hops; else addresses or CIDR ranges. */
export function parseTrustProxy(value: string | undefined): Config['trustProxy'] {
  const v = (value ?? '').trim();
  if (v === '' || ['0', 'false', 'off', 'nee', 'no'].includes(v.toLowerCase())) return false;
  if (/^\d+$/.test(v)) return Number(v);
  if (['true', 'on', 'ja', 'yes', 'all', '*'].includes(v.toLowerCase())) {
    throw new Error(
      'TRUST_PROXY must name the proxy (its address or CIDR range, or the number of hops), not trust every sender.',
    );
  }
  return v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  const pseudonymSecret = env.PSEUDONYM_SECRET || DEV_SECRET;
  const auditSecret = env.AUDIT_SECRET || DEV_AUDIT_SECRET;
  if (env.NODE_ENV === 'production' && pseudonymSecret === DEV_SECRET) {
    throw new Error('PSEUDONYM_SECRET must be set in production (a long random string, kept apart from the database).');
  }
  if (env.NODE_ENV === 'production') {
    if (auditSecret === DEV_AUDIT_SECRET || auditSecret.length < 32) {
      throw new Error(
        'AUDIT_SECRET must be set in production (at least 32 random characters, kept apart from the database and its backups).',
      );
    }
    if (auditSecret === pseudonymSecret) throw new Error('AUDIT_SECRET must differ from PSEUDONYM_SECRET.');
  }
  const dataDir = env.DATA_DIR || './data';
  const researchMinK = int('RESEARCH_MIN_K', env.RESEARCH_MIN_K, 10);
  if (researchMinK < 2) throw new Error('RESEARCH_MIN_K must be at least 2.');
  return {
    port: int('PORT', env.PORT, 3000),
    host: env.HOST || '127.0.0.1',
    dataDir,
    databaseUrl,
    pseudonymSecret,
    auditSecret,
    auditCheckpointFile: env.AUDIT_CHECKPOINT_FILE || join(dataDir, 'audit-checkpoints.jsonl'),
    auditCheckpointSeconds: int('AUDIT_CHECKPOINT_SECONDS', env.AUDIT_CHECKPOINT_SECONDS, 60),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    researchMinK,
    demo: bool(env.DEMO, databaseUrl === undefined),
    readCache: bool(env.READ_CACHE, true),
    sessionHours: int('SESSION_HOURS', env.SESSION_HOURS, 8),
    suppressionThreshold: int('SUPPRESSION_THRESHOLD', env.SUPPRESSION_THRESHOLD, 10),
    roundingBase: roundingBase(env.MIRROR_ROUNDING_BASE),
    oidc: loadOidcSettings(env),
  };
}

export const isDevSecret = (secret: string): boolean => secret === DEV_SECRET || secret === DEV_AUDIT_SECRET;
