/** Meeting links, OAuth flows and grant bookkeeping are served by indexes: EXPLAIN QUERY PLAN shows no full scan of a base table. */
import { describe, expect, it } from 'vitest';
import { fullScans, itUsesIndexes } from './plan-scans';
import type { PlannedStatement } from './plan-scans';

/** Partial indexes hold only the rows asked for: walking one is no full scan. */
const RULE = { partialIndexes: ['calendar_connections_to_revoke'] };

const STATEMENTS: PlannedStatement[] = [
  ['meeting link lookup', 'SELECT session_id FROM session_meetings WHERE coach_id = ?1 AND host = ?2 AND kind = ?3 AND value = ?4', ['c', 'zoom', 'id', 'v']],
  [
    'link a meeting (only to a session of the coach)',
    `INSERT INTO session_meetings (coach_id, host, kind, value, session_id, created_at)
      SELECT coach_id, ?1, ?2, ?3, id, ?4 FROM sessions WHERE id = ?5 AND coach_id = ?6
      ON CONFLICT (coach_id, host, kind, value) DO UPDATE SET session_id = excluded.session_id, created_at = excluded.created_at`,
    ['zoom', 'id', 'v', 1, 's', 'c'],
  ],
  ['erase the links of a coachee', 'DELETE FROM session_meetings WHERE session_id IN (SELECT s.id FROM sessions s JOIN engagements e ON e.id = s.engagement_id WHERE e.coachee_id = ?1 AND e.coach_id = ?2)', ['x', 'c']],
  ['take a flow', 'DELETE FROM oauth_flows WHERE key_hash = ?1 RETURNING purpose, provider, coach_id', ['h']],
  ['prune flows', 'DELETE FROM oauth_flows WHERE expires_at <= ?1', [1]],
  ['mark reconnect', 'UPDATE calendar_connections SET reconnect_since = coalesce(reconnect_since, ?1) WHERE coach_id = ?2 AND provider = ?3 AND retired_at IS NULL', [1, 'c', 'google']],
  ['connections in use', 'SELECT provider, reconnect_since FROM calendar_connections WHERE coach_id = ?1 AND retired_at IS NULL ORDER BY provider', ['c']],
  ['request revocation', 'UPDATE calendar_connections SET revoke_requested_at = ?1 WHERE coach_id = ?2 AND provider = ?3 AND retired_at IS NULL', [1, 'c', 'google']],
  [
    'grants to revoke (cron: every coach)',
    `SELECT * FROM calendar_connections WHERE revoke_requested_at IS NOT NULL AND retired_at IS NOT NULL AND (?1 IS NULL OR coach_id = ?1)
      AND NOT EXISTS (SELECT 1 FROM calendar_events ce WHERE ce.connection_id = calendar_connections.id AND ce.external_id IS NOT NULL)
      AND NOT EXISTS (SELECT 1 FROM calendar_events ce WHERE ce.meeting_connection_id = calendar_connections.id AND ce.meeting_id IS NOT NULL)
      AND NOT EXISTS (SELECT 1 FROM calendar_delete_holds h WHERE h.connection_id = calendar_connections.id)
      AND NOT EXISTS (SELECT 1 FROM calendar_events ce WHERE ce.coach_id = calendar_connections.coach_id AND ce.lease_until > ?2)`,
    [null, 1],
  ],
  ['sessions waiting for a reconnect', "SELECT id FROM sessions WHERE coach_id = ?1 AND ends_at > ?2 AND calendar_status = 'pending' ORDER BY starts_at LIMIT 1000", ['c', 1]],
];

describe('meeting link, sign-in and grant query plans', () => {
  itUsesIndexes(STATEMENTS, RULE);

  it('notices a full scan', async () => {
    expect((await fullScans('SELECT key_hash FROM oauth_flows WHERE provider = ?1', ['google'], RULE)).scans).toHaveLength(1);
  });
});
