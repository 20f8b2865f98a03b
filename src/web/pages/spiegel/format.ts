import { useMemo } from 'react';
import { useI18n, type Lang } from '../../i18n/i18n.js';

export interface Format {
  /** 43,2% (nl) or 43.2% (en); "–" for null. */
  pct(value: number | null, digits?: number): string;
  /** +1,2 or −12,0 (points, with a real minus sign); "–" for null. */
  points(value: number | null, digits?: number): string;
  /** Whole numbers with thousands separators. */
  num(value: number): string;
  /** A plain decimal (odds ratios). */
  dec(value: number | null, digits?: number): string;
}

export function makeFormat(lang: Lang): Format {
  const locale = lang === 'nl' ? 'nl-NL' : 'en-GB';
  const fixed = (digits: number) =>
    new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const whole = new Intl.NumberFormat(locale);
  return {
    pct: (v, d = 1) => (v === null ? '–' : `${fixed(d).format(v)}%`),
    points: (v, d = 1) => {
      if (v === null) return '–';
      const text = fixed(d).format(Math.abs(v));
      return Number(text.replace(',', '.')) === 0 ? text : `${v < 0 ? '−' : '+'}${text}`;
    },
    num: (v) => whole.format(v),
    dec: (v, d = 2) => (v === null ? '–' : fixed(d).format(v)),
  };
}

export function useFormat(): Format {
  const { lang } = useI18n();
  return useMemo(() => makeFormat(lang), [lang]);
}
