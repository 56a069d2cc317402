/** `/api/c/:token/…`: the coachee's first steps on their invitation link (consent, intake) and cancelling one of their sessions. */
import { enqueueChangeNotice } from '../between/change-notice';
import { Hono, type Context } from 'hono';
import { CancelledSession, IntakePut, Onboarding, SessionCancel } from '../../shared/protocol';
import type { AppEnv } from '../env';
import { endpoint, param } from '../http/endpoint';
import { invalidField, notFound } from '../http/problem';
import { bookingOf } from '../services/booking';
import { engagementOfLink } from '../services/coachee-link';
import { requireOpen } from '../services/coachee-journey';
import { unwrapChange } from '../services/session-change';
import { getCoachee } from '../storage/coachees';
import { coachDb } from '../storage/databases';
import { giveConsentQuery, loadOnboarding, questionsOf, saveIntakeAnswers } from '../storage/onboarding';
import { run } from '../storage/sql';

/** Routes mounted at `/api/c`. */
export const coacheeOnboardingRoutes = new Hono<AppEnv>();
const M = '/api/c';

/** The link's open trajectory and its coachee; forged, expired and revoked links 404, a closed trajectory 409. */
async function openLink(c: Context<AppEnv>) {
  const engagement = await engagementOfLink(c.env, param(c, 'token'), Date.now());
  requireOpen(engagement);
  const db = coachDb(c.env, engagement.coach_id);
  const coachee = await getCoachee(db, engagement.coach_id, engagement.coachee_id);
  if (!coachee) throw notFound('Link');
  return { engagement, coachee, db };
}

endpoint(coacheeOnboardingRoutes, M, { method: 'post', path: '/:token/consent', tag: 'coachee', auth: 'capability', summary: 'The coachee agrees to the privacy statement (once; the first moment is kept).', response: Onboarding }, async (c) => {
  const { engagement, coachee, db } = await openLink(c);
  const nowMs = Date.now();
  await run(giveConsentQuery(db, engagement, nowMs));
  c.header('cache-control', 'no-store');
  return c.json(await loadOnboarding(db, { ...engagement, consent_at: engagement.consent_at ?? nowMs }, coachee.locale));
});

endpoint(
  coacheeOnboardingRoutes,
  M,
  { method: 'put', path: '/:token/intake', tag: 'coachee', auth: 'capability', summary: "Saves intake answers as typed (after consent); answers sent replace earlier ones to the same question, others stay. Seen by the coach only.", body: IntakePut, response: Onboarding },
  async (c, { body }) => {
    const { engagement, coachee, db } = await openLink(c);
    if (engagement.consent_at === null) throw invalidField('body', 'answers', 'agree to the privacy statement first (POST …/consent)', 409);
    const known = new Set(questionsOf(engagement, coachee.locale).map((q) => q.id));
    body.answers.forEach((a, i) => {
      if (!known.has(a.questionId)) throw invalidField('body', `answers[${i}].questionId`, 'no such question in this intake');
    });
    await saveIntakeAnswers(db, engagement, body.answers, Date.now());
    c.header('cache-control', 'no-store');
    return c.json(await loadOnboarding(db, engagement, coachee.locale));
  },
);

endpoint(
  coacheeOnboardingRoutes,
  M,
  { method: 'post', path: '/:token/sessions/:id/cancel', tag: 'coachee', auth: 'capability', summary: "The coachee cancels one of their upcoming sessions, up to the coach's cancellation notice (409 after it).", body: SessionCancel, response: CancelledSession },
  async (c, { body }) => {
    const { engagement } = await openLink(c);
    const coachId = engagement.coach_id;
    const cancelled = unwrapChange(await bookingOf(c.env, coachId).cancel({ coachId, sessionId: param(c, 'id'), by: 'coachee', reason: body.reason ?? '', engagementId: engagement.id }));
    await enqueueChangeNotice(c.env, { coachId, engagementId: engagement.id, sessionId: cancelled.id, change: 'cancel', by: 'coachee', startMs: Date.parse(cancelled.startsAt) });
    c.header('cache-control', 'no-store');
    return c.json(cancelled);
  },
);
