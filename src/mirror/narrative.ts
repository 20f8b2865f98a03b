import type { MirrorCell, MirrorResult } from './funnel.js';
import { INTERSECTION_SEPARATOR, groupingLabel } from './funnel.js';
import { groundDef, groupLabel, type GroundDef } from './grounds.js';
import { stageDef, type StageDef } from './stages.js';
import { nl, pctNl } from './format.js';

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

/** A difference we call clear (the rule is in clear.ts; the engine sets it on every cell). */
export const isClear = (c: MirrorCell): boolean => c.clear;

function cellGroupLabel(c: MirrorCell, extra: readonly GroundDef[]): string {
  const keys = c.ground.split(INTERSECTION_SEPARATOR);
  return c.groups
    .map((g, i) => {
      const def = groundDef(keys[i], extra);
      return def ? groupLabel(def, g) : g;
    })
    .join(', ');
}

/**
 * Plain Dutch (B1) sentences from the numbers: what stands out, how sure we are, and what the
 * figures do not show. Uses only cells the engine has released (suppressed cells are null).
 */
export function narrate(
  result: MirrorResult,
  quality: DataQuality = {},
  options: { extraGrounds?: readonly GroundDef[]; extraStages?: readonly StageDef[] } = {},
): Narrative {
  const extra = options.extraGrounds ?? [];
  const sections: Narrative['sections'] = [];
  const known = result.cells.filter((c) => !c.unknown);
  const clear = known.filter(isClear).sort((a, b) => Math.abs(Math.log(b.ratio!)) - Math.abs(Math.log(a.ratio!)));

  // Per ground at most two sentences, about the groups that fall behind (a lower chance, or a
  // higher chance at an adverse stage), strongest first.
  const behind = (c: MirrorCell) => (stageDef(c.stage, options.extraStages).adverse ? c.ratio! > 1 : c.ratio! < 1);
  const standout: string[] = [];
  const perGround = new Map<string, number>();
  const seenGroupStage = new Set<string>();
  for (const c of clear.filter(behind)) {
    const used = perGround.get(c.ground) ?? 0;
    const key = `${c.ground}|${c.group}|${c.stage}`;
    if (used >= 2 || seenGroupStage.has(key) || standout.length >= 8) continue;
    perGround.set(c.ground, used + 1);
    seenGroupStage.add(key);
    const st = stageDef(c.stage, options.extraStages);
    const rest = c.rate! / c.ratio!;
    const more = c.ratio! > 1;
    const others = clear.filter(
      (x) => x.ground === c.ground && x.group === c.group && x.stage !== c.stage && behind(x),
    ).length;
    standout.push(
      `${capital(cellGroupLabel(c, extra))}: ${pctNl(c.rate)} ${st.description}, tegen ${pctNl(rest)} van de anderen ` +
        `(${nl(c.ratio!, 2)} keer zo vaak). ${certainty(c.pAdjusted!)}` +
        (others > 0
          ? ` Deze groep blijft ook bij ${others === 1 ? 'nog 1 andere fase' : `nog ${others} andere fasen`} achter.`
          : '') +
        (st.adverse && more ? ' Niemand zou deze fase moeten bereiken.' : ''),
    );
  }
  if (standout.length === 0)
    standout.push(
      'We zien bij geen enkele groep een duidelijk verschil: overal liggen de kansen dicht bij elkaar, of de verschillen kunnen toeval zijn.',
    );
  sections.push({ title: 'Wat valt op', sentences: standout });

  const calm: string[] = [];
  for (const grouping of result.groupings) {
    const cells = known.filter((c) => c.ground === grouping);
    if (cells.length === 0) continue;
    if (!cells.some(isClear)) {
      calm.push(
        `Naar ${lowerFirst(groupingLabel(grouping, extra))} zien we in geen enkele fase een duidelijk verschil tussen de groepen.`,
      );
    }
  }
  const uncertain = known.filter(
    (c) =>
      !isClear(c) &&
      c.ratio !== null &&
      (c.ratio >= 1.25 || c.ratio <= 0.8) &&
      c.pAdjusted !== null &&
      c.pAdjusted >= 0.05,
  );
  for (const c of uncertain.slice(0, 3)) {
    calm.push(
      `${capital(cellGroupLabel(c, extra))} (${stageDef(c.stage, options.extraStages).label.toLowerCase()}): het verschil lijkt groot (${nl(c.ratio!, 2)} keer zo vaak), maar is onzeker: het gaat om weinig mensen (${nl(c.nStage ?? 0)} van de ${nl(c.nPopulation ?? 0)}). Trek hier nog geen conclusie uit.`,
    );
  }
  if (calm.length) sections.push({ title: 'Waar we geen duidelijk verschil zien', sentences: calm });

  const caution: string[] = [];
  const small = result.cells.filter((c) => c.suppressed === 'klein-aantal').length;
  const secondary = result.cells.filter((c) => c.suppressed === 'secundair').length;
  if (small > 0) {
    caution.push(
      `In ${nl(small)} cellen staat "< ${result.threshold}": daar gaat het om minder dan ${result.threshold} mensen. Om mensen te beschermen tonen we daar geen cijfers.`,
    );
  }
  if (secondary > 0) {
    caution.push(
      `In ${nl(secondary)} cellen staat "x": die groep is groot genoeg, maar met dit cijfer zou u een verborgen klein aantal kunnen terugrekenen. Daarom tonen we het ook niet.`,
    );
  }
  if (result.protection && result.protection.base > 1) {
    caution.push(
      `Alle aantallen zijn afgerond op ${result.protection.base === 5 ? 'vijftallen' : `veelvouden van ${result.protection.base}`}, en de percentages zijn berekend uit die afgeronde aantallen. Zo kan niemand door cijfers van elkaar af te trekken iets over één persoon te weten komen. Kleine verschillen tussen tabellen komen daardoor.`,
    );
  }
  for (const grouping of result.groupings.filter((g) => !g.includes(INTERSECTION_SEPARATOR))) {
    const unknownCell = result.cells.find((c) => c.ground === grouping && c.unknown && c.stage === result.stages[0]);
    const n = unknownCell?.nPopulation ?? null;
    if (unknownCell && (n === null || n > 0)) {
      const share = n === null ? null : (100 * n) / result.population;
      if (share === null || share >= 2) {
        caution.push(
          `Van ${share === null ? `minder dan ${result.threshold} mensen` : `${pctNl(share)} van de mensen`} is ${lowerFirst(groundDef(grouping, extra)?.label ?? grouping)} onbekend. Zij tellen niet mee in de percentages.`,
        );
      }
    }
  }
  if (quality.missingDiagnosis) {
    caution.push(
      `${nl(quality.missingDiagnosis)} mensen (${pctNl((100 * quality.missingDiagnosis) / Math.max(1, result.population))}) hebben nog geen diagnoseadvies. Zij tellen bij "diagnose kort" als niet kort.`,
    );
  }
  if (quality.withoutConversation) {
    caution.push(
      `Bij ${nl(quality.withoutConversation)} mensen staat geen enkel gesprek geregistreerd. Dat kan een echte achterstand zijn, of een gat in de registratie.`,
    );
  }
  if (quality.rejectedRows)
    caution.push(
      `${nl(quality.rejectedRows)} regels uit het bestand zijn niet meegeteld, omdat ze fouten bevatten (zie de foutenlijst).`,
    );
  sections.push({
    title: 'Hoe zeker is dit',
    sentences: caution.length ? caution : ['De aantallen zijn groot genoeg om alle cijfers te tonen.'],
  });

  const limits = [
    'De cijfers laten zien óf groepen verschillen, niet waaróm. Een verschil kan ook komen door iets anders dat met de groep samenhangt, zoals opleiding, taal of gezondheid. Kijk daarvoor bij de vergelijking "rekening houdend met".',
    'De percentages gaan alleen over mensen van wie het kenmerk bekend is.',
  ];
  const groupings = result.groupings.map((g) => g.split(INTERSECTION_SEPARATOR)).flat();
  if (groupings.some((g) => g === 'migratieachtergrond' || g === 'herkomst' || g === 'migratie_enschede')) {
    limits.push(
      'De indeling naar migratieachtergrond kent alleen de groepen in de tabel. Lees er geen andere groepen in: statushouders zijn bijvoorbeeld een apart kenmerk, geen groep in deze indeling.',
    );
  }
  sections.push({ title: 'Wat de cijfers niet laten zien', sentences: limits });

  const combos = new Set(clear.map((c) => `${c.ground}|${c.stage}`)).size;
  const headline = clear.length
    ? `${nl(result.population)} mensen in de bijstand: bij ${nl(combos)} ${combos === 1 ? 'combinatie' : 'combinaties'} van kenmerk en fase zien we een duidelijk verschil in kansen.`
    : `${nl(result.population)} mensen in de bijstand: geen duidelijke verschillen in kansen tussen groepen.`;
  return { headline, sections };
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
/** Lower-cases the first letter only, so abbreviations such as CBS stay as they are. */
const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

/** How sure we are, in words, from the Benjamini–Hochberg adjusted p-value. */
export function certainty(pAdjusted: number): string {
  if (pAdjusted < 0.001) return 'Dit verschil is vrijwel zeker geen toeval.';
  if (pAdjusted < 0.01) return 'Dit verschil is zeer waarschijnlijk geen toeval.';
  return 'Dit verschil is waarschijnlijk geen toeval, maar houd er rekening mee dat het toeval kan zijn.';
}
