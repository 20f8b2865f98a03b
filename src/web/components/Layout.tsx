import type { ReactNode } from 'react';
import type { SessionUser } from '../api.js';
import { useI18n } from '../i18n/i18n.js';
import { AppFooter } from './AppFooter.js';
import { AppHeader } from './AppHeader.js';
import { MainNav } from './MainNav.js';

export interface LayoutProps {
  user: SessionUser | null;
  onLogout?: () => void;
  loggingOut?: boolean;
  /** A message for the whole page, above its content (e.g. log-out failed). */
  notice?: ReactNode;
  children: ReactNode;
}

/** Skip link, header, menu (when logged in), main content and footer: the same on every page. */
export function Layout({ user, onLogout, loggingOut, notice, children }: LayoutProps) {
  const { t } = useI18n();
  return (
    <div className="ks-layout">
      <a href="#inhoud" className="utrecht-skip-link utrecht-skip-link--visible-on-focus ks-skip-link">
        {t('skipLink')}
      </a>
      <AppHeader user={user} onLogout={onLogout} loggingOut={loggingOut} />
      {user && <MainNav role={user.role} />}
      <main id="inhoud" tabIndex={-1} className="ks-main">
        <div className="ks-container ks-main__content">
          {notice}
          {children}
        </div>
      </main>
      <AppFooter />
    </div>
  );
}
