-- Indexes so that no query reads more than it returns as data grows: cron work finds only what is due, and per-coach lookups
-- stay flat as a coach's history grows. Range queries on sessions and local events also bound starts_at from below
-- (a session lasts at most 8 hours), so they use the (coach_id, starts_at) indexes.

-- Cron: sessions that ended in the last day (their final invite sync).
CREATE INDEX sessions_by_end ON sessions (ends_at);

-- Cron: retired connection generations that may be dropped, and delete holds past the Queue's retention.
CREATE INDEX calendar_connections_retired ON calendar_connections (retired_at) WHERE retired_at IS NOT NULL;
CREATE INDEX calendar_delete_holds_by_age ON calendar_delete_holds (created_at);

-- The session of a host meeting, newest first: with starts_at in the index the meeting lookup no longer loses to the coach's
-- (coach_id, starts_at) index, which would walk the coach's whole history to avoid a sort.
DROP INDEX sessions_by_meeting;
CREATE INDEX sessions_by_meeting ON sessions (coach_id, meeting_host, meeting_id, starts_at);
