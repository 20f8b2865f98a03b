/**
 * Countries and the two CBS origin classifications, as data.
 *
 * Every officially assigned ISO 3166-1 alpha-2 code (249),
 * plus 'XK' (Kosovo: a user-assigned code, used by the EU and in many registers) and a few
 * withdrawn codes that still occur as birth countries in older records (see HISTORIC_ROWS).
 * Dutch names follow CLDR (Unicode Common Locale Data Repository), a few adjusted (HK, MO, MM,
 * SX, BQ).
 *
 * Continent ('werelddeel') follows the UN M49 geoscheme, with one deviation: Cyprus is placed
 * in Europe (an EU member state; UN M49 has it in Western Asia). UN M49's "Latin America and
 * the Caribbean" is 'Latijns-Amerika', its "Northern America" is 'Noord-Amerika'.
 *
 * (a) CBS until 2022 (migratieachtergrond, westers / niet-westers). CBS: "De groep Westerse
 *     landen bestaat uit alle landen in Europa (exclusief Turkije), Noord-Amerika en Oceanië,
 *     Indonesië en Japan." Niet-westers: "Turkije of een land in Afrika, Azië (met uitzondering
 *     van Indonesië en Japan) of Latijns-Amerika." Sources:
 *     https://www.cbs.nl/nl-nl/nieuws/2016/34/aantal-kinderen-in-bijstandsgezinnen-groeit/overige-niet-westerse-landen
 *     https://www.cbs.nl/nl-nl/nieuws/2007/46/niet-werkenden-in-aandachtswijken-willen-vaak-aan-de-slag/niet-westers-allochtoon
 *     Suriname and the (former) Netherlands Antilles and Aruba are Latin America: niet-westers.
 *
 * (b) CBS from 2022 (herkomstland). CBS, begrip "Herkomstland":
 *     https://www.cbs.nl/nl-nl/onze-diensten/methoden/begrippen/herkomstland
 *     Main classification: 1 Nederland; 2 Europa (exclusief Nederland); 3 Buiten-Europa, with
 *     3.1 Turkije, 3.2 Marokko, 3.3 Suriname, 3.4 Nederlandse Cariben, 3.5 Indonesië, and
 *     "Azië (exclusief Indonesië en Turkije)". So Turkey is outside Europe (and counted with
 *     Asia), and Suriname and the Dutch Caribbean (Aruba, Curaçao, Sint Maarten and Caribisch
 *     Nederland: Bonaire, Sint Eustatius, Saba) are outside Europe. Caribisch Nederland is a
 *     separate birth country for CBS, not "Nederland".
 *
 * Doubt: CBS's page names the main groups but does not list which country belongs to which
 * continent. Where CBS's own placement could not be checked, the row carries a note (Cyprus,
 * Russia, the Caucasus states, Kazakhstan, Greenland, the Soviet Union). Changing such a
 * placement is a change of one row here.
 */

/** Continent (werelddeel) of a country, UN M49 with Cyprus in Europe. */
export type Region = 'Europa' | 'Afrika' | 'Azië' | 'Noord-Amerika' | 'Latijns-Amerika' | 'Oceanië' | 'Antarctica';

/** Origin group of a country in the CBS classification used until 2022. */
export type CbsBefore2022Origin = 'nederlands' | 'westers' | 'niet-westers';

/** Origin group of a country in the CBS classification used from 2022 (herkomstland). */
export type CbsFrom2022Origin = 'nederland' | 'europa' | 'buiten-europa';

