import type { Encoding } from './read.js';
import { EXTRACT_GROUNDS } from './extract-values.js';

/**
 * A mapping for `spiegel --input`, in the format of the import mappings (src/import/mapping.ts)
 * with one part, "extract":
 *
 * {
 *   "encoding": "windows-1252",            (optional)
 *   "delimiter": ";",                      (optional)
 *   "extract": {
 *     "columns":  { "BSN_PSEUDO": "persoon", "HH_TYPE": "huishouden", "GESL": "geslacht" },
 *     "values":   { "huishouden": { "1": "eenpersoons", "2": "paar" }, "geslacht": { "1": "man", "2": "vrouw" } },
 *     "defaults": { "doelgroepregister": "nee" }
 *   }
 * }
 *
 * Columns are matched without regard to capitals. A value mapped in "values" is then read as
 * if the file held the mapped value (so it may be a CBS label). A default applies when the
 * file has no column for the field.
 */
export interface ExtractMapping {
  encoding?: Encoding;
  delimiter?: ';' | ',';
  columns: Record<string, string>;
  values: Record<string, Record<string, string>>;
  defaults: Record<string, string>;
}

const STAGE_FIELDS = ['diagnose_kort', 'plan', 'voorziening', 'contact_4', 'werkzaam_1m', 'werkzaam_6m', 'uitstroom'];

/** Reads and checks a mapping (parsed JSON); `extraGrounds` are the free grounds named with --ground. */
export function parseExtractMapping(json: unknown, extraGrounds: readonly string[] = []): ExtractMapping {
  const fields = new Set(['persoon', ...EXTRACT_GROUNDS, ...STAGE_FIELDS, ...extraGrounds.map((g) => g.toLowerCase())]);
  const list = [...fields].join(', ');
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    throw new Error('De koppeling (mapping) moet een JSON-object zijn.');
  const out: ExtractMapping = { columns: {}, values: {}, defaults: {} };
  for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
    if (key === 'encoding') {
      if (value !== 'utf-8' && value !== 'windows-1252') throw new Error('encoding: kies utf-8 of windows-1252.');
      out.encoding = value;
    } else if (key === 'delimiter') {
      if (value !== ';' && value !== ',') throw new Error('delimiter: kies ; of ,.');
      out.delimiter = value;
    } else if (key !== 'extract')
      throw new Error(`Onbekend onderdeel "${key}" in de koppeling. Kies uit: extract, encoding, delimiter.`);
  }
  const part = (json as Record<string, unknown>).extract;
  if (part === undefined) return out;
  if (part === null || typeof part !== 'object' || Array.isArray(part))
    throw new Error('extract: verwacht een object met columns, values en/of defaults.');
  const m = part as Record<string, unknown>;
  const record = (name: string): Record<string, unknown> => {
    const v = m[name];
    if (v === undefined) return {};
    if (v === null || typeof v !== 'object' || Array.isArray(v))
      throw new Error(`extract.${name}: verwacht een object.`);
    return v as Record<string, unknown>;
  };
  for (const name of Object.keys(m))
    if (!['columns', 'values', 'defaults'].includes(name))
      throw new Error(`extract.${name}: onbekend; gebruik columns, values of defaults.`);
  for (const [source, field] of Object.entries(record('columns'))) {
    if (typeof field !== 'string' || !fields.has(field.toLowerCase()))
      throw new Error(`extract.columns."${source}": onbekend veld "${String(field)}". Velden: ${list}.`);
    out.columns[source.toLowerCase()] = field.toLowerCase();
  }
  for (const [field, table] of Object.entries(record('values'))) {
    if (!fields.has(field.toLowerCase()) || field.toLowerCase() === 'persoon')
      throw new Error(`extract.values.${field}: onbekend veld.`);
    if (table === null || typeof table !== 'object' || Array.isArray(table))
      throw new Error(`extract.values.${field}: verwacht een object van bronwaarde naar waarde.`);
    out.values[field.toLowerCase()] = Object.fromEntries(
      Object.entries(table as Record<string, unknown>).map(([a, b]) => [a.trim(), String(b)]),
    );
  }
  for (const [field, v] of Object.entries(record('defaults'))) {
    if (!fields.has(field.toLowerCase()) || field.toLowerCase() === 'persoon')
      throw new Error(`extract.defaults.${field}: onbekend veld.`);
    out.defaults[field.toLowerCase()] = String(v);
  }
  return out;
}
