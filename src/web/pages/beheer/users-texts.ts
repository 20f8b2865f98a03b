import { defineTexts } from '../../components/useTexts.js';

/** Texts of the users panel in Beheer: Dutch (B1) first. */
export const useUserTexts = defineTexts(
  {
    title: 'Gebruikers beheren',
    intro:
      'Wijzig naam, rol of team, zet een gebruiker uit of weer aan, of maak een tijdelijk wachtwoord. Wie u uitzet, wordt meteen uitgelogd.',
    name: 'Naam',
    username: 'Gebruikersnaam',
    role: 'Rol',
    team: 'Team',
    status: 'Status',
    actions: 'Acties',
    active: 'Actief',
    inactive: 'Uitgezet',
    mustChange: 'Kiest nieuw wachtwoord',
    viaIdp: 'Via de gemeente',
    edit: 'Wijzigen',
    editTitle: 'Wijzig {name}',
    save: 'Opslaan',
    deactivate: 'Uitzetten',
    activate: 'Weer aanzetten',
    reset: 'Wachtwoord resetten',
    confirmReset:
      'Weet u zeker dat u het wachtwoord van {name} wilt resetten? Het oude wachtwoord werkt dan niet meer.',
    resetDone:
      'Het tijdelijke wachtwoord van {name} is: {password}. Geef het op een veilige manier door. U ziet het maar één keer. Bij de volgende keer inloggen kiest {name} een eigen wachtwoord.',
    teamHelp: 'Verplicht voor een klantmanager of teamleider.',
    noTeam: '—',
  },
  {
    title: 'Manage users',
    intro:
      'Change name, role or team, switch a user off or on again, or make a temporary password. A user you switch off is logged out at once.',
    name: 'Name',
    username: 'User name',
    role: 'Role',
    team: 'Team',
    status: 'Status',
    actions: 'Actions',
    active: 'Active',
    inactive: 'Switched off',
    mustChange: 'Chooses new password',
    viaIdp: 'Through the municipality',
    edit: 'Change',
    editTitle: 'Change {name}',
    save: 'Save',
    deactivate: 'Switch off',
    activate: 'Switch on again',
    reset: 'Reset password',
    confirmReset: 'Are you sure you want to reset the password of {name}? The old password will stop working.',
    resetDone:
      'The temporary password of {name} is: {password}. Pass it on safely. You see it only once. At the next log-in {name} chooses a password of their own.',
    teamHelp: 'Required for a consultant or team leader.',
    noTeam: '—',
  },
);
