import { kaplanMeier, logRank, type SurvivalObservation } from './stats/index.js';
import { keyOfSet, publishCount, type ProtectionRules } from './disclosure.js';

/** The steps whose time from benefit start is measured. */
export const STEPS = [
  { key: 'diagnose', label: 'Diagnose' },
  { key: 'plan', label: 'Plan van aanpak' },
  { key: 'voorziening', label: 'Eerste voorziening' },
  { key: 'werk', label: 'Werk ≥ 1 maand' },
] as const;
export type StepKey = (typeof STEPS)[number]['key'];

export const DAYS_PER_MONTH = 30.4375;
/** The curve is published at whole months up to this many. */
export const CURVE_MONTHS = 24;

export interface TimedPerson extends SurvivalObservation {
  group: string;
  key: number;
}

export interface StepCurvePoint {
  month: number;
  /** Share (0–100) that reached the step by this month; null where fewer than the threshold were still followed. */
  reached: number | null;
  lower: number | null;
  upper: number | null;
}

export interface StepGroup {
  group: string;
  label: string;
  n: number | null;
  events: number | null;
  /** Median time to the step in months (one decimal), with its 95% interval; null = not reached by half. */
  medianMonths: number | null;
  medianLower: number | null;
  medianUpper: number | null;
  curve: StepCurvePoint[];
  suppressed: boolean;
}

export interface TimeToStep {
  step: StepKey;
  groups: StepGroup[];
  /** Log-rank test over the groups shown. */
  logRank: { chiSquare: number; degreesOfFreedom: number; p: number } | null;
}

const months = (days: number | null) => (days === null ? null : Math.round((days / DAYS_PER_MONTH) * 10) / 10);

/**
 * Kaplan–Meier per group of the time from benefit start to a step (censored at outflow without
 * the step and at the end of observation), and the log-rank test. Published with protection:
 * group sizes and event counts rounded by the key of their set of people, groups with fewer
 * than the threshold people or events hidden, the curve only at whole months and only while at
 * least the threshold are still followed, shares to whole percentages.
 */
export function timeToStep(
  step: StepKey,
  persons: readonly TimedPerson[],
  groups: readonly { group: string; label: string }[],
  protection: ProtectionRules,
): TimeToStep {
  const out: StepGroup[] = [];
  const shown: SurvivalObservation[][] = [];
  for (const g of groups) {
    const members = persons.filter((p) => p.group === g.group);
    if (members.length === 0) continue;
    const eventsTrue = members.filter((m) => m.event);
    const small = members.length < protection.threshold || eventsTrue.length < protection.threshold;
    const n = publishCount(members.length, keyOfSet(members.map((m) => m.key)), protection);
    if (small) {
      out.push({
        group: g.group,
        label: g.label,
        n,
        events: null,
        medianMonths: null,
        medianLower: null,
        medianUpper: null,
        curve: [],
        suppressed: true,
      });
      continue;
    }
    const km = kaplanMeier(members);
    shown.push(members);
    const curve: StepCurvePoint[] = [];
    for (let m = 0; m <= CURVE_MONTHS; m++) {
      const day = m * DAYS_PER_MONTH;
      let last = null as (typeof km.steps)[number] | null;
      for (const s of km.steps) if (s.time <= day) last = s;
      const atRiskAfter = members.filter((p) => p.time > day).length;
      if (m > 0 && atRiskAfter < protection.threshold) break;
      const pct = (v: number | null) => (v === null ? null : Math.round(100 * (1 - v)));
      curve.push({
        month: m,
        reached: last ? pct(last.survival) : 0,
        lower: last ? pct(last.upper) : 0,
        upper: last ? pct(last.lower ?? 0) : 0,
      });
    }
    out.push({
      group: g.group,
      label: g.label,
      n,
      events: publishCount(eventsTrue.length, keyOfSet(eventsTrue.map((m) => m.key)), protection),
      medianMonths: months(km.median),
      medianLower: months(km.medianLower),
      medianUpper: months(km.medianUpper),
      curve,
      suppressed: false,
    });
  }
  const lr = shown.length >= 2 ? logRank(shown) : null;
  return {
    step,
    groups: out,
    logRank: lr ? { chiSquare: lr.chiSquare, degreesOfFreedom: lr.degreesOfFreedom, p: lr.p } : null,
  };
}
