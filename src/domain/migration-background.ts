/**
 * Migration background in three definitions, as pure functions over birth countries,
 * nationality and self-reported cultural background. Country groups come from the data in
 * countries.ts; this module only decides whose country counts.
 *
 * Input rules, the same for all three definitions:
 * - Country values are ISO 3166-1 alpha-2 codes matched exactly (see lookupCountry): a value
 *   that is not a known upper-case code ('ma', 'MAR', '', a typo) counts as unknown. The
 *   functions never throw on bad data; importers validate with isKnownCountry and report.
 * - A definition's category is never guessed: when the facts the definition needs are
 *   missing, the answer is 'onbekend'.
 * - Statushouder is not derived here: it is a registered fact, not a matter of origin.
 */
import { lookupCountry, type Country } from './countries.js';

/** Facts about one person. Any of them may be missing (undefined or null = unknown). */
export interface MigrationInput {
  birthCountry?: string | null;
  motherBirthCountry?: string | null;
  fatherBirthCountry?: string | null;
  nationality?: string | null;
  /**
   * Self-reported cultural backgrounds, several allowed (questionnaire). Values are codes from
   * CULTURAL_BACKGROUNDS ('nederlands', 'turks', ...) or upper-case country codes ('TR').
   * An empty list or null means the question was not answered.
   */
  culturalBackgrounds?: readonly string[] | null;
}

const NL = 'NL';

type Place = { kind: 'nl' } | { kind: 'abroad'; country: Country } | { kind: 'unknown' };

function place(code: string | null | undefined): Place {
  const country = lookupCountry(code);
  if (country === null) return { kind: 'unknown' };
  return country.code === NL ? { kind: 'nl' } : { kind: 'abroad', country };
}

/** Which birth country decided the origin. */
export type OriginBasis = 'eigen-geboorteland' | 'moeder' | 'vader' | 'ouders';

/**
 * For someone born in the Netherlands: the parent whose birth country decides the origin.
 * CBS: "Wanneer beide ouders in het buitenland zijn geboren, is het geboorteland van de moeder
 * leidend ... Wanneer de moeder in Nederland is geboren of het geboorteland van de moeder
 * onbekend is, dan wordt het geboorteland van de vader gebruikt."
 * (https://www.cbs.nl/nl-nl/onze-diensten/methoden/begrippen/herkomstland). The rule before
 * 2022 was the same ("het geboorteland van de moeder, tenzij dat ook Nederland is. In dat
 * geval ... de vader"); it did not spell out an unknown mother, and we apply the 2022 wording.
 */
function deciding(mother: Place, father: Place): { basis: 'moeder' | 'vader'; country: Country } | null {
  if (mother.kind === 'abroad') return { basis: 'moeder', country: mother.country };
  if (father.kind === 'abroad') return { basis: 'vader', country: father.country };
  return null;
}

// ---------------------------------------------------------------------------------------------
// CBS until 2022

/** Category in the CBS definition used until 2022. */
export type CbsBefore2022Category = 'nederlands' | 'westers' | 'niet-westers' | 'onbekend';

/** Migration generation in the CBS definition used until 2022. */
export type Generation = 'eerste' | 'tweede';

export interface CbsBefore2022Result {
  readonly category: CbsBefore2022Category;
  /** 'eerste' (born abroad) or 'tweede' (born in NL); null for 'nederlands' and 'onbekend'. */
  readonly generation: Generation | null;
  /** The country the category was derived from ('NL' for 'nederlands'); null for 'onbekend'. */
  readonly country: string | null;
  /** Whose birth country that is; null for 'onbekend'. */
  readonly basis: OriginBasis | null;
}

const UNKNOWN_BEFORE_2022: CbsBefore2022Result = { category: 'onbekend', generation: null, country: null, basis: null };

function before2022Group(generation: Generation, basis: OriginBasis, country: Country): CbsBefore2022Result {
  const group = country.cbsBefore2022;
  if (group !== 'westers' && group !== 'niet-westers') return UNKNOWN_BEFORE_2022;
  return { category: group, generation, country: country.code, basis };
}

