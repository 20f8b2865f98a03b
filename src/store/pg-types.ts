/**
 * How both database drivers turn PostgreSQL text values into JavaScript: dates stay 'YYYY-MM-DD'
 * strings (no time-zone shifts), bigint and numeric become numbers (counts and hours fit in a
 * double), timestamptz becomes an ISO string.
 */
export const OID = { INT8: 20, NUMERIC: 1700, DATE: 1082, TIMESTAMPTZ: 1184, TIMESTAMP: 1114 } as const;

export const toNumber = (v: string): number => Number(v);
export const keepString = (v: string): string => v;
/** PostgreSQL prints '2026-11-24 07:39:12.12+00'; JavaScript wants 'T' and '+00:00'. */
export const toIso = (v: string): string =>
  new Date(v.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00')).toISOString();

/** The parsers by type OID, in the shape PGlite takes them. */
export const PGLITE_PARSERS: Record<number, (v: string) => unknown> = {
  [OID.INT8]: toNumber,
  [OID.NUMERIC]: toNumber,
  [OID.DATE]: keepString,
  [OID.TIMESTAMPTZ]: toIso,
  [OID.TIMESTAMP]: keepString,
};
