/** Switching and disconnecting calendars and Zoom: upcoming events move, the old connection generation is kept (retired) for deleting what it made, then dropped. */
import { env } from 'cloudflare:test';
import { afterAll, describe, expect, it } from 'vitest';
import { googleEventId } from '../../worker/providers/google';
import { deleteJob } from '../../worker/services/calendar-outbox';
import type { CalendarEventRow } from '../../worker/storage/calendar-events';
import { GoogleCalendarFake } from '../fakes/google-calendar';
import { MicrosoftGraphFake } from '../fakes/microsoft-graph';
import { ZoomFake } from '../fakes/zoom';
import { blockProviderTraffic, connections, connectProvider, deliver, eventDeleteOf, eventRow, sessionOf, syncOk, routedCoach } from './calendar-helpers';
import { call, setup } from './helpers';

afterAll(blockProviderTraffic);

const DAY = 86_400_000;
/** 09:00 UTC, `days` from today (negative: in the past). */
const at = (days: number) => new Date(Math.floor(Date.now() / DAY) * DAY + days * DAY + 9 * 3_600_000).toISOString();

/** What the sync recorded for a session, which must be something. */
const recorded = async (sessionId: string): Promise<CalendarEventRow> => {
  const row = await eventRow(sessionId);
  expect(row).not.toBeNull();
  return row!;
};

async function expectAcked(jobs: Parameters<typeof deliver>[0]) {
  const r = await deliver(jobs);
  expect(r.retried).toEqual([]);
  expect(r.acked).toEqual(r.ids);
}

describe('switching calendars', () => {
  it('Google → Outlook: the upcoming event moves, the past one stays in Google with the retired connection until its coachee is erased', async () => {
    const google = new GoogleCalendarFake();
    const graph = new MicrosoftGraphFake();
    const { token, coachId } = await routedCoach((req) => (new URL(req.url).hostname.endsWith('googleapis.com') ? google.fetch(req) : graph.fetch(req)));
    await connectProvider(token, 'google', google.auth.grant());
    const past = await setup({ token, startsAt: at(-2) });
    const next = await setup({ token, startsAt: at(3) });
    await syncOk(past.session.id);
    await syncOk(next.session.id);
    const pastEvent = googleEventId(past.session.id);
    const nextEvent = googleEventId(next.session.id);
    expect(google.liveEvents().map((e) => e.id).sort()).toEqual([pastEvent, nextEvent].sort());
    const [pastRow, nextRow] = [await recorded(past.session.id), await recorded(next.session.id)];

    expect((await connectProvider(token, 'microsoft', graph.auth.grant())).calendar).toEqual({ provider: 'microsoft' });
    expect(await connections(coachId)).toEqual([{ provider: 'google', retired: true }, { provider: 'microsoft', retired: false }]);
    expect(await eventRow(next.session.id)).toMatchObject({ provider: 'microsoft', external_id: null });
    expect(await eventRow(past.session.id)).toMatchObject({ provider: 'google', external_id: pastEvent });
    expect((await sessionOf(token, next.session.id)).calendarStatus).toBe('pending');
    expect((await sessionOf(token, past.session.id)).calendarStatus).toBe('synced');

    // The delete job the switch queued, and the sync that re-creates the session in Outlook.
    await expectAcked([eventDeleteOf(nextRow)]);
    expect(google.events.get(nextEvent)?.status).toBe('cancelled');
    expect(google.events.get(pastEvent)?.status).toBe('confirmed');
    expect(await connections(coachId)).toContainEqual({ provider: 'google', retired: true }); // the past event still needs it
    await syncOk(next.session.id, 'calendar');
    const [outlook] = [...graph.events.values()];
    expect(graph.events.size).toBe(1);
    expect(outlook!.transactionId).toBe(next.session.id);
    expect(await eventRow(next.session.id)).toMatchObject({ provider: 'microsoft', external_id: outlook!.id });

    // Erasing the past session's coachee reaches the event in the retired calendar; then nothing needs Google any more.
    expect((await call('DELETE', `/api/coachees/${past.coachee.id}`, { token })).status).toBe(204);
    expect(await connections(coachId)).toContainEqual({ provider: 'google', retired: true }); // held by the queued delete
    await expectAcked([deleteJob(pastRow)]);
    expect(google.events.get(pastEvent)?.status).toBe('cancelled');
    expect(await connections(coachId)).toEqual([{ provider: 'microsoft', retired: false }]);
    expect(new Set(google.requests.filter((r) => r.method === 'DELETE').map((r) => r.path.split('/').at(-1)))).toEqual(new Set([nextEvent, pastEvent]));
  });

  it('switching back makes a new generation (the old one stays for its past event), and a delete that already ran is harmless when delivered again', async () => {
    const google = new GoogleCalendarFake();
    const graph = new MicrosoftGraphFake();
    const { token, coachId } = await routedCoach((req) => (new URL(req.url).hostname.endsWith('googleapis.com') ? google.fetch(req) : graph.fetch(req)));
    await connectProvider(token, 'google', google.auth.grant());
    const past = await setup({ token, startsAt: at(-1) });
    await syncOk(past.session.id);
    await connectProvider(token, 'microsoft', graph.auth.grant());
    expect(await connections(coachId)).toEqual([{ provider: 'google', retired: true }, { provider: 'microsoft', retired: false }]);
    // Microsoft made nothing, so going back to Google drops it at once; the first Google generation stays for the past event.
    await connectProvider(token, 'google', google.auth.grant());
    expect(await connections(coachId)).toEqual([{ provider: 'google', retired: true }, { provider: 'google', retired: false }]);

    const next = await setup({ token, startsAt: at(4) });
    await syncOk(next.session.id);
    const nextRow = await recorded(next.session.id);
    expect(nextRow.connection_id).not.toBe((await recorded(past.session.id)).connection_id);
    expect((await call('DELETE', '/api/me/calendar', { token })).body.calendar.provider).toBe('local');
    const job = eventDeleteOf(nextRow);
    await expectAcked([job]);
    await expectAcked([job]);
    expect(google.events.get(googleEventId(next.session.id))?.status).toBe('cancelled');
    expect(google.events.get(googleEventId(past.session.id))?.status).toBe('confirmed');
    expect(await connections(coachId)).toEqual([{ provider: 'google', retired: true }]);
  });
});

