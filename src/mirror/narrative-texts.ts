/** The sentences of the mirror's story, in Dutch (B1, "u") and English, with the same shape. */
export interface NarrativeTexts {
  num(v: number): string;
  pct(v: number): string;
  dec(v: number): string;
  titleStandout: string;
  titleCalm: string;
  titleCertainty: string;
  titleLimits: string;
  headline(population: string, behind: number, ahead: number): string;
  behind(group: string, rate: string, description: string, rest: string, ratio: string): string;
  alsoBehind(stages: string[]): string;
  nobodyShould: string;
  noneBehind: string;
  ahead(groups: string[]): string;
  noDifference(ground: string): string;
  uncertain(group: string, stage: string, ratio: string, lower: string, upper: string): string;
  certainty(pAdjusted: number): string;
  small(cells: string, threshold: number): string;
  secondary(cells: string): string;
  rounding(base: number): string;
  unknown(share: string | null, threshold: number, ground: string): string;
  missingDiagnosis(n: string, share: string): string;
  withoutConversation(n: string): string;
  rejected(n: string): string;
  allShown: string;
  limits: string[];
  migrationLimit: string;
}

const fmt = (locale: string, digits: number) => (v: number) =>
  v.toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** "a, b en c" / "a, b and c". */
function list(items: string[], and: string): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

const NL: NarrativeTexts = {
  num: fmt('nl-NL', 0),
  pct: (v) => `${fmt('nl-NL', 0)(v)}%`,
  dec: fmt('nl-NL', 2),
  titleStandout: 'Wat valt op',
  titleCalm: 'Waar we geen duidelijk verschil zien',
  titleCertainty: 'Hoe zeker is dit',
  titleLimits: 'Wat de cijfers niet laten zien',
  headline: (pop, behind, ahead) =>
    behind > 0
      ? `${pop} mensen in de bijstand: ${behind === 1 ? '1 groep blijft' : `${behind} groepen blijven`} duidelijk achter.`
      : ahead > 0
        ? `${pop} mensen in de bijstand: geen groep blijft duidelijk achter.`
        : `${pop} mensen in de bijstand: geen duidelijke verschillen in kansen tussen groepen.`,
  behind: (group, rate, description, rest, ratio) =>
    `${group}: ${rate} ${description}, tegen ${rest} van de anderen (${ratio} keer zo vaak).`,
  alsoBehind: (stages) => `Deze groep blijft ook achter bij ${list(stages, 'en')}.`,
  nobodyShould: 'Niemand zou deze fase moeten bereiken.',
  noneBehind:
    'Geen enkele groep blijft duidelijk achter: de kansen liggen dicht bij elkaar, of de verschillen kunnen toeval zijn.',
  ahead: (groups) =>
    `${groups.length === 1 ? 'Deze groep doet' : 'Deze groepen doen'} het duidelijk beter dan de anderen: ${list(groups, 'en')}.`,
  noDifference: (ground) => `Naar ${ground} zien we in geen enkele fase een duidelijk verschil tussen de groepen.`,
  uncertain: (group, stage, ratio, lower, upper) =>
    `${group} (${stage}): het verschil lijkt groot (${ratio} keer zo vaak), maar kan toeval zijn. De kans van deze groep ligt ergens tussen ${lower} en ${upper}. Na correctie voor het aantal vergelijkingen is het verschil niet duidelijk. Trek hier nog geen conclusie uit.`,
  certainty: (p) =>
    p < 0.001
      ? 'Dit verschil is vrijwel zeker geen toeval.'
      : p < 0.01
        ? 'Dit verschil is zeer waarschijnlijk geen toeval.'
        : 'Dit verschil is waarschijnlijk geen toeval, maar houd er rekening mee dat het toeval kan zijn.',
  small: (cells, t) =>
    `In ${cells} cellen staat "< ${t}": daar gaat het om minder dan ${t} mensen. Om mensen te beschermen tonen we daar geen cijfers.`,
  secondary: (cells) =>
    `In ${cells} cellen staat "x": die groep is groot genoeg, maar met dit cijfer zou u een verborgen klein aantal kunnen terugrekenen. Daarom tonen we het ook niet.`,
  rounding: (base) =>
    `Alle aantallen zijn afgerond op ${base === 5 ? 'vijftallen' : `veelvouden van ${base}`}, en de percentages zijn berekend uit die afgeronde aantallen. Zo kan niemand door cijfers van elkaar af te trekken iets over één persoon te weten komen. Kleine verschillen tussen tabellen komen daardoor.`,
  unknown: (share, t, ground) =>
    `Van ${share === null ? `minder dan ${t} mensen` : `${share} van de mensen`} is ${ground} onbekend. Zij tellen niet mee in de percentages.`,
  missingDiagnosis: (n, share) =>
    `${n} mensen (${share}) hebben nog geen diagnoseadvies. Zij tellen bij "diagnose kort" als niet kort.`,
  withoutConversation: (n) =>
    `Bij ${n} mensen staat geen enkel gesprek geregistreerd. Dat kan een echte achterstand zijn, of een gat in de registratie.`,
  rejected: (n) => `${n} regels uit het bestand zijn niet meegeteld, omdat ze fouten bevatten (zie de foutenlijst).`,
  allShown: 'De aantallen zijn groot genoeg om alle cijfers te tonen.',
  limits: [
    'De cijfers laten zien óf groepen verschillen, niet waaróm. Een verschil kan ook komen door iets anders dat met de groep samenhangt, zoals opleiding, taal of gezondheid. Kijk daarvoor bij de vergelijking "rekening houdend met".',
    'De percentages gaan alleen over mensen van wie het kenmerk bekend is.',
  ],
  migrationLimit:
    'De indeling naar migratieachtergrond kent alleen de groepen in de tabel. Lees er geen andere groepen in: statushouders zijn bijvoorbeeld een apart kenmerk, geen groep in deze indeling.',
};

