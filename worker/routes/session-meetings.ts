/** `POST /api/sessions/:id/meeting` (link a host meeting to a session) and `GET /api/sessions/by-meeting` (find it again). */
import { Hono } from 'hono';
import { MeetingLink, MeetingQuery, Session } from '../../shared/protocol';
import type { AppEnv } from '../env';
import { requireCoach } from '../auth/require-coach';
import { endpoint } from '../http/endpoint';
import { notFound } from '../http/problem';
import { linkStatements, sessionIdForMeeting } from '../services/session-meetings';
import { coachDb } from '../storage/databases';
import { getSession, toSession } from '../storage/sessions';
import { batch } from '../storage/sql';
import { ownSession } from './sessions';

/** Routes under `/api/sessions` about host meetings; mounted before the session routes, so `/by-meeting` is not an id. */
export const sessionMeetingRoutes = new Hono<AppEnv>();
sessionMeetingRoutes.use('/by-meeting', requireCoach);
sessionMeetingRoutes.use('/:id/meeting', requireCoach);
const M = '/api/sessions';

endpoint(
  sessionMeetingRoutes,
  M,
  {
    method: 'get',
    path: '/by-meeting',
    tag: 'sessions',
    summary:
      "The session a host meeting belongs to, found by the host's meeting id, Meet's meeting code or the join link (Teams' short `/meet/<id>` links included; passcodes and tracking parameters do not matter). 404 when none is linked.",
    query: MeetingQuery,
    response: Session,
  },
  async (c, { query }) => {
    const coachId = c.get('coachId');
    const db = coachDb(c.env, coachId);
    const id = await sessionIdForMeeting(db, coachId, query);
    const row = id ? await getSession(db, coachId, id) : null;
    if (!row) throw notFound('Session for this meeting');
    return c.json(toSession(row));
  },
);

endpoint(
  sessionMeetingRoutes,
  M,
  {
    method: 'post',
    path: '/:id/meeting',
    tag: 'sessions',
    summary:
      'Links a host meeting to this session (by meeting id, join link and/or Meet code), so the panel opened in that meeting goes straight to it. A meeting linked to another session before moves to this one. Answers the session.',
    body: MeetingLink,
    response: Session,
  },
  async (c, { body }) => {
    const row = await ownSession(c);
    const db = coachDb(c.env, row.coach_id);
    await batch(db, linkStatements(db, row.coach_id, row.id, body, Date.now()));
    return c.json(toSession(row));
  },
);
