import { defineTexts } from '../../components/useTexts.js';

/** Texts of the deeper mirror page: Dutch (B1) first, English with the same keys. */
const nl = {
  title: 'Verdieping van de spiegel',
  intro:
    'Hier kijkt u verder dan één kenmerk: welke combinaties van kenmerken het meest afwijken, hoe lang het duurt tot een stap, en hoe de cijfers veranderen. Een afwijking is een reden om beter te kijken, geen oordeel.',
  back: 'Terug naar de spiegel',
  period: 'Periode',
  stage: 'Beslismoment',
  ground: 'Kenmerk',
  step: 'Stap',
  loading: 'Bezig met rekenen…',
  failed: 'Dit onderdeel kon niet worden opgehaald.',
  scanTitle: 'Subgroepen die afwijken',
  scanIntro:
    'Alle combinaties van twee en drie kenmerken (ook wijk en team). Een signaal betekent: de kans wijkt meer dan de marge 0,8–1,25 af van iedereen anders én van elk van de kenmerken apart, en dat blijft zo na correctie voor het aantal toetsen (Benjamini–Hochberg). Aantallen zijn afgerond op vijftallen.',
  scanTested: '{n} subgroepen getoetst.',
  subgroup: 'Subgroep',
  people: 'Mensen',
  reached: 'Bereikt',
  rate: 'Kans',
  ratio: 'Verhouding met iedereen anders',
  signal: 'Signaal',
  yes: 'Ja',
  no: 'Nee',
  evidence: 'Kleinste verschil dat te zien is',
  tooLittle: 'Te weinig gegevens om iets te zeggen',
  timeTitle: 'Tijd tot een stap',
  timeIntro:
    'Hoeveel procent van de mensen heeft de stap gezet, gerekend vanaf de start van de uitkering? Mensen die uitstroomden zonder de stap, of nog wachten, tellen mee tot dat moment (Kaplan–Meier).',
  timeChart: '{step} per {ground}: percentage dat de stap heeft gezet, per maand na de start van de uitkering',
  months: 'Maanden na de start',
  median: 'Mediaan (maanden)',
  interval: 'Interval',
  notHalf: 'minder dan de helft',
  logRank: 'Verschil tussen de groepen (log-rank-toets): p {p}.',
  openEnd: 'nog niet bekend',
  trendTitle: 'Trend over de jaren',
  trendIntro:
    'Dezelfde tabel per jaar. De verandering ten opzichte van het jaar ervoor staat erbij, met haar interval.',
  change: 'Verandering (procentpunt)',
  hidden: 'verborgen',
};

const en: { readonly [K in keyof typeof nl]: string } = {
  title: 'The mirror in depth',
  intro:
    'Here you look beyond one characteristic: which combinations differ most, how long a step takes, and how figures change. A difference is a reason to look closer, not a verdict.',
  back: 'Back to the mirror',
  period: 'Period',
  stage: 'Decision moment',
  ground: 'Characteristic',
  step: 'Step',
  loading: 'Computing…',
  failed: 'This part could not be fetched.',
  scanTitle: 'Subgroups that differ',
  scanIntro:
    'All combinations of two and three characteristics (including neighbourhood and team). A signal means: the rate differs beyond the band 0.8–1.25 from everyone else and from each characteristic on its own, and stays so after correcting for the number of tests (Benjamini–Hochberg). Counts are rounded to fives.',
  scanTested: '{n} subgroups tested.',
  subgroup: 'Subgroup',
  people: 'People',
  reached: 'Reached',
  rate: 'Rate',
  ratio: 'Ratio to everyone else',
  signal: 'Signal',
  yes: 'Yes',
  no: 'No',
  evidence: 'Smallest difference that can be seen',
  tooLittle: 'Too little data to say anything',
  timeTitle: 'Time to a step',
  timeIntro:
    'What percentage of people took the step, counted from the start of the benefit? People who left without the step, or are still waiting, count until that moment (Kaplan–Meier).',
  timeChart: '{step} by {ground}: percentage that took the step, per month after the start of the benefit',
  months: 'Months after the start',
  median: 'Median (months)',
  interval: 'Interval',
  notHalf: 'less than half',
  logRank: 'Difference between the groups (log-rank test): p {p}.',
  openEnd: 'not yet known',
  trendTitle: 'Trend over the years',
  trendIntro: 'The same table per year, with the change since the year before and its interval.',
  change: 'Change (percentage points)',
  hidden: 'hidden',
};

export const useVerdiepingTexts = defineTexts(nl, en);
export type VerdiepingText = ReturnType<typeof useVerdiepingTexts>;
