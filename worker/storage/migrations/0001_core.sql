-- Core schema: coaches, coachees, engagements, sessions, agenda items, agreements (WWW), encrypted notes, custom models, applied live ops.
-- Times are epoch milliseconds (UTC). Every row carries coach_id so every query is scoped to its coach.

CREATE TABLE coaches (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  locale TEXT NOT NULL DEFAULT 'nl' CHECK (locale IN ('nl', 'en')),
  time_zone TEXT NOT NULL DEFAULT 'Europe/Amsterdam',
  working_hours TEXT NOT NULL,
  booking_rules TEXT NOT NULL,
  invite_mode TEXT NOT NULL DEFAULT 'full' CHECK (invite_mode IN ('full', 'link_only')),
  meeting_host TEXT NOT NULL DEFAULT 'none',
  referral_contacts TEXT NOT NULL DEFAULT '',
  calendar_provider TEXT NOT NULL DEFAULT 'local',
  ics_token TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL
);

CREATE TABLE coachees (
  id TEXT PRIMARY KEY,
  coach_id TEXT NOT NULL REFERENCES coaches(id),
  name TEXT NOT NULL,
  email TEXT,
  locale TEXT NOT NULL DEFAULT 'nl' CHECK (locale IN ('nl', 'en')),
  time_zone TEXT NOT NULL DEFAULT 'Europe/Amsterdam',
  invite_mode TEXT CHECK (invite_mode IN ('full', 'link_only')),
  created_at INTEGER NOT NULL
);
CREATE INDEX coachees_by_coach ON coachees (coach_id, created_at);

CREATE TABLE engagements (
  id TEXT PRIMARY KEY,
  coach_id TEXT NOT NULL REFERENCES coaches(id),
  coachee_id TEXT NOT NULL REFERENCES coachees(id),
  goal TEXT NOT NULL DEFAULT '',
  model_id TEXT NOT NULL,
  session_minutes INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'closed')),
  link_version INTEGER NOT NULL DEFAULT 1,
  link_expires_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX engagements_by_coach ON engagements (coach_id, created_at);
CREATE INDEX engagements_by_coachee ON engagements (coachee_id);

CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  coach_id TEXT NOT NULL REFERENCES coaches(id),
  engagement_id TEXT NOT NULL REFERENCES engagements(id),
  starts_at INTEGER NOT NULL,
  ends_at INTEGER NOT NULL CHECK (ends_at > starts_at),
  model_id TEXT NOT NULL,
  current_phase TEXT,
  phase_started_at INTEGER,
  phase_spent TEXT NOT NULL DEFAULT '{}',
  seq INTEGER NOT NULL DEFAULT 0,
  calendar_status TEXT NOT NULL DEFAULT 'none',
  meeting_host TEXT,
  meeting_id TEXT,
  meeting_url TEXT,
  created_at INTEGER NOT NULL,
  -- Backstop against double booking: one coach cannot have two sessions starting at the same instant.
  UNIQUE (coach_id, starts_at)
);
CREATE INDEX sessions_by_engagement ON sessions (engagement_id, starts_at);
CREATE INDEX sessions_by_coach ON sessions (coach_id, starts_at);
CREATE INDEX sessions_by_meeting ON sessions (coach_id, meeting_host, meeting_id);

CREATE TABLE agenda_items (
  id TEXT PRIMARY KEY,
  coach_id TEXT NOT NULL REFERENCES coaches(id),
  session_id TEXT NOT NULL REFERENCES sessions(id),
  title TEXT NOT NULL,
  done INTEGER NOT NULL DEFAULT 0,
  position REAL NOT NULL,
  proposed_by TEXT NOT NULL CHECK (proposed_by IN ('coach', 'coachee')),
  created_at INTEGER NOT NULL
);
CREATE INDEX agenda_by_session ON agenda_items (session_id, position);

CREATE TABLE agreements (
  id TEXT PRIMARY KEY,
  coach_id TEXT NOT NULL REFERENCES coaches(id),
  engagement_id TEXT NOT NULL REFERENCES engagements(id),
  session_id TEXT NOT NULL REFERENCES sessions(id),
  who_kind TEXT NOT NULL CHECK (who_kind IN ('coachee', 'coach', 'named')),
  who_name TEXT,
  what TEXT NOT NULL,
  due TEXT,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
  -- The session in which a carried-over agreement was closed, so that session keeps showing it.
  closed_in_session_id TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX agreements_by_engagement ON agreements (engagement_id, status);
CREATE INDEX agreements_by_session ON agreements (session_id);

-- Private notes: AES-GCM ciphertext only, never plaintext.
CREATE TABLE notes (
  session_id TEXT PRIMARY KEY REFERENCES sessions(id),
  coach_id TEXT NOT NULL REFERENCES coaches(id),
  key_id TEXT NOT NULL,
  iv TEXT NOT NULL,
  ciphertext TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE models (
  id TEXT PRIMARY KEY,
  coach_id TEXT NOT NULL REFERENCES coaches(id),
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX models_by_coach ON models (coach_id);

-- Live ops already applied, so a replayed op (same client id) is applied once.
CREATE TABLE applied_ops (
  session_id TEXT NOT NULL REFERENCES sessions(id),
  op_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  actor TEXT NOT NULL,
  kind TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (session_id, op_id)
);
