/** The invite preview: exactly the block that goes into the calendar event, in the coachee's locale; never notes or prompts. */
import { renderInviteBlock } from '../../shared/invite/render';
import type { InvitePreview } from '../../shared/protocol';
import type { Env } from '../env';
import type { SessionContext } from '../storage/session-context';
import { coacheeUrl } from './coachee-link';

/**
 * Renders the invite block of one session: agenda, open and new agreements (WWW), the coachee's link and the time zone in words —
 * or only the link when the coach or this coachee chose "link only". Built from agenda and agreements alone: notes never enter.
 */
export async function buildInvitePreview(env: Env, base: string, ctx: Pick<SessionContext, 'session' | 'engagement' | 'coachee' | 'coach' | 'state'>, nowMs: number): Promise<InvitePreview> {
  const mode = ctx.coachee.invite_mode ?? ctx.coach.invite_mode;
  const link = await coacheeUrl(env, base, ctx.engagement, nowMs);
  const url = link?.url ?? '';
  const locale = ctx.coachee.locale;
  const block = renderInviteBlock(
    {
      mode,
      coachName: ctx.coach.name,
      coacheeName: ctx.coachee.name,
      startsAtMs: ctx.session.starts_at,
      endsAtMs: ctx.session.ends_at,
      timeZone: ctx.coachee.time_zone,
      goal: ctx.engagement.goal,
      agenda: ctx.state.agenda,
      agreements: ctx.state.agreements,
      coacheeUrl: url,
    },
    locale,
  );
  return { sessionId: ctx.session.id, mode, locale, coacheeUrl: url, text: block.text, html: block.html };
}
