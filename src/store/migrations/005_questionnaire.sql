-- Measurement moments (meetmomenten): the client questionnaire at T0, T1 and T2.
-- The case file knows only that a wave was sent and completed, and how (mode). The answers
-- themselves live in the monitoring schema, keyed by pseudonym, like every special category.

-- Questionnaire definitions as versioned data (structure; texts are in translation files).
CREATE TABLE questionnaire_definition (
  version     integer PRIMARY KEY,
  definition  jsonb NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- Intervals per municipality (months after the start of guidance) and link validity.
CREATE TABLE questionnaire_setting (
  municipality_id  integer PRIMARY KEY REFERENCES municipality(id),
  t1_months        integer NOT NULL DEFAULT 4 CHECK (t1_months BETWEEN 1 AND 36),
  t2_months        integer NOT NULL DEFAULT 8 CHECK (t2_months BETWEEN 2 AND 60),
  link_days        integer NOT NULL DEFAULT 14 CHECK (link_days BETWEEN 1 AND 90),
  CHECK (t2_months > t1_months)
);

-- One row per client and wave once it was sent or filled in: no answers here.
CREATE TABLE questionnaire_wave (
  id                  serial PRIMARY KEY,
  client_id           integer NOT NULL REFERENCES client(id) ON DELETE CASCADE,
  wave                text NOT NULL CHECK (wave IN ('T0', 'T1', 'T2')),
  definition_version  integer NOT NULL REFERENCES questionnaire_definition(version),
  sent_on             date,
  sent_by             integer REFERENCES app_user(id),
  completed_on        date,
  mode                text CHECK (mode IN ('kiosk', 'link', 'voorgelezen')),
  UNIQUE (client_id, wave),
  CHECK ((completed_on IS NULL) = (mode IS NULL))
);

-- Access tokens for filling in without a staff session: a personal one-time link, or the
-- kiosk on the consultant's laptop. Only the sha256 of the token is stored.
CREATE TABLE questionnaire_token (
  token_hash  text PRIMARY KEY,
  wave_id     integer NOT NULL REFERENCES questionnaire_wave(id) ON DELETE CASCADE,
  kind        text NOT NULL CHECK (kind IN ('link', 'kiosk')),
  created_by  integer NOT NULL REFERENCES app_user(id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz
);
CREATE INDEX questionnaire_token_wave_idx ON questionnaire_token (wave_id);

-- The answers, by pseudonym: never by client id or BSN. Staff see them only as aggregates.
CREATE TABLE monitoring.questionnaire_response (
  id                  serial PRIMARY KEY,
  pseudonym           text NOT NULL,
  municipality_id     integer NOT NULL REFERENCES municipality(id),
  wave                text NOT NULL CHECK (wave IN ('T0', 'T1', 'T2')),
  definition_version  integer NOT NULL REFERENCES questionnaire_definition(version),
  mode                text NOT NULL CHECK (mode IN ('kiosk', 'link', 'voorgelezen')),
  language            text NOT NULL CHECK (language IN ('nl', 'en', 'ar', 'tr', 'ti')),
  answers             jsonb NOT NULL,
  submitted_on        date NOT NULL,
  UNIQUE (pseudonym, wave)
);
