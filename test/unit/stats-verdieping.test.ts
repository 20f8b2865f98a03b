import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  buildDesignMatrix,
  detectableProportionAbove,
  evidenceSize,
  firthLogisticRegression,
  kaplanMeier,
  logRank,
  logisticRegression,
  robustLogisticRegression,
  type LogisticResult,
  type SurvivalObservation,
} from '../../src/mirror/stats/index.js';
import { assertClose, assertCloseP } from '../fixtures/stats/golden.js';

// Expected values come from R (scripts/r/verdieping-golden.R: glm, brglm2, power.prop.test,
// survfit, survdiff); the published logistf values for sex2 are from logistf's documentation.
const dir = new URL('../fixtures/verdieping/', import.meta.url);
const golden = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8'));

function csv(name: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(new URL(name, dir), 'utf8').trim().split(/\r?\n/);
  const keys = header.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [keys[i], v])));
}

interface RCoef {
  name: string;
  estimate: number;
  standardError: number;
  z: number;
  p: number;
  lower: number;
  upper: number;
}

/** TypeScript names "ground: B" against R's "groundB". */
function assertFit(fit: LogisticResult, expected: { coefficients: RCoef[] }, what: string): void {
  assert.equal(fit.status, 'ok', `${what}: ${fit.status !== 'ok' ? fit.message : ''}`);
  if (fit.status !== 'ok') return;
  assert.deepEqual(
    fit.coefficients.map((c) => c.name.replace(': ', '')),
    expected.coefficients.map((c) => c.name),
  );
  fit.coefficients.forEach((c, i) => {
    const r = expected.coefficients[i];
    assertClose(c.estimate, r.estimate, `${what} ${r.name} estimate`);
    assertClose(c.standardError, r.standardError, `${what} ${r.name} SE`);
    assertCloseP(c.p, r.p, `${what} ${r.name} p`);
    assertClose(c.lower, r.lower, `${what} ${r.name} lower`);
    assertClose(c.upper, r.upper, `${what} ${r.name} upper`);
  });
}

const ages = csv('ages.csv').map((r) => ({
  ground: r.ground,
  team: r.team,
  education: r.education,
  age: Number(r.age),
  y: Number(r.y),
}));
const plain = ages.filter((r) => r.education !== 'geen');
const ground = { name: 'ground', reference: 'A', levels: ['A', 'B', 'C'] };
const age = { name: 'age', numeric: true as const };

test('age in years as a number: equal to glm(y ~ ground + age + education)', () => {
  const design = buildDesignMatrix(plain, [
    ground,
    age,
    { name: 'education', reference: 'midden', levels: ['midden', 'hoog', 'laag'] },
  ]);
  assertFit(
    logisticRegression(
      design,
      plain.map((r) => r.y),
    ),
    golden.logistic.numeric,
    'numeric',
  );
});

test('a covariate that follows from the ground is dropped as R drops it (NA) and the ground still estimated', () => {
  const design = buildDesignMatrix(plain, [
    ground,
    age,
    { name: 'team', reference: 'noord', levels: ['noord', 'zuid'] },
  ]);
  const y = plain.map((r) => r.y);
  assert.equal(logisticRegression(design, y).status, 'singular');
  const robust = robustLogisticRegression(design, y);
  assert.deepEqual(
    robust.aliased.map((a) => a.replace(': ', '')),
    golden.logistic.aliased.aliased,
  );
  assert.equal(robust.method, 'glm');
  assertFit(robust.fit, golden.logistic.aliased, 'aliased');
});

test('separation (everyone with "geen" reached the stage): Firth, equal to brglm2 AS_mean', () => {
  const design = buildDesignMatrix(ages, [
    ground,
    age,
    { name: 'education', reference: 'midden', levels: ['midden', 'geen', 'hoog', 'laag'] },
  ]);
  const y = ages.map((r) => r.y);
  assert.equal(logisticRegression(design, y).status, 'separation');
  const robust = robustLogisticRegression(design, y);
  assert.equal(robust.method, 'firth');
  assertFit(robust.fit, golden.logistic.firthSeparated, 'firth separated');
});

