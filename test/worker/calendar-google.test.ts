/** Google Calendar through the outbox, over the Google HTTP fake: Meet link, 412 merge, Retry-After, outages, dedupe, token refresh, free/busy. */
import { env } from 'cloudflare:test';
import { afterAll, describe, expect, it } from 'vitest';
import { open } from '../../worker/auth/crypto';
import type { Env } from '../../worker/env';
import { googleEventId } from '../../worker/providers/google';
import { syncJob } from '../../worker/services/calendar-outbox';
import { GoogleCalendarFake } from '../fakes/google-calendar';
import { coachIdOf, connectProvider, count, deliver, eventRow, oauthEnv, routeCoach, sessionOf, blockProviderTraffic, syncOk, routedCoach } from './calendar-helpers';
import { call, setup } from './helpers';

afterAll(blockProviderTraffic);

/**
 * A coach on Google Calendar (Meet as meeting host) with one planned session; `wrap` may intercept the fake's traffic. With
 * `oauth` the server has Google's OAuth client and the connection keeps its refresh token.
 */
async function googleCoach(wrap?: (fake: GoogleCalendarFake, req: Request) => Promise<Response>, oauth = false) {
  const fake = new GoogleCalendarFake();
  const bindings: Env = oauth ? oauthEnv({ google: fake.auth }) : env;
  const { token, coachId } = await routedCoach((req) => (wrap ? wrap(fake, req) : fake.fetch(req)));
  const grant = fake.auth.grant();
  const me = await connectProvider(token, 'google', grant, oauth ? bindings : undefined);
  expect(me.calendar).toEqual({ provider: 'google' });
  expect((await call('PATCH', '/api/me', { token, body: { meetingHost: 'meet' } })).status).toBe(200);
  const { session } = await setup({ token });
  return { fake, token, coachId, session, eventId: googleEventId(session.id), grant, bindings };
}

const inserts = (fake: GoogleCalendarFake) => fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/events'));

async function publish(token: string, sessionId: string) {
  const r = await call('POST', `/api/sessions/${sessionId}/publish`, { token });
  expect(r.status).toBe(202);
  expect(r.body.calendarStatus).toBe('pending');
  return (await env.DB.prepare('SELECT seq FROM sessions WHERE id = ?1').bind(sessionId).first<{ seq: number }>())!.seq;
}

