-- Special categories of personal data (AVG art. 9: racial or ethnic origin, religion, health)
-- live in their own schema, keyed by a pseudonym: HMAC-SHA256(client id, PSEUDONYM_SECRET).
-- Never by client id or BSN. Only the mirror reads this schema, and only to aggregate.
-- A production database grants the application's consultant-facing role no access here.

CREATE SCHEMA monitoring;

CREATE TABLE monitoring.person (
  pseudonym             text PRIMARY KEY,
  municipality_id       integer NOT NULL REFERENCES municipality(id),
  birth_country         char(2),      -- ISO 3166-1 alpha-2; NULL = unknown
  mother_birth_country  char(2),
  father_birth_country  char(2),
  nationality           char(2),
  statushouder          boolean,      -- holder of an asylum residence permit
  religion              text,         -- only from voluntary questionnaires
  health_limitation     boolean,
  source                text NOT NULL DEFAULT 'registratie' CHECK (source IN ('registratie', 'vragenlijst', 'import')),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  CHECK (birth_country IS NULL OR birth_country ~ '^[A-Z]{2}$'),
  CHECK (mother_birth_country IS NULL OR mother_birth_country ~ '^[A-Z]{2}$'),
  CHECK (father_birth_country IS NULL OR father_birth_country ~ '^[A-Z]{2}$'),
  CHECK (nationality IS NULL OR nationality ~ '^[A-Z]{2}$')
);

-- Self-reported cultural background; several allowed.
CREATE TABLE monitoring.cultural_background (
  pseudonym   text NOT NULL REFERENCES monitoring.person(pseudonym) ON DELETE CASCADE,
  background  text NOT NULL,
  PRIMARY KEY (pseudonym, background)
);
