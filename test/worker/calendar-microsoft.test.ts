/** Microsoft Graph through the outbox, over the Graph HTTP fake: Teams link, transactionId dedupe, 412 merge keeping the Teams block, Retry-After. */
import { env } from 'cloudflare:test';
import { afterAll, describe, expect, it } from 'vitest';
import { setProviderFetch } from '../../worker/services/calendar-connection';
import { syncJob } from '../../worker/services/calendar-outbox';
import { MicrosoftGraphFake } from '../fakes/microsoft-graph';
import { coachIdOf, connectProvider, count, deliver, eventRow, routeCoach, sessionOf, syncOk } from './calendar-helpers';
import { call, setup, signIn } from './helpers';

afterAll(() => setProviderFetch(null));

/** A coach on Outlook with Teams as meeting host and one planned session; `wrap` may intercept the fake's traffic. */
async function outlookCoach(wrap?: (fake: MicrosoftGraphFake, req: Request) => Promise<Response>) {
  const fake = new MicrosoftGraphFake();
  const token = await signIn();
  routeCoach(await coachIdOf(token), (req) => (wrap ? wrap(fake, req) : fake.fetch(req)));
  expect((await connectProvider(token, 'microsoft', fake.auth.grant())).calendar).toEqual({ provider: 'microsoft' });
  expect((await call('PATCH', '/api/me', { token, body: { meetingHost: 'teams' } })).status).toBe(200);
  const { session } = await setup({ token });
  return { fake, token, session };
}

const creates = (fake: MicrosoftGraphFake) => fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1.0/me/events');

async function publish(token: string, sessionId: string) {
  expect((await call('POST', `/api/sessions/${sessionId}/publish`, { token })).status).toBe(202);
  return (await env.DB.prepare('SELECT seq FROM sessions WHERE id = ?1').bind(sessionId).first<{ seq: number }>())!.seq;
}

describe('microsoft calendar sync', () => {
  it('a create whose answer was lost is deduplicated by transactionId; the Teams link reaches the session', async () => {
    let loseNextCreate = true;
    const { fake, token, session } = await outlookCoach(async (f, req) => {
      const res = await f.fetch(req);
      if (loseNextCreate && req.method === 'POST' && new URL(req.url).pathname === '/v1.0/me/events') {
        loseNextCreate = false;
        return new Response(null, { status: 504 });
      }
      return res;
    });
    const lost = await deliver([syncJob(session.id, 'booked')]);
    expect(lost.retried.map((m) => m.msgId)).toEqual(lost.ids);
    expect((await sessionOf(token, session.id)).calendarStatus).toBe('pending');

    await syncOk(session.id);
    expect(creates(fake)).toHaveLength(2);
    expect(creates(fake).map((r) => (r.body as { transactionId: string }).transactionId)).toEqual([session.id, session.id]);
    expect(creates(fake)[0]?.body).toMatchObject({ isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness', body: { contentType: 'HTML' } });
    expect(fake.events.size).toBe(1);

    const [event] = [...fake.events.values()];
    const shown = await sessionOf(token, session.id);
    expect(shown).toMatchObject({ calendarStatus: 'synced', meetingUrl: event!.joinUrl });
    expect(await eventRow(session.id)).toMatchObject({ provider: 'microsoft', external_id: event!.id, etag: `W/"${event!.changeKey}"` });
    const thread = decodeURIComponent(new URL(event!.joinUrl!).pathname.split('/')[3]!);
    expect((await call('GET', `/api/sessions/by-meeting?host=teams&meetingId=${encodeURIComponent(thread)}`, { token })).body.id).toBe(session.id);
  });

  it('a publish merges our block around the Teams join block and the coach\'s text, re-reading after a 412', async () => {
    let raceOnce = true;
    const { fake, token, session } = await outlookCoach(async (f, req) => {
      if (req.method === 'PATCH' && raceOnce) {
        raceOnce = false;
        const [event] = [...f.events.values()];
        f.editEvent(event!.id, { bodyHtml: `<p>Zaal 3.14, tweede verdieping</p>${event!.bodyHtml}` });
      }
      return f.fetch(req);
    });
    await syncOk(session.id);
    const [event] = [...fake.events.values()];
    expect(event!.bodyHtml).toContain('Microsoft Teams meeting');
    await call('POST', `/api/sessions/${session.id}/agreements`, { token, body: { who: 'coach', what: 'Artikel over grenzen sturen' } });

    await syncOk(session.id, await publish(token, session.id));
    const patches = fake.requests.filter((r) => r.method === 'PATCH');
    expect(patches).toHaveLength(2);
    expect(patches.every((p) => p.headers.get('if-match')?.startsWith('W/"'))).toBe(true);
    const body = fake.events.get(event!.id)!.bodyHtml;
    expect(body.startsWith('<p>Zaal 3.14, tweede verdieping</p><div data-cc="invite">')).toBe(true);
    expect(body).toContain(`<a href="${event!.joinUrl}">Join the meeting now</a>`);
    expect(count(body, '[cc:begin]')).toBe(1);
    expect(count(body, 'Artikel over grenzen sturen')).toBe(1);
    expect(body).not.toContain('<html>');
    expect(fake.events.size).toBe(1);
  });

  it('Graph throttling (429 Retry-After) is retried after the delay Graph asked for', async () => {
    const { fake, token, session } = await outlookCoach();
    fake.failNext(429, { 'retry-after': '7' });
    const throttled = await deliver([syncJob(session.id, 'booked')]);
    expect(throttled.retried).toEqual([{ msgId: throttled.ids[0], delaySeconds: 7 }]);
    expect((await sessionOf(token, session.id)).calendarStatus).toBe('pending');
    await syncOk(session.id);
    expect(fake.events.size).toBe(1);
  });

  it('disconnecting puts the coach back on the local calendar; the next sync moves the event there', async () => {
    const { fake, token, session } = await outlookCoach();
    await syncOk(session.id);
    const me = (await call('DELETE', '/api/me/calendar', { token })).body;
    expect(me.calendar.provider).toBe('local');
    expect(me.calendar.icsUrl).toMatch(/\/ics\/[0-9a-f]+\.ics$/);
    expect(await env.DB.prepare('SELECT COUNT(*) AS n FROM calendar_connections WHERE coach_id = ?1').bind(me.id).first('n')).toBe(0);

    await syncOk(session.id, await publish(token, session.id));
    expect(await eventRow(session.id)).toMatchObject({ provider: 'local', external_id: session.id });
    expect((await sessionOf(token, session.id)).calendarStatus).toBe('synced');
    expect(fake.events.size).toBe(1); // the Outlook event's deletion went to the outbox; without a connection it cannot run
  });
});
