/** Builds `GET /api/sessions/:id/panel`: everything the side panel shows, from one D1 batch. */
import { builtInModels, findBuiltInModel } from '../../shared/models/builtin';
import type { ConversationModel, ModelInput, PanelData } from '../../shared/protocol';
import type { Env } from '../env';
import { toCoach } from '../storage/coaches';
import { toCoachee } from '../storage/coachees';
import { toEngagement } from '../storage/engagements';
import type { SessionContext } from '../storage/session-context';
import { toSession } from '../storage/sessions';
import { iso } from '../storage/time';
import { buildInvitePreview } from './invite';
import { intakeOf, questionsOf } from '../storage/onboarding';

/** The session's model in the coach's locale (built-in) or as the coach wrote it (own model); falls back to the default model. */
export function modelOfSession(ctx: SessionContext): ConversationModel {
  const locale = ctx.coach.locale;
  const own = ctx.customModels.find((m) => m.id === ctx.session.model_id);
  if (own) return { ...(JSON.parse(own.body) as ModelInput), id: own.id, builtIn: false };
  return findBuiltInModel(ctx.session.model_id, locale) ?? builtInModels(locale)[0]!;
}

/** Assembles the panel payload. */
export async function buildPanelData(env: Env, base: string, ctx: SessionContext, nowMs: number): Promise<PanelData> {
  const coach = toCoach(ctx.coach, base);
  const ownModels = ctx.customModels.map((m) => {
    const body = JSON.parse(m.body) as ModelInput;
    return { id: m.id, name: body.name, locale: body.locale, builtIn: false };
  });
  // The intake answers help the coach prepare the kick-off: only in the first session's panel, never in the invite.
  const intake = ctx.previous ? null : intakeOf(questionsOf(ctx.engagement, ctx.coachee.locale), ctx.intakeAnswers);
  // Only a session still waiting for its calendar write can be held up by a refused grant: ask only then.
  const reconnect = ctx.session.calendar_status === 'pending' ? ctx.reconnect : [];
  return {
    coach: { id: coach.id, name: coach.name, locale: coach.locale, timeZone: coach.timeZone },
    session: toSession(ctx.session),
    engagement: toEngagement(ctx.engagement),
    coachee: toCoachee(ctx.coachee),
    model: modelOfSession(ctx),
    models: [...builtInModels(coach.locale).map((m) => ({ id: m.id, name: m.name, locale: m.locale, builtIn: true })), ...ownModels],
    state: ctx.state,
    seq: ctx.session.seq,
    invite: await buildInvitePreview(env, base, ctx, nowMs),
    previousSession: ctx.previous ? { id: ctx.previous.id, startsAt: iso(ctx.previous.starts_at) } : null,
    nextSession: ctx.next ? { id: ctx.next.id, startsAt: iso(ctx.next.starts_at), endsAt: iso(ctx.next.ends_at), calendarStatus: ctx.next.calendar_status } : null,
    intake: intake && intake.answers.length > 0 ? intake : null,
    ...(reconnect.length ? { reconnect } : {}),
    liveUrl: `${base.replace(/^http/, 'ws')}/api/sessions/${ctx.session.id}/live`,
    serverTime: iso(nowMs),
  };
}
