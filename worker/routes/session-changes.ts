/** The coach cancels or moves a session, and lists cancelled ones. */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { CancelledSession, Id, Instant, Session, SessionCancel, SessionReschedule } from '../../shared/protocol';
import type { AppEnv } from '../env';
import { requireCoach } from '../auth/require-coach';
import { endpoint, param } from '../http/endpoint';
import { invalidField } from '../http/problem';
import { bookingOf, idempotencyKey, requestHash } from '../services/booking';
import { requestCalendarSync } from '../services/calendar-outbox';
import { unwrapChange } from '../services/session-change';
import { listCancellations, toCancelled } from '../storage/cancellations';
import { coachDb } from '../storage/databases';
import { getEngagement } from '../storage/engagements';
import { ms } from '../storage/time';
import { onSessionMoved } from '../between/hooks';
import { enqueueChangeNotice } from '../between/change-notice';

/** Routes mounted at `/api`. */
export const sessionChangeRoutes = new Hono<AppEnv>();
for (const path of ['/sessions/:id/cancel', '/sessions/:id/reschedule', '/cancellations']) sessionChangeRoutes.use(path, requireCoach);
const M = '/api';

const db = (c: Context<AppEnv>) => coachDb(c.env, c.get('coachId'));

endpoint(
  sessionChangeRoutes,
  M,
  { method: 'post', path: '/sessions/:id/cancel', tag: 'sessions', summary: 'Cancels an upcoming session: its calendar event is withdrawn through the outbox, its time freed, open agreements of earlier sessions stay with the trajectory.', body: SessionCancel, response: CancelledSession },
  async (c, { body }) => {
    const coachId = c.get('coachId');
    const cancelled = unwrapChange(await bookingOf(c.env, coachId).cancel({ coachId, sessionId: param(c, 'id'), by: 'coach', reason: body.reason ?? '' }));
    await enqueueChangeNotice(c.env, { coachId, engagementId: cancelled.engagementId, sessionId: cancelled.id, change: 'cancel', by: 'coach', startMs: ms(cancelled.startsAt) });
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
    const { moved, session, fromMs } = unwrapChange(await bookingOf(c.env, coachId).reschedule({ coachId, sessionId, startMs, idempotencyKey: key, requestHash: await requestHash(`move:${sessionId}`, startMs) }));
    if (moved) await requestCalendarSync(c.env, coachDb(c.env, coachId), [session.id], 'moved');
    // Its reminder and reflection move with it.
    if (moved) await onSessionMoved(c.env, coachId, session.id);
    if (moved) await enqueueChangeNotice(c.env, { coachId, engagementId: session.engagementId, sessionId: session.id, change: 'move', fromMs, toMs: startMs });
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
