/** Between-session queries are served by indexes: EXPLAIN QUERY PLAN shows no full scan of a base table for any of them. */
import { describe, expect, it } from 'vitest';
import { fullScans, itUsesIndexes } from './plan-scans';
import type { PlannedStatement } from './plan-scans';

const STATEMENTS: PlannedStatement[] = [
  ['scheduler claim', "SELECT id FROM touchpoints WHERE status = 'planned' AND due_at <= ?1 AND (claimed_at IS NULL OR claimed_at < ?2) ORDER BY due_at LIMIT 1000", [1, 1]],
  ['timeline', 'SELECT * FROM touchpoints WHERE coach_id = ?1 AND engagement_id = ?2 ORDER BY due_at, id', ['c', 'e']],
  ['previous score', "SELECT score FROM touchpoints WHERE coach_id = ?1 AND engagement_id = ?2 AND kind = 'checkin' AND status = 'answered' AND id <> ?3 AND score IS NOT NULL ORDER BY due_at DESC LIMIT 1", ['c', 'e', 't']],
  ['cancel with session', "UPDATE touchpoints SET status = 'cancelled' WHERE coach_id = ?1 AND session_id = ?2 AND status = 'planned'", ['c', 's']],
  ['touchpoint by key (upsert)', 'SELECT id FROM touchpoints WHERE coach_id = ?1 AND engagement_id = ?2 AND key = ?3', ['c', 'e', 'k']],
  ['settings', 'SELECT settings, coachee_prefs, closed_at FROM touchpoint_settings WHERE engagement_id = ?1 AND coach_id = ?2', ['e', 'c']],
  [
    'alerts, unread first',
    `SELECT a.id FROM alerts a JOIN touchpoints t ON t.id = a.touchpoint_id JOIN engagements e ON e.id = a.engagement_id JOIN coachees c ON c.id = e.coachee_id
     WHERE a.coach_id = ?1 AND a.read_at IS NULL ORDER BY a.read_at IS NOT NULL, a.created_at DESC LIMIT 50`,
    ['c'],
  ],
  ['alerts of a trajectory', 'SELECT id FROM alerts WHERE coach_id = ?1 AND engagement_id = ?2 AND created_at >= ?3', ['c', 'e', 0]],
  ['low-score alert of a check-in', "SELECT id FROM alerts WHERE coach_id = ?1 AND touchpoint_id = ?2 AND kind = 'low_score'", ['c', 't']],
  ['digests due', 'SELECT coach_id FROM coach_mail_prefs WHERE digest = 1 AND next_digest_at <= ?1 LIMIT 500', [1]],
  ['mail dedupe', 'SELECT id FROM mails WHERE coach_id = ?1 AND dedupe_key = ?2', ['c', 'k']],
  ['erase mails of a trajectory', 'DELETE FROM mails WHERE coach_id = ?1 AND engagement_id IN (SELECT id FROM engagements WHERE coachee_id = ?2 AND coach_id = ?1)', ['c', 'x']],
  ['dev mailbox', "SELECT id FROM mails WHERE transport = 'local' ORDER BY sent_at DESC LIMIT 200", []],
  ['sessions of a trajectory', 'SELECT id, starts_at, ends_at FROM sessions WHERE engagement_id = ?1 AND coach_id = ?2 ORDER BY starts_at', ['e', 'c']],
  ['open agreements with a due date', "SELECT id, due FROM agreements WHERE engagement_id = ?1 AND status = 'open' AND coach_id = ?2 AND who_kind = 'coachee' AND due IS NOT NULL", ['e', 'c']],
];

describe('between-session query plans', () => {
  itUsesIndexes(STATEMENTS);

  it('notices a full scan', async () => {
    expect((await fullScans('SELECT id FROM touchpoints WHERE answer = ?1', ['x'])).scans).toHaveLength(1);
  });
});
