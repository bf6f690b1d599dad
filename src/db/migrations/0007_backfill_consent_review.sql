-- Data backfill for 0007 (issue 9). A procuration recorded by the announcer of its situation counts as checked
-- by them, as new ones do. One recorded by anyone else stays pending until a second person reviews its scan:
-- under the old rules a Bureau member could record a procuration for themselves, and such a record must not
-- keep opening a file without that check.
UPDATE consents c
   SET reviewed_at = c.created_at, reviewed_by_user_id = c.recorded_by_user_id
  FROM situations s
 WHERE s.id = c.situation_id AND s.announcing_user_id = c.recorded_by_user_id AND c.reviewed_at IS NULL;
