-- Client-chosen ids are scoped: an agenda item's id per session, an agreement's id per coach, so one coach's ids never collide
-- with (or reveal) another's. Replay detection of live ops moves into each SessionRoom's own storage, so applied_ops goes.
PRAGMA defer_foreign_keys = true;

CREATE TABLE agenda_items_scoped (
  id TEXT NOT NULL,
  coach_id TEXT NOT NULL REFERENCES coaches(id),
  session_id TEXT NOT NULL REFERENCES sessions(id),
  title TEXT NOT NULL,
  done INTEGER NOT NULL DEFAULT 0,
  position REAL NOT NULL,
  proposed_by TEXT NOT NULL CHECK (proposed_by IN ('coach', 'coachee')),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (session_id, id)
);
INSERT INTO agenda_items_scoped (id, coach_id, session_id, title, done, position, proposed_by, created_at)
  SELECT id, coach_id, session_id, title, done, position, proposed_by, created_at FROM agenda_items;
DROP TABLE agenda_items;
ALTER TABLE agenda_items_scoped RENAME TO agenda_items;
CREATE INDEX agenda_by_session ON agenda_items (session_id, position);

CREATE TABLE agreements_scoped (
  id TEXT NOT NULL,
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
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (coach_id, id)
);
INSERT INTO agreements_scoped (id, coach_id, engagement_id, session_id, who_kind, who_name, what, due, status, closed_in_session_id, created_at, updated_at)
  SELECT id, coach_id, engagement_id, session_id, who_kind, who_name, what, due, status, closed_in_session_id, created_at, updated_at FROM agreements;
DROP TABLE agreements;
ALTER TABLE agreements_scoped RENAME TO agreements;
CREATE INDEX agreements_by_engagement ON agreements (engagement_id, status);
CREATE INDEX agreements_by_session ON agreements (session_id);

DROP TABLE applied_ops;
