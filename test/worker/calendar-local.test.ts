/** The embedded local calendar end to end: plan → outbox job → event in D1 → iCalendar feed; publish merges our block, keeps the coach's text. */
import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import worker from '../../worker/index';
import { createLocalCalendar } from '../../worker/providers/local';
import { withoutCoacheeLinks } from '../../worker/services/ics';
import { GoogleCalendarFake } from '../fakes/google-calendar';
import { blockProviderTraffic, callWith, coachIdOf, connections, count, eventRow, oauthEnv, sessionOf, syncOk } from './calendar-helpers';
import { call, expectProblem, setup, signIn } from './helpers';

// Coaches here that connect Google or Outlook have no fake behind them: the Queue's jobs for them get 503, never the network.
beforeAll(blockProviderTraffic);

async function localEvent(coachId: string, sessionId: string) {
  const event = await createLocalCalendar({ db: env.DB, coachId }).getEvent(sessionId);
  expect(event, 'local event').not.toBeNull();
  return event!;
}

async function feedOf(token: string) {
  const me = (await call('GET', '/api/me', { token })).body;
  expect(me.calendar.provider).toBe('local');
  const path = new URL(me.calendar.icsUrl).pathname;
  const res = await call('GET', path);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
  return new ICAL.Component(ICAL.parse(res.body as string));
}

