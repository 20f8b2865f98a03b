import { useCallback } from 'react';
import { useI18n } from '../i18n/i18n.js';

export type TextTable = Readonly<Record<string, string>>;
export type TextOf<K extends string> = (key: K, values?: Record<string, string | number>) => string;

/**
 * Texts of one part of the application, kept next to its pages: Dutch (B1) first, English
 * with the same keys. Returns a hook that gives t() for the language the user chose.
 */
export function defineTexts<N extends TextTable>(nl: N, en: { readonly [K in keyof N]: string }) {
  return function useTexts(): TextOf<Extract<keyof N, string>> {
    const { lang } = useI18n();
    return useCallback(
      (key, values = {}) => {
        const table: Readonly<Record<string, string>> = lang === 'en' ? en : nl;
        return (table[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) =>
          values[name] === undefined ? whole : String(values[name]),
        );
      },
      [lang],
    );
  };
}