/** One country or territory with its classifications. */
export interface Country {
  /** ISO 3166-1 alpha-2, upper case (or one of the listed historic / user-assigned codes). */
  readonly code: string;
  /** Dutch name. */
  readonly name: string;
  readonly region: Region;
  /**
   * Group in the CBS classification until 2022; null only for Antarctica, which the
   * definition does not place (no continent in it, no permanent population).
   */
  readonly cbsBefore2022: CbsBefore2022Origin | null;
  /** Group in the CBS classification from 2022; null only for Antarctica, as above. */
  readonly cbsFrom2022: CbsFrom2022Origin | null;
  /** A code withdrawn from ISO 3166-1 that still occurs as a birth country in old records. */
  readonly historic: boolean;
  /** Why a placement is doubtful or deviates from a plain reading, if it does. */
  readonly note: string | null;
}

type Row = readonly [
  code: string,
  name: string,
  region: Region,
  before2022: CbsBefore2022Origin | null,
  from2022: CbsFrom2022Origin | null,
];

/** Current codes. Columns: code, Dutch name, continent, CBS until 2022, CBS from 2022. */
const ROWS: readonly Row[] = [
  ['AD', 'Andorra', 'Europa', 'westers', 'europa'],
  ['AE', 'Verenigde Arabische Emiraten', 'Azië', 'niet-westers', 'buiten-europa'],
  ['AF', 'Afghanistan', 'Azië', 'niet-westers', 'buiten-europa'],
  ['AG', 'Antigua en Barbuda', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['AI', 'Anguilla', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['AL', 'Albanië', 'Europa', 'westers', 'europa'],
  ['AM', 'Armenië', 'Azië', 'niet-westers', 'buiten-europa'],
  ['AO', 'Angola', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['AQ', 'Antarctica', 'Antarctica', null, null],
  ['AR', 'Argentinië', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['AS', 'Amerikaans-Samoa', 'Oceanië', 'westers', 'buiten-europa'],
  ['AT', 'Oostenrijk', 'Europa', 'westers', 'europa'],
  ['AU', 'Australië', 'Oceanië', 'westers', 'buiten-europa'],
  ['AW', 'Aruba', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['AX', 'Åland', 'Europa', 'westers', 'europa'],
  ['AZ', 'Azerbeidzjan', 'Azië', 'niet-westers', 'buiten-europa'],
  ['BA', 'Bosnië en Herzegovina', 'Europa', 'westers', 'europa'],
  ['BB', 'Barbados', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['BD', 'Bangladesh', 'Azië', 'niet-westers', 'buiten-europa'],
  ['BE', 'België', 'Europa', 'westers', 'europa'],
  ['BF', 'Burkina Faso', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['BG', 'Bulgarije', 'Europa', 'westers', 'europa'],
  ['BH', 'Bahrein', 'Azië', 'niet-westers', 'buiten-europa'],
  ['BI', 'Burundi', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['BJ', 'Benin', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['BL', 'Saint-Barthélemy', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['BM', 'Bermuda', 'Noord-Amerika', 'westers', 'buiten-europa'],
  ['BN', 'Brunei', 'Azië', 'niet-westers', 'buiten-europa'],
  ['BO', 'Bolivia', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['BQ', 'Caribisch Nederland (Bonaire, Sint Eustatius en Saba)', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['BR', 'Brazilië', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['BS', "Bahama's", 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['BT', 'Bhutan', 'Azië', 'niet-westers', 'buiten-europa'],
  ['BV', 'Bouveteiland', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['BW', 'Botswana', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['BY', 'Belarus', 'Europa', 'westers', 'europa'],
  ['BZ', 'Belize', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['CA', 'Canada', 'Noord-Amerika', 'westers', 'buiten-europa'],
  ['CC', 'Cocoseilanden', 'Oceanië', 'westers', 'buiten-europa'],
  ['CD', 'Congo-Kinshasa', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['CF', 'Centraal-Afrikaanse Republiek', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['CG', 'Congo-Brazzaville', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['CH', 'Zwitserland', 'Europa', 'westers', 'europa'],
  ['CI', 'Ivoorkust', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['CK', 'Cookeilanden', 'Oceanië', 'westers', 'buiten-europa'],
  ['CL', 'Chili', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['CM', 'Kameroen', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['CN', 'China', 'Azië', 'niet-westers', 'buiten-europa'],
  ['CO', 'Colombia', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['CR', 'Costa Rica', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['CU', 'Cuba', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['CV', 'Kaapverdië', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['CW', 'Curaçao', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['CX', 'Christmaseiland', 'Oceanië', 'westers', 'buiten-europa'],
  ['CY', 'Cyprus', 'Europa', 'westers', 'europa'],
  ['CZ', 'Tsjechië', 'Europa', 'westers', 'europa'],
  ['DE', 'Duitsland', 'Europa', 'westers', 'europa'],
  ['DJ', 'Djibouti', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['DK', 'Denemarken', 'Europa', 'westers', 'europa'],
  ['DM', 'Dominica', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['DO', 'Dominicaanse Republiek', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['DZ', 'Algerije', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['EC', 'Ecuador', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['EE', 'Estland', 'Europa', 'westers', 'europa'],
  ['EG', 'Egypte', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['EH', 'Westelijke Sahara', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['ER', 'Eritrea', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['ES', 'Spanje', 'Europa', 'westers', 'europa'],
  ['ET', 'Ethiopië', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['FI', 'Finland', 'Europa', 'westers', 'europa'],
  ['FJ', 'Fiji', 'Oceanië', 'westers', 'buiten-europa'],
  ['FK', 'Falklandeilanden', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['FM', 'Micronesia', 'Oceanië', 'westers', 'buiten-europa'],
  ['FO', 'Faeröer', 'Europa', 'westers', 'europa'],
  ['FR', 'Frankrijk', 'Europa', 'westers', 'europa'],
  ['GA', 'Gabon', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['GB', 'Verenigd Koninkrijk', 'Europa', 'westers', 'europa'],
  ['GD', 'Grenada', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['GE', 'Georgië', 'Azië', 'niet-westers', 'buiten-europa'],
  ['GF', 'Frans-Guyana', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['GG', 'Guernsey', 'Europa', 'westers', 'europa'],
  ['GH', 'Ghana', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['GI', 'Gibraltar', 'Europa', 'westers', 'europa'],
  ['GL', 'Groenland', 'Noord-Amerika', 'westers', 'buiten-europa'],
  ['GM', 'Gambia', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['GN', 'Guinee', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['GP', 'Guadeloupe', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['GQ', 'Equatoriaal-Guinea', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['GR', 'Griekenland', 'Europa', 'westers', 'europa'],
  ['GS', 'Zuid-Georgia en Zuidelijke Sandwicheilanden', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['GT', 'Guatemala', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['GU', 'Guam', 'Oceanië', 'westers', 'buiten-europa'],
  ['GW', 'Guinee-Bissau', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['GY', 'Guyana', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['HK', 'Hongkong', 'Azië', 'niet-westers', 'buiten-europa'],
  ['HM', 'Heard en McDonaldeilanden', 'Oceanië', 'westers', 'buiten-europa'],
  ['HN', 'Honduras', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['HR', 'Kroatië', 'Europa', 'westers', 'europa'],
  ['HT', 'Haïti', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['HU', 'Hongarije', 'Europa', 'westers', 'europa'],
  ['ID', 'Indonesië', 'Azië', 'westers', 'buiten-europa'],
  ['IE', 'Ierland', 'Europa', 'westers', 'europa'],
  ['IL', 'Israël', 'Azië', 'niet-westers', 'buiten-europa'],
  ['IM', 'Isle of Man', 'Europa', 'westers', 'europa'],
  ['IN', 'India', 'Azië', 'niet-westers', 'buiten-europa'],
  ['IO', 'Brits Indische Oceaanterritorium', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['IQ', 'Irak', 'Azië', 'niet-westers', 'buiten-europa'],
  ['IR', 'Iran', 'Azië', 'niet-westers', 'buiten-europa'],
  ['IS', 'IJsland', 'Europa', 'westers', 'europa'],
  ['IT', 'Italië', 'Europa', 'westers', 'europa'],
  ['JE', 'Jersey', 'Europa', 'westers', 'europa'],
  ['JM', 'Jamaica', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['JO', 'Jordanië', 'Azië', 'niet-westers', 'buiten-europa'],
  ['JP', 'Japan', 'Azië', 'westers', 'buiten-europa'],
  ['KE', 'Kenia', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['KG', 'Kirgizië', 'Azië', 'niet-westers', 'buiten-europa'],
  ['KH', 'Cambodja', 'Azië', 'niet-westers', 'buiten-europa'],
  ['KI', 'Kiribati', 'Oceanië', 'westers', 'buiten-europa'],
  ['KM', 'Comoren', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['KN', 'Saint Kitts en Nevis', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['KP', 'Noord-Korea', 'Azië', 'niet-westers', 'buiten-europa'],
  ['KR', 'Zuid-Korea', 'Azië', 'niet-westers', 'buiten-europa'],
  ['KW', 'Koeweit', 'Azië', 'niet-westers', 'buiten-europa'],
  ['KY', 'Kaaimaneilanden', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['KZ', 'Kazachstan', 'Azië', 'niet-westers', 'buiten-europa'],
  ['LA', 'Laos', 'Azië', 'niet-westers', 'buiten-europa'],
  ['LB', 'Libanon', 'Azië', 'niet-westers', 'buiten-europa'],
  ['LC', 'Saint Lucia', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['LI', 'Liechtenstein', 'Europa', 'westers', 'europa'],
  ['LK', 'Sri Lanka', 'Azië', 'niet-westers', 'buiten-europa'],
  ['LR', 'Liberia', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['LS', 'Lesotho', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['LT', 'Litouwen', 'Europa', 'westers', 'europa'],
  ['LU', 'Luxemburg', 'Europa', 'westers', 'europa'],
  ['LV', 'Letland', 'Europa', 'westers', 'europa'],
  ['LY', 'Libië', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['MA', 'Marokko', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['MC', 'Monaco', 'Europa', 'westers', 'europa'],
  ['MD', 'Moldavië', 'Europa', 'westers', 'europa'],
  ['ME', 'Montenegro', 'Europa', 'westers', 'europa'],
  ['MF', 'Saint-Martin', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['MG', 'Madagaskar', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['MH', 'Marshalleilanden', 'Oceanië', 'westers', 'buiten-europa'],
  ['MK', 'Noord-Macedonië', 'Europa', 'westers', 'europa'],
  ['ML', 'Mali', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['MM', 'Myanmar', 'Azië', 'niet-westers', 'buiten-europa'],
  ['MN', 'Mongolië', 'Azië', 'niet-westers', 'buiten-europa'],
  ['MO', 'Macau', 'Azië', 'niet-westers', 'buiten-europa'],
  ['MP', 'Noordelijke Marianen', 'Oceanië', 'westers', 'buiten-europa'],
  ['MQ', 'Martinique', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['MR', 'Mauritanië', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['MS', 'Montserrat', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['MT', 'Malta', 'Europa', 'westers', 'europa'],
  ['MU', 'Mauritius', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['MV', 'Maldiven', 'Azië', 'niet-westers', 'buiten-europa'],
  ['MW', 'Malawi', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['MX', 'Mexico', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['MY', 'Maleisië', 'Azië', 'niet-westers', 'buiten-europa'],
  ['MZ', 'Mozambique', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['NA', 'Namibië', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['NC', 'Nieuw-Caledonië', 'Oceanië', 'westers', 'buiten-europa'],
  ['NE', 'Niger', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['NF', 'Norfolk', 'Oceanië', 'westers', 'buiten-europa'],
  ['NG', 'Nigeria', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['NI', 'Nicaragua', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['NL', 'Nederland', 'Europa', 'nederlands', 'nederland'],
  ['NO', 'Noorwegen', 'Europa', 'westers', 'europa'],
  ['NP', 'Nepal', 'Azië', 'niet-westers', 'buiten-europa'],
  ['NR', 'Nauru', 'Oceanië', 'westers', 'buiten-europa'],
  ['NU', 'Niue', 'Oceanië', 'westers', 'buiten-europa'],
  ['NZ', 'Nieuw-Zeeland', 'Oceanië', 'westers', 'buiten-europa'],
  ['OM', 'Oman', 'Azië', 'niet-westers', 'buiten-europa'],
  ['PA', 'Panama', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['PE', 'Peru', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['PF', 'Frans-Polynesië', 'Oceanië', 'westers', 'buiten-europa'],
  ['PG', 'Papoea-Nieuw-Guinea', 'Oceanië', 'westers', 'buiten-europa'],
  ['PH', 'Filipijnen', 'Azië', 'niet-westers', 'buiten-europa'],
  ['PK', 'Pakistan', 'Azië', 'niet-westers', 'buiten-europa'],
  ['PL', 'Polen', 'Europa', 'westers', 'europa'],
  ['PM', 'Saint-Pierre en Miquelon', 'Noord-Amerika', 'westers', 'buiten-europa'],
  ['PN', 'Pitcairneilanden', 'Oceanië', 'westers', 'buiten-europa'],
  ['PR', 'Puerto Rico', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['PS', 'Palestijnse gebieden', 'Azië', 'niet-westers', 'buiten-europa'],
  ['PT', 'Portugal', 'Europa', 'westers', 'europa'],
  ['PW', 'Palau', 'Oceanië', 'westers', 'buiten-europa'],
  ['PY', 'Paraguay', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['QA', 'Qatar', 'Azië', 'niet-westers', 'buiten-europa'],
  ['RE', 'Réunion', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['RO', 'Roemenië', 'Europa', 'westers', 'europa'],
  ['RS', 'Servië', 'Europa', 'westers', 'europa'],
  ['RU', 'Rusland', 'Europa', 'westers', 'europa'],
  ['RW', 'Rwanda', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['SA', 'Saoedi-Arabië', 'Azië', 'niet-westers', 'buiten-europa'],
  ['SB', 'Salomonseilanden', 'Oceanië', 'westers', 'buiten-europa'],
  ['SC', 'Seychellen', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['SD', 'Soedan', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['SE', 'Zweden', 'Europa', 'westers', 'europa'],
  ['SG', 'Singapore', 'Azië', 'niet-westers', 'buiten-europa'],
  ['SH', 'Sint-Helena', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['SI', 'Slovenië', 'Europa', 'westers', 'europa'],
  ['SJ', 'Spitsbergen en Jan Mayen', 'Europa', 'westers', 'europa'],
  ['SK', 'Slowakije', 'Europa', 'westers', 'europa'],
  ['SL', 'Sierra Leone', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['SM', 'San Marino', 'Europa', 'westers', 'europa'],
  ['SN', 'Senegal', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['SO', 'Somalië', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['SR', 'Suriname', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['SS', 'Zuid-Soedan', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['ST', 'Sao Tomé en Principe', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['SV', 'El Salvador', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['SX', 'Sint Maarten', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['SY', 'Syrië', 'Azië', 'niet-westers', 'buiten-europa'],
  ['SZ', 'Eswatini', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['TC', 'Turks- en Caicoseilanden', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['TD', 'Tsjaad', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['TF', 'Franse Gebieden in de zuidelijke Indische Oceaan', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['TG', 'Togo', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['TH', 'Thailand', 'Azië', 'niet-westers', 'buiten-europa'],
  ['TJ', 'Tadzjikistan', 'Azië', 'niet-westers', 'buiten-europa'],
  ['TK', 'Tokelau', 'Oceanië', 'westers', 'buiten-europa'],
  ['TL', 'Oost-Timor', 'Azië', 'niet-westers', 'buiten-europa'],
  ['TM', 'Turkmenistan', 'Azië', 'niet-westers', 'buiten-europa'],
  ['TN', 'Tunesië', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['TO', 'Tonga', 'Oceanië', 'westers', 'buiten-europa'],
  ['TR', 'Turkije', 'Azië', 'niet-westers', 'buiten-europa'],
  ['TT', 'Trinidad en Tobago', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['TV', 'Tuvalu', 'Oceanië', 'westers', 'buiten-europa'],
  ['TW', 'Taiwan', 'Azië', 'niet-westers', 'buiten-europa'],
  ['TZ', 'Tanzania', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['UA', 'Oekraïne', 'Europa', 'westers', 'europa'],
  ['UG', 'Oeganda', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['UM', 'Kleine afgelegen eilanden van de Verenigde Staten', 'Oceanië', 'westers', 'buiten-europa'],
  ['US', 'Verenigde Staten', 'Noord-Amerika', 'westers', 'buiten-europa'],
  ['UY', 'Uruguay', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['UZ', 'Oezbekistan', 'Azië', 'niet-westers', 'buiten-europa'],
  ['VA', 'Vaticaanstad', 'Europa', 'westers', 'europa'],
  ['VC', 'Saint Vincent en de Grenadines', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['VE', 'Venezuela', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['VG', 'Britse Maagdeneilanden', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['VI', 'Amerikaanse Maagdeneilanden', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['VN', 'Vietnam', 'Azië', 'niet-westers', 'buiten-europa'],
  ['VU', 'Vanuatu', 'Oceanië', 'westers', 'buiten-europa'],
  ['WF', 'Wallis en Futuna', 'Oceanië', 'westers', 'buiten-europa'],
  ['WS', 'Samoa', 'Oceanië', 'westers', 'buiten-europa'],
  ['XK', 'Kosovo', 'Europa', 'westers', 'europa'],
  ['YE', 'Jemen', 'Azië', 'niet-westers', 'buiten-europa'],
  ['YT', 'Mayotte', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['ZA', 'Zuid-Afrika', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['ZM', 'Zambia', 'Afrika', 'niet-westers', 'buiten-europa'],
  ['ZW', 'Zimbabwe', 'Afrika', 'niet-westers', 'buiten-europa'],
];

/**
 * Withdrawn codes (ISO 3166-3) that still occur as birth countries of older clients or their
 * parents. Same columns.
 */
const HISTORIC_ROWS: readonly Row[] = [
  ['AN', 'Nederlandse Antillen', 'Latijns-Amerika', 'niet-westers', 'buiten-europa'],
  ['CS', 'Servië en Montenegro (tot 1993: Tsjechoslowakije)', 'Europa', 'westers', 'europa'],
  ['DD', 'Duitse Democratische Republiek', 'Europa', 'westers', 'europa'],
  ['SU', 'Sovjet-Unie', 'Europa', 'westers', 'europa'],
  ['YU', 'Joegoslavië', 'Europa', 'westers', 'europa'],
];

const NOTES: Readonly<Record<string, string>> = {
  AM: 'Kaukasus: UN M49 rekent Armenië tot West-Azië; de plaatsing door het CBS is niet nagegaan.',
  AN: 'Opgeheven in 2010 (Aruba was al in 1986 uitgetreden); nu CW, SX en BQ. CBS tot 2022: niet-westers; vanaf 2022: Nederlandse Cariben, buiten Europa.',
  AQ: 'Geen werelddeel in de CBS-definities en geen vaste bevolking: niet in te delen, telt als onbekend.',
  AW: 'Deel van het Koninkrijk; CBS tot 2022: niet-westers (Latijns-Amerika); vanaf 2022: Nederlandse Cariben, buiten Europa.',
  AZ: 'Kaukasus: UN M49 rekent Azerbeidzjan tot West-Azië; de plaatsing door het CBS is niet nagegaan.',
  BQ: 'Caribisch Nederland is voor het CBS een apart geboorteland, niet Nederland. Tot 2022: niet-westers; vanaf 2022: Nederlandse Cariben, buiten Europa.',
  CS: 'Code tweemaal gebruikt (Tsjechoslowakije tot 1993, Servië en Montenegro 2003-2006); beide in Europa, dus dezelfde indeling.',
  CW: 'Deel van het Koninkrijk; CBS tot 2022: niet-westers (Latijns-Amerika); vanaf 2022: Nederlandse Cariben, buiten Europa.',
  CY: 'UN M49 rekent Cyprus tot West-Azië; hier als EU-lidstaat tot Europa gerekend. De plaatsing door het CBS is niet nagegaan.',
  GE: 'Kaukasus: UN M49 rekent Georgië tot West-Azië; de plaatsing door het CBS is niet nagegaan.',
  GL: 'Deel van het Koninkrijk Denemarken, geografisch Noord-Amerika (UN M49); de plaatsing door het CBS is niet nagegaan.',
  ID: 'CBS tot 2022: uitdrukkelijk westers; vanaf 2022: uitdrukkelijk buiten Europa (groep 3.5 Indonesië).',
  JP: 'CBS tot 2022: uitdrukkelijk westers; vanaf 2022: buiten Europa (Azië).',
  KZ: 'Transcontinentaal; UN M49 rekent Kazachstan tot Centraal-Azië; de plaatsing door het CBS is niet nagegaan.',
  RU: 'Transcontinentaal; UN M49 rekent Rusland tot Oost-Europa; de plaatsing door het CBS is niet nagegaan.',
  SR: 'CBS tot 2022: niet-westers (Latijns-Amerika); vanaf 2022: uitdrukkelijk buiten Europa (groep 3.3 Suriname).',
  SU: 'Opgeheven in 1991; omvatte ook Aziatische republieken. Als geheel tot Europa gerekend; de plaatsing door het CBS is niet nagegaan.',
  SX: 'Deel van het Koninkrijk; CBS tot 2022: niet-westers (Latijns-Amerika); vanaf 2022: Nederlandse Cariben, buiten Europa.',
  TR: 'CBS tot 2022: uitdrukkelijk niet-westers ("Europa (exclusief Turkije)"); vanaf 2022: uitdrukkelijk buiten Europa (groep 3.1 Turkije).',
  XK: 'Geen officiële ISO 3166-1-code (door gebruikers toegekend), wel gangbaar in registers.',
};

function toCountry(row: Row, historic: boolean): Country {
  const [code, name, region, cbsBefore2022, cbsFrom2022] = row;
  return { code, name, region, cbsBefore2022, cbsFrom2022, historic, note: NOTES[code] ?? null };
}

/** All countries by code, current ones first, then the historic ones. */
export const COUNTRIES: ReadonlyMap<string, Country> = new Map(
  [...ROWS.map((r) => toCountry(r, false)), ...HISTORIC_ROWS.map((r) => toCountry(r, true))].map((c) => [c.code, c]),
);

/**
 * The country with this code, or null. Codes are matched exactly: two upper-case letters as
 * the monitoring schema stores them. 'ma', ' MA', 'MAR' or '504' are not known codes; callers
 * that read external files should normalise and reject there, with a message naming the row.
 */
export function lookupCountry(code: string | null | undefined): Country | null {
  if (typeof code !== 'string') return null;
  return COUNTRIES.get(code) ?? null;
}

/** Dutch name of a country, or null when the code is not a known code (matched exactly). */
export function countryName(code: string): string | null {
  return lookupCountry(code)?.name ?? null;
}

/** Whether the code is a known country code (exact, upper case; historic codes included). */
export function isKnownCountry(code: string): boolean {
  return lookupCountry(code) !== null;
}