describe('a delete that gives up', () => {
  it('releases its hold from the dead-letter queue, so the retired connection does not stay forever', async () => {
    const google = new GoogleCalendarFake();
    const { token, coachId } = await routedCoach(google.fetch);
    await connectProvider(token, 'google', google.auth.grant());
    const { session } = await setup({ token, startsAt: at(5) });
    await syncOk(session.id);
    const row = await recorded(session.id);
    expect((await call('DELETE', '/api/me/calendar', { token })).body.calendar.provider).toBe('local');
    expect(await connections(coachId)).toEqual([{ provider: 'google', retired: true }]);

    const gaveUp = await deliver([eventDeleteOf(row)], 11, env, 'coaching-outbox-dlq');
    expect(gaveUp.acked).toEqual(gaveUp.ids);
    expect(await connections(coachId)).toEqual([]);
  });
});

describe('disconnecting Zoom', () => {
  it('keeps the retired Zoom connection while a meeting may need deleting; erasure deletes the meeting, then the connection goes', async () => {
    const zoom = new ZoomFake();
    const { token, coachId } = await routedCoach(zoom.fetch);
    await connectProvider(token, 'zoom', zoom.auth.grant());
    await call('PATCH', '/api/me', { token, body: { meetingHost: 'zoom' } });
    const { session, coachee } = await setup({ token, startsAt: at(-3) });
    await syncOk(session.id);
    const row = (await eventRow(session.id))!;
    expect(zoom.meetings.size).toBe(1);

    expect((await call('DELETE', '/api/me/calendar?provider=zoom', { token })).status).toBe(200);
    expect(await connections(coachId)).toEqual([{ provider: 'zoom', retired: true }]);
    expect(zoom.meetings.size).toBe(1); // a disconnect deletes nothing: the session keeps its link

    expect((await call('DELETE', `/api/coachees/${coachee.id}`, { token })).status).toBe(204);
    await expectAcked([deleteJob({ ...row, provider: 'local', external_id: session.id })]);
    expect(zoom.meetings.size).toBe(0);
    expect(await connections(coachId)).toEqual([]);
    expect(await env.DB.prepare('SELECT COUNT(*) AS n FROM calendar_delete_holds WHERE coach_id = ?1').bind(coachId).first('n')).toBe(0);
  });
});