/**
 * Migration background as CBS defined it until 2022 ("migratieachtergrond").
 *
 * Definition (CBS): a person has a migration background when at least one parent was born
 * abroad; first generation when born abroad, second generation when born in the Netherlands.
 * A person whose parents were both born in the Netherlands has a Dutch background, wherever
 * they were born themselves ("Een autochtoon is een persoon van wie de beide ouders in
 * Nederland zijn geboren, ongeacht het land waar men zelf is geboren", CBS 2015). The origin
 * country is the own birth country (first generation), else the mother's birth country unless
 * she was born in the Netherlands, else the father's. Western: Europe except Turkey, North
 * America, Oceania, Indonesia and Japan; non-western: Africa, Latin America, Asia except
 * Indonesia and Japan, and Turkey (data in countries.ts).
 *
 * Decisions where facts are missing:
 * - own birth country unknown: 'onbekend';
 * - born in NL, and no parent known to be born abroad while not both are known to be born in
 *   NL (one or both unknown): 'onbekend'. CBS reads the parents from the population register;
 *   we have no such fallback, and self-reported background is not part of this definition;
 * - born abroad, with a parent whose birth country is unknown and no parent known to be born
 *   abroad: first generation, own birth country. This presumes the unknown parent was born
 *   abroad; the alternative (both parents born in NL) is rare and would usually be registered.
 *   Only when both parents are known to be born in NL is the person 'nederlands'.
 */
export function cbsBefore2022(p: MigrationInput): CbsBefore2022Result {
  const self = place(p.birthCountry);
  const mother = place(p.motherBirthCountry);
  const father = place(p.fatherBirthCountry);
  const bothParentsNl = mother.kind === 'nl' && father.kind === 'nl';

  if (self.kind === 'unknown') return UNKNOWN_BEFORE_2022;
  if (bothParentsNl) return { category: 'nederlands', generation: null, country: NL, basis: 'ouders' };
  if (self.kind === 'abroad') return before2022Group('eerste', 'eigen-geboorteland', self.country);
  const parent = deciding(mother, father);
  return parent === null ? UNKNOWN_BEFORE_2022 : before2022Group('tweede', parent.basis, parent.country);
}

// ---------------------------------------------------------------------------------------------
// CBS from 2022

/** Category in the CBS origin classification used from 2022 (herkomst, main level). */
export type CbsFrom2022Category = 'nederland' | 'europa' | 'buiten-europa' | 'onbekend';

export interface CbsFrom2022Result {
  readonly category: CbsFrom2022Category;
  /** 'migrant' (born abroad) or 'kind-van-migrant' (born in NL); null otherwise. */
  readonly migrant: 'migrant' | 'kind-van-migrant' | null;
  /** Herkomstland ('NL' for 'nederland'); null for 'onbekend'. */
  readonly country: string | null;
  /** Whose birth country that is; null for 'onbekend'. */
  readonly basis: OriginBasis | null;
}

const UNKNOWN_FROM_2022: CbsFrom2022Result = { category: 'onbekend', migrant: null, country: null, basis: null };

function from2022Group(
  migrant: 'migrant' | 'kind-van-migrant',
  basis: OriginBasis,
  country: Country,
): CbsFrom2022Result {
  const group = country.cbsFrom2022;
  if (group !== 'europa' && group !== 'buiten-europa') return UNKNOWN_FROM_2022;
  return { category: group, migrant, country: country.code, basis };
}

/**
 * Origin as CBS classifies it from 2022 (herkomst: Nederland / Europa exclusief Nederland /
 * buiten Europa).
 *
 * Definition (CBS, begrip "Herkomstland"): the origin of a person born abroad is their own
 * birth country, whatever the parents' (a "migrant"; unlike before 2022, this includes people
 * born abroad to two Dutch-born parents). For a person born in the Netherlands it is the
 * parents' birth country: the mother's if she was born abroad, otherwise (mother born in NL or
 * unknown) the father's (a "kind van migrant(en)"). Born in NL with both parents born in NL:
 * Nederlandse herkomst. Turkey, Suriname and the Dutch Caribbean (including Caribisch
 * Nederland) are outside Europe. Sources: https://www.cbs.nl/nl-nl/onze-diensten/methoden/begrippen/herkomstland
 * and https://www.cbs.nl/nl-nl/nieuws/2022/07/cbs-introduceert-nieuwe-indeling-bevolking-naar-herkomst
 *
 * Missing facts: own birth country unknown, or born in NL without a parent known to be born
 * abroad and without both known to be born in NL: 'onbekend'.
 */
