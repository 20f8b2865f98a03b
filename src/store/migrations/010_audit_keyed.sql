-- A keyed audit chain. Every row gets its place in the chain (seq: 1, 2, 3, ... without gaps)
-- and a MAC: HMAC-SHA256 with AUDIT_SECRET (kept outside the database) over the previous row's
-- MAC and every column of the row; the detail text is covered through content_hash, which is now
-- keyed as well, so retention may still erase the text. Rows written before this version are
-- sealed by the application once, when it first runs with the key (see src/store/audit.ts);
-- prev_hash and row_hash keep the old unkeyed chain as it was and are covered by the MAC.
ALTER TABLE audit_log ADD COLUMN seq bigint;
ALTER TABLE audit_log ADD COLUMN mac text;
CREATE UNIQUE INDEX audit_log_seq_idx ON audit_log (seq);
