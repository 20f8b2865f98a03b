-- Kansenspiegel: the case file (casusdossier) and the organisation.
-- Everything a consultant works with. No special-category data lives here:
-- see 002_monitoring.sql for that.

CREATE TABLE municipality (
  id          serial PRIMARY KEY,
  code        text NOT NULL UNIQUE,          -- CBS gemeentecode, e.g. GM9999
  name        text NOT NULL
);

CREATE TABLE team (
  id              serial PRIMARY KEY,
  municipality_id integer NOT NULL REFERENCES municipality(id),
  name            text NOT NULL,
  UNIQUE (municipality_id, name)
);

CREATE TABLE app_user (
  id              serial PRIMARY KEY,
  municipality_id integer NOT NULL REFERENCES municipality(id),
  team_id         integer REFERENCES team(id),
  username        text NOT NULL UNIQUE,
  display_name    text NOT NULL,
  password_hash   text NOT NULL,
  role            text NOT NULL CHECK (role IN ('consultant', 'teamleider', 'beleidsmedewerker', 'onderzoeker', 'beheerder')),
  active          boolean NOT NULL DEFAULT true,
  failed_logins   integer NOT NULL DEFAULT 0,
  locked_until    timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (role NOT IN ('consultant', 'teamleider') OR team_id IS NOT NULL)
);

CREATE TABLE user_session (
  token_hash  text PRIMARY KEY,              -- sha256 of the cookie value; the cookie itself is never stored
  user_id     integer NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  csrf_token  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL
);

CREATE TABLE neighbourhood (
  id              serial PRIMARY KEY,
  municipality_id integer NOT NULL REFERENCES municipality(id),
  code            text NOT NULL,             -- CBS wijkcode, e.g. WK999901
  name            text NOT NULL,
  UNIQUE (municipality_id, code)
);

-- A person on (or applying for) social assistance.
CREATE TABLE client (
  id                   serial PRIMARY KEY,
  municipality_id      integer NOT NULL REFERENCES municipality(id),
  bsn                  char(9) NOT NULL,
  given_name           text NOT NULL,
  family_name          text NOT NULL,
  birth_date           date NOT NULL,
  gender               text NOT NULL DEFAULT 'onbekend' CHECK (gender IN ('man', 'vrouw', 'anders', 'onbekend')),
  street               text,
  house_number         text,
  postcode             text,
  city                 text,
  neighbourhood_id     integer REFERENCES neighbourhood(id),
  household            text NOT NULL DEFAULT 'onbekend'
                         CHECK (household IN ('alleenstaand', 'eenouder', 'paar_met_kinderen', 'paar_zonder_kinderen', 'overig', 'onbekend')),
  education_level      text NOT NULL DEFAULT 'onbekend'
                         CHECK (education_level IN ('geen_basis', 'vmbo_mbo1', 'startkwalificatie', 'hbo_wo', 'onbekend')),
  dutch_language_level text NOT NULL DEFAULT 'onbekend'
                         CHECK (dutch_language_level IN ('A0', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'onbekend')),
  work_experience      text NOT NULL DEFAULT 'onbekend'
                         CHECK (work_experience IN ('geen', 'buitenland', 'nederland', 'onbekend')),
  doelgroepregister    boolean NOT NULL DEFAULT false,
  team_id              integer NOT NULL REFERENCES team(id),
  consultant_id        integer REFERENCES app_user(id),
  version              integer NOT NULL DEFAULT 1,   -- optimistic locking
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  UNIQUE (municipality_id, bsn)
);
CREATE INDEX client_team_idx ON client (team_id);
CREATE INDEX client_consultant_idx ON client (consultant_id);

CREATE TABLE benefit_period (
  id          serial PRIMARY KEY,
  client_id   integer NOT NULL REFERENCES client(id) ON DELETE CASCADE,
  start_date  date NOT NULL,
  end_date    date,
  end_reason  text CHECK (end_reason IN ('werk', 'werk_met_loonkostensubsidie', 'onderwijs', 'inkomen_partner',
                                         'verhuizing', 'aow', 'overlijden', 'detentie', 'overig')),
  CHECK (end_date IS NULL OR end_date >= start_date),
  CHECK ((end_date IS NULL) = (end_reason IS NULL))
);
CREATE INDEX benefit_period_client_idx ON benefit_period (client_id);

