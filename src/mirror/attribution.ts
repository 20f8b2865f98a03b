import { computeMirror } from './funnel.js';
import { groupLabel } from './grounds.js';
import type { PersonTable } from './person-table.js';
import type { ProtectionRules } from './disclosure.js';

export interface AttributionPart {
  group: string;
  label: string;
  /** Percentage points of the gap from different rates within this subgroup. */
  rate: number;
  /** Percentage points from a different share of the group being in this subgroup. */
  composition: number;
}

export interface Attribution {
  stage: string;
  ground: string;
  group: string;
  by: string;
  /** Rate of the group minus the rate of everyone else (known values), percentage points. */
  gap: number;
  parts: AttributionPart[];
  /** What hidden (small) subgroups add together, so that the parts add up to the gap. */
  hidden: number;
}

/**
 * Which subgroups drive a gap on one ground: the gap between a group (a) and everyone else (b)
 * at a stage, split over the subgroups h of a second ground. With shares s and rates r per
 * subgroup, gap = Σ s_ah·r_ah − Σ s_bh·r_bh = Σ [ (s_ah + s_bh)/2 · (r_ah − r_bh) ]  (rates)
 *                                          + Σ [ (s_ah − s_bh) · (r_ah + r_bh)/2 ] (composition).
 * This is the Shapley value of the two factors "rate" and "composition" (each averaged over the
 * two orders), per subgroup; the parts add up to the gap exactly. From published counts only.
 */
export function attributeGap(
  table: PersonTable,
  stage: string,
  ground: string,
  group: string,
  by: string,
  protection: ProtectionRules,
): Attribution {
  const defA = table.grounds.get(ground)?.def,
    defB = table.grounds.get(by)?.def;
  if (!defA || !defB) throw new RangeError('unknown ground');
  const mirror = computeMirror(table, [[ground, by]], { protection });
  const cells = mirror.cells.filter((c) => c.stage === stage && !c.unknown);
  const sum = (inA: boolean, h: string | null) =>
    cells
      .filter((c) => (c.groups[0] === group) === inA && (h === null || c.groups[1] === h) && c.suppressed === null)
      .reduce((acc, c) => ({ n: acc.n + (c.nPopulation ?? 0), x: acc.x + (c.nStage ?? 0) }), { n: 0, x: 0 });
  const a = sum(true, null),
    b = sum(false, null);
  const rate = (v: { n: number; x: number }) => (v.n > 0 ? (100 * v.x) / v.n : 0);
  const gap = rate(a) - rate(b);
  const parts: AttributionPart[] = [];
  for (const h of defB.groups) {
    const ah = sum(true, h),
      bh = sum(false, h);
    if (ah.n === 0 && bh.n === 0) continue;
    const sa = a.n > 0 ? ah.n / a.n : 0,
      sb = b.n > 0 ? bh.n / b.n : 0;
    const ra = rate(ah),
      rb = rate(bh);
    // a subgroup present on one side only has no rate on the other: only composition
    if (ah.n === 0 || bh.n === 0) {
      parts.push({ group: h, label: groupLabel(defB, h), rate: 0, composition: sa * ra - sb * rb });
      continue;
    }
    parts.push({
      group: h,
      label: groupLabel(defB, h),
      rate: ((sa + sb) / 2) * (ra - rb),
      composition: (sa - sb) * ((ra + rb) / 2),
    });
  }
  const explained = parts.reduce((acc, p) => acc + p.rate + p.composition, 0);
  parts.sort((p, q) => Math.abs(q.rate + q.composition) - Math.abs(p.rate + p.composition));
  return { stage, ground, group, by, gap, parts, hidden: gap - explained };
}
