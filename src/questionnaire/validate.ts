import { isKnownCountry } from '../domain/countries.js';
import { itemsOf, type AnswerValue, type QuestionnaireDefinition, type QuestionnaireItem } from './definition.js';

/** One refused answer: the item and a reason in Dutch (B1). */
export interface AnswerProblem {
  readonly item: string;
  readonly reason: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function check(item: QuestionnaireItem, value: AnswerValue): string | null {
  switch (item.type) {
    case 'grade':
      return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 10
        ? null
        : 'Geef een cijfer van 1 tot en met 10.';
    case 'yesno':
      return typeof value === 'boolean' ? null : 'Kies ja of nee.';
    case 'scale5':
      if (item.allowNotApplicable && value === 'nvt') return null;
      return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 5
        ? null
        : 'Kies een van de vijf antwoorden.';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && value >= item.min && value <= item.max
        ? null
        : `Geef een getal van ${item.min} tot en met ${item.max}.`;
    case 'country':
      if (typeof value !== 'string') return 'Kies een land.';
      if (value === 'onbekend') return item.allowUnknown ? null : 'Kies een land.';
      return isKnownCountry(value) ? null : 'Dit land kennen we niet.';
    case 'multi': {
      if (!isRecord(value) || !Array.isArray(value.codes)) return 'Kies een of meer antwoorden.';
      const codes = value.codes as unknown[];
      if (codes.some((c) => typeof c !== 'string' || !item.options.includes(c)))
        return 'Een gekozen antwoord bestaat niet.';
      if (new Set(codes).size !== codes.length) return 'Een antwoord is twee keer gekozen.';
      const other = value.other;
      if (other !== undefined && (!item.other || typeof other !== 'string' || other.length > 200))
        return 'De toelichting is te lang of niet toegestaan.';
      if (codes.length === 0 && (typeof other !== 'string' || other.trim() === ''))
        return 'Kies een of meer antwoorden.';
      return null;
    }
  }
}

/**
 * Checks answers against a definition: known items only, values of the right type, and no
 * answer to an item whose condition (showIf) is not met. Every item may be left out.
 */
export function validateAnswers(def: QuestionnaireDefinition, answers: unknown): AnswerProblem[] {
  if (!isRecord(answers)) return [{ item: 'answers', reason: 'De antwoorden ontbreken.' }];
  const items = new Map(itemsOf(def).map((i) => [i.id, i]));
  const problems: AnswerProblem[] = [];
  for (const [id, value] of Object.entries(answers)) {
    const item = items.get(id);
    if (!item) {
      problems.push({ item: id, reason: 'Deze vraag staat niet in de vragenlijst.' });
      continue;
    }
    const reason = check(item, value as AnswerValue);
    if (reason) problems.push({ item: id, reason });
    else if (item.showIf && answers[item.showIf.item] !== item.showIf.equals) {
      problems.push({ item: id, reason: 'Deze vraag hoort bij een ander antwoord op de vorige vraag.' });
    }
  }
  return problems;
}
