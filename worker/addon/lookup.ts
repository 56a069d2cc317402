/** The add-on's D1 lookups: the coach a Google user is (linking their account on first use), the coach's next sessions, and the session a Calendar event belongs to. */
import { getIdentity, linkIdentity } from '../storage/identities';
import { getCoach, type CoachRow } from '../storage/coaches';
import { all, first, sql } from '../storage/sql';
import { MAX_SESSION_MS } from '../storage/time';
import type { Session } from '../../shared/protocol';
import { googleEventId } from '../providers/google';

/** A Google user as the add-on's verified `userIdToken` describes them. */
export type GoogleUser = { subject: string; email: string; emailAuthoritative: boolean };

/**
 * The coach a verified Google user is: the one their Google account (host `google`, subject `sub`) is linked to, as a Meet
 * panel sign-in or an earlier add-on request linked it. An unlinked account is linked here, once, to the coach with its
 * address, but only when Google's word on that address is authoritative (Gmail, or the account's own Workspace domain); a
 * bare e-mail match never signs anyone in. Null when there is no such coach: the card asks the user to open the panel once.
 */
export async function coachForGoogleUser(db: D1Database, user: GoogleUser, nowMs: number): Promise<CoachRow | null> {
  const linked = await getIdentity(db, 'google', user.subject);
  if (linked) return getCoach(db, linked.coach_id);
  if (!user.emailAuthoritative) return null;
  const coach = await first<CoachRow>(sql(db)`SELECT * FROM coaches WHERE email = ${user.email.trim().toLowerCase()}`);
  if (!coach) return null;
  const link = await linkIdentity(db, { host: 'google', subject: user.subject, coachId: coach.id, email: coach.email }, nowMs);
  return link.coach_id === coach.id ? coach : getCoach(db, link.coach_id);
}

/** One of the coach's sessions that has not ended, with its coachee's name. */
export type UpcomingRow = { id: string; starts_at: number; ends_at: number; calendar_status: Session['calendarStatus']; coachee_name: string };

/** The coach's sessions that have not ended by `nowMs`, soonest first. */
export const upcomingSessions = (db: D1Database, coachId: string, nowMs: number, limit: number) =>
  all<UpcomingRow>(sql(db)`SELECT s.id, s.starts_at, s.ends_at, s.calendar_status, p.name AS coachee_name
    FROM sessions s JOIN engagements e ON e.id = s.engagement_id JOIN coachees p ON p.id = e.coachee_id
    WHERE s.coach_id = ${coachId} AND s.starts_at > ${nowMs - MAX_SESSION_MS} AND s.ends_at > ${nowMs} ORDER BY s.starts_at LIMIT ${limit}`);

const BASE32HEX = '0123456789abcdefghijklmnopqrstuv';
const SESSION_ID = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * The session id a Google event id was derived from (the inverse of `googleEventId`: lowercase base32hex of the id's bytes),
 * or null when the event id is not one we derive.
 * @see https://www.rfc-editor.org/rfc/rfc4648#section-7
 */
export function sessionIdOfGoogleEventId(eventId: string): string | null {
  if (!/^[0-9a-v]{5,1024}$/.test(eventId)) return null;
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of eventId) {
    buffer = ((buffer << 5) | BASE32HEX.indexOf(char)) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((buffer >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(Uint8Array.from(bytes));
  } catch {
    return null;
  }
  if (!SESSION_ID.test(decoded)) return null;
  return googleEventId(decoded) === eventId ? decoded : null;
}

/**
 * The coach's session a Google Calendar event belongs to: the event the outbox recorded for it, or the event id derived from
 * the session's id (what the Google provider inserts), so a session shows even before its sync row was written. Null for
 * every other event, and for other coaches' sessions.
 */
export async function sessionIdForGoogleEvent(db: D1Database, coachId: string, eventId: string): Promise<string | null> {
  const derived = sessionIdOfGoogleEventId(eventId);
  const row = await first<{ session_id: string }>(sql(db)`SELECT session_id FROM calendar_events WHERE coach_id = ${coachId} AND provider = 'google' AND external_id = ${eventId}
    UNION ALL SELECT id AS session_id FROM sessions WHERE id = ${derived} AND coach_id = ${coachId}
    LIMIT 1`);
  return row?.session_id ?? null;
}
