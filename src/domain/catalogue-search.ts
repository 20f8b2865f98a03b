import { targetGroupLabel } from './codes.js';

/** What the keuzehulp searches in: the instrument's texts, its reservation and its SRG type. */
export interface SearchableInstrument {
  code: string;
  name: string;
  description: string;
  asks: string;
  yields: string;
  srgCode: number;
  srgName: string;
  targetGroup: string | null;
  targetGroupNote: string | null;
}

/** Lower case without accents, every run of other characters one space: "Financiën" → "financien". */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('nl')
    .replace(/[^\p{L}\p{N}+]+/gu, ' ')
    .trim();
}

/** The words of a search, folded; empty for an empty search. */
export const searchWords = (text: string | undefined): string[] =>
  foldText(text ?? '')
    .split(' ')
    .filter(Boolean);

/**
 * The keuzehulp's word search: every word must occur somewhere (as part of a word, so "zorg"
 * finds "Zorgtraject" and "mantelzorg") in the name, code, description, what it asks, what it
 * yields, the target group it is reserved for (its label and note) or its SRG type (code and
 * label); case and accents are ignored. `asks` words must all occur in what it asks.
 */
export function matchesInstrumentSearch(i: SearchableInstrument, s: { q?: string; asks?: string }): boolean {
  const q = searchWords(s.q);
  const asks = searchWords(s.asks);
  if (q.length > 0) {
    const text = foldText(
      [
        i.name,
        i.code,
        i.description,
        i.asks,
        i.yields,
        String(i.srgCode),
        i.srgName,
        i.targetGroup ? targetGroupLabel(i.targetGroup, i.targetGroupNote) : '',
        i.targetGroupNote ?? '',
      ].join(' '),
    );
    if (!q.every((w) => text.includes(w))) return false;
  }
  if (asks.length > 0) {
    const text = foldText(i.asks);
    if (!asks.every((w) => text.includes(w))) return false;
  }
  return true;
}
