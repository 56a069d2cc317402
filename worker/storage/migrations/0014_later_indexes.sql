-- Indexes for tables created or rebuilt after 0009_scale: the agreements a session closed, and the foreign-key lookups that
-- erasing a trajectory makes on touchpoints and alerts (SQLite checks a parent delete through an index on the child column).
-- @see https://sqlite.org/foreignkeys.html#fk_indexes

-- Earlier agreements closed during a session, which that session keeps showing.
CREATE INDEX agreements_closed_in ON agreements (closed_in_session_id) WHERE closed_in_session_id IS NOT NULL;

-- Deleting an engagement checks that no touchpoint or alert still refers to it.
CREATE INDEX touchpoints_engagement_fk ON touchpoints (engagement_id);
CREATE INDEX alerts_engagement_fk ON alerts (engagement_id);
