import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildDesignMatrix,
  logisticRegression,
  numericDesignMatrix,
  type CategoricalVariable,
  type LogisticFit,
  type LogisticResult,
} from '../../src/mirror/stats/index.js';
import { assertClose, assertCloseP, golden, isClose, readCsv, type RFit } from '../fixtures/stats/golden.js';

// Reference levels as in scripts/r/stats-golden.R.
const GROUND: CategoricalVariable = { name: 'ground', reference: 'A' };
const AGEBAND: CategoricalVariable = { name: 'ageband', reference: '27-44' };
const EDUCATION: CategoricalVariable = { name: 'education', reference: 'midden' };
const HEALTH: CategoricalVariable = { name: 'health', reference: '0' };
const PERSON_VARIABLES = [GROUND, AGEBAND, EDUCATION, HEALTH];

const persons = readCsv('persons.csv');
const outcome = (rows: Record<string, string>[]) => rows.map((row) => Number(row.y));

/** R writes `groundB` where we write `ground: B`. */
const rName = (name: string) => name.replace(': ', '');

function assertOk(result: LogisticResult): asserts result is LogisticFit {
  assert.equal(result.status, 'ok', result.status === 'ok' ? '' : result.message);
}

function assertMatchesR(fit: LogisticFit, r: RFit): void {
  assert.deepEqual(
    fit.coefficients.map((c) => rName(c.name)),
    r.coefficients.map((c) => c.name),
  );
  fit.coefficients.forEach((c, i) => {
    const e = r.coefficients[i];
    assertClose(c.estimate, e.estimate, `${c.name} estimate`);
    assertClose(c.standardError, e.standardError, `${c.name} standard error`);
    assertClose(c.z, e.z, `${c.name} z`);
    assertCloseP(c.p, e.p, `${c.name} p`);
    assertClose(c.oddsRatio, e.oddsRatio, `${c.name} odds ratio`);
    assertClose(c.lower, e.lower, `${c.name} lower`);
    assertClose(c.upper, e.upper, `${c.name} upper`);
  });
  assertClose(fit.deviance, r.deviance, 'deviance');
  assertClose(fit.nullDeviance, r.nullDeviance, 'null deviance');
  assert.equal(fit.iterations, r.iterations);
}

test('design matrix: intercept plus one 0/1 column per non-reference level, named "variable: level"', () => {
  const design = buildDesignMatrix(
    [
      { leeftijd: '45+', geslacht: 'v' },
      { leeftijd: '18-26', geslacht: 'm' },
      { leeftijd: '27-44', geslacht: 'v' },
    ],
    [
      { name: 'leeftijd', reference: '27-44' },
      { name: 'geslacht', reference: 'm' },
    ],
  );
  // Levels sorted (18-26, 27-44, 45+) with the reference moved first, as relevel() in R.
  assert.deepEqual(design.names, ['(Intercept)', 'leeftijd: 18-26', 'leeftijd: 45+', 'geslacht: v']);
  assert.deepEqual([...design.values], [1, 0, 1, 1, 1, 1, 0, 0, 1, 0, 0, 1]);
  assert.deepEqual(
    design.terms.map((t) => [t.variable, t.reference, t.columns]),
    [
      ['leeftijd', '27-44', [1, 2]],
      ['geslacht', 'm', [3]],
    ],
  );
});

test('design matrix: given levels set the column order; a listed level nobody has is a column of zeros', () => {
  const design = buildDesignMatrix([{ g: 'b' }, { g: 'a' }], [{ name: 'g', reference: 'a', levels: ['c', 'b', 'a'] }]);
  assert.deepEqual(design.names, ['(Intercept)', 'g: c', 'g: b']);
  assert.deepEqual([...design.values], [1, 0, 1, 1, 0, 0]);
});

test('design matrix: programmer errors throw a RangeError with a clear message', () => {
  assert.throws(
    () => buildDesignMatrix([{ g: 'a' }], [{ name: 'g', reference: 'x' }]),
    new RangeError("reference level 'x' is not a level of variable 'g'"),
  );
  assert.throws(
    () => buildDesignMatrix([{ g: 'a' }, {}], [{ name: 'g', reference: 'a' }]),
    new RangeError("record 1 has no value for variable 'g'"),
  );
  assert.throws(
    () => buildDesignMatrix([{ g: 'd' }], [{ name: 'g', reference: 'a', levels: ['a', 'b'] }]),
    new RangeError("value 'd' of variable 'g' is not one of its levels"),
  );
  assert.throws(() => buildDesignMatrix([], []), new RangeError('records must not be empty'));
  const design = buildDesignMatrix([{ g: 'a' }, { g: 'b' }], [{ name: 'g', reference: 'a' }]);
  assert.throws(() => logisticRegression(design, [0, 2]), new RangeError('y must contain only 0 and 1; y[1] is 2'));
  assert.throws(() => logisticRegression(design, [0]), new RangeError('y has 1 values, but the design has 2 rows'));
});

test('logistic regression equals R glm(binomial): coefficients, SE, z, p, odds ratios with intervals, deviance', () => {
  const fit = logisticRegression(buildDesignMatrix(persons, PERSON_VARIABLES), outcome(persons));
  assertOk(fit);
  assert.equal(fit.converged, true);
  assertMatchesR(fit, golden.logistic.persons);
});

