import type { Messages } from './i18n.js';

/** English texts, the second language of the interface. */
export const en: Messages = {
  'app.name': 'Kansenspiegel',
  'app.description': 'Guidance to work and equal opportunities',
  'page.titleSuffix': 'Kansenspiegel',
  skipLink: 'Skip to content',
  'language.label': 'Language',
  loading: 'Loading…',
  'footer.about': 'Kansenspiegel is open-source software for the Work and Income departments of municipalities.',
  'footer.license': 'Licence: EUPL-1.2',

  'nav.label': 'Main menu',
  'header.userLabel': 'Logged in as',
  'header.logout': 'Log out',

  'role.consultant': 'Consultant',
  'role.teamleider': 'Team leader',
  'role.beleidsmedewerker': 'Policy officer',
  'role.onderzoeker': 'Researcher',
  'role.beheerder': 'Functional administrator',

  'login.title': 'Log in',
  'login.intro': 'Log in with the user name and password you were given by your municipality.',
  'login.username': 'User name',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'login.busy': 'Logging in…',
  'login.usernameMissing': 'Enter your user name.',
  'login.passwordMissing': 'Enter your password.',
  'login.loggedOut': 'You have logged out.',
  'login.sessionEnded': 'You are no longer logged in. Please log in again.',
  'login.oidc': 'Log in with your municipality account',
  'login.oidcIntro':
    'Do you log in through your municipality? Then use the button below. You need no separate password.',
  'login.localTitle': 'Log in with a Kansenspiegel password',
  'login.oidc.geweigerd': 'Logging in through the municipality did not work. Please try again.',
  'login.oidc.geen-rol':
    'Your municipality account gives no role in Kansenspiegel. Ask the administrator to give you a role.',
  'login.oidc.meer-rollen':
    'Your municipality account gives more than one role in Kansenspiegel. Ask the administrator to fix this.',
  'login.oidc.geen-naam': 'Your municipality account sends no user name. Ask the administrator to fix this.',
  'login.oidc.geen-team':
    'Your municipality account names no team that Kansenspiegel knows. Ask the administrator to fix this.',
  'login.oidc.niet-actief': 'Your Kansenspiegel account is switched off. Please contact the administrator.',
  'login.help': 'Forgot your password or have no account? Contact the functional administrator of your department.',

  'error.LOGIN_FAILED': 'The user name or password is not correct.',
  'error.RATE_LIMITED': 'A wrong password was entered too often. Please wait a moment and try again.',
  'error.NETWORK': 'Kansenspiegel cannot be reached. Check your network and try again.',
  'error.generic': 'Something went wrong. Please try again later.',
  'error.retry': 'Try again',

  'start.title': 'Start',
  'start.welcome': 'Welcome, {name}',
  'start.intro': 'You are logged in with the role of {role}. Below is what you can do in Kansenspiegel.',
  'start.tasks': 'What would you like to do?',
  'task.clients.title': 'My clients',
  'task.clients.consultant': 'See your clients, their action plans and agreements.',
  'task.clients.teamleider': 'See the clients of your team and who guides them.',
  'task.team.title': 'Team',
  'task.team.text':
    'See the caseloads of your team, who is at the bottom of the pile, and prepare a case for intervision.',
  'task.questionnaires.title': 'Questionnaires',
  'task.questionnaires.text':
    'Plan the questionnaire at the measurement moments (T0, T1, T2), send a personal link or let the client fill it in on your laptop.',
  'task.outcomes.title': 'Measurement moments',
  'task.outcomes.text': 'See how clients are doing between measurement moments, per group, and who stops answering.',
  'task.mirror.title': 'Mirror',
  'task.mirror.text': 'See whether all groups of clients get the same opportunities, from the first meeting to work.',
  'task.learning.title': 'Learning',
  'task.learning.text': 'Choose an approach for a case and see how colleagues chose; look back on your conversations.',
  'task.teamHabits.title': 'Team habits',
  'task.teamHabits.text': 'See per team how often discrimination is discussed and the client’s own wish written down.',
  'task.employers.title': 'Employers',
  'task.employers.text':
    'Employers, vacancies with fair requirements, proposals and follow-up; and where groups drop out at employers.',
  'task.research.title': 'Research export',
  'task.research.text': 'Download the pseudonymised export for research, protected by k-anonymity.',
  'task.admin.title': 'Administration',
  'task.admin.text': 'Manage users, teams and the list of provisions.',
  'clients.count.consultant': { one: 'You guide {count} client.', other: 'You guide {count} clients.' },
  'clients.count.teamleider': { one: '{team} guides {count} client.', other: '{team} guides {count} clients.' },
  'clients.count.left': { one: '({count} left the benefit)', other: '({count} left the benefit)' },
  'clients.count.yourTeam': 'Your team',
  'clients.count.loading': 'Fetching the number of clients…',
  'clients.count.failed': 'The number of clients could not be fetched.',

  'placeholder.text': 'This part is still being built. It will come in a next version of Kansenspiegel.',
  'placeholder.back': 'Back to the start page',
  'notFound.title': 'Page not found',
  'notFound.text': 'This page does not exist. Perhaps the address was not copied correctly.',
};
