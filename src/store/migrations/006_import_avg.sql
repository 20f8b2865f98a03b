-- Imports of municipal extracts, their rejected rows, and a tamper-evident audit log.

-- One run of an import of one file. The run row is written before the data transaction
-- (status 'bezig'); the data, the rejected rows and the final status are written in one
-- transaction, so a run that was interrupted keeps status 'bezig' (shown as 'afgebroken'
-- after a restart) and left no data behind.
CREATE TABLE import_run (
  id               serial PRIMARY KEY,
  municipality_id  integer NOT NULL REFERENCES municipality(id),
  entity           text NOT NULL,
  file_name        text NOT NULL DEFAULT '',
  dry_run          boolean NOT NULL DEFAULT false,
  status           text NOT NULL DEFAULT 'bezig' CHECK (status IN ('bezig', 'klaar', 'proef', 'mislukt', 'afgebroken')),
  started_by       integer REFERENCES app_user(id) ON DELETE SET NULL,
  started_at       timestamptz NOT NULL DEFAULT now(),
  finished_at      timestamptz,
  rows_total       integer NOT NULL DEFAULT 0,
  rows_valid       integer NOT NULL DEFAULT 0,
  rows_rejected    integer NOT NULL DEFAULT 0,
  inserted         integer NOT NULL DEFAULT 0,
  updated          integer NOT NULL DEFAULT 0,
  unchanged        integer NOT NULL DEFAULT 0,
  quality          text,          -- JSON: the data-quality report of this file
  error            text
);

CREATE TABLE import_rejection (
  import_id   integer NOT NULL REFERENCES import_run(id) ON DELETE CASCADE,
  row_number  integer NOT NULL,   -- line in the file (header = 1) or sheet row
  field       text NOT NULL,
  reason      text NOT NULL
);
CREATE INDEX import_rejection_import_idx ON import_rejection (import_id, row_number);

-- Tamper evidence: every audit row stores sha256(prev_hash || canonical row). The detail text
-- is covered through content_hash, so retention may erase the detail (set it NULL) without
-- breaking the chain. Rows written before this migration have no hash and are reported as such.
ALTER TABLE audit_log ADD COLUMN content_hash text;
ALTER TABLE audit_log ADD COLUMN prev_hash text;
ALTER TABLE audit_log ADD COLUMN row_hash text;
