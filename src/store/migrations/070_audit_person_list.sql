-- One audit row per request: a read that shows many persons (a caseload, a list) is recorded
-- once, with the persons shown in client_ids, instead of one row per person. client_id keeps
-- serving rows about one person. The GIN index finds every row that lists a person, for inzage
-- (the AVG access request) and retention, as fast as the index on client_id.
ALTER TABLE audit_log ADD COLUMN client_ids integer[];
CREATE INDEX audit_log_client_ids_idx ON audit_log USING gin (client_ids);
