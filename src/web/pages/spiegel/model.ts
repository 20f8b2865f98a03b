import type { ApiClient } from '../../api.js';
import { GROUND_LABELS_EN, GROUP_LABELS_EN, STAGE_LABELS_EN } from '../../../mirror/labels-en.js';
import type {
  AdjustedAnswerT,
  AttentionAnswerT,
  BenchmarkRowT,
  MirrorAnswerT,
  MirrorCellT,
  MirrorOptionsT,
  MirrorResultT,
  MirrorScopeT,
  NarrativeT,
  PublishedQualityT,
  StageOptionT,
} from '../../../server/schemas/spiegel.js';

// The answers of /api/v1/spiegel…, as the API's response schemas describe them (src/server/schemas/spiegel.ts).
export type MirrorCell = MirrorCellT;
export type MirrorResult = MirrorResultT;
export type Narrative = NarrativeT;
export type BenchmarkRow = BenchmarkRowT;
export type StageDef = StageOptionT;

/** GET /spiegel/options (only the grounds the user's role may see). */
export type MirrorOptions = MirrorOptionsT;
/** One ground as GET /spiegel/options gives it. */
export type GroundOption = MirrorOptions['grounds'][number];
export type MirrorScope = MirrorScopeT;
export type Quality = PublishedQualityT;
export type MirrorAnswer = MirrorAnswerT;
export type AttentionAnswer = AttentionAnswerT;
/** The server leaves `used` and `leftOut` out (null) when a small group could be worked back from them. */
export type AdjustedAnswer = AdjustedAnswerT;

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
  mirror: (q: MirrorQuery, lang: 'nl' | 'en' = 'nl') =>
    api.send<MirrorAnswer>('GET', `/spiegel?${queryString(q, lang === 'en' ? { taal: 'en' } : {})}`),
  attention: (q: MirrorQuery) => api.send<AttentionAnswer>('GET', `/spiegel/aandacht?${queryString(q)}`),
  adjusted: (q: MirrorQuery, stage: string, ground: string, covariates: string[]) => {
    const params = new URLSearchParams(queryString(q, { stage, ground, covariates: covariates.join(',') }));
    return api.send<AdjustedAnswer>('GET', `/spiegel/aangepast?${params.toString()}`);
  },
});

/** The grouping key the engine uses for the chosen grounds ("geslacht × leeftijd"). */
export const groupingOf = (q: MirrorQuery): string => q.grounds.join(' × ');

/** Labels of a (possibly intersected) group, from the grounds' own labels. */
export function groupLabelOf(
  cell: Pick<MirrorCell, 'ground' | 'groups'>,
  grounds: readonly GroundOption[],
  unknownLabel: string,
): string {
  const keys = cell.ground.split(' × ');
  return cell.groups
    .map((g, i) => {
      if (g === 'onbekend') return unknownLabel;
      const def = grounds.find((x) => x.key === keys[i]);
      return def?.groupLabels[g] ?? g;
    })
    .join(' · ');
}

export function groundLabelOf(key: string, grounds: readonly GroundOption[]): string {
  return key
    .split(/ × |\*/)
    .map(
      (k) =>
        grounds.find((g) => g.key === k)?.label ?? (k === 'klantmanager' ? 'Klantmanager' : k === 'team' ? 'Team' : k),
    )
    .join(' × ');
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

/** Groups of which no figure at all may be shown: folded into one line (the rule is in src/mirror/folded.ts). */
export { fullyHiddenGroups as hiddenGroupsOf } from '../../../mirror/folded.js';

/** The options with English names for grounds, groups and stages when the app is in English. */
export function localiseOptions(options: MirrorOptions, lang: 'nl' | 'en'): MirrorOptions {
  if (lang !== 'en') return options;
  return {
    ...options,
    grounds: options.grounds.map((g) => ({
      ...g,
      label: GROUND_LABELS_EN[g.key] ?? g.label,
      groupLabels: { ...g.groupLabels, ...(GROUP_LABELS_EN[g.key] ?? {}) },
    })),
    stages: options.stages.map((s) => ({ ...s, ...(STAGE_LABELS_EN[s.key] ?? {}) })),
  };
}

/** The view as the address bar holds it: ?periode=2025&groep=team:3&kenmerk=geslacht,leeftijd&weergave=rate */
export function viewFromUrl(
  search: string,
  options: MirrorOptions,
  fallbackPeriod: string,
): { query: MirrorQuery; view: 'composition' | 'rate' } {
  const p = new URLSearchParams(search);
  const known = new Set(options.grounds.map((g) => g.key));
  const grounds = (p.get('kenmerk') ?? '')
    .split(',')
    .filter((g, i, all) => known.has(g) && all.indexOf(g) === i)
    .slice(0, 3);
  const period = p.get('periode') ?? '';
  const scope = p.get('groep') ?? '';
  const scopeOk =
    scope === '' ||
    options.teams.some((t) => scope === `team:${t.id}`) ||
    options.wijken.some((w) => scope === `wijk:${w.id}`);
  const view = p.get('weergave') === 'rate' ? 'rate' : 'composition';
  return {
    query: {
      period: options.periods.includes(period) ? period : fallbackPeriod,
      scope: scopeOk ? scope : '',
      grounds: grounds.length ? grounds : [options.grounds[0].key],
    },
    view,
  };
}

export function viewToUrl(query: MirrorQuery, view: string): string {
  const p = new URLSearchParams({ periode: query.period, kenmerk: query.grounds.join(',') });
  if (query.scope) p.set('groep', query.scope);
  if (view !== 'composition') p.set('weergave', view);
  return `?${p.toString()}`;
}
