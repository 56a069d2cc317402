/** D1 repository for the host meetings linked to sessions (`session_meetings`), always scoped to their coach. */
import type { MeetingHostName } from '../../shared/meetings/join-url';
import { first, sql, type Query } from './sql';

/** What identifies a meeting: the host's id, Meet's code, or a join link key (`joinUrlKey`), which holds for any host. */
export type MeetingRef = { kind: 'id' | 'code'; host: MeetingHostName; value: string } | { kind: 'url'; value: string };

/** The `host` column of a reference: join links are stored once, for every host. */
const hostOf = (ref: MeetingRef) => (ref.kind === 'url' ? 'any' : ref.host);

/**
 * Links one meeting reference to a session of the coach (a statement for a batch); writes nothing when the session is not
 * theirs or is gone (erased while a sync ran). A reference already linked to another session moves to this one: the latest
 * word on which session a meeting is wins.
 * @see https://www.sqlite.org/lang_upsert.html
 */
export const linkMeeting = (db: D1Database, coachId: string, sessionId: string, ref: MeetingRef, nowMs: number): Query =>
  sql(db)`INSERT INTO session_meetings (coach_id, host, kind, value, session_id, created_at)
    SELECT coach_id, ${hostOf(ref)}, ${ref.kind}, ${ref.value}, id, ${nowMs} FROM sessions WHERE id = ${sessionId} AND coach_id = ${coachId}
    ON CONFLICT (coach_id, host, kind, value) DO UPDATE SET session_id = excluded.session_id, created_at = excluded.created_at`;

/** The session a meeting reference is linked to, or null. */
export async function sessionIdOfMeeting(db: D1Database, coachId: string, ref: MeetingRef): Promise<string | null> {
  const row = await first<{ session_id: string }>(
    sql(db)`SELECT session_id FROM session_meetings WHERE coach_id = ${coachId} AND host = ${hostOf(ref)} AND kind = ${ref.kind} AND value = ${ref.value}`,
  );
  return row?.session_id ?? null;
}
