-- Demo data for local development (`npm run dev`): one coach, one coachee, a trajectory, last session and today's session.
-- Idempotent: re-running moves the demo sessions to "now" and leaves everything else as it is.

INSERT OR IGNORE INTO coaches (id, email, name, locale, time_zone, working_hours, booking_rules, invite_mode, meeting_host, referral_contacts, calendar_provider, ics_token, created_at)
VALUES ('demo-coach-0001', 'coach@demo.local', 'Marieke Visser', 'nl', 'Europe/Amsterdam',
  '[{"day":1,"start":"09:00","end":"17:00"},{"day":2,"start":"09:00","end":"17:00"},{"day":3,"start":"09:00","end":"17:00"},{"day":4,"start":"09:00","end":"17:00"},{"day":5,"start":"09:00","end":"17:00"}]',
  '{"bufferBeforeMinutes":0,"bufferAfterMinutes":15,"minimumNoticeMinutes":720,"maxSessionsPerDay":4,"slotStepMinutes":30}',
  'full', 'none', 'Huisarts: dr. Bakker, 020-555 0100', 'local', 'd3m0c0ach1c5t0ken0000000000000001', unixepoch('now') * 1000);

INSERT OR IGNORE INTO coachees (id, coach_id, name, email, locale, time_zone, invite_mode, created_at)
VALUES ('demo-coachee-0001', 'demo-coach-0001', 'Sanne de Vries', 'sanne@demo.local', 'nl', 'Europe/Amsterdam', NULL, unixepoch('now') * 1000);

INSERT OR IGNORE INTO engagements (id, coach_id, coachee_id, goal, model_id, session_minutes, status, link_version, link_expires_at, created_at)
VALUES ('demo-engagement-01', 'demo-coach-0001', 'demo-coachee-0001', 'Meer regie over werkdruk en duidelijker grenzen aangeven in het team',
  'builtin-coaching', 60, 'active', 1, (unixepoch('now') + 365 * 86400) * 1000, unixepoch('now') * 1000);
-- Sanne is past her invitation: she consented before her first session, so her link opens on today's session.
UPDATE engagements SET consent_at = (unixepoch('now') - 21 * 86400) * 1000 WHERE id = 'demo-engagement-01' AND consent_at IS NULL;

-- Today's session: started at the top of this hour. Last session: two weeks earlier (moved second, so the two never collide).
INSERT INTO sessions (id, coach_id, engagement_id, starts_at, ends_at, model_id, created_at)
VALUES ('demo-session-today', 'demo-coach-0001', 'demo-engagement-01', ((unixepoch('now') / 3600) * 3600) * 1000,
  ((unixepoch('now') / 3600) * 3600 + 3600) * 1000, 'builtin-coaching', unixepoch('now') * 1000)
ON CONFLICT (id) DO UPDATE SET starts_at = excluded.starts_at, ends_at = excluded.ends_at;

INSERT INTO sessions (id, coach_id, engagement_id, starts_at, ends_at, model_id, created_at)
VALUES ('demo-session-past1', 'demo-coach-0001', 'demo-engagement-01', ((unixepoch('now') / 3600) * 3600 - 14 * 86400) * 1000,
  ((unixepoch('now') / 3600) * 3600 - 14 * 86400 + 3600) * 1000, 'builtin-coaching', unixepoch('now') * 1000)
ON CONFLICT (id) DO UPDATE SET starts_at = excluded.starts_at, ends_at = excluded.ends_at;

INSERT OR IGNORE INTO agreements (id, coach_id, engagement_id, session_id, who_kind, who_name, what, due, status, created_at, updated_at) VALUES
  ('demo-agreement-01', 'demo-coach-0001', 'demo-engagement-01', 'demo-session-past1', 'coachee', NULL, 'Houdt een week lang bij wanneer de energie weglekt', NULL, 'open', unixepoch('now') * 1000, unixepoch('now') * 1000),
  ('demo-agreement-02', 'demo-coach-0001', 'demo-engagement-01', 'demo-session-past1', 'coach', NULL, 'Stuurt een kort artikel over grenzen stellen', NULL, 'open', unixepoch('now') * 1000, unixepoch('now') * 1000);

INSERT OR IGNORE INTO agenda_items (id, coach_id, session_id, title, done, position, proposed_by, created_at) VALUES
  ('demo-agenda-0001', 'demo-coach-0001', 'demo-session-today', 'Voorbereiding gesprek met teamleider', 0, 1, 'coachee', unixepoch('now') * 1000),
  ('demo-agenda-0002', 'demo-coach-0001', 'demo-session-today', 'Werkdruk: wat kan ik loslaten?', 0, 2, 'coach', unixepoch('now') * 1000);
