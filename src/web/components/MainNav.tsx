import type { Role } from '../../domain/roles.js';
import { useI18n } from '../i18n/i18n.js';
import { usePath } from '../router.js';
import { tasksFor } from '../tasks.js';
import { Link } from './Link.js';

/** The main menu: the start page and the parts this role uses. */
export function MainNav({ role }: { role: Role }) {
  const { t } = useI18n();
  const path = usePath();
  const items = [
    { path: '/', label: t('start.title') },
    ...tasksFor(role).map((task) => ({ path: task.path, label: t(`task.${task.key}.title`) })),
  ];
  return (
    <nav className="ks-nav" aria-label={t('nav.label')}>
      <ul className="ks-nav__list ks-container">
        {items.map((item) => (
          <li key={item.path} className="ks-nav__item">
            <Link
              href={item.path}
              className="ks-nav__link"
              aria-current={
                item.path === path || (item.path !== '/' && path.startsWith(`${item.path}/`)) ? 'page' : undefined
              }
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
