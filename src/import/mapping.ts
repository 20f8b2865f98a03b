import { ENTITY_DEFS, isEntity, type EntityName } from './entities.js';
import type { Encoding } from './read.js';

/**
 * How the columns of one municipality's extract map to Kansenspiegel fields, per entity.
 *
 * {
 *   "encoding": "windows-1252",            (optional; default: detected)
 *   "delimiter": ";",                      (optional; default: detected)
 *   "clients": {
 *     "columns": { "BSN": "bsn", "Voornaam": "given_name", "Geboortedatum": "birth_date", "Team": "team" },
 *     "values":  { "gender": { "M": "man", "V": "vrouw" } },
 *     "defaults": { "team": "Team Noord" }
 *   }
 * }
 *
 * A column the mapping does not name is used when its header equals a field name; other
 * columns are ignored (and listed in the result).
 */
export interface EntityMapping {
  columns?: Record<string, string>;
  values?: Record<string, Record<string, string>>;
  defaults?: Record<string, string>;
}

export interface MappingFile {
  encoding?: Encoding;
  delimiter?: ';' | ',';
  entities: Partial<Record<EntityName, EntityMapping>>;
}

/** Reads and checks a mapping (parsed JSON); throws an Error with a Dutch message naming what is wrong. */
export function parseMapping(json: unknown): MappingFile {
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    throw new Error('De koppeling (mapping) moet een JSON-object zijn.');
  const out: MappingFile = { entities: {} };
  for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
    if (key === 'encoding') {
      if (value !== 'utf-8' && value !== 'windows-1252') throw new Error('encoding: kies utf-8 of windows-1252.');
      out.encoding = value;
      continue;
    }
    if (key === 'delimiter') {
      if (value !== ';' && value !== ',') throw new Error('delimiter: kies ; of ,.');
      out.delimiter = value;
      continue;
    }
    if (!isEntity(key))
      throw new Error(
        `Onbekend onderdeel "${key}" in de koppeling. Kies uit: ${Object.keys(ENTITY_DEFS).join(', ')}, encoding, delimiter.`,
      );
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      throw new Error(`${key}: verwacht een object met columns, values en/of defaults.`);
    const fields = new Set(ENTITY_DEFS[key].fields.map((f) => f.field));
    const m = value as Record<string, unknown>;
    const entity: EntityMapping = {};
    for (const part of Object.keys(m))
      if (!['columns', 'values', 'defaults'].includes(part))
        throw new Error(`${key}.${part}: onbekend; gebruik columns, values of defaults.`);
    const record = (name: string): Record<string, unknown> | undefined => {
      const v = m[name];
      if (v === undefined) return undefined;
      if (v === null || typeof v !== 'object' || Array.isArray(v))
        throw new Error(`${key}.${name}: verwacht een object.`);
      return v as Record<string, unknown>;
    };
    const columns = record('columns');
    if (columns) {
      entity.columns = {};
      for (const [source, field] of Object.entries(columns)) {
        if (typeof field !== 'string' || !fields.has(field))
          throw new Error(
            `${key}.columns."${source}": onbekend veld "${String(field)}". Velden: ${[...fields].join(', ')}.`,
          );
        entity.columns[source] = field;
      }
    }
    const values = record('values');
    if (values) {
      entity.values = {};
      for (const [field, table] of Object.entries(values)) {
        if (!fields.has(field)) throw new Error(`${key}.values.${field}: onbekend veld.`);
        if (table === null || typeof table !== 'object')
          throw new Error(`${key}.values.${field}: verwacht een object van bronwaarde naar waarde.`);
        entity.values[field] = Object.fromEntries(
          Object.entries(table as Record<string, unknown>).map(([a, b]) => [a, String(b)]),
        );
      }
    }
    const defaults = record('defaults');
    if (defaults) {
      entity.defaults = {};
      for (const [field, v] of Object.entries(defaults)) {
        if (!fields.has(field)) throw new Error(`${key}.defaults.${field}: onbekend veld.`);
        entity.defaults[field] = String(v);
      }
    }
    out.entities[key] = entity;
  }
  return out;
}

export interface ColumnPlan {
  /** field → index of its column in the file, or -1 when only a default applies. */
  index: Map<string, number>;
  ignored: string[];
}

/** Which column feeds which field; throws when a required field has no column and no default. */
export function planColumns(entity: EntityName, header: readonly string[], mapping: EntityMapping = {}): ColumnPlan {
  const def = ENTITY_DEFS[entity];
  const lower = header.map((h) => h.toLowerCase());
  const index = new Map<string, number>();
  const used = new Set<number>();
  for (const [source, field] of Object.entries(mapping.columns ?? {})) {
    const i = lower.indexOf(source.toLowerCase());
    if (i < 0) throw new Error(`Kolom "${source}" uit de koppeling staat niet in de kopregel (${header.join(', ')}).`);
    if (index.has(field)) throw new Error(`Veld ${field} krijgt in de koppeling meer dan één kolom.`);
    index.set(field, i);
    used.add(i);
  }
  for (const f of def.fields) {
    if (index.has(f.field)) continue;
    const i = lower.indexOf(f.field);
    if (i >= 0 && !used.has(i)) {
      index.set(f.field, i);
      used.add(i);
    }
  }
  for (const f of def.fields)
    if (!index.has(f.field) && mapping.defaults?.[f.field] !== undefined) index.set(f.field, -1);
  const missing = def.fields.filter((f) => f.required && !index.has(f.field)).map((f) => f.field);
  if (missing.length)
    throw new Error(
      `Verplichte velden zonder kolom: ${missing.join(', ')}. Noem ze in de kopregel of in de koppeling (columns of defaults).`,
    );
  return { index, ignored: header.filter((_, i) => !used.has(i)) };
}
