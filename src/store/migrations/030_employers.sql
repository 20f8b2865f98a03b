-- Employers and placement (werkgevers en plaatsing): employers with contacts, inclusive-employer
-- marks and agreements; vacancies whose requirements are each judged; a client's work profile
-- for matching; proposals through the employer's decision moments with follow-up after
-- placement; discriminatory requests under the municipality's protocol; external tracks with
-- their lead party's signals. Case data only: nothing here refers to the monitoring schema.

-- Inclusive-employer marks (De Normaalste Zaak, Charter Diversiteit, PSO, SEBO, open hiring), kept in beheer.
CREATE TABLE employer_mark (
  id              serial PRIMARY KEY,
  municipality_id integer NOT NULL REFERENCES municipality(id),
  code            text NOT NULL CHECK (code ~ '^[a-z0-9_]{2,40}$'),
  name            text NOT NULL,
  active          boolean NOT NULL DEFAULT true,
  UNIQUE (municipality_id, code)
);

CREATE TABLE employer (
  id               serial PRIMARY KEY,
  municipality_id  integer NOT NULL REFERENCES municipality(id),
  name             text NOT NULL,
  sector           text NOT NULL,
  size             text NOT NULL CHECK (size IN ('klein', 'middel', 'groot')),
  place            text NOT NULL DEFAULT '',
  -- Named on purpose as a good example in reports (a decision of the policy officer).
  named_as_example boolean NOT NULL DEFAULT false,
  created_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (municipality_id, name)
);

CREATE TABLE employer_contact (
  id           serial PRIMARY KEY,
  employer_id  integer NOT NULL REFERENCES employer(id) ON DELETE CASCADE,
  name         text NOT NULL,
  role         text NOT NULL DEFAULT '',
  phone        text,
  email        text
);
CREATE INDEX employer_contact_employer_idx ON employer_contact (employer_id);

CREATE TABLE employer_mark_holding (
  employer_id  integer NOT NULL REFERENCES employer(id) ON DELETE CASCADE,
  mark_id      integer NOT NULL REFERENCES employer_mark(id),
  since        date,
  PRIMARY KEY (employer_id, mark_id)
);

