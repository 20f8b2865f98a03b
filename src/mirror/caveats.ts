/**
 * What the national figures count, shown wherever local figures sit beside them: on the page
 * and in every export, in the same words.
 */
export const NATIONAL_CAVEAT = {
  nl: 'Let op bij de vergelijking met Nederland. Het CBS telde alle mensen die in 2018 bijstand hadden, in heel Nederland. Een voorziening, werk of duurzaam werk telde het CBS mee als iemand dat in 2018 of 2019 kreeg, ook als dat was nadat de bijstand was gestopt. Hier tellen we alleen wat in de gekozen periode gebeurde, in deze gemeente. Een deel van elk verschil tussen hier en landelijk komt dus door die verschillen in definitie, en niet door een andere aanpak. Bron: CBS, Gelijke Kansenspiegel, tabel 2.1.',
  en: 'Note on the comparison with the Netherlands. CBS counted everyone who had social assistance in 2018, across the Netherlands. CBS counted a provision, work or lasting work if someone got it in 2018 or 2019, also if that was after the assistance had ended. Here we count only what happened in the chosen period, in this municipality. Part of any difference between here and nationally therefore comes from these differences in definition, not from a different approach. Source: CBS, Gelijke Kansenspiegel, table 2.1.',
} as const;
