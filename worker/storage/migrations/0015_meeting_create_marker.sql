-- When a Zoom meeting create was last sent for a session whose meeting is not recorded yet. Zoom has no idempotency key: a
-- create whose answer was lost may still have made the meeting, so the next attempt looks for it before creating another.
ALTER TABLE calendar_events ADD COLUMN meeting_create_started_at INTEGER;