export function cbsFrom2022(p: MigrationInput): CbsFrom2022Result {
  const self = place(p.birthCountry);
  const mother = place(p.motherBirthCountry);
  const father = place(p.fatherBirthCountry);

  if (self.kind === 'unknown') return UNKNOWN_FROM_2022;
  if (self.kind === 'abroad') return from2022Group('migrant', 'eigen-geboorteland', self.country);
  const parent = deciding(mother, father);
  if (parent !== null) return from2022Group('kind-van-migrant', parent.basis, parent.country);
  if (mother.kind === 'nl' && father.kind === 'nl')
    return { category: 'nederland', migrant: null, country: NL, basis: 'ouders' };
  return UNKNOWN_FROM_2022;
}

// ---------------------------------------------------------------------------------------------
// Enschede extended definition

/** A self-reported background answer option: either Dutch, a country, or a group of countries. */
export interface CulturalBackground {
  readonly label: string;
  /** The country this background points to; its group comes from countries.ts. */
  readonly country?: string;
  /**
   * For a background that is not one country: the group it belongs to. Only used when every
   * country it can point to falls in that group (e.g. Kurdish: Turkey, Iraq, Iran, Syria).
   */
  readonly group?: 'westers' | 'niet-westers';
}

/**
 * Self-reported cultural background codes understood by the Enschede definition, keyed by code
 * (lower case, without diacritics; input is matched after lower-casing and removing
 * diacritics, so 'Curaçaos' matches 'curacaos'). Upper-case country codes ('TR') are accepted
 * too, and 'NL' means Dutch. Backgrounds that could point to both a western and a non-western
 * origin (e.g. Javanese: Indonesia or Suriname; Jewish; Roma) are deliberately absent: they
 * establish no link. Extend this list with the questionnaire's answer options.
 */
