/** The code lists of employers and placement, shared by the API schemas and the pages. */
export const EMPLOYER_SIZES = ['klein', 'middel', 'groot'] as const;
export const AGREEMENT_KINDS = [
  'extra_begeleiding',
  'proefplaatsing',
  'banenafspraak',
  'leerwerkplek',
  'overig',
] as const;
export const REQUIREMENT_KINDS = [
  'taalniveau',
  'diploma',
  'ervaring',
  'rijbewijs',
  'culturele_fit',
  'vaardigheid',
  'overig',
] as const;
export const ASSESSMENTS = ['arbeidsmarktrelevant', 'niet_nodig'] as const;
export const REQUIREMENT_OUTCOMES = ['geschrapt', 'aangepast', 'gehandhaafd'] as const;
export const REQUEST_KINDS = ['expliciet', 'impliciet', 'positief'] as const;
export const REQUEST_GROUNDS = ['herkomst', 'religie', 'leeftijd', 'geslacht', 'beperking', 'anders'] as const;
export const REQUEST_ACTIONS = ['geweigerd', 'besproken', 'gemeld'] as const;
export const NAMING_DECISIONS = ['open', 'noemen', 'niet_noemen'] as const;
export const SIGNAL_KINDS = ['niet_verschenen', 'uitgevallen', 'werk_gevonden'] as const;
