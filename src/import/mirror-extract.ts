import { parse } from 'csv-parse/sync';
import { GROUNDS, type GroundDef } from '../mirror/grounds.js';
import { ageBand, ageBandGroups } from '../domain/age.js';
import type { MirrorPerson } from '../mirror/person-table.js';

/** Stage columns of the extract format, in funnel order. Absent columns are skipped. */
export const EXTRACT_STAGES = [
  'diagnose_kort',
  'plan',
  'voorziening',
  'contact_4',
  'werkzaam_1m',
  'werkzaam_6m',
  'uitstroom',
] as const;

export interface RowError {
  /** Line number in the file (the header is line 1). */
  row: number;
  field: string;
  reason: string;
}

export interface ExtractResult {
  persons: MirrorPerson[];
  grounds: GroundDef[];
  stages: string[];
  errors: RowError[];
  delimiter: ';' | ',';
}

export interface ExtractOptions {
  /** Extra columns to compare groups on (free values). */
  extraGrounds?: readonly string[];
  /** Lower bounds of the age bands after the first (default [27, 45]: ≤ 26, 27–44, 45+). */
  ageBands?: readonly number[];
  /** Gives each person a record key from their `persoon` id, for protected figures. */
  keyFor?: (id: string) => number;
}

const KNOWN_VALUES: Record<string, readonly string[]> = {
  geslacht: ['man', 'vrouw', 'anders'],
  migratieachtergrond: ['nederlands', 'westers', 'niet-westers'],
  huishouden: ['alleenstaand', 'eenouder', 'paar_met_kinderen', 'paar_zonder_kinderen', 'overig'],
  doelgroepregister: ['ja', 'nee'],
};

/**
 * Reads a municipal extract (one row per person; `;` or `,`; UTF-8) into mirror rows without
 * storing it. A row with a wrong value is left out and reported with its line, field and reason;
 * every other row is kept.
 */
export function readMirrorExtract(text: string, options: ExtractOptions = {}): ExtractResult {
  const clean = text.replace(/^\uFEFF/, '');
  const firstLine = clean.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const records: string[][] = parse(clean, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true });
  if (records.length === 0) throw new Error('Het bestand is leeg.');
  const header = records[0].map((h) => h.toLowerCase());
  const col = (name: string) => header.indexOf(name);
  if (col('persoon') < 0) throw new Error('Kolom "persoon" ontbreekt in de kopregel.');
  const bands = options.ageBands ?? [27, 45];
  const extraGrounds = options.extraGrounds ?? [];
  for (const g of extraGrounds)
    if (col(g.toLowerCase()) < 0) throw new Error(`Kolom "${g}" (genoemd bij --ground) ontbreekt in de kopregel.`);

  const stages = EXTRACT_STAGES.filter((s) => col(s) >= 0);
  const baseGrounds = ['geslacht', 'leeftijd', 'migratieachtergrond', 'huishouden', 'doelgroepregister'].filter(
    (g) => col(g) >= 0,
  );
  const errors: RowError[] = [];
  const persons: MirrorPerson[] = [];
  const extraValues = new Map(extraGrounds.map((g) => [g, new Set<string>()]));
  const seen = new Map<string, number>();

  for (let r = 1; r < records.length; r++) {
    const rec = records[r];
    const line = r + 1;
    const rowErrors: RowError[] = [];
    const value = (name: string) => (rec[col(name)] ?? '').trim();
    const id = value('persoon');
    if (!id) rowErrors.push({ row: line, field: 'persoon', reason: 'leeg; elke regel hoort bij één persoon' });
    else if (seen.has(id))
      rowErrors.push({ row: line, field: 'persoon', reason: `komt al voor op regel ${seen.get(id)}` });
    const grounds: Record<string, string | null> = {};
    const numbers: Record<string, number | null> = {};
    for (const g of baseGrounds) {
      const v = value(g).toLowerCase();
      if (v === '' || v === 'onbekend') {
        grounds[g] = null;
        continue;
      }
      if (g === 'leeftijd') {
        const age = Number(v);
        if (!Number.isInteger(age) || age < 15 || age > 70)
          rowErrors.push({ row: line, field: g, reason: `"${value(g)}" is geen leeftijd in hele jaren (15–70)` });
        else {
          grounds[g] = ageBand(age, bands);
          numbers.leeftijd_jaren = age;
        }
        continue;
      }
      if (!KNOWN_VALUES[g].includes(v))
        rowErrors.push({
          row: line,
          field: g,
          reason: `onbekende waarde "${value(g)}"; toegestaan: ${KNOWN_VALUES[g].join(', ')}, onbekend of leeg`,
        });
      else grounds[g] = v;
    }
    for (const g of extraGrounds) {
      const v = value(g.toLowerCase());
      grounds[g] = v === '' || v.toLowerCase() === 'onbekend' ? null : v;
      if (grounds[g] !== null) extraValues.get(g)!.add(v);
    }
    const st: Record<string, boolean> = {};
    for (const s of stages) {
      const v = value(s);
      if (v === '1' || v === '0') st[s] = v === '1';
      else
        rowErrors.push({ row: line, field: s, reason: v === '' ? 'leeg; verwacht 0 of 1' : `"${v}" is geen 0 of 1` });
    }
    if (rowErrors.length) {
      errors.push(...rowErrors);
      continue;
    }
    seen.set(id, line);
    persons.push(
      options.keyFor ? { grounds, stages: st, numbers, key: options.keyFor(id) } : { grounds, stages: st, numbers },
    );
  }

  const grounds: GroundDef[] = baseGrounds.map((g) => {
    const def = GROUNDS.find((d) => d.key === g)!;
    return g === 'leeftijd' ? { ...def, groups: ageBandGroups(bands), reference: ageBandGroups(bands)[1] } : def;
  });
  for (const g of extraGrounds) {
    grounds.push({ key: g, label: g, groups: [...extraValues.get(g)!].sort((a, b) => a.localeCompare(b, 'nl')) });
  }
  return { persons, grounds, stages, errors, delimiter };
}
