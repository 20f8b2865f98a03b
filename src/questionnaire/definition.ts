/**
 * The client questionnaire of the measurement moments (meetmomenten T0, T1, T2) as versioned
 * data. The structure lives here; the texts live in translation files
 * (src/web/i18n/questionnaire/<lang>.ts), keyed by item id and option code, so a new language
 * never touches the structure. A changed questionnaire is a new version: answers always keep
 * the version they were given in (table questionnaire_definition).
 *
 * Every item is voluntary: an answer may be left out. Items marked `special` touch a special
 * category (AVG art. 9: origin, religion, health) or experienced discrimination; all answers
 * are stored in the monitoring schema by pseudonym, and reach staff only as aggregates.
 */

/** The answer types. */
export type AnswerType = 'grade' | 'yesno' | 'scale5' | 'multi' | 'number' | 'country';

/** Which five-point scale a scale5 item uses (the labels differ, the codes are 1..5). */
export type ScaleKind = 'moeite' | 'eens' | 'tevreden' | 'begrijpen';

interface ItemBase {
  /** Stable code of the item; also the key of its texts. */
  readonly id: string;
  readonly type: AnswerType;
  /** A special category (origin, health) or discrimination. */
  readonly special?: boolean;
  /** Only asked when another item has this answer (e.g. grounds only after "yes"). */
  readonly showIf?: { readonly item: string; readonly equals: boolean };
  /** The outcome measure this item feeds in the mirror, when it is one. */
  readonly measure?: 'grade' | 'yesno' | 'scale' | 'number';
  /** For yes/no and scale items: which answer is the better one ('hoog' = a higher code / yes is better). */
  readonly better?: 'hoog' | 'laag';
}

export interface GradeItem extends ItemBase {
  readonly type: 'grade';
}
export interface YesNoItem extends ItemBase {
  readonly type: 'yesno';
}
export interface Scale5Item extends ItemBase {
  readonly type: 'scale5';
  readonly scale: ScaleKind;
  readonly allowNotApplicable?: boolean;
}
export interface MultiItem extends ItemBase {
  readonly type: 'multi';
  readonly options: readonly string[];
  readonly other: boolean;
}
export interface NumberItem extends ItemBase {
  readonly type: 'number';
  readonly min: number;
  readonly max: number;
  readonly step: number;
}
export interface CountryItem extends ItemBase {
  readonly type: 'country';
  readonly allowUnknown: boolean;
}

export type QuestionnaireItem = GradeItem | YesNoItem | Scale5Item | MultiItem | NumberItem | CountryItem;

export interface QuestionnaireSection {
  readonly id: string;
  readonly items: readonly QuestionnaireItem[];
}

export interface QuestionnaireDefinition {
  readonly version: number;
  readonly sections: readonly QuestionnaireSection[];
}

/** Self-reported cultural backgrounds offered as options (codes of CULTURAL_BACKGROUNDS in migration-background.ts). */
export const BACKGROUND_OPTIONS = [
  'nederlands',
  'marokkaans',
  'amazigh',
  'turks',
  'koerdisch',
  'surinaams',
  'hindoestaans',
  'antilliaans',
  'indonesisch',
  'moluks',
  'syrisch',
  'eritrees',
  'somalisch',
  'ethiopisch',
  'afghaans',
  'iraaks',
  'iraans',
  'arabisch',
  'pools',
  'duits',
  'oekraiens',
] as const;

