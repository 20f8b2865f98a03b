import type { SessionUser } from '../api.js';
import { useI18n } from '../i18n/i18n.js';
import { Button } from './Button.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { Link } from './Link.js';

export interface AppHeaderProps {
  user: SessionUser | null;
  onLogout?: () => void;
  loggingOut?: boolean;
}

/** The header bar: name of the application and the municipality, language, who is logged in. */
export function AppHeader({ user, onLogout, loggingOut = false }: AppHeaderProps) {
  const { t } = useI18n();
  const brand = (
    <>
      <span className="ks-brand__name">{t('app.name')}</span>
      <span className="ks-brand__municipality">{user ? user.municipalityName : t('app.description')}</span>
    </>
  );
  return (
    <header className="utrecht-page-header ks-header">
      <div className="utrecht-page-header__content ks-header__content">
        {user ? (
          <Link href="/" className="ks-brand">
            {brand}
          </Link>
        ) : (
          <div className="ks-brand">{brand}</div>
        )}
        <div className="ks-header__tools">
          <LanguageSwitch />
          {user && (
            <div className="ks-user">
              <p className="ks-user__who">
                <span className="ks-visually-hidden">{t('header.userLabel')} </span>
                <span className="ks-user__name">{user.displayName}</span>
                <span className="ks-visually-hidden">, </span>
                <span className="ks-user__role">{t(`role.${user.role}`)}</span>
              </p>
              <Button appearance="secondary-action" onClick={onLogout} busy={loggingOut} disabled={loggingOut}>
                {t('header.logout')}
              </Button>
            </div>
          )}
        </div>
      </div>
    </header>
  );
}