export const CULTURAL_BACKGROUNDS: Readonly<Record<string, CulturalBackground>> = {
  nederlands: { label: 'Nederlands', country: NL },
  turks: { label: 'Turks', country: 'TR' },
  marokkaans: { label: 'Marokkaans', country: 'MA' },
  surinaams: { label: 'Surinaams', country: 'SR' },
  hindoestaans: { label: 'Hindoestaans', group: 'niet-westers' },
  antilliaans: { label: 'Antilliaans', country: 'AN' },
  arubaans: { label: 'Arubaans', country: 'AW' },
  curacaos: { label: 'Curaçaos', country: 'CW' },
  indonesisch: { label: 'Indonesisch', country: 'ID' },
  indisch: { label: 'Indisch', country: 'ID' },
  moluks: { label: 'Moluks', country: 'ID' },
  kaapverdisch: { label: 'Kaapverdisch', country: 'CV' },
  syrisch: { label: 'Syrisch', country: 'SY' },
  eritrees: { label: 'Eritrees', country: 'ER' },
  somalisch: { label: 'Somalisch', country: 'SO' },
  ethiopisch: { label: 'Ethiopisch', country: 'ET' },
  afghaans: { label: 'Afghaans', country: 'AF' },
  iraaks: { label: 'Iraaks', country: 'IQ' },
  iraans: { label: 'Iraans', country: 'IR' },
  koerdisch: { label: 'Koerdisch', group: 'niet-westers' },
  arabisch: { label: 'Arabisch', group: 'niet-westers' },
  amazigh: { label: 'Amazigh (Berbers)', group: 'niet-westers' },
  berbers: { label: 'Berbers', group: 'niet-westers' },
  egyptisch: { label: 'Egyptisch', country: 'EG' },
  algerijns: { label: 'Algerijns', country: 'DZ' },
  tunesisch: { label: 'Tunesisch', country: 'TN' },
  ghanees: { label: 'Ghanees', country: 'GH' },
  nigeriaans: { label: 'Nigeriaans', country: 'NG' },
  pakistaans: { label: 'Pakistaans', country: 'PK' },
  indiaas: { label: 'Indiaas', country: 'IN' },
  chinees: { label: 'Chinees', country: 'CN' },
  vietnamees: { label: 'Vietnamees', country: 'VN' },
  filipijns: { label: 'Filipijns', country: 'PH' },
  thais: { label: 'Thais', country: 'TH' },
  braziliaans: { label: 'Braziliaans', country: 'BR' },
  colombiaans: { label: 'Colombiaans', country: 'CO' },
  japans: { label: 'Japans', country: 'JP' },
  duits: { label: 'Duits', country: 'DE' },
  belgisch: { label: 'Belgisch', country: 'BE' },
  brits: { label: 'Brits', country: 'GB' },
  iers: { label: 'Iers', country: 'IE' },
  frans: { label: 'Frans', country: 'FR' },
  spaans: { label: 'Spaans', country: 'ES' },
  portugees: { label: 'Portugees', country: 'PT' },
  italiaans: { label: 'Italiaans', country: 'IT' },
  grieks: { label: 'Grieks', country: 'GR' },
  pools: { label: 'Pools', country: 'PL' },
  roemeens: { label: 'Roemeens', country: 'RO' },
  bulgaars: { label: 'Bulgaars', country: 'BG' },
  hongaars: { label: 'Hongaars', country: 'HU' },
  oekraiens: { label: 'Oekraïens', country: 'UA' },
  russisch: { label: 'Russisch', country: 'RU' },
  joegoslavisch: { label: 'Joegoslavisch', country: 'YU' },
  servisch: { label: 'Servisch', country: 'RS' },
  bosnisch: { label: 'Bosnisch', country: 'BA' },
  kroatisch: { label: 'Kroatisch', country: 'HR' },
  kosovaars: { label: 'Kosovaars', country: 'XK' },
  albanees: { label: 'Albanees', country: 'AL' },
  amerikaans: { label: 'Amerikaans (Verenigde Staten)', country: 'US' },
  canadees: { label: 'Canadees', country: 'CA' },
  australisch: { label: 'Australisch', country: 'AU' },
};

type ReadBackground =
  { kind: 'dutch' } | { kind: 'link'; group: 'westers' | 'niet-westers' } | { kind: 'unrecognised' };

function readBackground(value: string): ReadBackground {
  const trimmed = value.trim();
  const direct = lookupCountry(trimmed);
  const key = trimmed.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  const entry = direct === null && Object.hasOwn(CULTURAL_BACKGROUNDS, key) ? CULTURAL_BACKGROUNDS[key] : undefined;
  const country = direct ?? (entry?.country === undefined ? null : lookupCountry(entry.country));
  if (country?.code === NL) return { kind: 'dutch' };
  const group = country === null ? entry?.group : country.cbsBefore2022;
  if (group === 'westers' || group === 'niet-westers') return { kind: 'link', group };
  return { kind: 'unrecognised' };
}

/** Category in the extended definition of the Enschede study. */
export type EnschedeCategory = 'geen' | 'westers' | 'niet-westers' | 'onbekend';

/** A fact that links a person to a western or non-western background. */
export interface EnschedeLink {
  readonly source: 'zelfrapportage' | 'geboorteland' | 'geboorteland-moeder' | 'geboorteland-vader' | 'nationaliteit';
  /** The value as given (a background code or a country code). */
  readonly value: string;
  readonly group: 'westers' | 'niet-westers';
}

export interface EnschedeResult {
  readonly category: EnschedeCategory;
  /** Every link found, whatever the category (for explanation and checks). */
  readonly links: readonly EnschedeLink[];
  /** Self-reported values not in CULTURAL_BACKGROUNDS and not a country code. */
  readonly unrecognised: readonly string[];
}

