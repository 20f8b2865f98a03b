import { useState } from 'react';
import { PageHeading } from '../../components/PageHeading.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import type { PageProps } from '../begeleiding/CaseloadPage.js';
import '../begeleiding/begeleiding.css';
import { ImportPanel } from './ImportPanel.js';
import { InstrumentsPanel } from './InstrumentsPanel.js';
import { MarksPanel } from './MarksPanel.js';
import { DomainsPanel } from './DomainsPanel.js';
import { TeamsPanel } from './TeamsPanel.js';
import { UserListPanel } from './UserListPanel.js';
import { UsersPanel } from './UsersPanel.js';
import { useTexts } from './texts.js';

/** The parts of the page, in order: [anchor, title text]. */
const PARTS = [
  ['inlezen', 'import.title'],
  ['voorzieningen', 'instr.title'],
  ['leefgebieden', 'domains.title'],
  ['keurmerken', 'marks.title'],
  ['teams', 'teams.title'],
  ['gebruikers', 'users.title'],
] as const;

/** The functional administrator's page: a shell of panels, each loading its own data. */
export function BeheerPage({ api, onSessionEnded }: PageProps) {
  const tx = useTexts();
  useDocumentTitle(tx('title'));
  const panel = { api, onSessionEnded };
  // a user added in one panel shows at once in the list of the other
  const [usersVersion, setUsersVersion] = useState(0);
  return (
    <>
      <PageHeading>{tx('title')}</PageHeading>
      <p className="utrecht-paragraph">{tx('intro')}</p>
      <nav aria-label={tx('contents')} className="ks-inline-nav">
        <ul className="ks-inline-nav__list">
          {PARTS.map(([id, title]) => (
            <li key={id}>
              <a className="utrecht-link" href={`#${id}`}>
                {tx(title)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <ImportPanel {...panel} />
      <InstrumentsPanel {...panel} />
      <DomainsPanel {...panel} />
      <MarksPanel {...panel} />
      <TeamsPanel {...panel} />
      <UserListPanel {...panel} onAdded={() => setUsersVersion((v) => v + 1)} />
      <UsersPanel key={usersVersion} {...panel} />
    </>
  );
}
