/**
 * The demo municipality Demodam: a deterministic generator of a complete, plausible dataset
 * (organisation, about 6,000 clients over three years with their whole guidance history, and the
 * special-category monitoring rows) with built-in truths for the mirror (docs/demodam.md).
 *
 * Every client is drawn from random streams seeded by (seed, stream, client number), so the
 * result does not depend on chunking and a chunk can be made without the ones before it, apart
 * from the running row ids. Nothing here depends on the pseudonym secret.
 */
import { dayOf, isoOf } from './dates.js';
import { demoBsn, MAX_DEMO_BSNS } from './bsn.js';
import { addHistory, newIdCounters } from './history.js';
import { buildOrganisation, defaultConsultants, MUNICIPALITY_ID } from './organisation.js';
import { drawPerson } from './person.js';
import { MUNICIPALITY } from './places.js';
import { createRandom } from './random.js';
import {
  CLIENT_TABLES,
  emptyClientTables,
  type ClientTables,
  type DemodamData,
  type OrganisationTables,
} from './rows.js';

/** Options of the generator; every one has a default. */
export interface DemodamOptions {
  /** Seed text; the same seed gives the same data. Default 'demodam'. */
  seed?: string;
  /** Number of clients. Default 6,000. */
  clients?: number;
  /** The "today" of the data (ISO date): nothing happens after it. Default 2026-10-31. */
  referenceDate?: string;
  /** First possible benefit start (ISO date). Default 2024-01-01. */
  firstStartDate?: string;
  /** Number of consultants. Default 30, or one per 200 clients for bigger runs. */
  consultants?: number;
  /** Clients per chunk in the streaming form. Default 5,000. */
  chunkSize?: number;
}

/** The options with their defaults filled in. */
export function demodamSettings(opts: DemodamOptions = {}): Required<DemodamOptions> {
  const clients = opts.clients ?? 6000;
  if (!Number.isInteger(clients) || clients < 1 || clients > MAX_DEMO_BSNS)
    throw new RangeError(`clients must be 1 … ${MAX_DEMO_BSNS}`);
  const s = {
    seed: opts.seed ?? 'demodam',
    clients,
    referenceDate: opts.referenceDate ?? '2026-10-31',
    firstStartDate: opts.firstStartDate ?? '2024-01-01',
    consultants: opts.consultants ?? defaultConsultants(clients),
    chunkSize: opts.chunkSize ?? 5000,
  };
  if (dayOf(s.referenceDate) < dayOf(s.firstStartDate))
    throw new RangeError('referenceDate lies before firstStartDate');
  if (!Number.isInteger(s.chunkSize) || s.chunkSize < 1) throw new RangeError('chunkSize must be a positive integer');
  return s;
}

/** Demodam's organisation: municipality, neighbourhoods, teams, accounts, life domains, instruments. */
export function generateDemodamOrganisation(opts: DemodamOptions = {}): OrganisationTables {
  const s = demodamSettings(opts);
  return buildOrganisation(s.seed, s.consultants).tables;
}

/**
 * Demodam's clients in chunks of `chunkSize`, each chunk with all its clients' rows in every
 * client table. Ids run on across chunks; the organisation comes from generateDemodamOrganisation
 * with the same options.
 */
export function* generateDemodamChunks(opts: DemodamOptions = {}): Generator<ClientTables, void, undefined> {
  const s = demodamSettings(opts);
  const { staffing } = buildOrganisation(s.seed, s.consultants);
  const refDay = dayOf(s.referenceDate);
  const firstDay = dayOf(s.firstStartDate);
  const span = refDay - firstDay + 1;
  const ids = newIdCounters();
  for (let from = 0; from < s.clients; from += s.chunkSize) {
    const out = emptyClientTables();
    const to = Math.min(s.clients, from + s.chunkSize);
    for (let index = from; index < to; index++) {
      const clientId = index + 1;
      const personRnd = createRandom(s.seed, 'person', index);
      // benefit starts spread evenly over the period; client ids follow the start date
      const startDay = firstDay + Math.floor(((index + personRnd.next()) / s.clients) * span);
      const person = drawPerson(personRnd, createRandom(s.seed, 'origin', index), startDay, staffing);
      out.client.push({
        id: clientId,
        municipality_id: MUNICIPALITY_ID,
        bsn: demoBsn(index),
        given_name: person.givenName,
        family_name: person.familyName,
        birth_date: person.birthDate,
        gender: person.gender,
        ...person.address,
        city: MUNICIPALITY.name,
        neighbourhood_id: person.neighbourhoodId,
        household: person.household,
        education_level: person.education,
        dutch_language_level: person.language,
        work_experience: person.workExperience,
        doelgroepregister: person.doelgroepregister,
        team_id: person.teamId,
        consultant_id: person.consultantId,
        created_at: `${isoOf(startDay)}T08:00:00.000Z`,
      });
      addHistory(
        out,
        ids,
        { refDay, teamConsultants: staffing.consultantsByTeam.get(person.teamId) ?? [] },
        clientId,
        person,
        createRandom(s.seed, 'path', index),
        createRandom(s.seed, 'text', index),
        createRandom(s.seed, 'intersection', index),
      );
      const o = person.origin;
      out.monitoring_person.push({
        client_id: clientId,
        municipality_id: MUNICIPALITY_ID,
        birth_country: o.birthCountry,
        mother_birth_country: o.motherBirthCountry,
        father_birth_country: o.fatherBirthCountry,
        nationality: o.nationality,
        statushouder: o.statushouder,
        religion: o.religion,
        health_limitation: person.healthLimitation,
        source: o.religion !== null || o.backgrounds.length > 0 ? 'vragenlijst' : 'registratie',
      });
      for (const background of o.backgrounds)
        out.monitoring_cultural_background.push({ client_id: clientId, background });
    }
    yield out;
  }
}

/** All of Demodam in memory (fine up to some tens of thousands of clients; use the chunks beyond). */
export function generateDemodam(opts: DemodamOptions = {}): DemodamData {
  const all = emptyClientTables();
  for (const chunk of generateDemodamChunks(opts)) {
    for (const table of CLIENT_TABLES) {
      const target = all[table] as unknown[];
      for (const row of chunk[table] as unknown[]) target.push(row);
    }
  }
  return { ...generateDemodamOrganisation(opts), ...all };
}
