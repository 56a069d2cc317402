/** Erasure with calendar sync: deletes of the events and meetings we created go through the real outbox, and no row names the coachee. */
import { env } from 'cloudflare:test';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { googleEventId } from '../../worker/providers/google';
import { GoogleCalendarFake } from '../fakes/google-calendar';
import { ZoomFake } from '../fakes/zoom';
import { coachIdOf, connectProvider, blockProviderTraffic, syncOk, routedCoach } from './calendar-helpers';
import { call, setup } from './helpers';

afterAll(blockProviderTraffic);

/** Tables with a row whose JSON contains any of the values. */
async function tablesMentioning(values: string[]): Promise<string[]> {
  const tables = (await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name != 'd1_migrations'").all<{ name: string }>()).results;
  const hits = new Set<string>();
  for (const { name } of tables) {
    const rows = (await env.DB.prepare(`SELECT * FROM "${name}"`).all<Record<string, unknown>>()).results;
    for (const row of rows) if (values.some((v) => JSON.stringify(row).includes(v))) hits.add(name);
  }
  return [...hits];
}

describe('erasure with calendar sync', () => {
  it('hands the deletion of the Google event and Zoom meeting to the outbox and leaves no row about the coachee', async () => {
    const google = new GoogleCalendarFake();
    const zoom = new ZoomFake();
    const { token } = await routedCoach((req) => (new URL(req.url).pathname.startsWith('/v2/') ? zoom.fetch(req) : google.fetch(req)));
    await connectProvider(token, 'google', google.auth.grant());
    await connectProvider(token, 'zoom', zoom.auth.grant());
    await call('PATCH', '/api/me', { token, body: { meetingHost: 'zoom' } });
    const keep = await setup({ token, startsAt: '2031-03-03T09:00:00Z' });
    const gone = await setup({ token, startsAt: '2031-03-04T09:00:00Z' });
    await syncOk(keep.session.id);
    await syncOk(gone.session.id);
    const goneEvent = googleEventId(gone.session.id);
    expect(google.liveEvents().map((e) => e.id).sort()).toEqual([googleEventId(keep.session.id), goneEvent].sort());
    expect(zoom.meetings.size).toBe(2);
    const goneMeeting = (await env.DB.prepare('SELECT meeting_id FROM calendar_events WHERE session_id = ?1').bind(gone.session.id).first<{ meeting_id: string }>())!.meeting_id;

    expect((await call('DELETE', `/api/coachees/${gone.coachee.id}`, { token })).status).toBe(204);
    expect(await tablesMentioning([gone.coachee.id, gone.engagement.id, gone.session.id, goneEvent, goneMeeting])).toEqual([]);

    // The Queue delivers the delete job by itself (batch timeout 5 s).
    await vi.waitFor(
      () => {
        expect(google.events.get(goneEvent)?.status).toBe('cancelled');
        expect(zoom.meetings.has(Number(goneMeeting))).toBe(false);
      },
      { timeout: 20_000, interval: 250 },
    );
    const deletes = google.requests.filter((r) => r.method === 'DELETE');
    expect(deletes.map((r) => r.path)).toEqual([`/calendar/v3/calendars/primary/events/${goneEvent}`]);
    expect(deletes[0]?.query.get('sendUpdates')).toBe('all');
    expect(google.events.get(googleEventId(keep.session.id))?.status).toBe('confirmed');
    expect(zoom.meetings.size).toBe(1);
  }, 30_000);

  it('removes the coachee\'s local calendar events outright', async () => {
    const keep = await setup({ startsAt: '2031-04-07T09:00:00Z' });
    const gone = await setup({ token: keep.token, startsAt: '2031-04-08T09:00:00Z' });
    await syncOk(keep.session.id);
    await syncOk(gone.session.id);
    const coachId = await coachIdOf(keep.token);
    const ids = async () => (await env.DB.prepare('SELECT id FROM local_events WHERE coach_id = ?1 ORDER BY id').bind(coachId).all<{ id: string }>()).results.map((r) => r.id);
    expect(await ids()).toEqual([keep.session.id, gone.session.id].sort());

    expect((await call('DELETE', `/api/coachees/${gone.coachee.id}`, { token: keep.token })).status).toBe(204);
    expect(await ids()).toEqual([keep.session.id]);
    expect(await tablesMentioning([gone.session.id, gone.coachee.id])).toEqual([]);
  });
});
