/** The local calendar as iCalendar: the coach's subscription feed and an RFC 5546 REQUEST invite per session; never notes. */
import type { Env } from '../env';
import { buildCalendarFeed, buildInvite, icsFromLocal, type IcsEvent } from '../providers/ical';
import { createLocalCalendar } from '../providers/local';
import type { CoachRow } from '../storage/coaches';
import type { SessionContext } from '../storage/session-context';
import { renderEventContent } from './calendar-content';
import { coacheeUrl } from './coachee-link';
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

/**
 * The coach's iCalendar feed: every local event in the window, cancelled ones too (so subscribed calendars drop them), each with
 * a stable UID and its SEQUENCE. Its descriptions are what the local calendar holds: the coach's text and our invite block.
 * @see https://www.rfc-editor.org/rfc/rfc5545#section-3.6.1
 */
export async function coachFeed(db: D1Database, coach: CoachRow, base: string, nowMs: number): Promise<string> {
  const local = createLocalCalendar({ db, coachId: coach.id });
  const events = await local.listEvents({ fromMs: nowMs - FEED_PAST_MS, toMs: nowMs + FEED_AHEAD_MS }, { includeCancelled: true });
  const host = uidHost(base);
  return buildCalendarFeed(
    events.map((e) => icsFromLocal(e, host)),
    { name: `Coaching companion · ${coach.name}`, timeZone: coach.time_zone },
  );
}

/**
 * A METHOD:REQUEST invite for one session, organised by the coach, with the coachee as attendee. It describes the session's
 * event in the local calendar (same UID as the feed, its SEQUENCE, description and location); before the outbox has written
 * that event it is rendered from the session itself with SEQUENCE 0. Built from agenda and agreements only: notes never enter.
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
    startMs: stored?.startMs ?? content.startMs,
    endMs: stored?.endMs ?? content.endMs,
    sequence: stored?.etag !== undefined && /^\d+$/.test(stored.etag) ? Number(stored.etag) : 0,
    status: 'confirmed',
    updatedMs: nowMs,
  };
  return buildInvite(event, { method: 'REQUEST', organizer: { email: ctx.coach.email, name: ctx.coach.name }, attendees: content.attendees, stampMs: nowMs });
}