test('the comparison with R would catch one person fewer, or a different reference level', () => {
  const fewer = logisticRegression(buildDesignMatrix(persons.slice(1), PERSON_VARIABLES), outcome(persons.slice(1)));
  assertOk(fewer);
  assert.ok(fewer.coefficients.some((c, i) => !isClose(c.estimate, golden.logistic.persons.coefficients[i].estimate)));
  assert.ok(
    fewer.coefficients.some((c, i) => !isClose(c.standardError, golden.logistic.persons.coefficients[i].standardError)),
  );
  const otherReference = logisticRegression(
    buildDesignMatrix(persons, [GROUND, { name: 'ageband', reference: '18-26' }, EDUCATION, HEALTH]),
    outcome(persons),
  );
  assertOk(otherReference);
  assert.ok(!isClose(otherReference.coefficients[0].estimate, golden.logistic.persons.coefficients[0].estimate));
});

test('not converged within the maximum number of iterations: status and a plain message (R warns too)', () => {
  const r = golden.logistic.notConverged;
  assert.equal(r.converged, false);
  assert.deepEqual(r.warnings, ['glm.fit: algorithm did not converge']);
  const result = logisticRegression(buildDesignMatrix(persons, PERSON_VARIABLES), outcome(persons), {
    maxIterations: 2,
  });
  assert.equal(result.status, 'not-converged');
  assert.equal(
    result.message,
    'De berekening komt niet tot een uitkomst: na 2 rondes rekenen verandert de uitkomst nog steeds. Er is geen betrouwbaar resultaat.',
  );
});

test('complete separation is reported, not fitted (R: "fitted probabilities numerically 0 or 1 occurred")', () => {
  const r = golden.logistic.separated;
  assert.ok(r.warnings.includes('glm.fit: fitted probabilities numerically 0 or 1 occurred'));
  const rows = readCsv('separated.csv');
  const result = logisticRegression(buildDesignMatrix(rows, [GROUND, AGEBAND, HEALTH]), outcome(rows));
  assert.equal(result.status, 'separation');
  // Everyone in ground C has outcome 0 (ground C is the first group where that holds).
  assert.equal(result.column, 'ground: C');
  assert.ok(rows.filter((row) => row.ground === 'C').every((row) => row.y === '0'));
  assert.equal(
    result.message,
    "De berekening komt niet tot een uitkomst: in de groep 'ground: C' heeft niemand de uitkomst. " +
      'Dan is het verschil met de andere groepen oneindig groot en niet te schatten. ' +
      'Voeg deze groep samen met een andere groep, of laat dit kenmerk weg.',
  );
});

test('quasi-complete separation is reported, where R quietly "converges" to a meaningless estimate', () => {
  const r = golden.logistic.quasi;
  const groundC = r.coefficients.find((c) => c.name === 'groundC');
  assert.ok(r.converged && r.warnings.length === 0 && groundC !== undefined);
  assert.ok(groundC.estimate < -10 && groundC.standardError > 100, 'R: estimate runs off, huge standard error');
  const rows = readCsv('quasi.csv');
  const result = logisticRegression(buildDesignMatrix(rows, [GROUND, AGEBAND]), outcome(rows));
  assert.equal(result.status, 'separation');
  assert.equal(result.column, 'ground: C');
});

test('separation on a numeric column, where no group is all the same, is caught from the fitted probabilities', () => {
  const { x, y, fit: r } = golden.logistic.numericSeparated;
  assert.ok(r.warnings.includes('glm.fit: fitted probabilities numerically 0 or 1 occurred'));
  const design = numericDesignMatrix(
    ['(Intercept)', 'x'],
    x.map((value) => [1, value]),
  );
  const result = logisticRegression(design, y);
  assert.equal(result.status, 'separation');
  assert.match(
    result.message,
    /^De berekening komt niet tot een uitkomst: voor een deel van de mensen is de uitkomst helemaal te voorspellen/,
  );
});

test('everyone with the same outcome is reported as separation', () => {
  const design = buildDesignMatrix(persons, PERSON_VARIABLES);
  const result = logisticRegression(
    design,
    persons.map(() => 1),
  );
  assert.equal(result.status, 'separation');
  assert.equal(
    result.message,
    'De berekening komt niet tot een uitkomst: iedereen in de gegevens heeft dezelfde uitkomst. Dan valt er niets te vergelijken.',
  );
});

test('a column that follows from the others is reported as singular: the same column that R sets to NA', () => {
  const r = golden.logistic.collinear;
  assert.deepEqual(r.aliased, ['regionzuid']);
  const rows = readCsv('collinear.csv');
  const result = logisticRegression(
    buildDesignMatrix(rows, [...PERSON_VARIABLES, { name: 'region', reference: 'noord' }]),
    outcome(rows),
  );
  assert.equal(result.status, 'singular');
  assert.deepEqual(
    [result.column].map((c) => rName(c ?? '')),
    r.aliased,
  );
  assert.equal(
    result.message,
    "De berekening kan niet: 'region: zuid' zegt niets nieuws, want het volgt helemaal uit de kenmerken ervoor. " +
      'Laat dit kenmerk of een van die andere kenmerken weg.',
  );
});

test('a level that nobody has is reported as singular: the same column that R sets to NA', () => {
  const r = golden.logistic.emptyLevel;
  assert.deepEqual(r.aliased, ['educationonbekend']);
  const design = buildDesignMatrix(persons, [
    GROUND,
    AGEBAND,
    { ...EDUCATION, levels: ['midden', 'hoog', 'laag', 'onbekend'] },
    HEALTH,
  ]);
  const result = logisticRegression(design, outcome(persons));
  assert.equal(result.status, 'singular');
  assert.deepEqual([rName(result.column ?? '')], r.aliased);
  assert.match(result.message, /^De berekening kan niet: niemand in de gegevens hoort bij 'education: onbekend'\./);
  // R fits the other coefficients as before; they match ours without the empty level.
  const rest = r.coefficients.filter((c) => !r.aliased.includes(c.name));
  assert.deepEqual(
    rest.map((c) => c.name),
    golden.logistic.persons.coefficients.map((c) => c.name),
  );
});
