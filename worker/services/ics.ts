/** The local calendar as iCalendar: the coach's subscription feed and an RFC 5546 REQUEST invite per session; never notes. */
import type { Env } from '../env';
import { buildCalendarFeed, buildInvite, icsFromLocal, type IcsEvent } from '../providers/ical';
import { createLocalCalendar } from '../providers/local';
import type { CoachRow } from '../storage/coaches';
import type { SessionContext } from '../storage/session-context';
import { renderEventContent } from './calendar-content';
import { coacheeUrl } from './coachee-link';
import { first, sql } from '../storage/sql';
import { coachDb } from '../storage/databases';

const DAY_MS = 86_400_000;
/** The feed shows half a year back and two years ahead: enough for any calendar app, bounded for the query. */
const FEED_PAST_MS = 183 * DAY_MS;
const FEED_AHEAD_MS = 731 * DAY_MS;

const FALLBACK_HOST = 'coaching-companion.invalid';

/** The host name that makes our UIDs globally unique (RFC 5545 §3.8.4.7). */
export function uidHost(base: string): string {
  try {
    return new URL(base).hostname || FALLBACK_HOST;
  } catch {
    return FALLBACK_HOST;
  }
}

/** A coachee link in a description: `…/c/<engagement id>.<version>.<expiry>.<signature>` (worker/auth/links.ts). */
const COACHEE_LINK = /(?:https?:\/\/[^\s<>"]*)?\/c\/[A-Za-z0-9_-]{8,64}\.\d{1,9}\.\d{1,12}\.[A-Za-z0-9_-]+/g;
const LINK_LEFT_OUT: Record<CoachRow['locale'], string> = {
  nl: '(persoonlijke link van de coachee: staat in de uitnodiging, niet in deze feed)',
  en: "(the coachee's personal link: in the invitation, not in this feed)",
};

/**
 * A description as the feed shows it: every coachee link replaced by a short note. A feed URL gets pasted into calendar apps
 * and shared; it must not hand out the capability to every coachee's session page.
 */
export function withoutCoacheeLinks(description: string, locale: CoachRow['locale']): string {
  return description.replace(COACHEE_LINK, LINK_LEFT_OUT[locale]);
}

/**
 * The coach's iCalendar feed: every local event in the window, cancelled ones too (so subscribed calendars drop them), each with
 * a stable UID and its SEQUENCE. Its descriptions are what the local calendar holds, the coach's text and our invite block,
 * without the coachees' links (`withoutCoacheeLinks`).
 * @see https://www.rfc-editor.org/rfc/rfc5545#section-3.6.1
 */
export async function coachFeed(db: D1Database, coach: CoachRow, base: string, nowMs: number): Promise<string> {
  const local = createLocalCalendar({ db, coachId: coach.id });
  const events = await local.listEvents({ fromMs: nowMs - FEED_PAST_MS, toMs: nowMs + FEED_AHEAD_MS }, { includeCancelled: true });
  const host = uidHost(base);
  return buildCalendarFeed(
    events.map((e) => icsFromLocal({ ...e, description: withoutCoacheeLinks(e.description, coach.locale) }, host)),
    { name: `Coaching companion · ${coach.name}`, timeZone: coach.time_zone },
  );
}

/**
 * A METHOD:REQUEST invite for one session, organised by the coach, with the coachee as attendee. It describes the session's
 * event in the local calendar (same UID as the feed, its SEQUENCE, description and location); before the outbox has written
 * that event it is rendered from the session itself with SEQUENCE 0. Times are always the session's: a session moved since
 * the event was last written gets the SEQUENCE the outbox's update will give it (one higher), so mail clients apply the move. Built from agenda and agreements only: notes never enter.
 * @see https://www.rfc-editor.org/rfc/rfc5546#section-3.2.2
 */
export async function sessionInvite(env: Env, base: string, ctx: Pick<SessionContext, 'session' | 'engagement' | 'coachee' | 'coach' | 'state'>, nowMs: number): Promise<string> {
  const local = createLocalCalendar({ db: coachDb(env, ctx.coach.id), coachId: ctx.coach.id });
  const [stored, content, link] = await Promise.all([local.getEvent(ctx.session.id), renderEventContent(env, base, ctx, nowMs), coacheeUrl(env, base, ctx.engagement, nowMs)]);
  const location = ctx.session.meeting_url ?? undefined;
  const event: IcsEvent = {
    uid: `${ctx.session.id}@${uidHost(base)}`,
    title: stored?.title ?? content.title,
    description: stored?.description ?? content.block.text,
    ...(location === undefined ? {} : { location }),
    ...(link ? { url: link.url } : {}),
    startMs: content.startMs,
    endMs: content.endMs,
    sequence: sequenceOf(stored, content),
    status: 'confirmed',
    updatedMs: nowMs,
  };
  return buildInvite(event, { method: 'REQUEST', organizer: { email: ctx.coach.email, name: ctx.coach.name }, attendees: content.attendees, stampMs: nowMs });
}

/** The invite's SEQUENCE: the stored event's, one higher when the session has moved since it was written, 0 before it exists. */
function sequenceOf(stored: { etag?: string; startMs: number; endMs: number } | null, content: { startMs: number; endMs: number }): number {
  const written = stored?.etag !== undefined && /^\d+$/.test(stored.etag) ? Number(stored.etag) : null;
  if (written === null || !stored) return 0;
  return stored.startMs === content.startMs && stored.endMs === content.endMs ? written : written + 1;
}

/** A cancelled session's local event as stored (status cancelled, SEQUENCE raised when it was cancelled). */
type CancelledEventRow = { id: string; title: string; starts_at: number; ends_at: number; sequence: number; updated_at: number };

/**
 * A METHOD:CANCEL for a cancelled session of the local calendar: same UID as the REQUEST it withdraws, STATUS:CANCELLED and the
 * SEQUENCE the cancellation raised it to. Null when the session never had a local event (nothing to withdraw).
 * @see https://www.rfc-editor.org/rfc/rfc5546#section-3.2.5
 */
export async function cancelInvite(env: Env, base: string, coach: Pick<CoachRow, 'id' | 'email' | 'name'>, coachee: { name: string; email: string | null }, sessionId: string, nowMs: number): Promise<string | null> {
  const row = await first<CancelledEventRow>(sql(coachDb(env, coach.id))`SELECT id, title, starts_at, ends_at, sequence, updated_at FROM local_events WHERE coach_id = ${coach.id} AND id = ${sessionId} AND status = 'cancelled'`);
  if (!row) return null;
  const event: IcsEvent = { uid: `${row.id}@${uidHost(base)}`, title: row.title, description: '', startMs: row.starts_at, endMs: row.ends_at, sequence: row.sequence, status: 'cancelled', updatedMs: row.updated_at };
  return buildInvite(event, { method: 'CANCEL', organizer: { email: coach.email, name: coach.name }, attendees: coachee.email ? [{ email: coachee.email, name: coachee.name }] : [], stampMs: nowMs });
}
