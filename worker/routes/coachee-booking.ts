/** `/api/c/:token/slots` and `/api/c/:token/book`: the coachee books the next session of their engagement through their link (the token is the scope). */
import { Hono, type Context } from 'hono';
import { BookNext, Session, SlotList, SlotQueryParams } from '../../shared/protocol';
import type { AppEnv } from '../env';
import { endpoint, param } from '../http/endpoint';
import { engagementOfLink } from '../services/coachee-link';
import { bookNext, idempotencyKey, listSlots, slotWindow } from '../services/booking';

/** Coachee booking routes, mounted at `/api/c`. */
export const coacheeBookingRoutes = new Hono<AppEnv>();
const M = '/api/c';

/** The link's engagement as a booking scope; forged, expired and revoked tokens answer 404. */
async function scopeOfLink(c: Context<AppEnv>, nowMs: number) {
  const e = await engagementOfLink(c.env, param(c, 'token'), nowMs);
  return { engagement: e, scope: { coachId: e.coach_id, engagementId: e.id } };
}

endpoint(
  coacheeBookingRoutes,
  M,
  { method: 'get', path: '/:token/slots', tag: 'coachee', auth: 'capability', summary: 'Free slots for the coachee\'s next session, shown in the coachee\'s time zone.', query: SlotQueryParams, response: SlotList },
  async (c, { query }) => {
    const nowMs = Date.now();
    const window = slotWindow(query, nowMs);
    const { scope } = await scopeOfLink(c, nowMs);
    c.header('cache-control', 'no-store');
    return c.json(await listSlots(c.env, scope, window, nowMs, 'coachee'));
  },
);

endpoint(
  coacheeBookingRoutes,
  M,
  {
    method: 'post',
    path: '/:token/book',
    tag: 'coachee',
    auth: 'capability',
    summary: 'The coachee books their next session at a free slot; 201 with the new session, 200 with the same session when the Idempotency-Key is repeated.',
    body: BookNext,
    response: Session,
    status: 201,
    headers: { 'Idempotency-Key': '1–200 visible ASCII characters; repeating it with the same body answers the first booking' },
  },
  async (c, { body }) => {
    const key = idempotencyKey(c.req.header('idempotency-key'));
    const { engagement, scope } = await scopeOfLink(c, Date.now());
    const { status, session } = await bookNext(c.env, scope, `link:${engagement.id}`, body.startsAt, key);
    c.header('cache-control', 'no-store');
    return c.json(session, status);
  },
);