-- Life domains for the intake scan (configurable per municipality; ZRM-like 1..5 scores).
CREATE TABLE life_domain (
  id              serial PRIMARY KEY,
  municipality_id integer NOT NULL REFERENCES municipality(id),
  code            text NOT NULL,
  name            text NOT NULL,
  sort_order      integer NOT NULL DEFAULT 0,
  active          boolean NOT NULL DEFAULT true,
  UNIQUE (municipality_id, code)
);

CREATE TABLE intake (
  id                     serial PRIMARY KEY,
  client_id              integer NOT NULL REFERENCES client(id) ON DELETE CASCADE,
  held_on                date NOT NULL,
  consultant_id          integer REFERENCES app_user(id),
  history                text,
  situation              text,
  wishes                 text,
  work_experience_note   text,
  diplomas               text,
  foreign_diploma_valued boolean,
  network                text
);
CREATE INDEX intake_client_idx ON intake (client_id);

CREATE TABLE intake_domain_score (
  intake_id      integer NOT NULL REFERENCES intake(id) ON DELETE CASCADE,
  life_domain_id integer NOT NULL REFERENCES life_domain(id),
  score          smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
  note           text,
  PRIMARY KEY (intake_id, life_domain_id)
);

-- Diagnosis advice: every advice is kept; the latest by given_on (then id) is current.
CREATE TABLE diagnosis (
  id          serial PRIMARY KEY,
  client_id   integer NOT NULL REFERENCES client(id) ON DELETE CASCADE,
  given_on    date NOT NULL,
  distance    text NOT NULL CHECK (distance IN ('kort', 'lang')),
  reasons     text NOT NULL,
  given_by    integer REFERENCES app_user(id)
);
CREATE INDEX diagnosis_client_idx ON diagnosis (client_id);

