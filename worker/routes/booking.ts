/** `/api/sessions/:id/slots` and `/api/sessions/:id/next`: the coach books the next session of a session's engagement. */
import { Hono } from 'hono';
import { BookNext, Session, SlotList, SlotQueryParams } from '../../shared/protocol';
import type { AppEnv } from '../env';
import { requireCoach } from '../auth/require-coach';
import { endpoint } from '../http/endpoint';
import { bookNext, idempotencyKey, listSlots, slotWindow } from '../services/booking';
import { ownSession } from './sessions';

/** Coach booking routes, mounted at `/api/sessions` next to the session routes. */
export const bookingRoutes = new Hono<AppEnv>();
bookingRoutes.use('/:id/slots', requireCoach);
bookingRoutes.use('/:id/next', requireCoach);
const M = '/api/sessions';

endpoint(
  bookingRoutes,
  M,
  { method: 'get', path: '/:id/slots', tag: 'booking', summary: 'Free slots for the next session of this engagement, in the coach\'s time zone (from defaults to now, to to from + 21 days; at most 90 days).', query: SlotQueryParams, response: SlotList },
  async (c, { query }) => {
    const nowMs = Date.now();
    const window = slotWindow(query, nowMs);
    const row = await ownSession(c);
    return c.json(await listSlots(c.env, { coachId: row.coach_id, engagementId: row.engagement_id }, window, nowMs));
  },
);

endpoint(
  bookingRoutes,
  M,
  {
    method: 'post',
    path: '/:id/next',
    tag: 'booking',
    summary: 'Books the next session of this engagement at a free slot; 201 with the new session, 200 with the same session when the Idempotency-Key is repeated.',
    body: BookNext,
    response: Session,
    status: 201,
    headers: { 'Idempotency-Key': '1–200 visible ASCII characters; repeating it with the same body answers the first booking' },
  },
  async (c, { body }) => {
    const key = idempotencyKey(c.req.header('idempotency-key'));
    const row = await ownSession(c);
    const { status, session } = await bookNext(c.env, { coachId: row.coach_id, engagementId: row.engagement_id }, `session:${row.id}`, body.startsAt, key);
    return c.json(session, status);
  },
);
