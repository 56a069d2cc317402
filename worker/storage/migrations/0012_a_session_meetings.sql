-- Host meetings linked to sessions: the panel opened in a meeting finds its session by any of these. A row is written when the
-- coach links a meeting from the panel (POST /api/sessions/:id/meeting) and when a calendar sync learns the event's join link.
-- kind 'id': the host's meeting id (Zoom's UUID or number, Meet's meeting id, Teams' chat thread), per host;
-- kind 'code': Meet's meeting code, per host; kind 'url': a join link reduced by joinUrlKey (shared/meetings/join-url.ts),
-- for any host (host = 'any'), since a browser panel beside a meeting knows only the link.
CREATE TABLE session_meetings (
  coach_id TEXT NOT NULL REFERENCES coaches(id),
  host TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('id', 'url', 'code')),
  value TEXT NOT NULL,
  session_id TEXT NOT NULL REFERENCES sessions(id),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (coach_id, host, kind, value)
);
CREATE INDEX session_meetings_by_session ON session_meetings (session_id);
