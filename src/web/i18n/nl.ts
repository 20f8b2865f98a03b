/**
 * Dutch texts (B1), the first language of the interface. The keys and their shape are the
 * contract for every other language: en.ts must give the same keys.
 *
 * `{name}` marks a value filled in by t(); an object with `one` and `other` is a text that
 * depends on a number (`{count}`).
 */
export const nl = {
  'app.name': 'Kansenspiegel',
  'app.description': 'Begeleiding naar werk en gelijke kansen',
  'page.titleSuffix': 'Kansenspiegel',
  skipLink: 'Direct naar de inhoud',
  'language.label': 'Taal',
  loading: 'Bezig met laden…',
  'footer.about': 'Kansenspiegel is open-source software voor afdelingen Werk en Inkomen van gemeenten.',
  'footer.license': 'Licentie: EUPL-1.2',

  'nav.label': 'Hoofdmenu',
  'header.userLabel': 'Ingelogd als',
  'header.logout': 'Uitloggen',

  'role.consultant': 'Klantmanager',
  'role.teamleider': 'Teamleider',
  'role.beleidsmedewerker': 'Beleidsmedewerker',
  'role.onderzoeker': 'Onderzoeker',
  'role.beheerder': 'Functioneel beheerder',

  'login.title': 'Inloggen',
  'login.intro': 'Log in met de gebruikersnaam en het wachtwoord die u van uw gemeente hebt gekregen.',
  'login.username': 'Gebruikersnaam',
  'login.password': 'Wachtwoord',
  'login.submit': 'Inloggen',
  'login.busy': 'Bezig met inloggen…',
  'login.usernameMissing': 'Vul uw gebruikersnaam in.',
  'login.passwordMissing': 'Vul uw wachtwoord in.',
  'login.loggedOut': 'U bent uitgelogd.',
  'login.sessionEnded': 'U bent niet meer ingelogd. Log opnieuw in.',
  'login.oidc': 'Inloggen met uw account van de gemeente',
  'login.oidcIntro':
    'Logt u in via de gemeente? Gebruik dan de knop hieronder. U hebt dan geen apart wachtwoord nodig.',
  'login.localTitle': 'Inloggen met een wachtwoord van Kansenspiegel',
  'login.oidc.geweigerd': 'Inloggen via de gemeente is niet gelukt. Probeer het opnieuw.',
  'login.oidc.geen-rol':
    'Uw account van de gemeente geeft geen rol in Kansenspiegel. Vraag de functioneel beheerder om u een rol te geven.',
  'login.oidc.meer-rollen':
    'Uw account van de gemeente geeft meer dan één rol in Kansenspiegel. Vraag de functioneel beheerder om dit op te lossen.',
  'login.oidc.geen-naam':
    'Uw account van de gemeente stuurt geen gebruikersnaam mee. Vraag de functioneel beheerder om dit op te lossen.',
  'login.oidc.geen-team':
    'Uw account van de gemeente noemt geen team dat Kansenspiegel kent. Vraag de functioneel beheerder om dit op te lossen.',
  'login.oidc.niet-actief': 'Uw account in Kansenspiegel staat uit. Neem contact op met de functioneel beheerder.',
  'login.help': 'Wachtwoord vergeten of geen account? Neem contact op met de functioneel beheerder van uw afdeling.',

  'error.LOGIN_FAILED': 'Gebruikersnaam of wachtwoord klopt niet.',
  'error.RATE_LIMITED': 'Er is te vaak een verkeerd wachtwoord ingevuld. Wacht even en probeer het dan opnieuw.',
  'error.NETWORK': 'Er is geen verbinding met Kansenspiegel. Controleer uw netwerk en probeer het opnieuw.',
  'error.generic': 'Er ging iets mis. Probeer het later opnieuw.',
  'error.retry': 'Opnieuw proberen',

  'start.title': 'Start',
  'start.welcome': 'Welkom, {name}',
  'start.intro': 'U bent ingelogd als {role}. Hieronder staat wat u in Kansenspiegel kunt doen.',
  'start.tasks': 'Wat wilt u doen?',
  'task.clients.title': 'Mijn klanten',
  'task.clients.consultant': 'Bekijk uw klanten, hun plan van aanpak en de afspraken.',
  'task.clients.teamleider': 'Bekijk de klanten van uw team en wie hen begeleidt.',
  'task.team.title': 'Team',
  'task.team.text': 'Bekijk de caseloads van uw team, wie onder op de stapel raakt, en maak een casus voor intervisie.',
  'task.questionnaires.title': 'Vragenlijsten',
  'task.questionnaires.text':
    'Plan de vragenlijst op de meetmomenten (T0, T1, T2), stuur een persoonlijke link of laat de klant invullen op uw laptop.',
  'task.outcomes.title': 'Meetmomenten',
  'task.outcomes.text':
    'Zie hoe het de klanten gaat tussen de meetmomenten, per groep, en wie de vragenlijst niet meer invult.',
  'task.mirror.title': 'Spiegel',
  'task.mirror.text': 'Zie of alle groepen klanten dezelfde kansen krijgen: van eerste gesprek tot werk.',
  'task.learning.title': 'Leren',
  'task.learning.text': 'Kies bij een casus een werkwijze en zie hoe collega’s kozen; kijk terug op uw gesprekken.',
  'task.teamHabits.title': 'Teamgewoonten',
  'task.teamHabits.text':
    'Zie per team hoe vaak discriminatie besproken wordt en de eigen wens van de klant opgeschreven.',
  'task.employers.title': 'Werkgevers',
  'task.employers.text':
    'Werkgevers, vacatures met eerlijke eisen, voorstellen en nazorg; en waar groepen afvallen bij werkgevers.',
  'task.research.title': 'Onderzoeksexport',
  'task.research.text': 'Download de gepseudonimiseerde export voor onderzoek, beschermd met k-anonimiteit.',
  'task.admin.title': 'Beheer',
  'task.admin.text': 'Beheer gebruikers, teams en de lijst met voorzieningen.',
  'clients.count.consultant': { one: 'U begeleidt {count} klant.', other: 'U begeleidt {count} klanten.' },
  'clients.count.teamleider': { one: '{team} begeleidt {count} klant.', other: '{team} begeleidt {count} klanten.' },
  'clients.count.left': { one: '({count} uitgestroomd)', other: '({count} uitgestroomd)' },
  'clients.count.yourTeam': 'Uw team',
  'clients.count.loading': 'Het aantal klanten wordt opgehaald…',
  'clients.count.failed': 'Het aantal klanten kon niet worden opgehaald.',

  'placeholder.text': 'Dit onderdeel is nog in ontwikkeling. Het komt in een volgende versie van Kansenspiegel.',
  'placeholder.back': 'Terug naar de startpagina',
  'notFound.title': 'Pagina niet gevonden',
  'notFound.text': 'Deze pagina bestaat niet. Misschien is het adres niet goed overgenomen.',
} as const;
