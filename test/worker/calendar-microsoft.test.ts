/** Microsoft Graph through the outbox, over the Graph HTTP fake: Teams link, transactionId dedupe, 412 merge keeping the Teams block, Retry-After, token refresh, disconnect. */
import { env } from 'cloudflare:test';
import { afterAll, describe, expect, it } from 'vitest';
import { open } from '../../worker/auth/crypto';
import type { Env } from '../../worker/env';
import { calendarProviderOf } from '../../worker/services/calendar-connection';
import { syncJob } from '../../worker/services/calendar-outbox';
import { MicrosoftGraphFake } from '../fakes/microsoft-graph';
import { connections, connectProvider, count, deliver, eventDeleteOf, eventRow, oauthEnv, sessionOf, blockProviderTraffic, syncOk, routedCoach } from './calendar-helpers';
import { call, setup } from './helpers';

afterAll(blockProviderTraffic);

/**
 * A coach on Outlook with Teams as meeting host and one planned session; `wrap` may intercept the fake's traffic. With `oauth`
 * the server has the Microsoft OAuth client and the connection keeps its refresh token.
 */
async function outlookCoach(wrap?: (fake: MicrosoftGraphFake, req: Request) => Promise<Response>, oauth = false) {
  const fake = new MicrosoftGraphFake();
  const bindings: Env = oauth ? oauthEnv({ microsoft: fake.auth }) : env;
  const { token, coachId } = await routedCoach((req) => (wrap ? wrap(fake, req) : fake.fetch(req)));
  const grant = fake.auth.grant();
  expect((await connectProvider(token, 'microsoft', grant, oauth ? bindings : undefined)).calendar).toEqual({ provider: 'microsoft' });
  expect((await call('PATCH', '/api/me', { token, body: { meetingHost: 'teams' } })).status).toBe(200);
  const { session } = await setup({ token });
  return { fake, token, coachId, session, grant, bindings };
}