describe('google calendar sync', () => {
  it('creates the event once, with our id, the invite block and a Meet link the session then shows', async () => {
    const { fake, token, session, eventId } = await googleCoach();
    await syncOk(session.id);
    expect(fake.liveEvents().map((e) => e.id)).toEqual([eventId]);
    const event = fake.events.get(eventId)!;
    expect(event.description).toMatch(/^<div data-cc="invite">.*Je coachingsessie \(Coaching companion\).*Meer rust en regie in mijn werk.*Einde \(Coaching companion\).*<\/div>$/s);
    expect(event.attendees).toEqual([{ email: 'sanne@example.nl', displayName: 'Sanne de Vries' }]);
    expect(inserts(fake)[0]?.body).toMatchObject({ conferenceData: { createRequest: { requestId: session.id } } });

    const shown = await sessionOf(token, session.id);
    expect(shown.calendarStatus).toBe('synced');
    expect(shown.meetingUrl).toMatch(/^https:\/\/meet\.google\.com\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
    const code = new URL(shown.meetingUrl!).pathname.slice(1);
    expect((await call('GET', `/api/sessions/by-meeting?host=meet&meetingId=${code}`, { token })).body.id).toBe(session.id);
    expect(await eventRow(session.id)).toMatchObject({ provider: 'google', external_id: eventId, etag: expect.any(String), meeting_url: shown.meetingUrl });

    await syncOk(session.id);
    expect(inserts(fake)).toHaveLength(1);
    expect(fake.requests.filter((r) => r.method === 'PATCH')).toHaveLength(0);
  });

  it('an edit in Google between our read and our write (412) is re-read and merged, keeping both the coach\'s texts', async () => {
    let raceOnce = true;
    const { fake, token, session, eventId } = await googleCoach(async (f, req) => {
      if (req.method === 'PATCH' && raceOnce) {
        raceOnce = false;
        const current = f.events.get(eventId)!;
        f.editEvent(eventId, { description: `${current.description}<p>Later toegevoegd door de coach</p>` });
      }
      return f.fetch(req);
    });
    await syncOk(session.id);
    const created = fake.events.get(eventId)!.description!;
    fake.editEvent(eventId, { description: `<p>Coach: parkeren bij de achteringang</p>${created}` });
    await call('POST', `/api/sessions/${session.id}/agenda`, { token, body: { title: 'Terugval voorkomen' } });

    await syncOk(session.id, await publish(token, session.id));
    const patches = fake.requests.filter((r) => r.method === 'PATCH');
    expect(patches).toHaveLength(2);
    expect(patches.every((p) => p.headers.get('if-match')?.startsWith('"'))).toBe(true);
    expect(patches[0]!.headers.get('if-match')).not.toBe(patches[1]!.headers.get('if-match'));
    const merged = fake.events.get(eventId)!.description!;
    expect(merged.startsWith('<p>Coach: parkeren bij de achteringang</p><div data-cc="invite">')).toBe(true);
    expect(merged.endsWith('</div><p>Later toegevoegd door de coach</p>')).toBe(true);
    expect(count(merged, 'Je coachingsessie (Coaching companion)')).toBe(1);
    expect(count(merged, 'Terugval voorkomen')).toBe(1);
    expect((await sessionOf(token, session.id)).calendarStatus).toBe('synced');
  });

  it('a 429 with Retry-After is retried after exactly that delay; the session waits as pending', async () => {
    const { fake, token, session, eventId } = await googleCoach();
    fake.failNext(429, { 'retry-after': '41' });
    const first = await deliver([syncJob(session.id, 'booked')]);
    expect(first.acked).toEqual([]);
    expect(first.retried).toEqual([{ msgId: first.ids[0], delaySeconds: 41 }]);
    expect((await sessionOf(token, session.id)).calendarStatus).toBe('pending');
    expect((await eventRow(session.id))?.last_error).toMatch(/429/);

    await syncOk(session.id);
    expect(fake.liveEvents().map((e) => e.id)).toEqual([eventId]);
    expect((await sessionOf(token, session.id)).calendarStatus).toBe('synced');
  });

  it('while Google is down the session exists as pending; it lands once Google answers, and a lost insert answer creates nothing twice', async () => {
    let down = true;
    let loseNextInsert = true;
    const { fake, token, session, eventId } = await googleCoach(async (f, req) => {
      if (down) return new Response('{"error":{"code":503,"message":"Backend Error"}}', { status: 503, headers: { 'content-type': 'application/json' } });
      const res = await f.fetch(req);
      if (loseNextInsert && req.method === 'POST') {
        loseNextInsert = false;
        return new Response(null, { status: 502 }); // Google stored it, but the answer never reached us
      }
      return res;
    });
    const failed = await deliver([syncJob(session.id, 'booked')]);
    expect(failed.retried.map((m) => m.msgId)).toEqual(failed.ids);
    expect((await call('GET', `/api/sessions/${session.id}/panel`, { token })).body.session).toMatchObject({ id: session.id, calendarStatus: 'pending' });
    expect(fake.events.size).toBe(0);

    down = false;
    const lost = await deliver([syncJob(session.id, 'booked')], 2);
    expect(lost.retried.map((m) => m.msgId)).toEqual(lost.ids);
    expect(fake.events.size).toBe(1);
    expect((await sessionOf(token, session.id)).calendarStatus).toBe('pending');
    await call('POST', `/api/sessions/${session.id}/agenda`, { token, body: { title: 'Na de storing toegevoegd' } });

    await syncOk(session.id, await publish(token, session.id));
    expect(inserts(fake)).toHaveLength(2);
    expect(fake.liveEvents().map((e) => e.id)).toEqual([eventId]);
    expect(fake.events.get(eventId)?.description).toContain('Na de storing toegevoegd');
    expect((await sessionOf(token, session.id)).calendarStatus).toBe('synced');
  });

  it('revoked access keeps the session pending (not failed), acks the job and asks the coach to reconnect', async () => {
    const { fake, token, session } = await googleCoach();
    expect((await call('GET', '/api/me', { token })).body.calendar.reconnect).toBeUndefined();
    fake.auth.revokeAccessTokens();
    const r = await deliver([syncJob(session.id, 'booked')]);
    expect(r.acked).toEqual(r.ids);
    expect(r.retried).toEqual([]);
    expect((await sessionOf(token, session.id)).calendarStatus).toBe('pending');
    expect((await call('GET', '/api/me', { token })).body.calendar).toMatchObject({ provider: 'google', reconnect: ['google'] });
    expect(fake.events.size).toBe(0);
  });

  it('a rejected token is refreshed at Google\'s token endpoint with the configured client, and sealed back into D1', async () => {
    const { fake, coachId, session, eventId, grant, bindings } = await googleCoach(undefined, true);
    fake.auth.revokeAccessTokens();
    await syncOk(session.id, 'booked', bindings);
    expect(fake.auth.refreshes).toBe(1);
    expect(fake.auth.tokenRequests).toHaveLength(1);
    const [refresh] = fake.auth.tokenRequests;
    expect(refresh!.url).toBe('https://oauth2.googleapis.com/token');
    expect(Object.fromEntries(refresh!.form)).toEqual({
      grant_type: 'refresh_token',
      refresh_token: grant.refreshToken,
      client_id: fake.auth.client.clientId,
      client_secret: fake.auth.client.clientSecret,
    });
    expect(fake.liveEvents().map((e) => e.id)).toEqual([eventId]);
    const row = (await env.DB.prepare("SELECT * FROM calendar_connections WHERE coach_id = ?1 AND provider = 'google'").bind(coachId).first<Record<string, string>>())!;
    expect(row.credentials_ciphertext).not.toContain('google-access');
    const stored = JSON.parse(await open(env.NOTES_KEYS, { keyId: row.key_id!, iv: row.iv!, data: row.credentials_ciphertext! }, `calendar:${coachId}:google`));
    const lastAuth = fake.requests.at(-1)!.headers.get('authorization');
    expect(`Bearer ${stored.accessToken}`).toBe(lastAuth);
    expect(stored.refreshToken).toBe(grant.refreshToken); // Google keeps the refresh token
    expect(stored.expiresAtMs).toBeGreaterThan(Date.now() + 3_000_000);
  });

  it('a token that expires again right after its refresh is retried, not taken for a revoked grant: the write lands', async () => {
    let expireNext = 2;
    const { fake, token, session, eventId, bindings } = await googleCoach(async (f, req) => {
      if (!f.auth.isTokenRequest(req) && expireNext > 0) {
        expireNext -= 1;
        f.auth.revokeAccessTokens();
      }
      return f.fetch(req);
    }, true);
    const first = await deliver([syncJob(session.id, 'booked')], 1, bindings);
    expect(first.retried.map((m) => m.msgId)).toEqual(first.ids);
    expect(fake.auth.refreshes).toBe(1);
    expect((await call('GET', '/api/me', { token })).body.calendar.reconnect).toBeUndefined();

    await syncOk(session.id, 'booked', bindings);
    expect(fake.liveEvents().map((e) => e.id)).toEqual([eventId]);
    expect((await sessionOf(token, session.id)).calendarStatus).toBe('synced');
  });

  it('a refresh token Google no longer accepts (invalid_grant) leaves the session pending until the coach reconnects; a token endpoint outage is retried', async () => {
    const { fake, token, session, bindings } = await googleCoach(undefined, true);
    fake.auth.revokeAccessTokens();
    fake.auth.failNextToken(503);
    const outage = await deliver([syncJob(session.id, 'booked')], 1, bindings);
    expect(outage.retried.map((m) => m.msgId)).toEqual(outage.ids);
    expect((await sessionOf(token, session.id)).calendarStatus).toBe('pending');

    fake.auth.failNextToken(400, undefined, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' });
    const revoked = await deliver([syncJob(session.id, 'booked')], 2, bindings);
    expect(revoked.acked).toEqual(revoked.ids);
    expect(revoked.retried).toEqual([]);
    expect((await sessionOf(token, session.id)).calendarStatus).toBe('pending');
    expect((await call('GET', '/api/me', { token })).body.calendar.reconnect).toEqual(['google']);
    expect((await eventRow(session.id))?.last_error).toMatch(/invalid_grant/);
    expect(fake.events.size).toBe(0);
  });
});

describe('moving between calendars', () => {
  it('local → Google → local: the event follows the coach, the feed drops it while it lives in Google', async () => {
    const fake = new GoogleCalendarFake();
    const { token, session } = await setup();
    const coachId = await coachIdOf(token);
    routeCoach(coachId, fake.fetch);
    const feedUids = async () => {
      const me = (await call('GET', '/api/me', { token })).body;
      const path = `/ics/${(await env.DB.prepare('SELECT ics_token FROM coaches WHERE id = ?1').bind(me.id).first<{ ics_token: string }>())!.ics_token}.ics`;
      const feed = await call('GET', path);
      // While the coach is on Google the feed address answers 404 (it would only list what is not in their calendar).
      if (feed.status === 404) return null;
      return [...(feed.body as string).matchAll(/^UID:(.+)\r$/gm)].map((m) => m[1]);
    };
    await syncOk(session.id);
    expect(await feedUids()).toEqual([`${session.id}@localhost`]);

    await connectProvider(token, 'google', fake.auth.grant());
    await syncOk(session.id, await publish(token, session.id));
    expect(fake.liveEvents().map((e) => e.id)).toEqual([googleEventId(session.id)]);
    expect(await feedUids()).toBeNull();

    expect((await call('DELETE', '/api/me/calendar', { token })).body.calendar.provider).toBe('local');
    await syncOk(session.id, await publish(token, session.id));
    expect(await feedUids()).toEqual([`${session.id}@localhost`]);
    expect(await eventRow(session.id)).toMatchObject({ provider: 'local', external_id: session.id });
    expect((await sessionOf(token, session.id)).calendarStatus).toBe('synced');
  });
});

describe('busy time from Google', () => {
  it('keeps slots clear of Google busy time, and offers none (503) while Google cannot answer', async () => {
    let down = false;
    const { fake, token, session } = await googleCoach((f, req) => (down ? Promise.resolve(new Response(null, { status: 503 })) : f.fetch(req)));
    const day = new Date(Date.now() + 14 * 86_400_000);
    while ([0, 6].includes(day.getUTCDay())) day.setUTCDate(day.getUTCDate() + 1);
    const date = day.toISOString().slice(0, 10);
    const from = `${date}T00:00:00Z`;
    const to = `${date}T23:59:00Z`;
    const before = await call('GET', `/api/sessions/${session.id}/slots?from=${from}&to=${to}`, { token });
    expect(before.status, JSON.stringify(before.body)).toBe(200);
    const busyStart = Date.parse(`${date}T09:00:00Z`);
    const busyEnd = Date.parse(`${date}T12:00:00Z`);
    expect(before.body.slots.some((s: { startsAt: string }) => Date.parse(s.startsAt) >= busyStart && Date.parse(s.startsAt) < busyEnd)).toBe(true);

    const grant = fake.auth.grant();
    await fake.fetch(new Request('https://www.googleapis.com/calendar/v3/calendars/primary/events', {
      method: 'POST',
      headers: { authorization: `Bearer ${grant.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ summary: 'Tandarts', start: { dateTime: new Date(busyStart).toISOString() }, end: { dateTime: new Date(busyEnd).toISOString() } }),
    }));
    const after = await call('GET', `/api/sessions/${session.id}/slots?from=${from}&to=${to}`, { token });
    expect(after.status).toBe(200);
    expect(after.body.slots.length).toBeGreaterThan(0);
    for (const slot of after.body.slots as { startsAt: string; endsAt: string }[]) {
      expect(Date.parse(slot.endsAt) <= busyStart || Date.parse(slot.startsAt) >= busyEnd, `${slot.startsAt} overlaps Google busy time`).toBe(true);
    }

    down = true;
    const unavailable = await call('GET', `/api/sessions/${session.id}/slots?from=${from}&to=${to}`, { token });
    expect(unavailable.status).toBe(503);
    expect(unavailable.body.type).toBe('/problems/calendar-unavailable');
  });
});
