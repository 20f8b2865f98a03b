/**
 * A stable text form of Demodam: per table (in a fixed order) a header line and one JSON line
 * per row with sorted keys. Same data, same bytes; used to check that generation is deterministic.
 */
import {
  CLIENT_TABLES,
  ORGANISATION_TABLES,
  type ClientTables,
  type DemodamData,
  type OrganisationTables,
} from './rows.js';

/** JSON with object keys sorted at every level (arrays keep their order). */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .sort()
    .filter((k) => obj[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${stableJson(obj[k])}`)
    .join(',')}}`;
}

/** Serialises some of the tables: "# table (n rows)" and one line per row. */
export function serialiseTables(data: Partial<OrganisationTables & ClientTables>): string {
  const parts: string[] = [];
  for (const table of [...ORGANISATION_TABLES, ...CLIENT_TABLES]) {
    const rows = data[table] as readonly unknown[] | undefined;
    if (!rows) continue;
    parts.push(`# ${table} (${rows.length})\n`);
    for (const row of rows) parts.push(`${stableJson(row)}\n`);
  }
  return parts.join('');
}

/** Serialises all of Demodam (see serialiseTables). */
export function serialiseDemodam(data: DemodamData): string {
  return serialiseTables(data);
}