-- Werkpleinbestand (short distance, with a werkzoekendebegeleider) or Wijkbestand (long distance).
CREATE TABLE bestand_period (
  id          serial PRIMARY KEY,
  client_id   integer NOT NULL REFERENCES client(id) ON DELETE CASCADE,
  bestand     text NOT NULL CHECK (bestand IN ('werkplein', 'wijk')),
  start_date  date NOT NULL,
  end_date    date,
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX bestand_period_client_idx ON bestand_period (client_id);

CREATE TABLE action_plan (
  id             serial PRIMARY KEY,
  client_id      integer NOT NULL REFERENCES client(id) ON DELETE CASCADE,
  created_on     date NOT NULL,
  status         text NOT NULL DEFAULT 'actief' CHECK (status IN ('concept', 'actief', 'afgerond')),
  consultant_id  integer REFERENCES app_user(id),
  version        integer NOT NULL DEFAULT 1
);
CREATE INDEX action_plan_client_idx ON action_plan (client_id);

CREATE TABLE plan_goal (
  id          serial PRIMARY KEY,
  plan_id     integer NOT NULL REFERENCES action_plan(id) ON DELETE CASCADE,
  description text NOT NULL,
  sort_order  integer NOT NULL DEFAULT 0
);

CREATE TABLE plan_step (
  id          serial PRIMARY KEY,
  plan_id     integer NOT NULL REFERENCES action_plan(id) ON DELETE CASCADE,
  goal_id     integer REFERENCES plan_goal(id) ON DELETE SET NULL,
  description text NOT NULL,
  due_on      date,
  done_on     date
);

-- CBS Statistiek Re-integratie door Gemeenten (SRG): type codes of provisions.
CREATE TABLE srg_type (
  code  integer PRIMARY KEY,
  name  text NOT NULL
);

-- The municipality's modular instrument catalogue.
CREATE TABLE instrument (
  id              serial PRIMARY KEY,
  municipality_id integer NOT NULL REFERENCES municipality(id),
  code            text NOT NULL,
  name            text NOT NULL,
  srg_code        integer NOT NULL REFERENCES srg_type(code),
  description     text NOT NULL DEFAULT '',
  asks            text NOT NULL DEFAULT '',      -- what it asks of the person
  yields          text NOT NULL DEFAULT '',      -- what it yields
  target_group    text,                          -- NULL = open to all; otherwise the one group it is reserved for
  active          boolean NOT NULL DEFAULT true,
  UNIQUE (municipality_id, code)
);

CREATE TABLE instrument_allocation (
  id             serial PRIMARY KEY,
  client_id      integer NOT NULL REFERENCES client(id) ON DELETE CASCADE,
  instrument_id  integer NOT NULL REFERENCES instrument(id),
  requested_on   date NOT NULL,
  started_on     date,
  ended_on       date,
  outcome        text CHECK (outcome IN ('afgerond', 'voortijdig_gestopt', 'niet_gestart')),
  satisfaction   smallint CHECK (satisfaction BETWEEN 1 AND 5),
  reason         text NOT NULL,                  -- labour-market-relevant reason for the allocation
  client_wish    text,                           -- the client's own wish, in the client's words
  allocated_by   integer REFERENCES app_user(id),
  CHECK (started_on IS NULL OR started_on >= requested_on),
  CHECK (ended_on IS NULL OR (started_on IS NOT NULL AND ended_on >= started_on))
);
CREATE INDEX instrument_allocation_client_idx ON instrument_allocation (client_id);

CREATE TABLE conversation (
  id                serial PRIMARY KEY,
  client_id         integer NOT NULL REFERENCES client(id) ON DELETE CASCADE,
  held_on           date NOT NULL,
  kind              text NOT NULL CHECK (kind IN ('gesprek', 'telefoon', 'video', 'huisbezoek')),
  location          text,
  summary           text NOT NULL DEFAULT '',
  next_appointment  date,
  consultant_id     integer REFERENCES app_user(id)
);
CREATE INDEX conversation_client_idx ON conversation (client_id, held_on);

CREATE TABLE on_hold_period (
  id          serial PRIMARY KEY,
  client_id   integer NOT NULL REFERENCES client(id) ON DELETE CASCADE,
  start_date  date NOT NULL,
  end_date    date,
  reason      text NOT NULL,
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX on_hold_period_client_idx ON on_hold_period (client_id);

-- Participation ladder: 1 geisoleerd .. 6 betaald werk.
CREATE TABLE ladder_step (
  id           serial PRIMARY KEY,
  client_id    integer NOT NULL REFERENCES client(id) ON DELETE CASCADE,
  step         smallint NOT NULL CHECK (step BETWEEN 1 AND 6),
  recorded_on  date NOT NULL,
  note         text
);
CREATE INDEX ladder_step_client_idx ON ladder_step (client_id);

-- Intermediate steps (tussenstappen) that are valued on their own.
CREATE TABLE intermediate_step (
  id           serial PRIMARY KEY,
  client_id    integer NOT NULL REFERENCES client(id) ON DELETE CASCADE,
  achieved_on  date NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('taal', 'gezondheid', 'netwerk', 'scholing', 'vrijwilligerswerk', 'financien', 'overig')),
  description  text NOT NULL
);
CREATE INDEX intermediate_step_client_idx ON intermediate_step (client_id);

-- Discrimination as a standard topic: what the client experienced and what was done.
CREATE TABLE discrimination_discussion (
  id            serial PRIMARY KEY,
  client_id     integer NOT NULL REFERENCES client(id) ON DELETE CASCADE,
  discussed_on  date NOT NULL,
  experienced   boolean NOT NULL,
  grounds       text[] NOT NULL DEFAULT '{}',   -- codes: herkomst, religie, geslacht, leeftijd, beperking, anders
  action_taken  text NOT NULL DEFAULT '',
  consultant_id integer REFERENCES app_user(id)
);
CREATE INDEX discrimination_discussion_client_idx ON discrimination_discussion (client_id);

CREATE TABLE work_period (
  id                 serial PRIMARY KEY,
  client_id          integer NOT NULL REFERENCES client(id) ON DELETE CASCADE,
  employer           text NOT NULL,
  start_date         date NOT NULL,
  end_date           date,
  hours_per_week     numeric(4,1) NOT NULL CHECK (hours_per_week > 0 AND hours_per_week <= 60),
  wage_cost_subsidy  boolean NOT NULL DEFAULT false,
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX work_period_client_idx ON work_period (client_id);

CREATE TABLE client_feedback (
  id               serial PRIMARY KEY,
  client_id        integer NOT NULL REFERENCES client(id) ON DELETE CASCADE,
  conversation_id  integer REFERENCES conversation(id) ON DELETE SET NULL,
  given_on         date NOT NULL,
  score            smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
  comment          text
);
CREATE INDEX client_feedback_client_idx ON client_feedback (client_id);

-- Every read or change of a person's data by a person.
CREATE TABLE audit_log (
  id          bigserial PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  user_id     integer REFERENCES app_user(id),
  client_id   integer,                        -- no FK: the trail outlives a deleted client
  action      text NOT NULL,                  -- read | create | update | delete | export | login ...
  resource    text NOT NULL,                  -- e.g. client, conversation
  detail      text
);
CREATE INDEX audit_log_client_idx ON audit_log (client_id);
