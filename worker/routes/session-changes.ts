/** The coach cancels or moves a session, lists cancelled ones, reads a trajectory's intake, and replaces the local calendar's feed URL. */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { CancelledSession, Coach, EngagementIntake, Id, Instant, Session, SessionCancel, SessionReschedule } from '../../shared/protocol';
import type { AppEnv } from '../env';
import { requireCoach } from '../auth/require-coach';
import { endpoint, param } from '../http/endpoint';
import { invalidField, notFound } from '../http/problem';
import { publicUrl } from '../http/public-url';
import { bookingOf, idempotencyKey, requestHash } from '../services/booking';
import { requestCalendarSync } from '../services/calendar-outbox';
import { unwrapChange } from '../services/session-change';
import { listCancellations, toCancelled } from '../storage/cancellations';
import { getCoach, randomToken, toCoach } from '../storage/coaches';
import { getCoachee } from '../storage/coachees';
import { coachDb } from '../storage/databases';
import { getEngagement } from '../storage/engagements';
import { loadOnboarding } from '../storage/onboarding';
import { run, sql } from '../storage/sql';
import { ms } from '../storage/time';
import { onSessionMoved } from '../between/hooks';

/** Routes mounted at `/api`. */
export const sessionChangeRoutes = new Hono<AppEnv>();
for (const path of ['/sessions/:id/cancel', '/sessions/:id/reschedule', '/cancellations', '/engagements/:id/intake', '/me/calendar/feed']) sessionChangeRoutes.use(path, requireCoach);
const M = '/api';

const db = (c: Context<AppEnv>) => coachDb(c.env, c.get('coachId'));

endpoint(
  sessionChangeRoutes,
  M,
  { method: 'post', path: '/sessions/:id/cancel', tag: 'sessions', summary: 'Cancels an upcoming session: its calendar event is withdrawn through the outbox, its time freed, open agreements of earlier sessions stay with the trajectory.', body: SessionCancel, response: CancelledSession },
  async (c, { body }) => {
    const coachId = c.get('coachId');
    const cancelled = unwrapChange(await bookingOf(c.env, coachId).cancel({ coachId, sessionId: param(c, 'id'), by: 'coach', reason: body.reason ?? '' }));
    return c.json(cancelled);
  },
);

endpoint(
  sessionChangeRoutes,
  M,
  {
    method: 'post',
    path: '/sessions/:id/reschedule',
    tag: 'sessions',
    summary: 'Moves an upcoming session to another start (same length); the calendar event follows through the outbox (same UID, higher SEQUENCE). A repeated Idempotency-Key with the same body answers the first move.',
    body: SessionReschedule,
    response: Session,
    headers: { 'Idempotency-Key': '1–200 visible ASCII characters; repeating it with the same body answers the first move' },
  },
  async (c, { body }) => {
    const key = idempotencyKey(c.req.header('idempotency-key'));
    const coachId = c.get('coachId');
    const sessionId = param(c, 'id');
    const startMs = ms(body.startsAt);
    const { moved, session } = unwrapChange(await bookingOf(c.env, coachId).reschedule({ coachId, sessionId, startMs, idempotencyKey: key, requestHash: await requestHash(`move:${sessionId}`, startMs) }));
    if (moved) await requestCalendarSync(c.env, coachDb(c.env, coachId), [session.id], 'moved');
    // Its reminder and reflection move with it.
    if (moved) await onSessionMoved(c.env, coachId, session.id);
    return c.json(moved ? { ...session, calendarStatus: 'pending' } : session);
  },
);

const CancellationQuery = z.strictObject({ engagementId: Id.optional(), from: Instant.optional() });
endpoint(sessionChangeRoutes, M, { method: 'get', path: '/cancellations', tag: 'sessions', summary: 'Cancelled sessions, latest first: of one trajectory, or all starting from `from`.', query: CancellationQuery, response: z.array(CancelledSession) }, async (c, { query }) => {
  const coachId = c.get('coachId');
  if (query.engagementId && !(await getEngagement(db(c), coachId, query.engagementId))) throw invalidField('query', 'engagementId', 'no such engagement', 404);
  const rows = await listCancellations(db(c), coachId, { ...(query.engagementId ? { engagementId: query.engagementId } : {}), ...(query.from ? { fromMs: ms(query.from) } : {}) });
  return c.json(rows.map(toCancelled));
});

endpoint(sessionChangeRoutes, M, { method: 'get', path: '/engagements/:id/intake', tag: 'engagements', summary: "The trajectory's welcome, the coachee's consent and their intake answers (for the coach only; never on an invite).", response: EngagementIntake }, async (c) => {
  const coachId = c.get('coachId');
  const engagement = await getEngagement(db(c), coachId, param(c, 'id'));
  const coachee = engagement ? await getCoachee(db(c), coachId, engagement.coachee_id) : null;
  if (!engagement || !coachee) throw notFound('Engagement');
  const onboarding = await loadOnboarding(db(c), engagement, coachee.locale);
  return c.json({ ...onboarding, consentAt: engagement.consent_at === null ? null : new Date(engagement.consent_at).toISOString() });
});

endpoint(sessionChangeRoutes, M, { method: 'post', path: '/me/calendar/feed', tag: 'me', summary: "Replaces the local calendar's feed URL: the old address answers 404 at once. Answers the profile with the new calendar.icsUrl.", response: Coach }, async (c) => {
  const coachId = c.get('coachId');
  await run(sql(db(c))`UPDATE coaches SET ics_token = ${randomToken()} WHERE id = ${coachId}`);
  const coach = await getCoach(db(c), coachId);
  if (!coach) throw notFound('Coach');
  return c.json(toCoach(coach, publicUrl(c)));
});
