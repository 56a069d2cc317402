/** Connection generations: a calendar or Zoom connected again is a new generation, and what each made is updated and deleted through it. */
import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import { afterAll, describe, expect, it, vi } from 'vitest';
import worker from '../../worker/index';
import { googleEventId } from '../../worker/providers/google';
import type { Fetch } from '../../worker/providers/types';
import { DELETE_KIND, deleteJob, holdKey } from '../../worker/services/calendar-outbox';
import type { CalendarEventRow } from '../../worker/storage/calendar-events';
import type { FakeOAuth, LoggedRequest } from '../fakes/fake-support';
import { GoogleCalendarFake } from '../fakes/google-calendar';
import { MicrosoftGraphFake } from '../fakes/microsoft-graph';
import { ZoomFake } from '../fakes/zoom';
import {
  activeConnectionId,
  blockProviderTraffic,
  coachIdOf,
  connections,
  connectProvider,
  deliver,
  eventDeleteOf,
  eventRow,
  routeCoach,
  sessionOf,
  syncOk,
  routedCoach,
} from './calendar-helpers';
import { call, planSession, setup, signIn } from './helpers';

afterAll(blockProviderTraffic);

const DAY = 86_400_000;
/** 09:00 UTC, `days` from today (negative: in the past). */
const at = (days: number) => new Date(Math.floor(Date.now() / DAY) * DAY + days * DAY + 9 * 3_600_000).toISOString();

/** Sends each request to the fake whose account issued its bearer token: two fakes of one vendor are two accounts. */
function byAccount(...fakes: { auth: FakeOAuth; fetch: Fetch }[]): Fetch {
  return async (req) => {
    const token = /^Bearer (\S+)$/.exec(req.headers.get('authorization') ?? '')?.[1];
    const fake = token === undefined ? undefined : fakes.find((f) => f.auth.issued(token));
    return fake ? fake.fetch(req) : new Response(null, { status: 401 });
  };
}

/** The DELETE requests a fake got: the id deleted and the bearer token sent. */
const deletesOf = (requests: LoggedRequest[]) =>
  requests.filter((r) => r.method === 'DELETE').map((r) => ({ id: decodeURIComponent(r.path.split('/').at(-1) ?? ''), auth: r.headers.get('authorization') }));

/** What the sync recorded for a session, which must be something. */
async function recorded(sessionId: string): Promise<CalendarEventRow> {
  const row = await eventRow(sessionId);
  expect(row, `no calendar_events row for ${sessionId}`).not.toBeNull();
  return row!;
}

async function expectAcked(jobs: Parameters<typeof deliver>[0]) {
  const r = await deliver(jobs);
  expect(r.retried).toEqual([]);
  expect(r.acked).toEqual(r.ids);
}

/** The Queue delivers the erasure's delete jobs by itself (batch timeout 5 s): wait until `check` holds. */
const eventually = (check: () => Promise<void> | void) => vi.waitFor(check, { timeout: 20_000, interval: 250 });

async function runCron(atMs: number) {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime: atMs, cron: '*/15 * * * *' }), env, ctx);
  await waitOnExecutionContext(ctx);
}

