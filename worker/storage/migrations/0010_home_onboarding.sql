-- A coach's first week: the invitation link walks the coachee through welcome, consent and intake; sessions can be cancelled
-- (kept as history) and moved. Times are epoch milliseconds (UTC); every new row carries coach_id.

-- Per trajectory: the coach's welcome, its own intake questions (JSON [{id,text}]; NULL = the built-in ones in the coachee's
-- language), the touchpoint defaults chosen at its start (JSON, as given), when the coachee consented, when it was closed.
ALTER TABLE engagements ADD COLUMN welcome TEXT NOT NULL DEFAULT '';
ALTER TABLE engagements ADD COLUMN intake_questions TEXT;
ALTER TABLE engagements ADD COLUMN touchpoint_defaults TEXT;
ALTER TABLE engagements ADD COLUMN consent_at INTEGER;
ALTER TABLE engagements ADD COLUMN closed_at INTEGER;

-- The coachee's intake answers, saved as typed: one row per question, shown to the coach only (never on an invite or calendar).
CREATE TABLE intake_answers (
  coach_id TEXT NOT NULL REFERENCES coaches(id),
  engagement_id TEXT NOT NULL REFERENCES engagements(id),
  question_id TEXT NOT NULL,
  text TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (coach_id, engagement_id, question_id)
);
CREATE INDEX intake_answers_by_engagement ON intake_answers (engagement_id);

-- Cancelled sessions: the session row, its agenda and its calendar event go; this record of when it was and who cancelled stays.
CREATE TABLE session_cancellations (
  id TEXT PRIMARY KEY,
  coach_id TEXT NOT NULL REFERENCES coaches(id),
  engagement_id TEXT NOT NULL REFERENCES engagements(id),
  starts_at INTEGER NOT NULL,
  ends_at INTEGER NOT NULL,
  cancelled_by TEXT NOT NULL CHECK (cancelled_by IN ('coach', 'coachee')),
  reason TEXT NOT NULL DEFAULT '',
  cancelled_at INTEGER NOT NULL
);
CREATE INDEX session_cancellations_by_engagement ON session_cancellations (engagement_id, starts_at);
CREATE INDEX session_cancellations_by_coach ON session_cancellations (coach_id, starts_at);
