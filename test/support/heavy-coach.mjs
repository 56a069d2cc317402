/** A coach with a long history, for rows-read budgets and the bench: 2,000 past sessions over 200 trajectories, each with agenda, agreements and a local event. */

const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * SQL statements (values inlined: ids are UUIDs or fixed text) that give the coach `coachId` — who already has engagement
 * `engagementId` with coachee `coacheeId` — 199 more coachees and engagements and `sessions` past sessions, one a day going back
 * from `nowMs`, spread round-robin over the 200 engagements (so the given one gets `sessions / 200`, a usual trajectory). Each past session has two
 * agenda items, one agreement (done, except the newest of each engagement, which stays open and is carried over) and a confirmed
 * local calendar event.
 * @param {{ coachId: string, engagementId: string, coacheeId: string, nowMs: number, sessions?: number }} p
 * @returns {string[]}
 */
export function heavyCoachSql({ coachId, engagementId, coacheeId, nowMs, sessions = 2000 }) {
  const q = (s) => `'${String(s).replace(/'/g, "''")}'`;
  const c = q(coachId);
  const eng = `CASE WHEN (i % 200) = 0 THEN ${q(engagementId)} ELSE 'heavy-e-' || (i % 200) END`;
  const start = `(${nowMs} - i * ${DAY} - ${DAY})`;
  const seq = (n) => `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${n})`;
  return [
    `${seq(199)} INSERT INTO coachees (id, coach_id, name, email, locale, time_zone, created_at)
      SELECT 'heavy-p-' || i, ${c}, 'Coachee ' || i, 'coachee' || i || '@example.nl', 'nl', 'Europe/Amsterdam', ${nowMs} FROM n`,
    `${seq(199)} INSERT INTO engagements (id, coach_id, coachee_id, goal, model_id, session_minutes, status, link_version, link_expires_at, created_at)
      SELECT 'heavy-e-' || i, ${c}, 'heavy-p-' || i, 'Doel ' || i, 'builtin-grow', 60, 'active', 1, ${nowMs + 365 * DAY}, ${nowMs} FROM n`,
    `${seq(sessions)} INSERT INTO sessions (id, coach_id, engagement_id, starts_at, ends_at, model_id, seq, calendar_status, created_at)
      SELECT 'heavy-s-' || i, ${c}, ${eng}, ${start}, ${start} + ${HOUR}, 'builtin-grow', 3, 'synced', ${nowMs} FROM n`,
    `${seq(sessions)} INSERT INTO agenda_items (id, coach_id, session_id, title, done, position, proposed_by, created_at)
      SELECT 'heavy-a-' || i || '-' || k.k, ${c}, 'heavy-s-' || i, 'Onderwerp ' || k.k, 1, k.k, 'coach', ${nowMs} FROM n, (SELECT 1 AS k UNION ALL SELECT 2) AS k`,
    `${seq(sessions)} INSERT INTO agreements (id, coach_id, engagement_id, session_id, who_kind, what, status, created_at, updated_at)
      SELECT 'heavy-g-' || i, ${c}, ${eng}, 'heavy-s-' || i, 'coachee', 'Afspraak ' || i, CASE WHEN i <= 200 THEN 'open' ELSE 'done' END, ${start}, ${start} FROM n`,
    `${seq(sessions)} INSERT INTO local_events (coach_id, id, title, description, starts_at, ends_at, time_zone, created_at, updated_at)
      SELECT ${c}, 'heavy-s-' || i, 'Coachgesprek', '', ${start}, ${start} + ${HOUR}, 'Europe/Amsterdam', ${nowMs}, ${nowMs} FROM n`,
  ];
}