test("Firth on logistf's sex2 data: the published coefficients and equal to brglm2", () => {
  const rows = csv('sex2.csv').map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number(v)])));
  const vars = ['age', 'oc', 'vic', 'vicl', 'vis', 'dia'].map((name) => ({ name, numeric: true as const }));
  const fit = firthLogisticRegression(
    buildDesignMatrix(rows, vars),
    rows.map((r) => r.case),
  );
  assertFit(fit, golden.logistic.firthSex2, 'sex2');
  // logistf's help page (example(logistf)): coef column of logistf(case ~ age+oc+vic+vicl+vis+dia, sex2)
  const published = [0.12025405, -1.10598131, -0.06881673, 2.26887464, -2.11140817, -0.78831694, 3.09601166];
  assert.ok(fit.status === 'ok');
  fit.coefficients.forEach((c, i) =>
    assert.ok(Math.abs(c.estimate - published[i]) < 1e-5, `${c.name}: ${c.estimate} vs published ${published[i]}`),
  );
});

test("evidence size: the p2 of R's power.prop.test, and none where the groups are too small", () => {
  for (const c of golden.power as { n: number; p1: number; p2: number | null }[]) {
    const p2 = detectableProportionAbove(c.n, c.p1);
    if (c.p2 === null) assert.equal(p2, null, `n ${c.n}`);
    else assertClose(p2, c.p2, `n ${c.n} p1 ${c.p1}`);
  }
  // 40 against 360 people at 30%: two groups of 72 (harmonic mean); below 1 by p ↔ 1 − p (case 72, 0.7)
  const e = evidenceSize(40, 360, 0.3);
  assertClose(e.nPerGroup, 72, 'harmonic mean');
  assertClose(e.ratioAbove, 0.528112841529779 / 0.3, 'ratio above');
  assertClose(e.ratioBelow, (1 - 0.887400107270331) / 0.3, 'ratio below');
  assert.equal(e.enough, true);
  assert.equal(evidenceSize(2, 4, 0.5).enough, false);
});

const times = csv('times.csv').map((r) => ({ time: Number(r.time), event: r.event === '1', group: r.group }));
const byGroup = (g: string): SurvivalObservation[] => times.filter((t) => t.group === g);

test('Kaplan–Meier per group: equal to survfit (steps, Greenwood log interval, median with interval)', () => {
  for (const [g, r] of Object.entries(golden.survival.curves) as [string, Record<string, number[] & number>][]) {
    const km = kaplanMeier(byGroup(g));
    assert.deepEqual(
      km.steps.map((s) => s.time),
      r.time,
    );
    assert.deepEqual(
      km.steps.map((s) => s.atRisk),
      r.atRisk,
    );
    km.steps.forEach((s, i) => {
      assertClose(s.survival, r.survival[i], `${g} S(${s.time})`);
      assertClose(s.survival === 0 ? null : s.standardError / s.survival, r.seLog[i], `${g} se(${s.time})`);
      assertClose(s.lower, r.lower[i], `${g} lower(${s.time})`);
      assertClose(s.upper, r.upper[i], `${g} upper(${s.time})`);
    });
    assert.equal(km.median, r.median, `${g} median`);
    assert.equal(km.medianLower, r.medianLower, `${g} median lower`);
    assert.equal(km.medianUpper, r.medianUpper, `${g} median upper`);
  }
});

test('log-rank test: equal to survdiff, three groups and two', () => {
  for (const [key, groups] of [
    ['logRank', ['jong', 'midden', 'oud']],
    ['logRankTwo', ['jong', 'oud']],
  ] as const) {
    const r = golden.survival[key];
    const lr = logRank(groups.map(byGroup));
    lr.observed.forEach((o, i) => assert.equal(o, r.observed[i]));
    lr.expected.forEach((e, i) => assertClose(e, r.expected[i], `${key} expected ${i}`));
    assertClose(lr.chiSquare, r.chiSquare, `${key} chi-square`);
    assert.equal(lr.degreesOfFreedom, r.df);
    assertCloseP(lr.p, r.p, `${key} p`);
  }
});
