/** What a session's calendar event and Zoom meeting say: title, our invite block and the Zoom agenda. */
import type { RenderedBlock } from '../../shared/invite/block';
import { INVITE_STRINGS } from '../../shared/i18n/invite-strings';
import type { Env } from '../env';
import type { Attendee } from '../providers/types';
import { AGENDA_REF_ROOM, ZOOM_LIMITS } from '../providers/zoom';
import type { SessionContext } from '../storage/session-context';
import { buildInvitePreview } from './invite';

type Ctx = Pick<SessionContext, 'session' | 'engagement' | 'coachee' | 'coach' | 'state'>;

/** The content of one session's event, rendered from agenda and agreements only (never notes). */
export interface EventContent {
  title: string;
  block: RenderedBlock;
  /** Plain text for Zoom's agenda field: the block without its markers, or the link-only text when that is too long. */
  zoomAgenda: string;
  startMs: number;
  endMs: number;
  /** The coach's zone: the event sits in the coach's calendar. */
  timeZone: string;
  attendees: Attendee[];
  durationMinutes: number;
}

/** The block without its first and last line (the begin/end markers only matter inside a description we merge into). */
function withoutMarkers(text: string): string {
  return text.split('\n').slice(1, -1).join('\n').trim();
}

/**
 * Renders the event content of a session with buildInvitePreview (the same block the coach previews), in the coachee's locale.
 * `base` is the absolute public URL the coachee link starts with (jobs: the configured PUBLIC_URL, see http/public-url.ts).
 * Zoom's agenda holds at most 2000 characters (a few kept for our reference line): a longer full block falls back to the "link only" text.
 * @see https://developers.zoom.us/docs/api/meetings/#tag/meetings/POST/users/{userId}/meetings (agenda ≤ 2000)
 */
export async function renderEventContent(env: Env, base: string, ctx: Ctx, nowMs: number): Promise<EventContent> {
  const preview = await buildInvitePreview(env, base, ctx, nowMs);
  let zoomAgenda = withoutMarkers(preview.text);
  if (Array.from(zoomAgenda).length > ZOOM_LIMITS.agenda - AGENDA_REF_ROOM) {
    const short = await buildInvitePreview(env, base, { ...ctx, coachee: { ...ctx.coachee, invite_mode: 'link_only' } }, nowMs);
    zoomAgenda = withoutMarkers(short.text);
  }
  const { session, coach, coachee } = ctx;
  return {
    title: INVITE_STRINGS[coachee.locale].heading(coachee.name, coach.name),
    block: { text: preview.text, html: preview.html },
    zoomAgenda,
    startMs: session.starts_at,
    endMs: session.ends_at,
    timeZone: coach.time_zone,
    attendees: coachee.email ? [{ email: coachee.email, name: coachee.name }] : [],
    durationMinutes: Math.max(1, Math.round((session.ends_at - session.starts_at) / 60_000)),
  };
}
