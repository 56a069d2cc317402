/** Which session a host meeting is: linking a meeting (from the panel or a calendar sync) and finding the session by it. */
import { joinUrlKey, meetCodeOf, teamsThreadOf, type MeetingHostName } from '../../shared/meetings/join-url';
import type { MeetingLink } from '../../shared/protocol';
import { ERASE_HOOKS } from './erase';
import { CANCEL_HOOKS } from './session-change';
import { findSessionByMeeting } from '../storage/sessions';
import { linkMeeting, sessionIdOfMeeting, type MeetingRef } from '../storage/session-meetings';
import { sql, type Query } from '../storage/sql';

const MEET_CODE = /^[a-z]{3}-[a-z]{4}-[a-z]{3}$/i;

/**
 * The references one link or lookup names, most specific first: the host's id, Meet's code, then the join link's key. A
 * Meet link also names its code, and an older Teams link its chat thread, so either finds the session the other linked.
 */
export function meetingRefs(m: MeetingLink): MeetingRef[] {
  const refs: MeetingRef[] = [];
  const key = m.joinUrl ? joinUrlKey(m.joinUrl) : null;
  const host = m.host;
  if (m.meetingId) refs.push({ kind: 'id', host, value: m.meetingId });
  const thread = m.joinUrl ? teamsThreadOf(m.joinUrl) : null;
  if (thread && host !== 'zoom' && host !== 'meet' && thread !== m.meetingId) refs.push({ kind: 'id', host: 'teams', value: thread });
  // The Meet panel looks its meeting code up as a meeting id too.
  const codeAsId = host === 'meet' && m.meetingId && MEET_CODE.test(m.meetingId) ? m.meetingId : null;
  const code = m.code ?? (m.joinUrl ? meetCodeOf(m.joinUrl) : null) ?? codeAsId;
  if (code) refs.push({ kind: 'code', host: host === 'browser' ? 'meet' : host, value: code.toLowerCase() });
  if (key) refs.push({ kind: 'url', value: key });
  return refs;
}

/** The statements linking every reference of `m` to the session (one batch with whatever else the caller writes). */
export const linkStatements = (db: D1Database, coachId: string, sessionId: string, m: MeetingLink, nowMs: number): Query[] =>
  meetingRefs(m).map((ref) => linkMeeting(db, coachId, sessionId, ref, nowMs));

/**
 * The coach's session for a meeting, by the first reference linked to one; then the meeting ids a calendar sync recorded
 * on the session itself (Zoom's number, Meet's code, Teams' thread of an older join link).
 */
export async function sessionIdForMeeting(db: D1Database, coachId: string, m: MeetingLink): Promise<string | null> {
  const refs = meetingRefs(m);
  for (const ref of refs) {
    const id = await sessionIdOfMeeting(db, coachId, ref);
    if (id) return id;
  }
  for (const ref of refs) {
    if (ref.kind === 'url' || ref.host === 'browser') continue;
    const row = await findSessionByMeeting(db, coachId, ref.host, ref.value);
    if (row) return row.id;
  }
  return null;
}

/** The references a calendar sync records for a session's event: its join link, under whichever host made it. */
export const syncedMeetingLink = (host: MeetingHostName, joinUrl: string): MeetingLink | null => (joinUrlKey(joinUrl) ? { host, joinUrl } : null);

// Erasing a coachee removes the meeting links of their sessions with the sessions.
ERASE_HOOKS.push((ofSessions) => [`DELETE FROM session_meetings WHERE session_id IN (${ofSessions})`]);
// A cancelled session's meetings no longer lead to it.
CANCEL_HOOKS.push((db, sessionId, coachId) => [sql(db)`DELETE FROM session_meetings WHERE session_id = ${sessionId} AND coach_id = ${coachId}`]);
