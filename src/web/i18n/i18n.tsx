import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { nl } from './nl.js';
import { en } from './en.js';

export type Lang = 'nl' | 'en';
export const LANGS: readonly Lang[] = ['nl', 'en'];
/** Each language's name in that language, as a language switch shows it. */
export const LANG_NAMES: Record<Lang, string> = { nl: 'Nederlands', en: 'English' };

interface Plural {
  readonly one: string;
  readonly other: string;
}
type Source = typeof nl;
export type MessageKey = keyof Source;
/** The shape every language gives: the keys of nl.ts, plain text or a text per number. */
export type Messages = { readonly [K in MessageKey]: Source[K] extends string ? string : Plural };
type PluralKey = { [K in MessageKey]: Source[K] extends string ? never : K }[MessageKey];
type TextKey = Exclude<MessageKey, PluralKey>;
type Values = Record<string, string | number>;

export interface Translate {
  (key: TextKey, values?: Values): string;
  (key: PluralKey, values: Values & { count: number }): string;
}

const MESSAGES: Record<Lang, Messages> = { nl, en };
const STORAGE_KEY = 'kansenspiegel.lang';

/** A t() for one language: fills in `{name}` values, numbers formatted for that language. */
export function createTranslator(lang: Lang): Translate {
  const messages = MESSAGES[lang];
  const numbers = new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB');
  const plurals = new Intl.PluralRules(lang);
  return ((key: MessageKey, values: Values = {}) => {
    const message = messages[key];
    const text =
      typeof message === 'string'
        ? message
        : plurals.select(Number(values.count)) === 'one'
          ? message.one
          : message.other;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = values[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? numbers.format(value) : value;
    });
  }) as Translate;
}

function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

function storedLang(): Lang {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLang(value) ? value : 'nl';
  } catch {
    return 'nl';
  }
}

interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

/** Dutch unless the user chose otherwise on this device; keeps <html lang> in step. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Lang>(storedLang);
  useEffect(() => {
    document.documentElement.lang = lang;
    try {
      window.localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // Storage may be switched off; the choice then holds until the page is closed.
    }
  }, [lang]);
  const value = useMemo(() => ({ lang, setLang, t: createTranslator(lang) }), [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n() needs an <I18nProvider> around it.');
  return value;
}