/**
 * Migration background in the extended definition of the Enschede study (Verwey-Jonker
 * Instituut, 2019): self-reported cultural background (several allowed), own and parents'
 * birth countries, and nationality, combined.
 *
 * The study: "Vervolgens hebben wij de mensen die op deze vraag alleen de Nederlandse
 * achtergrond aankruisten en die geboren waren in Nederland in de groep zonder
 * migratieachtergrond ingedeeld. Alle respondenten die op de een of andere manier
 * (zelfrapportage over achtergrond, zelfrapportage over geboorteland moeder en vader,
 * zelfrapportage over eigen geboorteland en gegeven nationaliteit in het bestand van de
 * gemeente) gelinkt konden worden aan een westerse of een niet-westerse migratieachtergrond
 * hebben we vervolgens in de groep westers (zie hoofdstuk 3) of niet-westers ingedeeld."
 *
 * In rules, in this order:
 * 1. No self-reported background at all (question not answered): 'onbekend'. The definition is
 *    built on the questionnaire; classifying non-respondents only when they have a foreign link
 *    would fill the migrant groups and leave the reference group empty.
 * 2. Only Dutch reported ('nederlands' or 'NL', once or more) and born in NL: 'geen'. Read
 *    literally, these two facts suffice: parents' birth countries and nationality do not
 *    override a person's own answer here.
 * 3. Otherwise, every link counts: a self-reported non-Dutch background, and an own or parent's
 *    birth country or a nationality other than NL, each grouped by the CBS classification until
 *    2022. Linked to a non-western background at all, also when also linked to a western one:
 *    'niet-westers'. The study counts double backgrounds this way: "als je mensen zelf laat
 *    benoemen wat voor achtergrond zij hebben en dubbele achtergrond in ogenschouw neemt, het
 *    percentage mensen met een niet-westerse achtergrond hoger is dan wanneer je de
 *    CBS-definitie als uitgangspunt neemt". Only western links: 'westers'.
 * 4. No link (e.g. only Dutch reported but own birth country unknown, or an unrecognised
 *    self-reported value and nothing else): 'onbekend'.
 */
export function enschedeExtended(p: MigrationInput): EnschedeResult {
  const reported = p.culturalBackgrounds ?? [];
  const links: EnschedeLink[] = [];
  const unrecognised: string[] = [];
  let onlyDutch = reported.length > 0;
  for (const value of reported) {
    const read = readBackground(value);
    if (read.kind !== 'dutch') onlyDutch = false;
    if (read.kind === 'link') links.push({ source: 'zelfrapportage', value, group: read.group });
    if (read.kind === 'unrecognised') unrecognised.push(value);
  }
  const facts: readonly [EnschedeLink['source'], string | null | undefined][] = [
    ['geboorteland', p.birthCountry],
    ['geboorteland-moeder', p.motherBirthCountry],
    ['geboorteland-vader', p.fatherBirthCountry],
    ['nationaliteit', p.nationality],
  ];
  for (const [source, code] of facts) {
    const where = place(code);
    if (where.kind !== 'abroad') continue;
    const group = where.country.cbsBefore2022;
    if (group === 'westers' || group === 'niet-westers') links.push({ source, value: where.country.code, group });
  }

  const result = (category: EnschedeCategory): EnschedeResult => ({ category, links, unrecognised });
  if (reported.length === 0) return result('onbekend');
  if (onlyDutch && place(p.birthCountry).kind === 'nl') return result('geen');
  if (links.some((l) => l.group === 'niet-westers')) return result('niet-westers');
  if (links.length > 0) return result('westers');
  return result('onbekend');
}

// ---------------------------------------------------------------------------------------------

/** The category in each of the three definitions, as the mirror's grounds use them. */
export interface MigrationClassification {
  readonly cbsBefore2022: CbsBefore2022Category;
  readonly cbsFrom2022: CbsFrom2022Category;
  readonly enschede: EnschedeCategory;
}

/** All three definitions for one person (categories only); see the functions above. */
export function classifyAll(p: MigrationInput): MigrationClassification {
  return {
    cbsBefore2022: cbsBefore2022(p).category,
    cbsFrom2022: cbsFrom2022(p).category,
    enschede: enschedeExtended(p).category,
  };
}
