import type { MirrorCell, MirrorResult } from './funnel.js';
import { INTERSECTION_SEPARATOR } from './funnel.js';
import { groundDef, groupLabel, UNKNOWN, type GroundDef } from './grounds.js';
import { stageDef, type StageDef } from './stages.js';
import { CLEAR_P } from './clear.js';
import { GROUND_LABELS_EN, GROUP_LABELS_EN, STAGE_LABELS_EN, UNKNOWN_EN } from './labels-en.js';
import { narrativeTexts, type NarrativeTexts } from './narrative-texts.js';

export interface DataQuality {
  /** People in the population without any diagnosis advice. */
  missingDiagnosis?: number;
  /** People without any conversation on record. */
  withoutConversation?: number;
  /** Rows left out of an extract, with their reasons. */
  rejectedRows?: number;
}

export interface Narrative {
  headline: string;
  sections: { title: string; sentences: string[] }[];
}

export type NarrativeLang = 'nl' | 'en';

export interface NarrateOptions {
  extraGrounds?: readonly GroundDef[];
  extraStages?: readonly StageDef[];
  /** The language of the story (default Dutch). */
  lang?: NarrativeLang;
}

/** A difference we call clear (the rule is in clear.ts; the engine sets it on every cell). */
export const isClear = (c: MirrorCell): boolean => c.clear;

/** Names of grounds, groups and stages in the story's language. */
export interface Names {
  ground(key: string): string;
  group(ground: string, group: string): string;
  stage(key: string): { label: string; description: string; adverse: boolean };
}

export function namesFor(lang: NarrativeLang, options: NarrateOptions = {}): Names {
  const extra = options.extraGrounds ?? [];
  const en = lang === 'en';
  return {
    ground: (key) =>
      key
        .split(INTERSECTION_SEPARATOR)
        .map((k) => (en ? GROUND_LABELS_EN[k] : undefined) ?? groundDef(k, extra)?.label ?? k)
        .join(' × '),
    group: (ground, group) => {
      if (en && group === UNKNOWN) return UNKNOWN_EN;
      const def = groundDef(ground, extra);
      return (en ? GROUP_LABELS_EN[ground]?.[group] : undefined) ?? (def ? groupLabel(def, group) : group);
    },
    stage: (key) => {
      const d = stageDef(key, options.extraStages);
      const e = en ? STAGE_LABELS_EN[key] : undefined;
      return { label: e?.label ?? d.label, description: e?.description ?? d.description, adverse: d.adverse === true };
    },
  };
}

function cellGroupLabel(c: Pick<MirrorCell, 'ground' | 'groups'>, names: Names): string {
  const keys = c.ground.split(INTERSECTION_SEPARATOR);
  return c.groups.map((g, i) => names.group(keys[i], g)).join(', ');
}

/** A clear cell in which the group falls behind: a lower chance, or a higher one at an adverse stage. */
function fallsBehind(c: MirrorCell, names: Names): boolean {
  return names.stage(c.stage).adverse ? c.ratio! > 1 : c.ratio! < 1;
}

const strength = (c: MirrorCell): number => Math.abs(Math.log(c.ratio!));

