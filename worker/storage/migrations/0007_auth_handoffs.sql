-- Single-use hand-off codes: a Google Calendar add-on card opens the panel with one of these in its link (never a bearer
-- token); the panel trades it once at POST /api/auth/handoff. Only the SHA-256 of the code is kept, so a copy of this table
-- signs nobody in. Rows go when used, and cron removes expired ones.
CREATE TABLE auth_handoffs (
  code_hash TEXT PRIMARY KEY,
  coach_id TEXT NOT NULL REFERENCES coaches(id),
  -- When the coach's identity was verified for this code (epoch seconds): the auth_time of the token it is traded for.
  auth_time INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX auth_handoffs_by_expiry ON auth_handoffs (expires_at);
