import { useEffect } from 'react';
import { useI18n } from '../i18n/i18n.js';

/** Sets the browser tab's title: "<page> – Kansenspiegel". */
export function useDocumentTitle(pageTitle: string): void {
  const { t } = useI18n();
  const suffix = t('page.titleSuffix');
  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} – ${suffix}` : suffix;
  }, [pageTitle, suffix]);
}