CREATE TABLE employer_agreement (
  id           serial PRIMARY KEY,
  employer_id  integer NOT NULL REFERENCES employer(id) ON DELETE CASCADE,
  kind         text NOT NULL CHECK (kind IN ('extra_begeleiding', 'proefplaatsing', 'banenafspraak', 'leerwerkplek', 'overig')),
  description  text NOT NULL,
  start_date   date NOT NULL,
  end_date     date,
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX employer_agreement_employer_idx ON employer_agreement (employer_id);

CREATE TABLE vacancy (
  id              serial PRIMARY KEY,
  employer_id     integer NOT NULL REFERENCES employer(id) ON DELETE CASCADE,
  title           text NOT NULL,
  place           text NOT NULL,
  hours_per_week  numeric(4,1) NOT NULL CHECK (hours_per_week > 0 AND hours_per_week <= 60),
  competences     text[] NOT NULL DEFAULT '{}',
  description     text NOT NULL DEFAULT '',
  opened_on       date NOT NULL,
  closed_on       date,
  CHECK (closed_on IS NULL OR closed_on >= opened_on)
);
CREATE INDEX vacancy_employer_idx ON vacancy (employer_id);

-- Every requirement is judged: labour-market relevant (with a reason) or not needed for the job.
-- A requirement that is not needed is raised with the employer; the answer is recorded.
CREATE TABLE vacancy_requirement (
  id               serial PRIMARY KEY,
  vacancy_id       integer NOT NULL REFERENCES vacancy(id) ON DELETE CASCADE,
  kind             text NOT NULL CHECK (kind IN ('taalniveau', 'diploma', 'ervaring', 'rijbewijs', 'culturele_fit', 'vaardigheid', 'overig')),
  description      text NOT NULL,
  assessment       text NOT NULL CHECK (assessment IN ('arbeidsmarktrelevant', 'niet_nodig')),
  reason           text,
  raised_on        date,
  employer_answer  text,
  outcome          text CHECK (outcome IN ('geschrapt', 'aangepast', 'gehandhaafd')),
  CHECK (assessment <> 'arbeidsmarktrelevant' OR (reason IS NOT NULL AND btrim(reason) <> '')),
  CHECK (outcome IS NULL OR (raised_on IS NOT NULL AND employer_answer IS NOT NULL))
);
CREATE INDEX vacancy_requirement_vacancy_idx ON vacancy_requirement (vacancy_id);

-- What a client can and wants, for matching: competences, experience, hours, travel and own wishes.
CREATE TABLE client_work_profile (
  client_id         integer PRIMARY KEY REFERENCES client(id) ON DELETE CASCADE,
  competences       text[] NOT NULL DEFAULT '{}',
  experience        text[] NOT NULL DEFAULT '{}',
  hours_min         numeric(4,1) NOT NULL DEFAULT 0 CHECK (hours_min >= 0 AND hours_min <= 60),
  hours_max         numeric(4,1) NOT NULL DEFAULT 40 CHECK (hours_max > 0 AND hours_max <= 60),
  reachable_places  text[] NOT NULL DEFAULT '{}',
  wished_sectors    text[] NOT NULL DEFAULT '{}',
  wishes            text NOT NULL DEFAULT '',
  updated_on        date NOT NULL,
  CHECK (hours_min <= hours_max)
);

-- A client proposed for a vacancy, and the employer's decision moments after it.
CREATE TABLE proposal (
  id              serial PRIMARY KEY,
  vacancy_id      integer NOT NULL REFERENCES vacancy(id) ON DELETE CASCADE,
  client_id       integer NOT NULL REFERENCES client(id) ON DELETE CASCADE,
  proposed_on     date NOT NULL,
  proposed_by     integer REFERENCES app_user(id),
  decision_reason text NOT NULL,
  match_summary   text NOT NULL DEFAULT '',
  invited_on      date,
  hired_on        date,
  stopped_on      date,
  stopped_stage   text CHECK (stopped_stage IN ('voorgesteld', 'uitgenodigd', 'aangenomen')),
  stopped_reason  text,
  UNIQUE (vacancy_id, client_id),
  CHECK (invited_on IS NULL OR invited_on >= proposed_on),
  CHECK (hired_on IS NULL OR (invited_on IS NOT NULL AND hired_on >= invited_on)),
  CHECK ((stopped_on IS NULL) = (stopped_stage IS NULL))
);
CREATE INDEX proposal_client_idx ON proposal (client_id);
CREATE INDEX proposal_vacancy_idx ON proposal (vacancy_id);

-- Follow-up contacts after a placement (at 1, 6 and 12 months): scheduled, then held.
CREATE TABLE placement_follow_up (
  id             serial PRIMARY KEY,
  proposal_id    integer NOT NULL REFERENCES proposal(id) ON DELETE CASCADE,
  months         smallint NOT NULL CHECK (months IN (1, 6, 12)),
  due_on         date NOT NULL,
  held_on        date,
  still_working  boolean,
  note           text,
  UNIQUE (proposal_id, months),
  CHECK ((held_on IS NULL) = (still_working IS NULL))
);

-- A discriminatory request by an employer and what was done under the protocol.
CREATE TABLE discriminatory_request (
  id                serial PRIMARY KEY,
  employer_id       integer NOT NULL REFERENCES employer(id) ON DELETE CASCADE,
  vacancy_id        integer REFERENCES vacancy(id) ON DELETE SET NULL,
  received_on       date NOT NULL,
  kind              text NOT NULL CHECK (kind IN ('expliciet', 'impliciet', 'positief')),
  ground            text NOT NULL CHECK (ground IN ('herkomst', 'religie', 'leeftijd', 'geslacht', 'beperking', 'anders')),
  wording           text NOT NULL,
  action            text NOT NULL CHECK (action IN ('geweigerd', 'besproken', 'gemeld')),
  -- The protocol's decision whether a report may name this employer.
  naming_decision   text NOT NULL DEFAULT 'open' CHECK (naming_decision IN ('open', 'noemen', 'niet_noemen')),
  decided_by        integer REFERENCES app_user(id),
  recorded_by       integer REFERENCES app_user(id)
);
CREATE INDEX discriminatory_request_employer_idx ON discriminatory_request (employer_id);

-- An external track (e.g. at a re-integration company) with the party that leads it.
CREATE TABLE external_track (
  id           serial PRIMARY KEY,
  client_id    integer NOT NULL REFERENCES client(id) ON DELETE CASCADE,
  lead_party   text NOT NULL,
  name         text NOT NULL,
  started_on   date NOT NULL,
  ended_on     date,
  CHECK (ended_on IS NULL OR ended_on >= started_on)
);
CREATE INDEX external_track_client_idx ON external_track (client_id);

-- Signals of the lead party; they reach the consultant as caseload signals until seen.
CREATE TABLE track_signal (
  id            serial PRIMARY KEY,
  track_id      integer NOT NULL REFERENCES external_track(id) ON DELETE CASCADE,
  kind          text NOT NULL CHECK (kind IN ('niet_verschenen', 'uitgevallen', 'werk_gevonden')),
  signalled_on  date NOT NULL,
  note          text NOT NULL DEFAULT '',
  seen_on       date,
  seen_by       integer REFERENCES app_user(id)
);
CREATE INDEX track_signal_track_idx ON track_signal (track_id);
