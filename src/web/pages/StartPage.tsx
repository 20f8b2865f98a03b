import type { ApiClient, SessionUser } from '../api.js';
import { Link } from '../components/Link.js';
import { useApi } from '../components/useApi.js';
import { PageHeading } from '../components/PageHeading.js';
import { useDocumentTitle } from '../components/useDocumentTitle.js';
import { useI18n } from '../i18n/i18n.js';
import { tasksFor, type Task } from '../tasks.js';

export interface StartPageProps {
  api: ApiClient;
  user: SessionUser;
  onSessionEnded: () => void;
}

/** How many clients the user (consultant) or the team (team leader) guides. */
function ClientCount({ api, user, onSessionEnded }: StartPageProps) {
  const { t } = useI18n();
  const [clients] = useApi(api, () => api.countClients(), onSessionEnded);

  switch (clients.status) {
    case 'idle':
    case 'loading':
      return <p className="utrecht-paragraph ks-task__status">{t('clients.count.loading')}</p>;
    case 'error':
      return <p className="utrecht-paragraph ks-task__status">{t('clients.count.failed')}</p>;
    case 'ok': {
      // Only clients still being guided count; those who flowed out are named apart.
      const { active: count, uitgestroomd } = clients.data;
      const text =
        user.role === 'teamleider'
          ? t('clients.count.teamleider', { count, team: user.teamName ?? t('clients.count.yourTeam') })
          : t('clients.count.consultant', { count });
      const left = uitgestroomd > 0 ? ` ${t('clients.count.left', { count: uitgestroomd })}` : '';
      return (
        <p className="utrecht-paragraph ks-task__figure">
          {text.replace(/\.$/, '')}
          {left}.
        </p>
      );
    }
  }
}

function TaskCard({ task, ...props }: StartPageProps & { task: Task }) {
  const { t } = useI18n();
  const { user } = props;
  const text =
    task.key === 'clients'
      ? t(user.role === 'teamleider' ? 'task.clients.teamleider' : 'task.clients.consultant')
      : t(`task.${task.key}.text`);
  return (
    <li className="ks-task">
      <h3 className="utrecht-heading-3 ks-task__title">
        <Link href={task.path} className="ks-task__link">
          {t(`task.${task.key}.title`)}
        </Link>
      </h3>
      <p className="utrecht-paragraph">{text}</p>
      {task.key === 'clients' && <ClientCount {...props} />}
    </li>
  );
}

/** The first page after logging in: who you are, and what you can do with your role. */
export function StartPage(props: StartPageProps) {
  const { t, lang } = useI18n();
  const { user } = props;
  useDocumentTitle(t('start.title'));
  const role = t(`role.${user.role}`);
  return (
    <>
      <PageHeading>{t('start.welcome', { name: user.displayName })}</PageHeading>
      <p className="utrecht-paragraph utrecht-paragraph--lead">
        {t('start.intro', { role: role.toLocaleLowerCase(lang) })}
      </p>
      <h2 className="utrecht-heading-2">{t('start.tasks')}</h2>
      <ul className="ks-tasks">
        {tasksFor(user.role).map((task) => (
          <TaskCard key={task.key} task={task} {...props} />
        ))}
      </ul>
    </>
  );
}
