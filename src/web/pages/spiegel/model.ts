import type { ApiClient } from '../../api.js';
import type { MirrorCell, MirrorResult } from '../../../mirror/funnel.js';
import type { Narrative } from '../../../mirror/narrative.js';
import type { BenchmarkRow } from '../../../mirror/benchmark.js';
import type { AdjustedResult } from '../../../mirror/adjusted.js';
import type { StageDef } from '../../../mirror/stages.js';

export type { MirrorCell, MirrorResult, Narrative, BenchmarkRow, StageDef };

/** One ground as GET /spiegel/options gives it (only those the user's role may see). */
export interface GroundOption {
  key: string;
  label: string;
  groups: string[];
  groupLabels: Record<string, string>;
  reference: string | null;
}

export interface MirrorOptions {
  periods: string[];
  grounds: GroundOption[];
  stages: StageDef[];
  teams: { id: number; name: string }[];
  wijken: { id: number; name: string }[];
  threshold: number;
  perConsultant: boolean;
}

export interface MirrorScope {
  municipalityId: number;
  from: string;
  to: string;
  teamId: number | null;
  neighbourhoodId: number | null;
}

export interface Quality {
  missingDiagnosis: number | null;
  withoutConversation: number | null;
  impossibleDates: number | null;
}

export interface MirrorAnswer {
  scope: MirrorScope;
  result: MirrorResult;
  narrative: Narrative;
  quality: Quality;
  benchmark: BenchmarkRow[];
}

export interface AttentionAnswer {
  scope: MirrorScope;
  result: MirrorResult;
}

/** The server leaves `used` and `leftOut` out when a small group could be worked back from them. */
export type AdjustedAnswer = Omit<AdjustedResult, 'used' | 'leftOut'> & { used: number | null; leftOut: number | null };

/** What the user chose: the same query for the page, the reports and the downloads. */
export interface MirrorQuery {
  period: string;
  /** "" (municipality or own team), "team:3" or "wijk:5". */
  scope: string;
  /** One to three ground keys: one ground, or their intersection. */
  grounds: string[];
}

export function queryString(q: MirrorQuery, extra: Record<string, string> = {}): string {
  // an intersection comes with its grounds alone: for the unknown counts, the national benchmark and the story
  const ground = q.grounds.length > 1 ? [...q.grounds, q.grounds.join('*')].join(',') : q.grounds[0];
  const params = new URLSearchParams({ period: q.period, ground });
  const [kind, id] = q.scope.split(':');
  if (kind === 'team') params.set('team', id);
  if (kind === 'wijk') params.set('wijk', id);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return params.toString();
}

export const mirrorApi = (api: ApiClient) => ({
  options: () => api.send<MirrorOptions>('GET', '/spiegel/options'),
  mirror: (q: MirrorQuery) => api.send<MirrorAnswer>('GET', `/spiegel?${queryString(q)}`),
  attention: (q: MirrorQuery) => api.send<AttentionAnswer>('GET', `/spiegel/aandacht?${queryString(q)}`),
  adjusted: (q: MirrorQuery, stage: string, ground: string, covariates: string[]) => {
    const params = new URLSearchParams(queryString(q, { stage, ground, covariates: covariates.join(',') }));
    return api.send<AdjustedAnswer>('GET', `/spiegel/aangepast?${params.toString()}`);
  },
});

/** The grouping key the engine uses for the chosen grounds ("geslacht × leeftijd"). */
export const groupingOf = (q: MirrorQuery): string => q.grounds.join(' × ');

/** Labels of a (possibly intersected) group, from the grounds' own labels. */
export function groupLabelOf(cell: Pick<MirrorCell, 'ground' | 'groups'>, grounds: readonly GroundOption[], unknownLabel: string): string {
  const keys = cell.ground.split(' × ');
  return cell.groups.map((g, i) => {
    if (g === 'onbekend') return unknownLabel;
    const def = grounds.find((x) => x.key === keys[i]);
    return def?.groupLabels[g] ?? g;
  }).join(' · ');
}

export function groundLabelOf(key: string, grounds: readonly GroundOption[]): string {
  return key.split(/ × |\*/).map((k) => grounds.find((g) => g.key === k)?.label ?? (k === 'klantmanager' ? 'Klantmanager' : k === 'team' ? 'Team' : k)).join(' × ');
}

/** The rows of one grouping, in the engine's order (known groups first, unknown last). */
export function groupsOf(result: MirrorResult, grouping: string): MirrorCell[] {
  const seen = new Map<string, MirrorCell>();
  for (const c of result.cells) if (c.ground === grouping && !seen.has(c.group)) seen.set(c.group, c);
  return [...seen.values()];
}

export function cellOf(result: MirrorResult, grouping: string, group: string, stage: string): MirrorCell | undefined {
  return result.cells.find((c) => c.ground === grouping && c.group === group && c.stage === stage);
}

/** A clear difference, as the engine's narrative calls it (BH-adjusted p < 0.05 and ratio ≥ 1.1 or ≤ 1/1.1). */
/** The engine's verdict on a cell (src/mirror/clear.ts); the page never applies a rule of its own. */
export const isClear = (c: MirrorCell): boolean => c.clear;
