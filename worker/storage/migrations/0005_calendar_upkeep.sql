-- Calendar sync upkeep: connections the coach left stay (retired) until what they created is deleted; pending deletes hold them;
-- when a session's calendar sync was last asked for, so a lost enqueue is noticed.

-- Set when the coach switched calendars or disconnected: the credentials then only serve deleting events (and meetings) made
-- with them, and the row goes once no calendar_events row, pending delete or running sync needs it. NULL = in use.
ALTER TABLE calendar_connections ADD COLUMN retired_at INTEGER;

-- One row per queued calendar.delete job and connection it needs, removed when the job finishes (or gives up). job_key is the
-- SHA-256 of the job id, so no external event id (which leads back to a session) stays here after an erasure.
CREATE TABLE calendar_delete_holds (
  coach_id TEXT NOT NULL REFERENCES coaches(id),
  provider TEXT NOT NULL,
  job_key TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (coach_id, provider, job_key)
);

-- When the session's latest calendar sync was enqueued (or its retry is due); cron re-enqueues a sync that stays pending too long.
ALTER TABLE sessions ADD COLUMN calendar_sync_requested_at INTEGER;
CREATE INDEX sessions_calendar_pending ON sessions (ends_at) WHERE calendar_status = 'pending';
