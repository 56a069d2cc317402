/** The first week's queries (intake, cancellations, moves, booking limits, the coachee's journey) are served by indexes: no full scan of a base table. */
import { describe } from 'vitest';
import { itUsesIndexes } from './plan-scans';
import type { PlannedStatement } from './plan-scans';

const STATEMENTS: PlannedStatement[] = [
  ['intake answers of a trajectory', 'SELECT * FROM intake_answers WHERE coach_id = ?1 AND engagement_id = ?2', ['c', 'e']],
  ['cancellations of a trajectory', 'SELECT * FROM session_cancellations WHERE engagement_id = ?1 AND coach_id = ?2 ORDER BY starts_at DESC LIMIT 200', ['e', 'c']],
  ['cancellations from a time', 'SELECT * FROM session_cancellations WHERE coach_id = ?1 AND starts_at >= ?2 ORDER BY starts_at DESC LIMIT 200', ['c', 0]],
  ['one cancellation', 'SELECT * FROM session_cancellations WHERE id = ?1 AND coach_id = ?2', ['s', 'c']],
  ['open bookings of a trajectory', 'SELECT COUNT(*) AS n FROM sessions WHERE engagement_id = ?1 AND starts_at > ?2 AND coach_id = ?3', ['e', 0, 'c']],
  ['upcoming of a trajectory', 'SELECT id, starts_at, ends_at FROM sessions WHERE engagement_id = ?1 AND starts_at > ?2 AND coach_id = ?3 ORDER BY starts_at LIMIT 20', ['e', 0, 'c']],
  ['history of a trajectory', 'SELECT id, starts_at, ends_at FROM sessions WHERE engagement_id = ?1 AND starts_at <= ?2 AND coach_id = ?3 ORDER BY starts_at DESC LIMIT 50', ['e', 0, 'c']],
  ['agreements made in a session', 'SELECT COUNT(*) AS n FROM agreements WHERE session_id = ?1 AND coach_id = ?2', ['s', 'c']],
  [
    'move unless it overlaps',
    `UPDATE sessions SET starts_at = ?1, ends_at = ?2, calendar_status = 'pending' WHERE id = ?3 AND coach_id = ?4 AND starts_at = ?5
      AND NOT EXISTS (SELECT 1 FROM sessions o WHERE o.coach_id = ?4 AND o.id != ?3 AND o.starts_at < ?2 AND o.ends_at > ?1)`,
    [1, 2, 's', 'c', 0],
  ],
  ['cancel the local event', "UPDATE local_events SET status = 'cancelled', sequence = sequence + 1, updated_at = ?1 WHERE coach_id = ?2 AND id = ?3 AND status = 'confirmed'", [1, 'c', 's']],
  ['the cancelled local event', "SELECT id, title, starts_at, ends_at, sequence, updated_at FROM local_events WHERE coach_id = ?1 AND id = ?2 AND status = 'cancelled'", ['c', 's']],
  ['forget the calendar record', 'DELETE FROM calendar_events WHERE session_id = ?1', ['s']],
  ['forget booking keys', 'DELETE FROM booking_requests WHERE session_id = ?1', ['s']],
  ['forget the agenda', 'DELETE FROM agenda_items WHERE session_id = ?1', ['s']],
  ['erase intake answers', 'DELETE FROM intake_answers WHERE engagement_id IN (SELECT id FROM engagements WHERE coachee_id = ?1 AND coach_id = ?2)', ['x', 'c']],
  ['erase cancellations', 'DELETE FROM session_cancellations WHERE engagement_id IN (SELECT id FROM engagements WHERE coachee_id = ?1 AND coach_id = ?2)', ['x', 'c']],
  ['consent once', 'UPDATE engagements SET consent_at = COALESCE(consent_at, ?1) WHERE id = ?2 AND coach_id = ?3', [1, 'e', 'c']],
  ['replace the feed token', 'UPDATE coaches SET ics_token = ?1 WHERE id = ?2', ['t', 'c']],
];

describe('first-week query plans', () => {
  itUsesIndexes(STATEMENTS);
});
