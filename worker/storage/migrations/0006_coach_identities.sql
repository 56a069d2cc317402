-- Host identities: which Teams (tid:oid), Zoom (user id) or Google (sub) user signs in as which coach. The first sign-in links by
-- a verified e-mail; later ones go by (host, subject) alone, so a changed address at the host cannot move the link to another
-- coach. These rows are the coach's own; erasing a coachee does not touch them.
CREATE TABLE coach_identities (
  host TEXT NOT NULL CHECK (host IN ('teams', 'zoom', 'google')),
  subject TEXT NOT NULL,
  coach_id TEXT NOT NULL REFERENCES coaches(id),
  -- The verified e-mail the link was made with (NULL for a link made without one).
  email TEXT,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (host, subject)
);
CREATE INDEX coach_identities_by_coach ON coach_identities (coach_id);