describe('local calendar sync', () => {
  it('writes a planned session into the local calendar and its feed, then merges a publish around the coach\'s own text', async () => {
    const { token, session } = await setup();
    const coachId = await coachIdOf(token);
    expect((await sessionOf(token, session.id)).calendarStatus).toBe('pending');
    await call('PUT', `/api/sessions/${session.id}/notes`, { token, body: { text: 'Geheime notitie over de gezondheid' } });

    await syncOk(session.id);
    expect((await sessionOf(token, session.id)).calendarStatus).toBe('synced');
    const created = await localEvent(coachId, session.id);
    expect(created.title).toBe('Coachingsessie van Sanne de Vries met ' + (await call('GET', '/api/me', { token })).body.name);
    expect(count(created.description, 'Je coachingsessie (Coaching companion)')).toBe(1);
    expect(created.description).toContain('Meer rust en regie in mijn werk');
    expect((await eventRow(session.id))?.external_id).toBe(session.id);

    const vevent = (await feedOf(token)).getAllSubcomponents('vevent').find((v) => v.getFirstPropertyValue('uid') === `${session.id}@localhost`);
    expect(vevent, 'feed entry').toBeDefined();
    expect(String(vevent!.getFirstPropertyValue('description'))).toBe(withoutCoacheeLinks(created.description, 'nl'));

    // The coach writes around our block "in the calendar"; then works on the agenda, which writes nothing by itself.
    const edited = `Eigen voorbereiding: parkeren bij de achteringang.\n\n${created.description}\n\nNa afloop: factuur sturen.`;
    await createLocalCalendar({ db: env.DB, coachId }).updateEvent(session.id, { description: edited });
    expect((await call('POST', `/api/sessions/${session.id}/agenda`, { token, body: { title: 'Grenzen aangeven bij de teamleider' } })).status).toBe(201);
    expect((await sessionOf(token, session.id)).calendarStatus).toBe('synced');
    expect((await localEvent(coachId, session.id)).description).toBe(edited);

    const published = await call('POST', `/api/sessions/${session.id}/publish`, { token });
    expect(published.status).toBe(202);
    expect(published.body).toMatchObject({ id: session.id, calendarStatus: 'pending' });
    const seq = (await env.DB.prepare('SELECT seq FROM sessions WHERE id = ?1').bind(session.id).first<{ seq: number }>())!.seq;
    await syncOk(session.id, seq);

    const merged = (await localEvent(coachId, session.id)).description;
    expect(merged.startsWith('Eigen voorbereiding: parkeren bij de achteringang.\n\n——— Je coachingsessie (Coaching companion) ———')).toBe(true);
    expect(merged.endsWith('——— Einde (Coaching companion) ———\n\nNa afloop: factuur sturen.')).toBe(true);
    expect(count(merged, 'Je coachingsessie (Coaching companion)')).toBe(1);
    expect(count(merged, 'Grenzen aangeven bij de teamleider')).toBe(1);
    expect(merged).not.toContain('Geheime notitie');
    const row = await eventRow(session.id);
    expect(row).toMatchObject({ synced_seq: seq, last_error: null, lease_until: null });
    expect((await sessionOf(token, session.id)).calendarStatus).toBe('synced');
  });

  it('a repeated delivery of the same job writes nothing', async () => {
    const { token, session } = await setup();
    const coachId = await coachIdOf(token);
    await syncOk(session.id);
    const first = await localEvent(coachId, session.id);
    await syncOk(session.id);
    await syncOk(session.id, 'booked');
    const again = await localEvent(coachId, session.id);
    expect(again.etag).toBe(first.etag);
    expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM local_events WHERE coach_id = ?1').bind(coachId).first<{ n: number }>())?.n).toBe(1);
  });

  it('a job for a session that no longer exists is acked and writes nothing', async () => {
    await syncOk('00000000-0000-4000-8000-000000000000');
    expect(await eventRow('00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('at session end the cron sends the final state once, for sessions changed since their last sync', async () => {
    const { token, session } = await setup();
    const coachId = await coachIdOf(token);
    await syncOk(session.id);
    await call('POST', `/api/sessions/${session.id}/agreements`, { token, body: { who: 'coachee', what: 'Elke vrijdag de week evalueren' } });
    expect((await localEvent(coachId, session.id)).description).not.toContain('Elke vrijdag');

    const runCron = async (atMs: number) => {
      const ctx = createExecutionContext();
      await worker.scheduled(createScheduledController({ scheduledTime: atMs, cron: '*/15 * * * *' }), env, ctx);
      await waitOnExecutionContext(ctx);
    };
    const endMs = Date.parse(session.endsAt);
    await runCron(endMs - 60_000);
    expect((await sessionOf(token, session.id)).calendarStatus).toBe('synced');
    await runCron(endMs + 5 * 60_000);
    expect((await sessionOf(token, session.id)).calendarStatus).toBe('pending');
    await syncOk(session.id, 'end');
    expect((await localEvent(coachId, session.id)).description).toContain('Elke vrijdag de week evalueren');

    await runCron(endMs + 20 * 60_000);
    expect((await sessionOf(token, session.id)).calendarStatus).toBe('synced');
  });
});

describe('iCalendar routes', () => {
  it('the feed answers 404 problem+json for an unknown token', async () => {
    const r = await call('GET', '/ics/0123456789abcdef0123456789abcdef.ics');
    expect(r.status).toBe(404);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('the coach and the coachee get a METHOD:REQUEST invite for the session, without notes', async () => {
    const { token, session } = await setup();
    await call('POST', `/api/sessions/${session.id}/agenda`, { token, body: { title: 'Werkdruk bespreken' } });
    await call('PUT', `/api/sessions/${session.id}/notes`, { token, body: { text: 'Vertrouwelijk: slaapt slecht' } });
    await syncOk(session.id);
    const me = (await call('GET', '/api/me', { token })).body;

    const coachInvite = await call('GET', `/api/sessions/${session.id}/invite.ics`, { token });
    expect(coachInvite.status).toBe(200);
    expect(coachInvite.headers.get('content-type')).toMatch(/^text\/calendar; method=REQUEST/);
    const coachingLink = (await call('GET', `/api/sessions/${session.id}/invite`, { token })).body.coacheeUrl as string;
    const linkToken = new URL(coachingLink).pathname.split('/').pop()!;
    const coacheeInvite = await call('GET', `/api/c/${linkToken}/invite.ics`);
    expect(coacheeInvite.status).toBe(200);

    for (const text of [coachInvite.body as string, coacheeInvite.body as string]) {
      expect(text).not.toContain('Vertrouwelijk');
      const calendar = new ICAL.Component(ICAL.parse(text));
      expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
      const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
      expect(event.uid).toBe(`${session.id}@localhost`);
      expect(event.description).toContain('Werkdruk bespreken');
      expect(event.startDate.toJSDate().toISOString()).toBe(new Date(session.startsAt).toISOString());
      expect(event.organizer).toBe(`mailto:${me.email}`);
      expect(event.attendees.map((a) => a.getFirstValue())).toEqual(['mailto:sanne@example.nl']);
      expect(event.sequence).toBe(0);
    }
  });

  it('another coach\'s session answers 404, a foreign link 404, and a connected calendar sends its own invites (409)', async () => {
    const { session } = await setup();
    const other = await setup();
    expect((await call('GET', `/api/sessions/${session.id}/invite.ics`, { token: other.token })).status).toBe(404);
    expect((await call('GET', '/api/c/not-a-valid-token/invite.ics')).status).toBe(404);
    await call('PUT', '/api/me/calendar', { token: other.token, body: { provider: 'google', accessToken: 'ya29.test' } });
    const r = await call('GET', `/api/sessions/${other.session.id}/invite.ics`, { token: other.token });
    expect(r.status).toBe(409);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});

describe('calendar connection and publish routes', () => {
  it('stores connections sealed, switches the calendar, keeps Zoom separate, and goes back to local', async () => {
    const token = await signIn();
    const coachId = await coachIdOf(token);
    expectProblem(await call('PUT', '/api/me/calendar', { token, body: { provider: 'yahoo', accessToken: 'x' } }), 422, 'provider');
    expectProblem(await call('PUT', '/api/me/calendar', { body: { provider: 'google', accessToken: 'x' } }), 401);

    const zoom = await call('PUT', '/api/me/calendar', { token, body: { provider: 'zoom', accessToken: 'zoom-secret-token-1' } });
    expect(zoom.body.calendar.provider).toBe('local');
    const googleBody = { provider: 'google', accessToken: 'google-secret-token-1', refreshToken: 'google-refresh-1', calendarId: 'werk@example.nl' };
    // Without Google's OAuth client nobody could use the refresh token: refused, naming the field and the secrets to set.
    const refused = await call('PUT', '/api/me/calendar', { token, body: googleBody });
    expectProblem(refused, 422, 'refreshToken');
    expect(refused.body.detail).toContain('this server has no OAuth client for google; connect without a refresh token or configure GOOGLE_CLIENT_ID/SECRET');
    expect((await call('GET', '/api/me', { token })).body.calendar.provider).toBe('local');
    const google = await callWith(oauthEnv({ google: new GoogleCalendarFake().auth }), 'PUT', '/api/me/calendar', { token, body: googleBody });
    expect(google.body.calendar).toEqual({ provider: 'google' });
    const microsoft = await call('PUT', '/api/me/calendar', { token, body: { provider: 'microsoft', accessToken: 'graph-secret-token-1' } });
    expect(microsoft.body.calendar).toEqual({ provider: 'microsoft' });
    // Google made no events, so its retired connection was not kept.
    expect(await connections(coachId)).toEqual([{ provider: 'microsoft', retired: false }, { provider: 'zoom', retired: false }]);
    const rows = (await env.DB.prepare('SELECT * FROM calendar_connections WHERE coach_id = ?1 ORDER BY provider').bind(coachId).all<Record<string, unknown>>()).results;
    expect(JSON.stringify(rows)).not.toMatch(/secret-token|refresh-1/);

    expect((await call('DELETE', '/api/me/calendar?provider=zoom', { token })).body.calendar.provider).toBe('microsoft');
    const back = await call('DELETE', '/api/me/calendar', { token });
    expect(back.body.calendar.provider).toBe('local');
    expect((await call('GET', '/api/me', { token })).body.calendar).toEqual(back.body.calendar);
    expect(await env.DB.prepare('SELECT COUNT(*) AS n FROM calendar_connections WHERE coach_id = ?1').bind(coachId).first('n')).toBe(0);
  });

  it('publishing another coach\'s session answers 404 and queues nothing for it', async () => {
    const { session } = await setup();
    await syncOk(session.id);
    const other = await signIn();
    expectProblem(await call('POST', `/api/sessions/${session.id}/publish`, { token: other }), 404);
    expect((await env.DB.prepare('SELECT calendar_status FROM sessions WHERE id = ?1').bind(session.id).first('calendar_status'))).toBe('synced');
  });
});
