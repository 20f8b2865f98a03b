import type { ScaleKind } from '../../../questionnaire/definition.js';

/**
 * The texts of the client questionnaire in one language. Keys: section ids, item ids and option
 * codes of src/questionnaire/definition.ts. Every language file gives every key (the type checks it).
 */
export interface QuestionnaireTexts {
  readonly lang: string;
  readonly dir: 'ltr' | 'rtl';
  /** The language's own name, for the language choice. */
  readonly languageName: string;
  /** BCP 47 tag for the read-aloud voice and country names. */
  readonly speechLang: string;
  readonly ui: {
    readonly title: string;
    readonly intro: string;
    readonly voluntary: string;
    readonly wave: string;
    readonly language: string;
    readonly yes: string;
    readonly no: string;
    readonly unknown: string;
    readonly notApplicable: string;
    readonly other: string;
    readonly gradeLow: string;
    readonly gradeHigh: string;
    readonly hours: string;
    readonly chooseCountry: string;
    readonly submit: string;
    readonly submitting: string;
    readonly thanks: string;
    readonly thanksKiosk: string;
    readonly readAloud: string;
    readonly draftRestored: string;
    readonly linkInvalid: string;
    readonly error: string;
    readonly invalidAnswer: string;
  };
  readonly sections: Readonly<Record<string, string>>;
  readonly items: Readonly<Record<string, string>>;
  readonly options: Readonly<Record<string, string>>;
  readonly scales: Readonly<Record<ScaleKind, readonly [string, string, string, string, string]>>;
}
