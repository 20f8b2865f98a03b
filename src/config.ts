/** Runtime configuration, read once from environment variables (documented in README.md). */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  pseudonymSecret: string;
  demo: boolean;
  sessionHours: number;
  suppressionThreshold: number;
  /** The mirror publishes counts as multiples of this (random rounding by cell key; 1 = none). */
  roundingBase: number;
}

const DEV_SECRET = 'demodam-only-not-for-production';

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

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  const pseudonymSecret = env.PSEUDONYM_SECRET || DEV_SECRET;
  if (env.NODE_ENV === 'production' && pseudonymSecret === DEV_SECRET) {
    throw new Error('PSEUDONYM_SECRET must be set in production (a long random string, kept apart from the database).');
  }
  return {
    port: int('PORT', env.PORT, 3000),
    host: env.HOST || '127.0.0.1',
    dataDir: env.DATA_DIR || './data',
    databaseUrl,
    pseudonymSecret,
    demo: bool(env.DEMO, databaseUrl === undefined),
    sessionHours: int('SESSION_HOURS', env.SESSION_HOURS, 8),
    suppressionThreshold: int('SUPPRESSION_THRESHOLD', env.SUPPRESSION_THRESHOLD, 10),
    roundingBase: roundingBase(env.MIRROR_ROUNDING_BASE),
  };
}

export const isDevSecret = (secret: string): boolean => secret === DEV_SECRET;
