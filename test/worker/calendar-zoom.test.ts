/** Zoom meetings alongside the coach's calendar, over the Zoom HTTP fake: agenda ≤ 2000 characters, join URL on the event, created once. */
import { env } from 'cloudflare:test';
import ICAL from 'ical.js';
import { afterAll, describe, expect, it } from 'vitest';
import { googleEventId } from '../../worker/providers/google';
import { createLocalCalendar } from '../../worker/providers/local';
import type { Fetch } from '../../worker/providers/types';
import { syncJob } from '../../worker/services/calendar-outbox';
import { GoogleCalendarFake } from '../fakes/google-calendar';
import { ZoomFake } from '../fakes/zoom';
import { coachIdOf, connectProvider, deliver, eventRow, routeCoach, sessionOf, blockProviderTraffic, syncOk } from './calendar-helpers';
import { call, setup, signIn } from './helpers';

afterAll(blockProviderTraffic);

/** A coach hosting on Zoom, on the local calendar or (with `googleFake`) on Google, whose traffic `google` and `zoom` may wrap. */
async function zoomCoach(options: { googleFake?: GoogleCalendarFake; google?: Fetch; zoom?: (fake: ZoomFake, req: Request) => Promise<Response> } = {}) {
  const zoom = new ZoomFake();
  const token = await signIn();
  const coachId = await coachIdOf(token);
  const google = options.googleFake;
  routeCoach(coachId, (req) => (new URL(req.url).pathname.startsWith('/v2/') ? (options.zoom ? options.zoom(zoom, req) : zoom.fetch(req)) : google ? (options.google ?? google.fetch)(req) : Promise.resolve(new Response(null, { status: 503 }))));
  await connectProvider(token, 'zoom', zoom.auth.grant());
  if (google) await connectProvider(token, 'google', google.auth.grant());
  const me = (await call('PATCH', '/api/me', { token, body: { meetingHost: 'zoom' } })).body;
  expect(me).toMatchObject({ meetingHost: 'zoom', calendar: { provider: google ? 'google' : 'local' } });
  const { session } = await setup({ token });
  return { zoom, token, coachId, session };
}

const meetingCreates = (zoom: ZoomFake) => zoom.requests.filter((r) => r.method === 'POST' && r.path === '/v2/users/me/meetings');