/** Version 1: every outcome measure of the Enschede study (seed 000), in plain words. */
export const QUESTIONNAIRE_V1: QuestionnaireDefinition = {
  version: 1,
  sections: [
    {
      id: 'gezondheid',
      items: [
        { id: 'gezondheid', type: 'grade', special: true, measure: 'grade', better: 'hoog' },
        { id: 'gezondheid_beperking', type: 'yesno', special: true },
      ],
    },
    {
      id: 'meedoen',
      items: [
        { id: 'sociale_contacten', type: 'yesno', measure: 'yesno', better: 'hoog' },
        { id: 'meedoen_moeite', type: 'scale5', scale: 'moeite', measure: 'scale', better: 'hoog' },
        {
          id: 'meedoen_redenen',
          type: 'multi',
          options: ['taal', 'lichamelijk', 'psychisch', 'geld', 'vervoer', 'zorg_thuis'],
          other: true,
        },
      ],
    },
    {
      id: 'werk',
      items: [
        { id: 'werk_moeite', type: 'scale5', scale: 'moeite', measure: 'scale', better: 'hoog' },
        {
          id: 'werk_belemmeringen',
          type: 'multi',
          other: true,
          options: [
            'taal',
            'gezondheid',
            'opleiding',
            'diploma_niet_erkend',
            'ervaring',
            'leeftijd',
            'zorg_kinderen',
            'vervoer',
            'discriminatie',
          ],
        },
        {
          id: 'werk_activiteiten',
          type: 'multi',
          options: ['cv', 'uitzendbureau', 'gesolliciteerd', 'vrijwilligerswerk', 'cursus'],
          other: true,
        },
        { id: 'uren_zoeken', type: 'number', min: 0, max: 60, step: 1, measure: 'number', better: 'hoog' },
        { id: 'zelfredzaamheid', type: 'scale5', scale: 'eens', measure: 'scale', better: 'hoog' },
        { id: 'optimisme', type: 'scale5', scale: 'eens', measure: 'scale', better: 'hoog' },
      ],
    },
    {
      id: 'discriminatie',
      items: [
        { id: 'discriminatie', type: 'yesno', special: true, measure: 'yesno', better: 'laag' },
        {
          id: 'discriminatie_gronden',
          type: 'multi',
          special: true,
          showIf: { item: 'discriminatie', equals: true },
          options: ['herkomst', 'religie', 'geslacht', 'leeftijd', 'beperking'],
          other: true,
        },
      ],
    },
    {
      id: 'gemeente',
      items: [
        { id: 'brieven_begrijpen', type: 'scale5', scale: 'begrijpen', measure: 'scale', better: 'hoog' },
        {
          id: 'tevredenheid_voorzieningen',
          type: 'scale5',
          scale: 'tevreden',
          allowNotApplicable: true,
          measure: 'scale',
          better: 'hoog',
        },
      ],
    },
    {
      id: 'achtergrond',
      items: [
        { id: 'geboorteland', type: 'country', special: true, allowUnknown: false },
        { id: 'geboorteland_moeder', type: 'country', special: true, allowUnknown: true },
        { id: 'geboorteland_vader', type: 'country', special: true, allowUnknown: true },
        { id: 'nationaliteit', type: 'country', special: true, allowUnknown: true },
        { id: 'culturele_achtergrond', type: 'multi', special: true, options: BACKGROUND_OPTIONS, other: true },
      ],
    },
  ],
};

/** The version new invitations use. */
export const CURRENT_QUESTIONNAIRE = QUESTIONNAIRE_V1;

/** All items of a definition, in order. */
export const itemsOf = (def: QuestionnaireDefinition): QuestionnaireItem[] => def.sections.flatMap((s) => s.items);

/** Answer to one item. Multi: the chosen codes and an optional other text. Country: ISO code or 'onbekend'. */
export type AnswerValue = number | boolean | string | { readonly codes: readonly string[]; readonly other?: string };

/** The answers to one questionnaire, by item id. A left-out item is absent. */
export type Answers = Readonly<Record<string, AnswerValue>>;

/** The three measurement moments. */
export const WAVES = ['T0', 'T1', 'T2'] as const;
export type Wave = (typeof WAVES)[number];

/** How the questionnaire was filled in; recorded with the answers, as it affects them. */
export const MODES = ['kiosk', 'link', 'voorgelezen'] as const;
export type Mode = (typeof MODES)[number];

/** Languages of the questionnaire. */
export const QUESTIONNAIRE_LANGS = ['nl', 'en', 'ar', 'tr', 'ti'] as const;
export type QuestionnaireLang = (typeof QUESTIONNAIRE_LANGS)[number];