describe('connecting a provider again', () => {
  it('Google A → Outlook → Google B: erasing the coachee deletes each event through the account that made it', async () => {
    const googleA = new GoogleCalendarFake(Date.now, { account: 'a' });
    const googleB = new GoogleCalendarFake(Date.now, { account: 'b' });
    const graph = new MicrosoftGraphFake();
    const token = await signIn();
    const coachId = await coachIdOf(token);
    const google = byAccount(googleA, googleB);
    routeCoach(coachId, (req) => (new URL(req.url).hostname.endsWith('googleapis.com') ? google(req) : graph.fetch(req)));

    const grantA = googleA.auth.grant();
    await connectProvider(token, 'google', grantA);
    const first = await setup({ token, startsAt: at(-3) });
    await syncOk(first.session.id);
    const eventA = googleEventId(first.session.id);
    expect(googleA.liveEvents().map((e) => e.id)).toEqual([eventA]);

    await connectProvider(token, 'microsoft', graph.auth.grant());
    const grantB = googleB.auth.grant();
    await connectProvider(token, 'google', grantB);
    // Outlook made nothing and went; Google A is kept, retired, for its event; Google B is a generation of its own.
    expect(await connections(coachId)).toEqual([{ provider: 'google', retired: true }, { provider: 'google', retired: false }]);
    const second = await planSession(token, first.engagement.id, at(-2));
    await syncOk(second.id);
    const eventB = googleEventId(second.id);
    expect(googleB.liveEvents().map((e) => e.id)).toEqual([eventB]);
    const [rowA, rowB] = [await recorded(first.session.id), await recorded(second.id)];
    expect(rowA.connection_id).not.toBe(rowB.connection_id);
    expect(rowB.connection_id).toBe(await activeConnectionId(coachId, 'google'));

    expect((await call('DELETE', `/api/coachees/${first.coachee.id}`, { token })).status).toBe(204);
    await eventually(async () => {
      expect(googleA.events.get(eventA)?.status).toBe('cancelled');
      expect(googleB.events.get(eventB)?.status).toBe('cancelled');
      expect(await connections(coachId)).toEqual([{ provider: 'google', retired: false }]);
    });
    expect(deletesOf(googleA.requests)).toEqual([{ id: eventA, auth: `Bearer ${grantA.accessToken}` }]);
    expect(deletesOf(googleB.requests)).toEqual([{ id: eventB, auth: `Bearer ${grantB.accessToken}` }]);
    expect(await env.DB.prepare('SELECT COUNT(*) AS n FROM calendar_delete_holds WHERE coach_id = ?1').bind(coachId).first('n')).toBe(0);
  }, 30_000);

  it('changing calendarId: the upcoming event moves to the new calendar, the past one stays reachable in the old one until erasure deletes it there', async () => {
    const google = new GoogleCalendarFake();
    const work = google.addCalendar('werk@example.nl');
    const { token, coachId } = await routedCoach(google.fetch);
    await connectProvider(token, 'google', google.auth.grant());
    const past = await setup({ token, startsAt: at(-2) });
    const next = await setup({ token, startsAt: at(3) });
    await syncOk(past.session.id);
    await syncOk(next.session.id);
    const [pastEvent, nextEvent] = [googleEventId(past.session.id), googleEventId(next.session.id)];
    const nextRow = await recorded(next.session.id);

    await connectProvider(token, 'google', google.auth.grant(), undefined, 'werk@example.nl');
    expect(await connections(coachId)).toEqual([{ provider: 'google', retired: true }, { provider: 'google', retired: false }]);
    expect((await sessionOf(token, next.session.id)).calendarStatus).toBe('pending');
    expect((await sessionOf(token, past.session.id)).calendarStatus).toBe('synced');

    await syncOk(next.session.id, 'calendar');
    expect(work.get(nextEvent)?.status).toBe('confirmed');
    expect(await recorded(next.session.id)).toMatchObject({ external_id: nextEvent, connection_id: await activeConnectionId(coachId, 'google') });
    // The move queued the old event's delete through the old generation: the primary calendar loses it, the new one keeps the same id.
    await expectAcked([eventDeleteOf(nextRow)]);
    expect(google.events.get(nextEvent)?.status).toBe('cancelled');
    expect(work.get(nextEvent)?.status).toBe('confirmed');
    expect(google.events.get(pastEvent)?.status).toBe('confirmed');
    expect(await connections(coachId)).toEqual([{ provider: 'google', retired: true }, { provider: 'google', retired: false }]);

    expect((await call('DELETE', `/api/coachees/${past.coachee.id}`, { token })).status).toBe(204);
    await eventually(async () => {
      expect(google.events.get(pastEvent)?.status).toBe('cancelled');
      expect(await connections(coachId)).toEqual([{ provider: 'google', retired: false }]);
    });
    // (The Queue may deliver the move's delete a second time by itself: a repeated delete is harmless.)
    expect(new Set(google.requests.filter((r) => r.method === 'DELETE').map((r) => r.path))).toEqual(
      new Set([`/calendar/v3/calendars/primary/events/${nextEvent}`, `/calendar/v3/calendars/primary/events/${pastEvent}`]),
    );
    expect(work.get(nextEvent)?.status).toBe('confirmed');
  }, 30_000);

  it('the same calendar with fresh tokens takes the upcoming event over: nothing is deleted or made twice', async () => {
    const google = new GoogleCalendarFake();
    const { token, coachId } = await routedCoach(google.fetch);
    await connectProvider(token, 'google', google.auth.grant());
    const { session } = await setup({ token, startsAt: at(2) });
    await syncOk(session.id);
    const before = await recorded(session.id);

    await connectProvider(token, 'google', google.auth.grant());
    await syncOk(session.id, 'calendar');
    const after = await recorded(session.id);
    expect(after).toMatchObject({ external_id: before.external_id, connection_id: await activeConnectionId(coachId, 'google') });
    expect(after.connection_id).not.toBe(before.connection_id);
    expect(google.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/events'))).toHaveLength(1);
    expect(google.requests.filter((r) => r.method === 'DELETE')).toEqual([]);
    expect(google.liveEvents().map((e) => e.id)).toEqual([googleEventId(session.id)]);
    expect((await sessionOf(token, session.id)).calendarStatus).toBe('synced');
    // Nothing needs the first generation any more: cron drops it.
    await runCron(Date.now());
    expect(await connections(coachId)).toEqual([{ provider: 'google', retired: false }]);
  });

  it('Zoom with another account: the upcoming meeting moves to it, the past one is deleted through the account that made it', async () => {
    const zoomA = new ZoomFake(Date.now, { account: 'a' });
    const zoomB = new ZoomFake(Date.now, { account: 'b', firstMeetingId: 92_000_000_000 });
    const { token, coachId } = await routedCoach(byAccount(zoomA, zoomB));
    const grantA = zoomA.auth.grant();
    await connectProvider(token, 'zoom', grantA);
    await call('PATCH', '/api/me', { token, body: { meetingHost: 'zoom' } });
    const past = await setup({ token, startsAt: at(-2) });
    const next = await setup({ token, startsAt: at(3) });
    await syncOk(past.session.id);
    await syncOk(next.session.id);
    expect(zoomA.meetings.size).toBe(2);
    const [pastRow, nextRow] = [await recorded(past.session.id), await recorded(next.session.id)];

    await connectProvider(token, 'zoom', zoomB.auth.grant());
    expect(await connections(coachId)).toEqual([{ provider: 'zoom', retired: true }, { provider: 'zoom', retired: false }]);
    expect((await sessionOf(token, next.session.id)).calendarStatus).toBe('pending');
    await syncOk(next.session.id, 'calendar');
    const [moved] = [...zoomB.meetings.values()];
    expect(zoomB.meetings.size).toBe(1);
    expect(await recorded(next.session.id)).toMatchObject({ meeting_id: String(moved!.id), meeting_connection_id: await activeConnectionId(coachId, 'zoom') });
    expect((await sessionOf(token, next.session.id)).meetingUrl).toBe(`https://zoom.us/j/${moved!.id}?pwd=fake`);
    await expectAcked([deleteJob({ ...nextRow, provider: 'local', external_id: null })]);
    expect([...zoomA.meetings.keys()]).toEqual([Number(pastRow.meeting_id)]);

    expect((await call('DELETE', `/api/coachees/${past.coachee.id}`, { token })).status).toBe(204);
    await eventually(async () => {
      expect(zoomA.meetings.size).toBe(0);
      expect(await connections(coachId)).toEqual([{ provider: 'zoom', retired: false }]);
    });
    const deletesA = deletesOf(zoomA.requests);
    expect(new Set(deletesA.map((d) => d.id))).toEqual(new Set([pastRow.meeting_id, nextRow.meeting_id]));
    expect(new Set(deletesA.map((d) => d.auth))).toEqual(new Set([`Bearer ${grantA.accessToken}`]));
    expect(deletesOf(zoomB.requests)).toEqual([]);
    expect(zoomB.meetings.size).toBe(1);
  }, 30_000);
});

describe('a delete job queued before generations were recorded', () => {
  it('goes through the generation its hold was given by the migration, not the newest one', async () => {
    const googleA = new GoogleCalendarFake(Date.now, { account: 'a' });
    const googleB = new GoogleCalendarFake(Date.now, { account: 'b' });
    const { token, coachId } = await routedCoach(byAccount(googleA, googleB));
    const grantA = googleA.auth.grant();
    await connectProvider(token, 'google', grantA);
    const { session } = await setup({ token, startsAt: at(-1) });
    await syncOk(session.id);
    const row = await recorded(session.id);
    await connectProvider(token, 'google', googleB.auth.grant());

    // The state an erasure by the earlier code leaves: its job (no generations in it) and its hold, to which the migration gave
    // the one connection the provider had then; the row is gone.
    const eventId = googleEventId(session.id);
    const job = { id: `delete:${coachId}:google:${eventId}:-`, kind: DELETE_KIND, coachId, provider: 'google', externalId: eventId, meetingProvider: null, meetingId: null };
    await env.DB.batch([
      env.DB.prepare("INSERT INTO calendar_delete_holds (coach_id, provider, job_key, created_at, connection_id) VALUES (?1, 'google', ?2, ?3, ?4)").bind(coachId, await holdKey(job), Date.now(), row.connection_id),
      env.DB.prepare('DELETE FROM calendar_events WHERE session_id = ?1').bind(session.id),
    ]);
    await expectAcked([job]);
    expect(googleA.events.get(eventId)?.status).toBe('cancelled');
    expect(deletesOf(googleA.requests)).toEqual([{ id: eventId, auth: `Bearer ${grantA.accessToken}` }]);
    expect(deletesOf(googleB.requests)).toEqual([]);
    expect(await connections(coachId)).toEqual([{ provider: 'google', retired: false }]);
  });
});
