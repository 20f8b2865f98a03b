-- A placement (a proposal that led to hiring) is work: it has its work period in the case file.
-- The link lets a follow-up that says "no longer working there" end that very work period.
ALTER TABLE proposal ADD COLUMN work_period_id integer REFERENCES work_period(id) ON DELETE SET NULL;

-- Placements whose follow-up already said "no longer working there" are ended at that contact,
-- and the follow-ups after it (only scheduled, never held) are no longer due.
UPDATE proposal pr
   SET stopped_on = f.held_on, stopped_stage = 'aangenomen', stopped_reason = 'Werkt er niet meer (nazorg)'
  FROM (SELECT DISTINCT ON (proposal_id) proposal_id, held_on FROM placement_follow_up
         WHERE still_working = false ORDER BY proposal_id, months) f
 WHERE f.proposal_id = pr.id AND pr.stopped_on IS NULL AND pr.hired_on IS NOT NULL;
DELETE FROM placement_follow_up f USING proposal pr
 WHERE pr.id = f.proposal_id AND pr.stopped_on IS NOT NULL AND f.held_on IS NULL;
