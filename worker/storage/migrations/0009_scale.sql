-- Indexes so that no query reads more than it returns as data grows: cron work finds only what is due, and per-coach lookups
-- stay flat as a coach's history grows. Range queries on sessions and local events also bound starts_at from below
-- (a session lasts at most 8 hours), so they use the (coach_id, starts_at) indexes.

-- Cron: applied-op ids past their retention, purged in bounded batches.
CREATE INDEX applied_ops_by_age ON applied_ops (at);

-- Cron: sessions that ended in the last day (their final invite sync).
CREATE INDEX sessions_by_end ON sessions (ends_at);

-- Cron: retired connection generations that may be dropped, and delete holds past the Queue's retention.
CREATE INDEX calendar_connections_retired ON calendar_connections (retired_at) WHERE retired_at IS NOT NULL;
CREATE INDEX calendar_delete_holds_by_age ON calendar_delete_holds (created_at);

-- The session of a host meeting, newest first: with starts_at in the index the meeting lookup no longer loses to the coach's
-- (coach_id, starts_at) index, which would walk the coach's whole history to avoid a sort.
DROP INDEX sessions_by_meeting;
CREATE INDEX sessions_by_meeting ON sessions (coach_id, meeting_host, meeting_id, starts_at);

-- A session's agreements closed in it (carried-over ones the coachee ticked off there): with the session's own agreements and
-- the trajectory's open ones, what the panel and the coachee page show, without reading a long trajectory's closed agreements.
CREATE INDEX agreements_closed_in ON agreements (closed_in_session_id) WHERE closed_in_session_id IS NOT NULL;
