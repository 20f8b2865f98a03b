/** Name of the intercept column, as in R. */
export const INTERCEPT = '(Intercept)';

/** A categorical variable for a design matrix, with its reference level. */
export interface CategoricalVariable {
  /** Key of the variable in each record, also the first part of the column names. */
  name: string;
  /** Level that the other levels are compared with; it gets no column. */
  reference: string;
  /**
   * All levels in the order their columns should get. When left out: the
   * distinct values found, sorted by code point. A listed level that no record
   * has gives a column of zeros (which the fit reports as singular).
   */
  levels?: readonly string[];
}

/** A numeric variable (e.g. age in years): one column with the value itself, as R's glm takes it. */
export interface NumericVariable {
  name: string;
  numeric: true;
}

/** The columns that belong to one categorical variable. */
export interface DesignTerm {
  variable: string;
  reference: string;
  /** Non-reference levels, in column order. */
  levels: string[];
  /** Column index of each level in `levels`. */
  columns: number[];
}

/** A design matrix: one row per person, one column per coefficient. */
export interface DesignMatrix {
  rows: number;
  columns: number;
  /** Row-major values: row i, column j is at i·columns + j. */
  values: Float64Array;
  /** Coefficient name of each column. */
  names: string[];
  /** Which columns come from which categorical variable (empty for a numeric design). */
  terms: DesignTerm[];
}

/** Value of a record, as the level of a categorical variable. */
export type RecordValue = string | number;

/** Column name of a level: `variable: level`, e.g. `leeftijd: 45+`. */
export function levelName(variable: string, level: string): string {
  return `${variable}: ${level}`;
}

/**
 * Builds a design matrix with an intercept and treatment (dummy) coding for
 * categorical variables: for each variable, one 0/1 column per level other
 * than the reference, which is 1 for the people with that level.
 *
 * This is R's default parametrisation (contr.treatment) with the reference as
 * first level, e.g. `relevel(factor(x), ref = "...")`: the intercept is the
 * log-odds of someone with every reference level, and each coefficient compares
 * a level with the reference of its own variable, the other variables held
 * equal. Columns are named `variable: level` (R writes `variablelevel`).
 *
 * When `levels` is not given the levels are sorted by code point, which equals
 * R's sorted order for plain ASCII labels such as these.
 *
 * @throws RangeError when a record lacks a value, a value or the reference is
 *   not one of the listed levels, levels repeat, or there are no records.
 */
export function buildDesignMatrix(
  records: readonly Readonly<Record<string, RecordValue | null | undefined>>[],
  variables: readonly (CategoricalVariable | NumericVariable)[],
): DesignMatrix {
  if (records.length === 0) throw new RangeError('records must not be empty');
  const names = [INTERCEPT];
  const terms: DesignTerm[] = [];
  const columnOf: Map<string, number>[] = [];
  for (const variable of variables) {
    if ('numeric' in variable) {
      records.forEach((record, i) => {
        if (typeof record[variable.name] !== 'number' || !Number.isFinite(record[variable.name]))
          throw new RangeError(`record ${i} has no number for variable '${variable.name}'`);
      });
      columnOf.push(new Map([['', names.length]]));
      names.push(variable.name);
      continue;
    }
    const values = records.map((record, i) => {
      const value = record[variable.name];
      if (value === null || value === undefined || value === '') {
        throw new RangeError(`record ${i} has no value for variable '${variable.name}'`);
      }
      return String(value);
    });
    const levels = variable.levels
      ? [...variable.levels]
      : [...new Set(values)].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    if (new Set(levels).size !== levels.length)
      throw new RangeError(`levels of variable '${variable.name}' must not repeat`);
    if (!levels.includes(variable.reference)) {
      throw new RangeError(`reference level '${variable.reference}' is not a level of variable '${variable.name}'`);
    }
    const term: DesignTerm = { variable: variable.name, reference: variable.reference, levels: [], columns: [] };
    const columns = new Map<string, number>();
    for (const level of levels) {
      if (level === variable.reference) continue;
      columns.set(level, names.length);
      term.levels.push(level);
      term.columns.push(names.length);
      names.push(levelName(variable.name, level));
    }
    const known = new Set(levels);
    values.forEach((value) => {
      if (!known.has(value))
        throw new RangeError(`value '${value}' of variable '${variable.name}' is not one of its levels`);
    });
    terms.push(term);
    columnOf.push(columns);
  }
  const p = names.length;
  const values = new Float64Array(records.length * p);
  records.forEach((record, i) => {
    values[i * p] = 1;
    variables.forEach((variable, v) => {
      if ('numeric' in variable) {
        values[i * p + columnOf[v].get('')!] = record[variable.name] as number;
        return;
      }
      const column = columnOf[v].get(String(record[variable.name]));
      if (column !== undefined) values[i * p + column] = 1;
    });
  });
  return { rows: records.length, columns: p, values, names, terms };
}

/**
 * Design matrix from plain numbers: `rows[i][j]` is column j for person i. No
 * intercept is added; include a column of ones (named '(Intercept)') yourself.
 *
 * @throws RangeError when there are no rows, a row has the wrong length, or a
 *   value is not finite.
 */
export function numericDesignMatrix(names: readonly string[], rows: readonly (readonly number[])[]): DesignMatrix {
  if (rows.length === 0) throw new RangeError('rows must not be empty');
  const p = names.length;
  const values = new Float64Array(rows.length * p);
  rows.forEach((row, i) => {
    if (row.length !== p) throw new RangeError(`row ${i} has ${row.length} values, expected ${p}`);
    row.forEach((value, j) => {
      if (!Number.isFinite(value)) throw new RangeError(`row ${i}, column ${j} is not a finite number: ${value}`);
      values[i * p + j] = value;
    });
  });
  return { rows: rows.length, columns: p, values, names: [...names], terms: [] };
}

/**
 * Drops the columns that follow from the columns before them (aliased), one at a time in
 * column order, as R's glm does through its pivoting QR decomposition: R reports their
 * coefficients as NA and estimates the rest. Returns the reduced design and the names dropped.
 */
export function dropAliased(
  design: DesignMatrix,
  isAliased: (design: DesignMatrix) => number | null,
): { design: DesignMatrix; aliased: string[] } {
  let current = design;
  const aliased: string[] = [];
  for (;;) {
    const column = isAliased(current);
    if (column === null) return { design: current, aliased };
    aliased.push(current.names[column]);
    current = withoutColumn(current, column);
  }
}

function withoutColumn(design: DesignMatrix, drop: number): DesignMatrix {
  const { rows: n, columns: p } = design;
  const values = new Float64Array(n * (p - 1));
  for (let i = 0; i < n; i++)
    for (let j = 0, t = 0; j < p; j++) if (j !== drop) values[i * (p - 1) + t++] = design.values[i * p + j];
  const shift = (c: number) => (c > drop ? c - 1 : c);
  const terms = design.terms.map((term) => {
    const keep = term.columns.map((c, k) => ({ c, level: term.levels[k] })).filter((e) => e.c !== drop);
    return { ...term, levels: keep.map((e) => e.level), columns: keep.map((e) => shift(e.c)) };
  });
  return { rows: n, columns: p - 1, values, names: design.names.filter((_, j) => j !== drop), terms };
}