/** The credentials sealed in the coach's Microsoft connection. */
async function storedCredentials(coachId: string): Promise<{ accessToken: string; refreshToken?: string }> {
  const row = (await env.DB.prepare("SELECT * FROM calendar_connections WHERE coach_id = ?1 AND provider = 'microsoft'").bind(coachId).first<Record<string, string>>())!;
  return JSON.parse(await open(env.NOTES_KEYS, { keyId: row.key_id!, iv: row.iv!, data: row.credentials_ciphertext! }, `calendar:${coachId}:microsoft`));
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

  it("a Teams short join link (no chat thread in it) is stored, and the session is found by it from any host", async () => {
    const { fake, token, session } = await outlookCoach((f, req) => {
      f.shortJoinLinks = true;
      return f.fetch(req);
    });
    await syncOk(session.id);
    const [event] = [...fake.events.values()];
    expect(event!.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/meet\/\d+\?p=/);
    const byLink = (url: string) => call('GET', `/api/sessions/by-meeting?host=browser&joinUrl=${encodeURIComponent(url)}`, { token });
    expect((await byLink(event!.joinUrl!)).body.id).toBe(session.id);
    expect((await byLink(event!.joinUrl!.replace(/\?p=.*/, '?p=ChangedPasscode&anon=true'))).body.id).toBe(session.id);
    // Graph told the meeting's chat thread, which the Teams panel looks up.
    expect((await call('GET', `/api/sessions/by-meeting?host=teams&meetingId=${encodeURIComponent(event!.threadId!)}`, { token })).body.id).toBe(session.id);
  });

  it('without consent to read online meetings a short join link still matches by the link; the sync does not fail', async () => {
    const { fake, token, session } = await outlookCoach((f, req) => {
      f.shortJoinLinks = true;
      f.onlineMeetingsGranted = false;
      return f.fetch(req);
    });
    await syncOk(session.id);
    const [event] = [...fake.events.values()];
    expect((await sessionOf(token, session.id)).calendarStatus).toBe('synced');
    expect((await call('GET', `/api/sessions/by-meeting?host=teams&meetingId=${encodeURIComponent(event!.threadId!)}`, { token })).status).toBe(404);
    expect((await call('GET', `/api/sessions/by-meeting?host=teams&joinUrl=${encodeURIComponent(event!.joinUrl!)}`, { token })).body.id).toBe(session.id);
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
    expect(count(body, 'Je coachingsessie (Coaching companion)')).toBe(1);
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

  it('disconnecting deletes the upcoming Outlook event with the retired connection, drops it, and moves the session to the local calendar', async () => {
    const { fake, token, coachId, session } = await outlookCoach();
    await syncOk(session.id);
    const [event] = [...fake.events.values()];
    const row = (await eventRow(session.id))!;
    expect(row).toMatchObject({ provider: 'microsoft', external_id: event!.id });
    const me = (await call('DELETE', '/api/me/calendar', { token })).body;
    expect(me.calendar.provider).toBe('local');
    expect(me.calendar.icsUrl).toMatch(/\/ics\/[0-9a-f]+\.ics$/);
    expect(await connections(coachId)).toEqual([{ provider: 'microsoft', retired: true }]); // kept for the delete job
    expect(await eventRow(session.id)).toMatchObject({ provider: 'local', external_id: null });
    expect((await sessionOf(token, session.id)).calendarStatus).toBe('pending');

    const removal = await deliver([eventDeleteOf(row)]);
    expect(removal.acked).toEqual(removal.ids);
    expect(fake.events.size).toBe(0);
    expect(fake.requests.some((r) => r.method === 'DELETE')).toBe(true);
    expect(await connections(coachId)).toEqual([]); // nothing needs it any more

    await syncOk(session.id, 'calendar');
    expect(await eventRow(session.id)).toMatchObject({ provider: 'local', external_id: session.id });
    expect((await sessionOf(token, session.id)).calendarStatus).toBe('synced');
  });

  it('refreshes at the Microsoft token endpoint (client, secret, scope) and seals the rotated refresh token', async () => {
    const { fake, token, coachId, session, grant, bindings } = await outlookCoach(undefined, true);
    fake.auth.revokeAccessTokens();
    await syncOk(session.id, 'booked', bindings);
    expect(fake.events.size).toBe(1);
    const [first] = fake.auth.tokenRequests;
    expect(first!.url).toBe('https://login.microsoftonline.com/common/oauth2/v2.0/token');
    expect(Object.fromEntries(first!.form)).toEqual({
      grant_type: 'refresh_token',
      refresh_token: grant.refreshToken,
      client_id: fake.auth.client.clientId,
      client_secret: fake.auth.client.clientSecret,
      scope: 'offline_access User.Read Calendars.ReadWrite',
    });
    const stored = await storedCredentials(coachId);
    expect(stored.refreshToken).not.toBe(grant.refreshToken);
    expect(fake.auth.knowsRefreshToken(stored.refreshToken!)).toBe(true);
    expect(fake.auth.knowsRefreshToken(grant.refreshToken!)).toBe(false);

    fake.auth.revokeAccessTokens();
    await call('POST', `/api/sessions/${session.id}/agenda`, { token, body: { title: 'Feedback geven zonder te verzachten' } });
    await syncOk(session.id, await publish(token, session.id), bindings);
    expect(fake.auth.tokenRequests.map((r) => r.form.get('refresh_token'))).toEqual([grant.refreshToken, stored.refreshToken]);
    expect(fake.auth.refreshes).toBe(2);
  });

  it('two uncoordinated refreshes: the one refused for a rotated-away refresh token takes the credentials the other stored', async () => {
    const { fake, coachId, bindings } = await outlookCoach(undefined, true);
    const first = await calendarProviderOf(bindings, coachId, 'microsoft');
    const second = await calendarProviderOf(bindings, coachId, 'microsoft');
    fake.auth.revokeAccessTokens();
    expect(await first.getEvent('AAMkAGNoSuchEvent=')).toBeNull();
    expect(await second.getEvent('AAMkAGNoSuchEvent=')).toBeNull();
    expect(fake.auth.tokenRequests).toHaveLength(2);
    expect(fake.auth.refreshes).toBe(1); // the second was refused: its refresh token had been rotated away
    const stored = await storedCredentials(coachId);
    expect(fake.requests.at(-1)?.headers.get('authorization')).toBe(`Bearer ${stored.accessToken}`);
  });
});