/** Clear cells per group (ground + group), strongest group first, each group's stages strongest first. */
function byGroup(cells: readonly MirrorCell[]): MirrorCell[][] {
  const groups = new Map<string, MirrorCell[]>();
  for (const c of cells) {
    const key = `${c.ground}|${c.group}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups.values()]
    .map((list) => [...list].sort((a, b) => strength(b) - strength(a)))
    .sort((a, b) => strength(b[0]) - strength(a[0]));
}

/** One sentence per group that falls behind, naming every stage where it does. */
function groupSentence(cells: MirrorCell[], names: Names, tx: NarrativeTexts): string {
  const [c, ...others] = cells;
  const st = names.stage(c.stage);
  const rest = c.rate! / c.ratio!;
  let s = tx.behind(capital(cellGroupLabel(c, names)), tx.pct(c.rate!), st.description, tx.pct(rest), tx.dec(c.ratio!));
  s += ` ${tx.certainty(c.pAdjusted!)}`;
  if (others.length > 0) s += ` ${tx.alsoBehind(others.map((o) => names.stage(o.stage).label.toLowerCase()))}`;
  if (st.adverse && c.ratio! > 1) s += ` ${tx.nobodyShould}`;
  return s;
}

/** What stands out: the groups that fall behind, and the headline that counts exactly those. */
function standout(result: MirrorResult, names: Names, tx: NarrativeTexts) {
  const clear = result.cells.filter((c) => !c.unknown && isClear(c));
  const behind = byGroup(clear.filter((c) => fallsBehind(c, names)));
  const ahead = byGroup(clear.filter((c) => !fallsBehind(c, names)));
  const sentences = behind.map((cells) => groupSentence(cells, names, tx));
  if (behind.length === 0) sentences.push(tx.noneBehind);
  if (ahead.length > 0)
    sentences.push(tx.ahead(ahead.map((cells) => `${cellGroupLabel(cells[0], names)} (${stageList(cells, names)})`)));
  const headline = tx.headline(tx.num(result.population), behind.length, ahead.length);
  return { headline, sentences };
}

const stageList = (cells: MirrorCell[], names: Names): string =>
  cells.map((c) => names.stage(c.stage).label.toLowerCase()).join(', ');

/** Where we see no clear difference, and big-looking differences that may be chance. */
function calmSentences(result: MirrorResult, names: Names, tx: NarrativeTexts): string[] {
  const known = result.cells.filter((c) => !c.unknown);
  const calm: string[] = [];
  for (const grouping of result.groupings) {
    const cells = known.filter((c) => c.ground === grouping);
    if (cells.length > 0 && !cells.some(isClear)) calm.push(tx.noDifference(lowerFirst(names.ground(grouping))));
  }
  const uncertain = known
    .filter(
      (c) =>
        !isClear(c) &&
        c.ratio !== null &&
        c.rateLower !== null &&
        c.rateUpper !== null &&
        (c.ratio >= 1.25 || c.ratio <= 0.8) &&
        c.pAdjusted !== null &&
        c.pAdjusted >= CLEAR_P,
    )
    .sort((a, b) => strength(b) - strength(a));
  for (const c of uncertain.slice(0, 3)) {
    calm.push(
      tx.uncertain(
        capital(cellGroupLabel(c, names)),
        names.stage(c.stage).label.toLowerCase(),
        tx.dec(c.ratio!),
        tx.pct(c.rateLower!),
        tx.pct(c.rateUpper!),
      ),
    );
  }
  return calm;
}

/** How sure this is: hidden cells, rounding, unknown grounds and gaps in the records. */
function cautionSentences(result: MirrorResult, quality: DataQuality, names: Names, tx: NarrativeTexts): string[] {
  const caution: string[] = [];
  const small = result.cells.filter((c) => c.suppressed === 'klein-aantal').length;
  const secondary = result.cells.filter((c) => c.suppressed === 'secundair').length;
  if (small > 0) caution.push(tx.small(tx.num(small), result.threshold));
  if (secondary > 0) caution.push(tx.secondary(tx.num(secondary)));
  if (result.protection && result.protection.base > 1) caution.push(tx.rounding(result.protection.base));
  for (const grouping of result.groupings.filter((g) => !g.includes(INTERSECTION_SEPARATOR))) {
    const unknownCell = result.cells.find((c) => c.ground === grouping && c.unknown && c.stage === result.stages[0]);
    const n = unknownCell?.nPopulation ?? null;
    if (!unknownCell || n === 0) continue;
    const share = n === null ? null : (100 * n) / result.population;
    if (share === null || share >= 2)
      caution.push(
        tx.unknown(share === null ? null : tx.pct(share), result.threshold, lowerFirst(names.ground(grouping))),
      );
  }
  const pop = Math.max(1, result.population);
  if (quality.missingDiagnosis)
    caution.push(tx.missingDiagnosis(tx.num(quality.missingDiagnosis), tx.pct((100 * quality.missingDiagnosis) / pop)));
  if (quality.withoutConversation) caution.push(tx.withoutConversation(tx.num(quality.withoutConversation)));
  if (quality.rejectedRows) caution.push(tx.rejected(tx.num(quality.rejectedRows)));
  return caution.length ? caution : [tx.allShown];
}

/**
 * Plain (B1) sentences from the numbers: what stands out, how sure we are, and what the figures
 * do not show. Uses only cells the engine has released (suppressed cells are null), so every
 * number in it is a protected one. The headline counts exactly the groups "Wat valt op" lists.
 */
export function narrate(result: MirrorResult, quality: DataQuality = {}, options: NarrateOptions = {}): Narrative {
  const lang = options.lang ?? 'nl';
  const tx = narrativeTexts(lang);
  const names = namesFor(lang, options);
  const sections: Narrative['sections'] = [];
  const { headline, sentences } = standout(result, names, tx);
  sections.push({ title: tx.titleStandout, sentences });
  const calm = calmSentences(result, names, tx);
  if (calm.length) sections.push({ title: tx.titleCalm, sentences: calm });
  sections.push({ title: tx.titleCertainty, sentences: cautionSentences(result, quality, names, tx) });
  const limits = [...tx.limits];
  const keys = result.groupings.flatMap((g) => g.split(INTERSECTION_SEPARATOR));
  if (keys.some((g) => g === 'migratieachtergrond' || g === 'herkomst' || g === 'migratie_enschede'))
    limits.push(tx.migrationLimit);
  sections.push({ title: tx.titleLimits, sentences: limits });
  return { headline, sections };
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
/** Lower-cases the first letter only, so abbreviations such as CBS stay as they are. */
const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

/** How sure we are, in words, from the Benjamini–Hochberg adjusted p-value (Dutch). */
export function certainty(pAdjusted: number): string {
  return narrativeTexts('nl').certainty(pAdjusted);
}
