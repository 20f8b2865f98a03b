-- An instrument's target-group reservation becomes a choice from a fixed list (src/domain/codes.ts,
-- TARGET_GROUPS) instead of free text, so that reservations can be counted and a consultant
-- confirms membership of a named group. Older free text is read as a code where it clearly names
-- one of the groups; otherwise it becomes 'overig' and the text is kept in target_group_note.
ALTER TABLE instrument ADD COLUMN target_group_note text;

UPDATE instrument SET target_group_note = btrim(target_group), target_group =
  CASE
    WHEN lower(target_group) LIKE '%doelgroepregister%' OR lower(target_group) LIKE '%banenafspraak%' THEN 'doelgroepregister'
    WHEN lower(target_group) LIKE '%statushouder%' OR lower(target_group) LIKE '%vergunninghouder%' THEN 'statushouders'
    WHEN lower(target_group) LIKE '%jongere%' OR lower(target_group) LIKE '%jeugd%' OR lower(target_group) LIKE '%tot 27%'
      OR lower(target_group) LIKE '%onder 27%' THEN 'jongeren_tot_27'
    WHEN lower(target_group) LIKE '%55+%' OR lower(target_group) LIKE '%55 +%' OR lower(target_group) LIKE '%55-plus%'
      OR lower(target_group) LIKE '%55plus%' OR lower(target_group) LIKE '%vanaf 55%' OR lower(target_group) LIKE '%ouderen%' THEN '55_plus'
    WHEN lower(target_group) LIKE '%urenbeperking%' OR lower(target_group) LIKE '%medisch%' THEN 'medische_urenbeperking'
    ELSE 'overig'
  END
 WHERE target_group IS NOT NULL;
-- The note stays only where the text could not be read as one of the groups.
UPDATE instrument SET target_group_note = NULL WHERE target_group IS DISTINCT FROM 'overig';

ALTER TABLE instrument ADD CONSTRAINT instrument_target_group_check CHECK (
  target_group IS NULL OR target_group IN ('doelgroepregister', 'statushouders', 'jongeren_tot_27', '55_plus', 'medische_urenbeperking', 'overig'));

-- The consultant confirmed that the client belongs to the instrument's target group.
ALTER TABLE instrument_allocation ADD COLUMN target_group_confirmed boolean NOT NULL DEFAULT false;
