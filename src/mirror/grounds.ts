/**
 * Grounds (persoonskenmerken) the mirror compares groups on. A ground has an ordered list of
 * known groups; anything else is "onbekend" (counted, never in the shares).
 */
export interface GroundDef {
  key: string;
  label: string;
  /** Known groups in display order. */
  groups: readonly string[];
  /** Dutch display label per group (defaults to the group code). */
  groupLabels?: Readonly<Record<string, string>>;
  /** The default reference group for ratios and the adjusted comparison. */
  reference?: string;
  /** Special category (AVG art. 9): never shown to consultants. */
  special?: boolean;
}

export const UNKNOWN = 'onbekend';

export const GROUNDS: readonly GroundDef[] = [
  {
    key: 'geslacht',
    label: 'Geslacht',
    groups: ['vrouw', 'man', 'anders'],
    reference: 'man',
    groupLabels: { vrouw: 'Vrouw', man: 'Man', anders: 'Anders' },
  },
  {
    key: 'leeftijd',
    label: 'Leeftijd',
    groups: ['t/m 26', '27-44', '45+'],
    reference: '27-44',
    groupLabels: { 't/m 26': '26 jaar of jonger', '27-44': '27 tot 45 jaar', '45+': '45 jaar tot AOW-leeftijd' },
  },
  {
    key: 'leeftijd_fijn',
    label: 'Leeftijd (fijn)',
    groups: ['18-26', '27-34', '35-44', '45-54', '55+'],
    reference: '35-44',
  },
  {
    key: 'migratieachtergrond',
    label: 'Migratieachtergrond (CBS tot 2022)',
    groups: ['nederlands', 'westers', 'niet-westers'],
    reference: 'nederlands',
    special: true,
    groupLabels: {
      nederlands: 'Nederlands (geen migratieachtergrond)',
      westers: 'Westers',
      'niet-westers': 'Niet-westers',
    },
  },
  {
    key: 'herkomst',
    label: 'Herkomst (CBS vanaf 2022)',
    groups: ['nederland', 'europa', 'buiten-europa'],
    reference: 'nederland',
    special: true,
    groupLabels: { nederland: 'Nederland', europa: 'Europa (excl. Nederland)', 'buiten-europa': 'Buiten Europa' },
  },
  {
    key: 'migratie_enschede',
    label: 'Migratieachtergrond (uitgebreid, Enschede)',
    groups: ['geen', 'westers', 'niet-westers'],
    reference: 'geen',
    special: true,
    groupLabels: { geen: 'Geen migratieachtergrond', westers: 'Westers', 'niet-westers': 'Niet-westers' },
  },
  {
    key: 'statushouder',
    label: 'Statushouder',
    groups: ['ja', 'nee'],
    reference: 'nee',
    special: true,
    groupLabels: { ja: 'Statushouder', nee: 'Geen statushouder' },
  },
  {
    key: 'huishouden',
    label: 'Huishouden',
    groups: ['alleenstaand', 'eenouder', 'paar_met_kinderen', 'paar_zonder_kinderen', 'overig'],
    reference: 'alleenstaand',
    groupLabels: {
      alleenstaand: 'Alleenstaand',
      eenouder: 'Eenouder',
      paar_met_kinderen: 'Paar met kinderen',
      paar_zonder_kinderen: 'Paar zonder kinderen',
      overig: 'Overig',
    },
  },
  {
    key: 'doelgroepregister',
    label: 'Doelgroepregister',
    groups: ['ja', 'nee'],
    reference: 'nee',
    groupLabels: { ja: 'In het doelgroepregister', nee: 'Niet in het doelgroepregister' },
  },
  {
    key: 'opleiding',
    label: 'Opleidingsniveau',
    groups: ['geen_basis', 'vmbo_mbo1', 'startkwalificatie', 'hbo_wo'],
    reference: 'startkwalificatie',
    groupLabels: {
      geen_basis: 'Geen of basisonderwijs',
      vmbo_mbo1: 'Vmbo / mbo 1',
      startkwalificatie: 'Startkwalificatie (havo, vwo, mbo 2-4)',
      hbo_wo: 'Hbo / wo',
    },
  },
  {
    key: 'taalniveau',
    label: 'Nederlandse taal',
    groups: ['onder_b1', 'b1_of_hoger'],
    reference: 'b1_of_hoger',
    groupLabels: { onder_b1: 'Onder B1', b1_of_hoger: 'B1 of hoger' },
  },
  {
    key: 'werkervaring',
    label: 'Werkervaring',
    groups: ['geen', 'buitenland', 'nederland'],
    reference: 'nederland',
    groupLabels: { geen: 'Geen', buitenland: 'Alleen buitenland', nederland: 'In Nederland' },
  },
  {
    key: 'gezondheid',
    label: 'Gezondheidsbeperking',
    groups: ['ja', 'nee'],
    reference: 'nee',
    special: true,
    groupLabels: { ja: 'Met beperking', nee: 'Zonder beperking' },
  },
];

/** Age bands have one home (src/domain/age.ts): ≤ 26, 27–44, 45+ as CBS and the Gelijke Kansenspiegel use them. */
export { ageBand, ageBandGroups, fineAgeBand } from '../domain/age.js';

export function groundDef(key: string, extra: readonly GroundDef[] = []): GroundDef | undefined {
  return [...extra, ...GROUNDS].find((g) => g.key === key);
}

export const groupLabel = (g: GroundDef, group: string): string =>
  group === UNKNOWN ? 'Onbekend' : (g.groupLabels?.[group] ?? group);
