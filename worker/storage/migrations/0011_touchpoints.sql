-- Between sessions: touchpoints (reflections, check-ins, reminders, micro-learning, evaluation, follow-up), their per-trajectory
-- settings and the coachee's mail preferences, the coach's alerts, and every mail we sent (the local mailer's mailbox, and
-- the idempotency record of the Cloudflare mailer). Times are epoch milliseconds (UTC); every row carries coach_id.

CREATE TABLE touchpoints (
  id TEXT PRIMARY KEY,
  coach_id TEXT NOT NULL REFERENCES coaches(id),
  engagement_id TEXT NOT NULL REFERENCES engagements(id),
  -- What the touchpoint is for, unique per trajectory: 'reflection:<sessionId>', 'checkin:<local date>', 'evaluation', …
  key TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('reflection', 'checkin', 'reminder.session', 'reminder.agreement', 'learning', 'evaluation', 'followup')),
  session_id TEXT,
  agreement_id TEXT,
  learning_id TEXT,
  due_at INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'sent', 'answered', 'skipped', 'cancelled', 'failed')),
  -- 'coach' when the coach skipped it or a session was cancelled: the planner does not bring such a row back.
  held_by TEXT,
  claimed_at INTEGER,
  sent_at INTEGER,
  answered_at INTEGER,
  score INTEGER CHECK (score BETWEEN 1 AND 5),
  -- The coachee's answers as JSON {answers, comment}: shared with the coach, never with anyone else.
  answer TEXT,
  created_at INTEGER NOT NULL,
  UNIQUE (coach_id, engagement_id, key)
);
-- The scheduler's claim: planned rows due by now, oldest first (partial index: sent and answered rows cost nothing).
CREATE INDEX touchpoints_due ON touchpoints (due_at) WHERE status = 'planned';
CREATE INDEX touchpoints_by_engagement ON touchpoints (coach_id, engagement_id, due_at);
CREATE INDEX touchpoints_by_session ON touchpoints (coach_id, session_id);

-- Per trajectory: the coach's touchpoint settings and the coachee's preferences (JSON, validated by shared/schemas/touchpoints.ts).
CREATE TABLE touchpoint_settings (
  engagement_id TEXT PRIMARY KEY REFERENCES engagements(id),
  coach_id TEXT NOT NULL REFERENCES coaches(id),
  settings TEXT NOT NULL DEFAULT '{}',
  coachee_prefs TEXT NOT NULL DEFAULT '{}',
  -- When the trajectory was closed (the evaluation and follow-up are timed from it).
  closed_at INTEGER,
  updated_at INTEGER NOT NULL
);
CREATE INDEX touchpoint_settings_by_coach ON touchpoint_settings (coach_id);

CREATE TABLE alerts (
  id TEXT PRIMARY KEY,
  coach_id TEXT NOT NULL REFERENCES coaches(id),
  engagement_id TEXT NOT NULL REFERENCES engagements(id),
  touchpoint_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('low_score', 'answer')),
  score INTEGER,
  previous_score INTEGER,
  created_at INTEGER NOT NULL,
  read_at INTEGER,
  -- When a daily digest carried it (non-alert answers of a coach who chose the digest).
  digested_at INTEGER,
  UNIQUE (coach_id, touchpoint_id, kind)
);
CREATE INDEX alerts_by_coach ON alerts (coach_id, read_at, created_at);
CREATE INDEX alerts_by_engagement ON alerts (coach_id, engagement_id);

-- The coach's mail choice: single mails (default) or one daily digest for everything that is not an alert.
CREATE TABLE coach_mail_prefs (
  coach_id TEXT PRIMARY KEY REFERENCES coaches(id),
  digest INTEGER NOT NULL DEFAULT 0,
  next_digest_at INTEGER
);
CREATE INDEX coach_mail_prefs_digest_due ON coach_mail_prefs (next_digest_at) WHERE digest = 1;

-- Every mail sent, once per dedupe key (a redelivered job finds its row and sends nothing). The local mailer keeps the
-- content here (the dev mailbox); the Cloudflare mailer keeps only the record.
CREATE TABLE mails (
  id TEXT PRIMARY KEY,
  coach_id TEXT NOT NULL REFERENCES coaches(id),
  engagement_id TEXT,
  dedupe_key TEXT NOT NULL,
  recipient TEXT NOT NULL CHECK (recipient IN ('coach', 'coachee')),
  to_addr TEXT NOT NULL,
  subject TEXT NOT NULL,
  text_body TEXT,
  html_body TEXT,
  headers TEXT NOT NULL DEFAULT '{}',
  transport TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('sending', 'sent', 'failed')),
  sent_at INTEGER NOT NULL,
  UNIQUE (coach_id, dedupe_key)
);
CREATE INDEX mails_recent ON mails (sent_at);
CREATE INDEX mails_by_engagement ON mails (coach_id, engagement_id);
