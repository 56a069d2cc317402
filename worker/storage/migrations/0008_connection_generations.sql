-- Connection generations: every connect makes a new calendar_connections row with its own id, and each event, meeting and pending
-- delete names the row (generation) that made or needs it, so it is updated and deleted through that account and calendar even
-- after the coach connected the same provider again (other account, other calendarId, fresh tokens).

-- Rebuilt with a surrogate id: (coach_id, provider) is no longer unique, only one row of it may be in use (retired_at NULL).
-- AUTOINCREMENT: an id is never handed out again, so a job naming a dropped generation can never reach a newer one.
CREATE TABLE calendar_connections_by_id (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  coach_id TEXT NOT NULL REFERENCES coaches(id),
  provider TEXT NOT NULL CHECK (provider IN ('google', 'microsoft', 'zoom')),
  key_id TEXT NOT NULL,
  iv TEXT NOT NULL,                     -- changes with every write of the credentials: a refresh stores only over what it read
  credentials_ciphertext TEXT NOT NULL,
  calendar_id TEXT,                     -- e.g. the Google calendar to write to; NULL = the primary one
  updated_at INTEGER NOT NULL,
  retired_at INTEGER                    -- set when the coach switched, disconnected or connected this provider again
);
INSERT INTO calendar_connections_by_id (coach_id, provider, key_id, iv, credentials_ciphertext, calendar_id, updated_at, retired_at)
  SELECT coach_id, provider, key_id, iv, credentials_ciphertext, calendar_id, updated_at, retired_at FROM calendar_connections ORDER BY updated_at;
DROP TABLE calendar_connections;
ALTER TABLE calendar_connections_by_id RENAME TO calendar_connections;
CREATE UNIQUE INDEX calendar_connections_in_use ON calendar_connections (coach_id, provider) WHERE retired_at IS NULL;
CREATE INDEX calendar_connections_by_coach ON calendar_connections (coach_id, provider);

-- The generation that made external_id (NULL for the local calendar or while nothing was made) and the one that made meeting_id.
-- Rows made before this migration belong to the one connection their provider had.
ALTER TABLE calendar_events ADD COLUMN connection_id INTEGER;
ALTER TABLE calendar_events ADD COLUMN meeting_connection_id INTEGER;
UPDATE calendar_events SET connection_id = (SELECT c.id FROM calendar_connections c WHERE c.coach_id = calendar_events.coach_id AND c.provider = calendar_events.provider)
  WHERE external_id IS NOT NULL AND provider != 'local';
UPDATE calendar_events SET meeting_connection_id = (SELECT c.id FROM calendar_connections c WHERE c.coach_id = calendar_events.coach_id AND c.provider = calendar_events.meeting_provider)
  WHERE meeting_id IS NOT NULL;
CREATE INDEX calendar_events_by_connection ON calendar_events (connection_id) WHERE connection_id IS NOT NULL;
CREATE INDEX calendar_events_by_meeting_connection ON calendar_events (meeting_connection_id) WHERE meeting_connection_id IS NOT NULL;

-- The generation a queued delete job holds.
ALTER TABLE calendar_delete_holds ADD COLUMN connection_id INTEGER;
UPDATE calendar_delete_holds SET connection_id = (SELECT c.id FROM calendar_connections c WHERE c.coach_id = calendar_delete_holds.coach_id AND c.provider = calendar_delete_holds.provider);
CREATE INDEX calendar_delete_holds_by_connection ON calendar_delete_holds (connection_id);
