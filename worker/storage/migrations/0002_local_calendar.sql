-- The embedded local calendar (reference calendar provider): one row per event; cancelled rows stay for feeds and CANCEL invites.
CREATE TABLE local_events (
  coach_id TEXT NOT NULL REFERENCES coaches(id),
  id TEXT NOT NULL,                 -- our event key (e.g. the booking id)
  title TEXT NOT NULL,
  description TEXT NOT NULL,        -- plain text (the provider's descriptionFormat)
  location TEXT,
  starts_at INTEGER NOT NULL,       -- epoch ms
  ends_at INTEGER NOT NULL,         -- epoch ms
  time_zone TEXT NOT NULL,          -- IANA zone the coach sees the event in
  attendees_json TEXT NOT NULL DEFAULT '[]',
  sequence INTEGER NOT NULL DEFAULT 0,  -- RFC 5545 SEQUENCE; also the etag
  status TEXT NOT NULL DEFAULT 'confirmed' CHECK (status IN ('confirmed', 'cancelled')),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (coach_id, id),
  CHECK (ends_at > starts_at)
);

CREATE INDEX local_events_coach_start ON local_events (coach_id, starts_at);
