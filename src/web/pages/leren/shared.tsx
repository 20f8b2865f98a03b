import type { Static } from '@sinclair/typebox';
import type { ReactNode } from 'react';
import type { ApiClient, SessionUser } from '../../api.js';
import { Alert } from '../../components/Alert.js';
import { Link } from '../../components/Link.js';
import { usePath } from '../../router.js';
import type {
  CaseDetail,
  CaseList,
  MeetingView,
  OpenConversations,
  OwnPattern,
  TeamHabitsAnswer,
} from '../../../server/schemas/learning.js';
import { useLerenTexts } from './texts.js';
import './leren.css';

export type CaseListAnswer = Static<typeof CaseList>;
export type CaseDetailAnswer = Static<typeof CaseDetail>;
export type MeetingAnswer = Static<typeof MeetingView>;
export type OpenAnswer = Static<typeof OpenConversations>;
export type PatternAnswer = Static<typeof OwnPattern>;
export type HabitsAnswer = Static<typeof TeamHabitsAnswer>;

export interface LerenProps {
  api: ApiClient;
  user: SessionUser;
  onSessionEnded: () => void;
}

/** The sub-navigation of the learning pages, per role. */
export function LerenNav({ user }: { user: SessionUser }) {
  const t = useLerenTexts();
  const path = usePath();
  const items = [
    { path: '/leren', label: t('nav.cases'), roles: ['consultant', 'teamleider'] },
    { path: '/leren/casussen/nieuw', label: t('nav.new'), roles: ['teamleider'] },
    { path: '/leren/reflectie', label: t('nav.reflection'), roles: ['consultant'] },
    { path: '/leren/teamspiegel', label: t('nav.habits'), roles: ['teamleider', 'beleidsmedewerker'] },
  ].filter((i) => i.roles.includes(user.role));
  return (
    <nav className="ks-leren-nav" aria-label={t('nav.label')}>
      <ul>
        {items.map((i) => (
          <li key={i.path}>
            <Link href={i.path} aria-current={path === i.path ? 'page' : undefined}>
              {i.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function Failed() {
  const t = useLerenTexts();
  return (
    <Alert type="error">
      <p className="utrecht-paragraph">{t('error')}</p>
    </Alert>
  );
}

export function Loading() {
  const t = useLerenTexts();
  return <p className="utrecht-paragraph">{t('loading')}</p>;
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="ks-leren-section">
      <h2 className="utrecht-heading-2">{title}</h2>
      {children}
    </section>
  );
}