const EN: NarrativeTexts = {
  num: fmt('en-GB', 0),
  pct: (v) => `${fmt('en-GB', 0)(v)}%`,
  dec: fmt('en-GB', 2),
  titleStandout: 'What stands out',
  titleCalm: 'Where we see no clear difference',
  titleCertainty: 'How certain this is',
  titleLimits: 'What the figures do not show',
  headline: (pop, behind, ahead) =>
    behind > 0
      ? `${pop} people on social assistance: ${behind === 1 ? '1 group clearly falls' : `${behind} groups clearly fall`} behind.`
      : ahead > 0
        ? `${pop} people on social assistance: no group clearly falls behind.`
        : `${pop} people on social assistance: no clear differences in chances between groups.`,
  behind: (group, rate, description, rest, ratio) =>
    `${group}: ${rate} ${description}, against ${rest} of the others (${ratio} times as often).`,
  alsoBehind: (stages) => `This group also falls behind at ${list(stages, 'and')}.`,
  nobodyShould: 'Nobody should reach this stage.',
  noneBehind: 'No group clearly falls behind: the chances are close together, or the differences may be chance.',
  ahead: (groups) =>
    `${groups.length === 1 ? 'This group does' : 'These groups do'} clearly better than the others: ${list(groups, 'and')}.`,
  noDifference: (ground) => `By ${ground} we see no clear difference between the groups at any stage.`,
  uncertain: (group, stage, ratio, lower, upper) =>
    `${group} (${stage}): the difference looks large (${ratio} times as often), but may be chance. This group's chance lies somewhere between ${lower} and ${upper}. After correcting for the number of comparisons the difference is not clear. Do not draw conclusions from it yet.`,
  certainty: (p) =>
    p < 0.001
      ? 'This difference is almost certainly not chance.'
      : p < 0.01
        ? 'This difference is very probably not chance.'
        : 'This difference is probably not chance, but bear in mind that it may be.',
  small: (cells, t) =>
    `${cells} cells show "< ${t}": they concern fewer than ${t} people. To protect people we show no figures there.`,
  secondary: (cells) =>
    `${cells} cells show "x": the group is large enough, but with this figure you could work back a hidden small number. So we do not show it either.`,
  rounding: (base) =>
    `All counts are rounded to multiples of ${base}, and the percentages are computed from those rounded counts. That way nobody can learn anything about one person by subtracting figures. Small differences between tables come from this.`,
  unknown: (share, t, ground) =>
    `For ${share === null ? `fewer than ${t} people` : `${share} of the people`} the ${ground} is unknown. They do not count in the percentages.`,
  missingDiagnosis: (n, share) =>
    `${n} people (${share}) have no diagnosis advice yet. For "short diagnosis" they count as not short.`,
  withoutConversation: (n) =>
    `For ${n} people no conversation at all is recorded. That may be a real backlog, or a gap in the records.`,
  rejected: (n) => `${n} rows of the file were left out because they contain errors (see the list of errors).`,
  allShown: 'The numbers are large enough to show all figures.',
  limits: [
    'The figures show whether groups differ, not why. A difference may also come from something else linked to the group, such as education, language or health. See the comparison "taking into account" for that.',
    'The percentages only concern people whose characteristic is known.',
  ],
  migrationLimit:
    'The migration background classification only has the groups in the table. Do not read other groups into it: refugees with a permit, for example, are a separate characteristic, not a group in this classification.',
};

export const narrativeTexts = (lang: 'nl' | 'en'): NarrativeTexts => (lang === 'en' ? EN : NL);
