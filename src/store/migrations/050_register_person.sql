-- Register data for the grounds: birth countries (person, mother, father), nationality and
-- statushouder status as the municipality registers them (BRP-derived), imported by the
-- functional administrator. Special-category data: kept in the monitoring schema, keyed by
-- pseudonym only, apart from the answers people give in questionnaires (monitoring.person).

CREATE TABLE monitoring.register_person (
  pseudonym             text PRIMARY KEY,
  municipality_id       integer NOT NULL REFERENCES municipality(id),
  birth_country         char(2),      -- ISO 3166-1 alpha-2; NULL = not registered
  mother_birth_country  char(2),
  father_birth_country  char(2),
  nationality           char(2),
  statushouder          boolean,
  updated_at            timestamptz NOT NULL DEFAULT now(),
  CHECK (birth_country IS NULL OR birth_country ~ '^[A-Z]{2}$'),
  CHECK (mother_birth_country IS NULL OR mother_birth_country ~ '^[A-Z]{2}$'),
  CHECK (father_birth_country IS NULL OR father_birth_country ~ '^[A-Z]{2}$'),
  CHECK (nationality IS NULL OR nationality ~ '^[A-Z]{2}$')
);
CREATE INDEX register_person_municipality_idx ON monitoring.register_person (municipality_id);
-- How register values and questionnaire answers combine: src/store/register.ts (PERSON_FACTS_SQL).
