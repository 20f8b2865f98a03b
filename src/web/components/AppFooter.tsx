import { useI18n } from '../i18n/i18n.js';

export function AppFooter() {
  const { t } = useI18n();
  return (
    <footer className="utrecht-page-footer ks-footer">
      <div className="utrecht-page-footer__content ks-footer__content">
        <p className="ks-footer__text">{t('footer.about')}</p>
        <p className="ks-footer__text">{t('footer.license')}</p>
      </div>
    </footer>
  );
}
