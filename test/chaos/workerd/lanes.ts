/** The coaches of the chaos rows over the calendar: one per set-up (Google+Meet, Outlook+Teams, Google+Zoom), connected to vendor fakes. */
import { env } from 'cloudflare:test';
import type { Env } from '../../../worker/env';
import { googleEventId } from '../../../worker/providers/google';
import type { Fetch } from '../../../worker/providers/types';
import { GoogleCalendarFake } from '../../fakes/google-calendar';
import { MicrosoftGraphFake } from '../../fakes/microsoft-graph';
import { ZoomFake } from '../../fakes/zoom';
import { coachIdOf, connectProvider, routeCoach } from '../../worker/calendar-helpers';
import { signIn } from '../../worker/helpers';
import type { Faultable } from './faults';
import { ok } from './outbox-driver';

/** The three set-ups every chaos row over the calendar uses. */
export const LANE_KINDS = ['google+meet', 'outlook+teams', 'google+zoom'] as const;
export type LaneKind = (typeof LANE_KINDS)[number];
/** One coach on one set-up, with what the fakes hold for each session. */
export interface Lane {
  kind: LaneKind;
  token: string;
  coacheeId: string;
  engagementId: string;
  sessions: { id: string; startsAt: string; titles: string[] }[];
  /** Descriptions of the calendar events made for a session (one when all is well). */
  eventsOf(sessionId: string): string[];
  /** Zoom meetings made for a session start (lane google+zoom only). */
  meetingsAt?(startMs: number): number;
  /** Events live in the calendar and Zoom meetings that exist, in all. */
  live(): { events: number; meetings: number };
  /** Meeting creates Zoom received (each made a meeting). */
  meetingCreates(): number;
}

/** A coach connected to the lane's fakes (with refresh tokens: the pool has the fakes' OAuth clients), with one coachee. */
export async function coachLane(kind: LaneKind, bindings: Env, wrap: (fake: Faultable) => Fetch): Promise<Lane> {
  const token = await signIn(`chaos-${kind.replace('+', '-')}-${crypto.randomUUID()}@example.nl`);
  const coachId = await coachIdOf(token);
  let eventsOf: Lane['eventsOf'];
  let meetingsAt: Lane['meetingsAt'];
  let live: Lane['live'];
  let meetingCreates: Lane['meetingCreates'] = () => 0;
  if (kind === 'outlook+teams') {
    const graph = new MicrosoftGraphFake();
    routeCoach(coachId, wrap(graph));
    await connectProvider(token, 'microsoft', graph.auth.grant(), env);
    eventsOf = (id) => [...graph.events.values()].filter((e) => e.transactionId === id).map((e) => e.bodyHtml);
    live = () => ({ events: graph.events.size, meetings: 0 });
  } else {
    const google = new GoogleCalendarFake();
    const zoom = new ZoomFake();
    const toGoogle = wrap(google);
    const toZoom = wrap(zoom);
    routeCoach(coachId, (req) => (new URL(req.url).hostname.endsWith('zoom.us') ? toZoom(req) : toGoogle(req)));
    await connectProvider(token, 'google', google.auth.grant(), env);
    if (kind === 'google+zoom') {
      await connectProvider(token, 'zoom', zoom.auth.grant(), env);
      meetingsAt = (startMs) => [...zoom.meetings.values()].filter((m) => m.startMs === startMs).length;
      meetingCreates = () => zoom.requests.filter((r) => r.method === 'POST' && r.path === '/v2/users/me/meetings').length;
    }
    live = () => ({ events: google.liveEvents().length, meetings: zoom.meetings.size });
    eventsOf = (id) => google.liveEvents().filter((e) => e.id === googleEventId(id)).map((e) => e.description ?? '');
  }
  await ok(bindings, 'PATCH', '/api/me', token, { meetingHost: kind.split('+')[1] });
  const coachee = await ok(bindings, 'POST', '/api/coachees', token, { name: 'Sanne de Vries', email: 'sanne@example.nl' });
  const engagement = await ok(bindings, 'POST', '/api/engagements', token, { coacheeId: coachee.id, goal: 'Meer rust en regie' });
  return { kind, token, coacheeId: coachee.id, engagementId: engagement.id, sessions: [], eventsOf, live, meetingCreates, ...(meetingsAt ? { meetingsAt } : {}) };
}

