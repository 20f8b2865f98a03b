import type { QuestionnaireLang } from '../../../questionnaire/definition.js';
import type { QuestionnaireTexts } from './types.js';
import { nl } from './nl.js';
import { en } from './en.js';
import { ar } from './ar.js';
import { tr } from './tr.js';
import { ti } from './ti.js';

export type { QuestionnaireTexts } from './types.js';

/** The questionnaire's languages. Dutch is B1; the others need a professional translator's review (docs/meetmomenten.md). */
export const QUESTIONNAIRE_TEXTS: Readonly<Record<QuestionnaireLang, QuestionnaireTexts>> = { nl, en, ar, tr, ti };
