/**
 * Demodam's geography: the municipality, its neighbourhoods (wijken) with streets and postcode
 * ranges, and which team works which neighbourhood. Fictitious; CBS code GM9999.
 */
import type { Random } from './random.js';

export const MUNICIPALITY = { code: 'GM9999', name: 'Demodam' } as const;

/** The four area teams, in id order. */
export const TEAM_NAMES = ['Noord', 'Oost', 'Zuid', 'West'] as const;
export type TeamName = (typeof TEAM_NAMES)[number];

/** A neighbourhood with what the generator needs to place people there. */
export interface NeighbourhoodDef {
  code: string;
  name: string;
  team: TeamName;
  /** Share of the client population living here. */
  share: number;
  /** The four-digit postcode numbers in use here. */
  postcodes: readonly number[];
  streets: readonly string[];
}

/** The eight neighbourhoods, two per team. */
export const NEIGHBOURHOODS: readonly NeighbourhoodDef[] = [
  {
    code: 'WK999901',
    name: 'Centrum',
    team: 'Noord',
    share: 0.14,
    postcodes: [9901, 9902],
    streets: [
      'Marktstraat',
      'Kerkplein',
      'Hoogstraat',
      'Molenstraat',
      'Nieuwe Haven',
      'Lange Gracht',
      'Stationsweg',
      'Bleekstraat',
    ],
  },
  {
    code: 'WK999902',
    name: 'Molenveld',
    team: 'Noord',
    share: 0.12,
    postcodes: [9903, 9904],
    streets: [
      'Korenbloemstraat',
      'Zonnebloemstraat',
      'Molenveldlaan',
      'Wiekstraat',
      'Maalderij',
      'Graanhof',
      'Vlasakker',
    ],
  },
  {
    code: 'WK999903',
    name: 'Oosterhof',
    team: 'Oost',
    share: 0.13,
    postcodes: [9911, 9912],
    streets: [
      'Oosterhofweg',
      'Lijsterstraat',
      'Merelstraat',
      'Spreeuwenhof',
      'Kievitlaan',
      'Zwaluwstraat',
      'Reigerplein',
    ],
  },
  {
    code: 'WK999904',
    name: 'De Esch',
    team: 'Oost',
    share: 0.11,
    postcodes: [9913, 9914],
    streets: ['Eschweg', 'Essenlaan', 'Esdoornstraat', 'Brinkhof', 'Esmarkt', 'Haarweg', 'Hazelaarstraat'],
  },
  {
    code: 'WK999905',
    name: 'Zuiderpark',
    team: 'Zuid',
    share: 0.14,
    postcodes: [9921, 9922],
    streets: [
      'Parkweg',
      'Vijverlaan',
      'Rozenstraat',
      'Tulpstraat',
      'Narcissenhof',
      'Zuiderparklaan',
      'Seringenstraat',
      'Dahliastraat',
    ],
  },
  {
    code: 'WK999906',
    name: 'Boschmaten',
    team: 'Zuid',
    share: 0.12,
    postcodes: [9923, 9924],
    streets: ['Boschmatenweg', 'Eikenlaan', 'Beukenstraat', 'Berkenhof', 'Lindelaan', 'Populierenstraat', 'Wilgenweg'],
  },
  {
    code: 'WK999907',
    name: 'Havenkwartier',
    team: 'West',
    share: 0.12,
    postcodes: [9931, 9932],
    streets: [
      'Havenstraat',
      'Kadeweg',
      'Scheepmakerij',
      'Loodsplein',
      'Ankerstraat',
      'Zeilmakersstraat',
      'Bolderstraat',
    ],
  },
  {
    code: 'WK999908',
    name: 'Westerkwartier',
    team: 'West',
    share: 0.12,
    postcodes: [9933, 9934],
    streets: ['Westerweg', 'Dijkstraat', 'Polderlaan', 'Slotenhof', 'Gemaalstraat', 'Kanaalweg', 'Weidestraat'],
  },
];

/** Letters used in the letter part of Dutch postcodes (no SA, SD, SS). */
const LETTERS = 'ABCDEGHJKLMNPRSTVWXZ';

/** A street address in a neighbourhood: street, house number (sometimes with an addition) and postcode. */
export function drawAddress(
  rnd: Random,
  n: NeighbourhoodDef,
): { street: string; house_number: string; postcode: string } {
  const streetIndex = rnd.int(0, n.streets.length - 1);
  const number = rnd.int(1, 160);
  const addition = rnd.weighted([
    ['', 85],
    ['a', 6],
    ['b', 3],
    ['-1', 3],
    ['-2', 2],
    ['-3', 1],
  ]);
  const digits = n.postcodes[streetIndex % n.postcodes.length];
  let letters =
    LETTERS[(streetIndex * 3 + Math.floor(number / 40)) % LETTERS.length] + LETTERS[(number * 7) % LETTERS.length];
  if (letters === 'SA' || letters === 'SD' || letters === 'SS') letters = 'SB';
  return { street: n.streets[streetIndex], house_number: `${number}${addition}`, postcode: `${digits} ${letters}` };
}

/** Where conversations take place, per kind. */
export const LOCATIONS = {
  werkplein: 'Werkplein Demodam, Stationsweg 12',
  wijkcentrum: (neighbourhood: string) => `Wijkcentrum ${neighbourhood}`,
  thuis: 'Bij de klant thuis',
} as const;
