import type { IntervisionAnswer } from '../../api-casefile.js';

/**
 * The situation of a new case from an anonymised intervision summary: age band, household,
 * education, language, work experience, the diagnoses and the instruments so far. No names,
 * no dates finer than a month; the team leader checks and edits the text before saving.
 */
export function situationFromIntervision(s: IntervisionAnswer): string {
  const lines = [
    `Een klant in de leeftijd ${s.ageBand} jaar, huishouden: ${s.household.replace(/_/g, ' ')}.`,
    `Opleiding: ${s.educationLevel.replace(/_/g, ' ')}; Nederlandse taal: ${s.dutchLanguageLevel}; werkervaring: ${s.workExperience}.`,
  ];
  for (const d of s.diagnoses)
    lines.push(`${d.month}: diagnose ${d.distance === 'kort' ? 'korte' : 'lange'} afstand tot werk.`);
  for (const i of s.instruments)
    lines.push(`${i.requestedMonth}: ${i.name}${i.outcome ? ` (${i.outcome.replace(/_/g, ' ')})` : ''}.`);
  lines.push(`Aantal gesprekken tot nu toe: ${s.conversations.total}.`);
  return lines.join('\n');
}
