/**
 * English names of the mirror's grounds, groups and stages, for the story and the page when the
 * app is in English. The Dutch names stay in grounds.ts and stages.ts; a key missing here falls
 * back to the Dutch one.
 */
export const GROUND_LABELS_EN: Readonly<Record<string, string>> = {
  geslacht: 'Gender',
  leeftijd: 'Age',
  leeftijd_fijn: 'Age (detailed)',
  migratieachtergrond: 'Migration background (CBS until 2022)',
  herkomst: 'Origin (CBS from 2022)',
  migratie_enschede: 'Migration background (extended, Enschede)',
  statushouder: 'Refugee with residence permit',
  huishouden: 'Household',
  doelgroepregister: 'Target group register',
  opleiding: 'Education level',
  taalniveau: 'Dutch language',
  werkervaring: 'Work experience',
  gezondheid: 'Health limitation',
  team: 'Team',
  klantmanager: 'Consultant',
};

export const GROUP_LABELS_EN: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  geslacht: { vrouw: 'Woman', man: 'Man', anders: 'Other' },
  leeftijd: { 't/m 26': '26 or younger', '27-44': '27 to 44', '45+': '45 to state pension age' },
  migratieachtergrond: {
    nederlands: 'Dutch (no migration background)',
    westers: 'Western',
    'niet-westers': 'Non-Western',
  },
  herkomst: { nederland: 'Netherlands', europa: 'Europe (excl. the Netherlands)', 'buiten-europa': 'Outside Europe' },
  migratie_enschede: { geen: 'No migration background', westers: 'Western', 'niet-westers': 'Non-Western' },
  statushouder: { ja: 'Refugee with permit', nee: 'Not a refugee with permit' },
  huishouden: {
    alleenstaand: 'Single',
    eenouder: 'Single parent',
    paar_met_kinderen: 'Couple with children',
    paar_zonder_kinderen: 'Couple without children',
    overig: 'Other',
  },
  doelgroepregister: { ja: 'In the target group register', nee: 'Not in the target group register' },
  opleiding: {
    geen_basis: 'None or primary school',
    vmbo_mbo1: 'Pre-vocational / mbo 1',
    startkwalificatie: 'Basic qualification (havo, vwo, mbo 2-4)',
    hbo_wo: 'Higher education',
  },
  taalniveau: { onder_b1: 'Below B1', b1_of_hoger: 'B1 or higher' },
  werkervaring: { geen: 'None', buitenland: 'Abroad only', nederland: 'In the Netherlands' },
  gezondheid: { ja: 'With a limitation', nee: 'Without a limitation' },
};

export const STAGE_LABELS_EN: Readonly<Record<string, { label: string; description: string }>> = {
  diagnose_kort: { label: 'Short diagnosis', description: 'got "short distance to work" as the latest diagnosis' },
  werkplein: { label: 'Werkplein file', description: 'was in the Werkplein file, with a job coach' },
  plan: { label: 'Action plan', description: 'had an action plan' },
  voorziening: { label: 'Provision', description: 'received at least one provision (reintegration instrument)' },
  contact_4: { label: '4+ conversations', description: 'had at least 4 conversations in 12 months' },
  onder_op_de_stapel: {
    label: 'Bottom of the pile',
    description: 'had no conversation for 6 months or longer',
  },
  werkzaam_1m: { label: 'Work ≥ 1 month', description: 'worked at least 1 month for the same employer' },
  werkzaam_6m: { label: 'Work ≥ 6 months', description: 'worked at least 6 months for the same employer (lasting)' },
  uitstroom: { label: 'Outflow', description: 'left social assistance' },
};

/** The unknown group, in English. */
export const UNKNOWN_EN = 'Unknown';

/** English names of the national (CBS) groups of the comparison with the Netherlands. */
export const NATIONAL_GROUP_LABELS_EN: Readonly<Record<string, string>> = {
  vrouw: 'Woman',
  man: 'Man',
  '26 jaar of jonger': '26 or younger',
  '27 tot 45 jaar': '27 to 44',
  '45 tot AOW-leeftijd': '45 to state pension age',
  'niet-westers': 'Non-Western',
  westers: 'Western',
  nederlands: 'Dutch (no migration background)',
  eenouderhuishouden: 'Single parent',
  eenpersoonshuishouden: 'Single',
  '(on)gehuwde paren': 'Couples (married or not)',
  'overig/institutioneel/onbekend': 'Other, institutional or unknown',
};
