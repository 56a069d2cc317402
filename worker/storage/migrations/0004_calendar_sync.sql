-- Calendar sync: the coach's sealed provider connections, and per session what we created in their calendar (for updates, dedupe and erasure).

-- One row per connected provider of a coach: at most one calendar (google or microsoft) plus, optionally, zoom for meetings.
-- Credentials are AES-GCM ciphertext only (auth/crypto.ts `seal`, context `calendar:<coach id>:<provider>`), never plaintext.
CREATE TABLE calendar_connections (
  coach_id TEXT NOT NULL REFERENCES coaches(id),
  provider TEXT NOT NULL CHECK (provider IN ('google', 'microsoft', 'zoom')),
  key_id TEXT NOT NULL,
  iv TEXT NOT NULL,
  credentials_ciphertext TEXT NOT NULL,
  calendar_id TEXT,                     -- e.g. the Google calendar to write to; NULL = the primary one
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (coach_id, provider)
);

-- What the outbox wrote for one session. Created (without external ids) when a sync job first claims the session.
CREATE TABLE calendar_events (
  session_id TEXT PRIMARY KEY,
  coach_id TEXT NOT NULL REFERENCES coaches(id),
  provider TEXT NOT NULL,               -- the calendar provider that holds external_id
  external_id TEXT,                     -- the provider's event id; NULL until created
  etag TEXT,
  create_started_at INTEGER,            -- set before each create call: a later attempt then checks what an earlier one may have made
  meeting_provider TEXT,                -- 'zoom' when a separate meeting was created
  meeting_id TEXT,                      -- recorded right after create: Zoom has no idempotency key
  meeting_url TEXT,                     -- join URL (Zoom, Meet or Teams)
  content_hash TEXT,                    -- hash of what we last wrote to the event (title, block, times, location)
  meeting_hash TEXT,                    -- hash of what we last wrote to the meeting (topic, agenda, times)
  synced_seq INTEGER,                   -- the session's live sequence number at the last successful sync
  synced_at INTEGER,
  last_error TEXT,                      -- the provider's error of the last failed attempt (no content)
  lease_until INTEGER                   -- a running sync job holds the session until then (epoch ms)
);
CREATE INDEX calendar_events_by_external ON calendar_events (coach_id, external_id);