describe('zoom meetings', () => {
  it('creates the meeting with the invite as agenda and puts its join URL on the local event and the feed', async () => {
    const { zoom, token, coachId, session } = await zoomCoach();
    await syncOk(session.id);
    const [meeting] = [...zoom.meetings.values()];
    expect(zoom.meetings.size).toBe(1);
    expect(meeting!.agenda).toContain('Meer rust en regie in mijn werk');
    expect(meeting!.agenda).not.toContain('Je coachingsessie (Coaching companion)');
    expect(Array.from(meeting!.agenda).length).toBeLessThanOrEqual(2000);
    expect(meeting!.topic).toMatch(/^Coachingsessie van Sanne de Vries met /);
    expect(meeting!.startMs).toBe(Date.parse(session.startsAt));
    expect(meeting!.duration).toBe(60);

    const joinUrl = `https://zoom.us/j/${meeting!.id}?pwd=fake`;
    expect(await sessionOf(token, session.id)).toMatchObject({ calendarStatus: 'synced', meetingUrl: joinUrl });
    expect((await call('GET', `/api/sessions/by-meeting?host=zoom&meetingId=${meeting!.id}`, { token })).body.id).toBe(session.id);
    const local = (await createLocalCalendar({ db: env.DB, coachId }).listEvents({ fromMs: 0, toMs: Date.parse(session.endsAt) + 1 }))[0];
    expect(local?.location).toBe(joinUrl);
    const feed = await call('GET', new URL((await call('GET', '/api/me', { token })).body.calendar.icsUrl).pathname);
    const vevent = new ICAL.Component(ICAL.parse(feed.body as string)).getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('location')).toBe(joinUrl);

    await syncOk(session.id);
    expect(meetingCreates(zoom)).toHaveLength(1);
    expect(zoom.requests.filter((r) => r.method === 'PATCH')).toHaveLength(0);
  });

  it('an agenda too long for Zoom falls back to the link-only text; the calendar keeps the full invite', async () => {
    const { zoom, token, coachId, session } = await zoomCoach();
    await syncOk(session.id);
    for (let i = 1; i <= 14; i++) {
      await call('POST', `/api/sessions/${session.id}/agenda`, { token, body: { title: `Onderwerp ${i}: ${'hoe houd ik overzicht als alles tegelijk op mijn bord komt '.repeat(3).trim()}` } });
    }
    const seq = (await env.DB.prepare('SELECT seq FROM sessions WHERE id = ?1').bind(session.id).first<{ seq: number }>())!.seq;
    expect((await call('POST', `/api/sessions/${session.id}/publish`, { token })).status).toBe(202);
    await syncOk(session.id, seq);

    const [meeting] = [...zoom.meetings.values()];
    const patch = zoom.requests.find((r) => r.method === 'PATCH');
    expect(patch?.path).toBe(`/v2/meetings/${meeting!.id}`);
    expect(Array.from(meeting!.agenda).length).toBeLessThanOrEqual(2000);
    expect(meeting!.agenda).not.toContain('Onderwerp 1:');
    const link = (await call('GET', `/api/sessions/${session.id}/invite`, { token })).body.coacheeUrl as string;
    expect(meeting!.agenda).toContain(link);
    const description = (await createLocalCalendar({ db: env.DB, coachId }).getEvent(session.id))!.description;
    expect(description).toContain('Onderwerp 14:');
    expect(Array.from(description).length).toBeGreaterThan(2000);
  });

  it('a create whose answer was lost is found among the upcoming meetings and adopted, not made twice', async () => {
    let loseCreate = true;
    const { zoom, token, session } = await zoomCoach({
      zoom: async (fake, req) => {
        const res = await fake.fetch(req);
        if (!(loseCreate && req.method === 'POST')) return res;
        loseCreate = false;
        await res.body?.cancel(); // Zoom made the meeting; its answer never arrives
        throw new DOMException('The operation was aborted due to timeout', 'TimeoutError');
      },
    });
    const first = await deliver([syncJob(session.id, 'booked')]);
    expect(first.retried.map((m) => m.msgId)).toEqual(first.ids);
    expect(await eventRow(session.id)).toMatchObject({ meeting_id: null, meeting_create_started_at: expect.any(Number) });

    await call('POST', `/api/sessions/${session.id}/agenda`, { token, body: { title: 'Na de time-out toegevoegd' } });
    await syncOk(session.id);
    expect(meetingCreates(zoom)).toHaveLength(1);
    const [meeting] = [...zoom.meetings.values()];
    expect(zoom.meetings.size).toBe(1);
    expect(zoom.requests.some((r) => r.method === 'GET' && r.path === '/v2/users/me/meetings' && r.query.get('type') === 'upcoming')).toBe(true);
    expect(meeting!.agenda).toContain('Na de time-out toegevoegd');
    expect(await eventRow(session.id)).toMatchObject({ meeting_id: String(meeting!.id), meeting_create_started_at: null });
    expect((await sessionOf(token, session.id)).meetingUrl).toBe(`https://zoom.us/j/${meeting!.id}?pwd=fake`);
  });

  it('when the calendar fails after the meeting was made, the retry reuses the recorded meeting', async () => {
    const googleFake = new GoogleCalendarFake();
    let googleDown = true;
    const google: Fetch = async (req) => (googleDown ? new Response(null, { status: 503 }) : googleFake.fetch(req));
    const { zoom, token, session } = await zoomCoach({ googleFake, google });
    const first = await deliver([syncJob(session.id, 'booked')]);
    expect(first.retried.map((m) => m.msgId)).toEqual(first.ids);
    expect(zoom.meetings.size).toBe(1);
    const [meeting] = [...zoom.meetings.values()];
    expect(await eventRow(session.id)).toMatchObject({ meeting_provider: 'zoom', meeting_id: String(meeting!.id), external_id: null });
    expect((await sessionOf(token, session.id)).calendarStatus).toBe('pending');

    googleDown = false;
    await syncOk(session.id);
    expect(meetingCreates(zoom)).toHaveLength(1);
    const event = googleFake.events.get(googleEventId(session.id))!;
    expect(event.location).toBe(`https://zoom.us/j/${meeting!.id}?pwd=fake`);
    expect(event.conference).toBeUndefined();
    expect((await sessionOf(token, session.id)).meetingUrl).toBe(event.location);
  });
});
