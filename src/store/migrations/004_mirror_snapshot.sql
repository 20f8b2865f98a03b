-- A mirror snapshot: the population of one period in columns, ready to aggregate.
-- No client id, no pseudonym, no BSN: a group code per ground and a stage bitmask per person.
-- It holds codes of special categories, so it lives in the monitoring schema.
CREATE TABLE monitoring.mirror_snapshot (
  id              serial PRIMARY KEY,
  municipality_id integer NOT NULL REFERENCES municipality(id),
  period_from     date NOT NULL,
  period_to       date NOT NULL,
  built_at        timestamptz NOT NULL DEFAULT now(),
  size            integer NOT NULL,
  stages          text[] NOT NULL,
  grounds         jsonb NOT NULL,
  UNIQUE (municipality_id, period_from, period_to)
);

CREATE TABLE monitoring.mirror_snapshot_column (
  snapshot_id  integer NOT NULL REFERENCES monitoring.mirror_snapshot(id) ON DELETE CASCADE,
  name         text NOT NULL,
  data         bytea NOT NULL,
  PRIMARY KEY (snapshot_id, name)
);
