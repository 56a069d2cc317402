/** `GET/PATCH /api/me`: the signed-in coach's profile, working hours, booking rules and calendar. */
import { Hono, type Context } from 'hono';
import { Coach, CoachPatch } from '../../shared/protocol';
import type { AppEnv } from '../env';
import { requireCoach, ownDb } from '../auth/require-coach';
import { endpoint } from '../http/endpoint';
import { ApiProblem } from '../http/problem';
import { getCoach, patchCoach, toCoach } from '../storage/coaches';
import { publicUrl } from '../http/public-url';
import { connectionsInUse } from '../services/calendar-grants';

/** Routes under `/api/me`. */
export const meRoutes = new Hono<AppEnv>();
meRoutes.use('*', requireCoach);
const M = '/api/me';

/** The signed-in coach's row; 401 when the account is gone. */
export async function currentCoach(c: Context<AppEnv>) {
  const row = await getCoach(ownDb(c), c.get('coachId'));
  // A valid token for a coach that no longer exists is no longer a sign-in.
  if (!row) throw new ApiProblem(401, '/problems/unauthorized', 'This account no longer exists; sign in again');
  return row;
}

endpoint(
  meRoutes,
  M,
  { method: 'get', path: '/', tag: 'me', summary: 'The coach profile; calendar.reconnect lists connections whose grant the provider refused, calendar.zoom whether Zoom is connected for meetings.', response: Coach },
  async (c) => {
    const coach = toCoach(await currentCoach(c), publicUrl(c));
    const connections = await connectionsInUse(ownDb(c), coach.id);
    const reconnect = connections.filter((x) => x.reconnect).map((x) => x.provider);
    const zoom = connections.some((x) => x.provider === 'zoom');
    return c.json({ ...coach, calendar: { ...coach.calendar, ...(reconnect.length ? { reconnect } : {}), ...(zoom ? { zoom } : {}) } });
  },
);

endpoint(meRoutes, M, { method: 'patch', path: '/', tag: 'me', summary: 'Updates the coach profile.', body: CoachPatch, response: Coach }, async (c, { body }) =>
  c.json(toCoach(await patchCoach(ownDb(c), await currentCoach(c), body), publicUrl(c))),
);
