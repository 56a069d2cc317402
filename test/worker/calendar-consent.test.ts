// Connecting a calendar or Zoom by consent against fakes of the vendors: least scopes, unticked scopes, replayed links,
// rotating refresh tokens, a revoked grant that asks for a reconnect, and disconnecting that revokes.
import { env } from 'cloudflare:test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { open } from '../../worker/auth/crypto';
import { syncJob } from '../../worker/services/calendar-outbox';
import { blockProviderTraffic, deliver, routedCoach, sessionOf, syncOk } from './calendar-helpers';
import { call, setup } from './helpers';
import { browser, forget, location, vendors } from './oauth-support';

let v: Awaited<ReturnType<typeof vendors>>;
beforeAll(async () => {
  v = await vendors();
});
afterAll(() => {
  forget();
  blockProviderTraffic();
});

const user = { id: crypto.randomUUID(), email: 'coach@contoso.example', name: 'Coach', tid: '0a1b2c3d-1111-4222-8333-444455556666' };

/** A coach (API token) whose provider traffic goes to the vendor fakes. */
async function coach() {
  return routedCoach((req) => {
    const host = new URL(req.url).hostname;
    if (host.endsWith('googleapis.com')) return host === 'oauth2.googleapis.com' ? v.consent.google.fetch(req) : v.google.fetch(req);
    if (host === 'graph.microsoft.com' || host === 'login.microsoftonline.com') return host === 'graph.microsoft.com' ? v.graph.fetch(req) : v.consent.microsoft.fetch(req);
    return host === 'zoom.us' ? v.consent.zoom.fetch(req) : v.zoom.fetch(req);
  });
}

/** `POST /api/me/calendar/connect`, then the browser opens the link: answers the vendor's authorization URL. */
async function consentUrl(b: ReturnType<typeof browser>, token: string, provider: 'google' | 'microsoft' | 'zoom') {
  const r = await b.open('/api/me/calendar/connect', { method: 'POST', token, body: { provider } });
  expect(r.status).toBe(200);
  const { url } = await r.json<{ url: string }>();
  expect(url).toMatch(new RegExp(`^http://localhost:8787/oauth/${provider}/start\\?link=[0-9a-f]{32}$`));
  const start = await b.open(url);
  expect(start.status).toBe(303);
  return { link: url, authorize: new URL(location(start)) };
}

/** The page the callback shows: its outcome and reason. */
async function outcome(b: ReturnType<typeof browser>, callback: string) {
  const res = await b.open(callback);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  const html = await res.text();
  return { outcome: /data-outcome="(\w+)"/.exec(html)?.[1], reason: /data-reason="(\w+)"/.exec(html)?.[1] };
}

async function stored(coachId: string, provider: string) {
  const row = (await env.DB.prepare('SELECT * FROM calendar_connections WHERE coach_id = ?1 AND provider = ?2 AND retired_at IS NULL').bind(coachId, provider).first<Record<string, string>>())!;
  return JSON.parse(await open(env.NOTES_KEYS, { keyId: row.key_id!, iv: row.iv!, data: row.credentials_ciphertext! }, `calendar:${coachId}:${provider}`));
}

describe('connecting a calendar by consent', () => {
  it('Google: least scopes with offline access and incremental authorization; tokens stored sealed; the session lands in Google', async () => {
    const { token, coachId } = await coach();
    const { session } = await setup({ token });
    const b = browser(v.bindings);
    const { authorize } = await consentUrl(b, token, 'google');
    expect(authorize.searchParams.get('scope')).toBe('https://www.googleapis.com/auth/calendar.events.owned https://www.googleapis.com/auth/calendar.freebusy');
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({ access_type: 'offline', include_granted_scopes: 'true', prompt: 'consent', code_challenge_method: 'S256', redirect_uri: 'http://localhost:8787/oauth/google/callback' });
    expect(await outcome(b, v.consent.google.consent(authorize.toString(), user))).toEqual({ outcome: 'connected', reason: undefined });
    expect((await call('GET', '/api/me', { token })).body.calendar).toEqual({ provider: 'google' });
    const credentials = await stored(coachId, 'google');
    expect(v.google.auth.knowsRefreshToken(credentials.refreshToken)).toBe(true);
    const raw = await env.DB.prepare('SELECT credentials_ciphertext FROM calendar_connections WHERE coach_id = ?1').bind(coachId).first<string>('credentials_ciphertext');
    expect(raw).not.toContain(credentials.accessToken);
    await syncOk(session.id, 'booked', v.bindings);
    expect((await sessionOf(token, session.id)).calendarStatus).toBe('synced');
  });

  it('Google after a Google sign-in: incremental authorization adds the sign-in scopes and an ID token, which connecting ignores', async () => {
    const { token, coachId } = await coach();
    const b = browser(v.bindings);
    const signIn = new URL(location(await b.open('/auth/google/start')));
    const someone = { ...user, id: crypto.randomUUID(), email: `incremental-${crypto.randomUUID().slice(0, 6)}@gmail.com` };
    expect(location(await b.open(v.consent.google.consent(signIn.toString(), someone)))).toMatch(/\/app#handoff=/);
    const { authorize } = await consentUrl(b, token, 'google');
    expect(await outcome(b, v.consent.google.consent(authorize.toString(), someone))).toEqual({ outcome: 'connected', reason: undefined });
    const exchange = v.consent.google.requests.filter((r) => r.form.get('grant_type') === 'authorization_code').at(-1)!;
    expect(exchange.form.get('redirect_uri')).toBe('http://localhost:8787/oauth/google/callback');
    expect((await stored(coachId, 'google')).refreshToken).toMatch(/^google-refresh-/);
  });

  it('a scope the coach unticked connects nothing: the partial grant is revoked and the page says why', async () => {
    const { token } = await coach();
    const b = browser(v.bindings);
    const { authorize } = await consentUrl(b, token, 'google');
    const before = v.consent.google.revoked.length;
    // Someone who never granted free/busy before (Google would add an earlier grant back: incremental authorization).
    const newcomer = { ...user, id: crypto.randomUUID() };
    expect(await outcome(b, v.consent.google.consent(authorize.toString(), newcomer, { untick: ['https://www.googleapis.com/auth/calendar.freebusy'] }))).toEqual({ outcome: 'failed', reason: 'scopes' });
    expect(v.consent.google.revoked.length).toBe(before + 1);
    expect((await call('GET', '/api/me', { token })).body.calendar.provider).toBe('local');
  });

  it('consent denied, a replayed link or callback, and another browser connect nothing', async () => {
    const { token } = await coach();
    const b = browser(v.bindings);
    const denied = await consentUrl(b, token, 'microsoft');
    expect(denied.authorize.searchParams.get('scope')).toBe('offline_access User.Read Calendars.ReadWrite');
    expect(await outcome(b, v.consent.microsoft.consent(denied.authorize.toString(), user, { deny: true }))).toEqual({ outcome: 'failed', reason: 'denied' });
    expect((await outcome(b, denied.link)).reason).toBe('state');

    const other = await consentUrl(b, token, 'microsoft');
    const callback = v.consent.microsoft.consent(other.authorize.toString(), user);
    expect((await outcome(browser(v.bindings), callback)).reason).toBe('browser');
    // The refused attempt used the state up: the right browser cannot replay it either.
    expect((await outcome(b, callback)).reason).toBe('state');
    expect((await call('GET', '/api/me', { token })).body.calendar.provider).toBe('local');
    expect((await b.open('/api/me/calendar/connect', { method: 'POST', token, body: { provider: 'skype' } })).status).toBe(422);
  });

  it('Microsoft: rotating refresh tokens are stored on every refresh; a revoked grant shows reconnect, sessions wait as pending, and reconnecting syncs them', async () => {
    const { token, coachId } = await coach();
    await call('PATCH', '/api/me', { token, body: { meetingHost: 'teams' } });
    const b = browser(v.bindings);
    const first = await consentUrl(b, token, 'microsoft');
    // The coach meets in Teams: reading online meetings (the chat thread behind a short join link) is asked for too.
    expect(first.authorize.searchParams.get('scope')).toBe('offline_access User.Read Calendars.ReadWrite OnlineMeetings.Read');
    expect((await outcome(b, v.consent.microsoft.consent(first.authorize.toString(), user))).outcome).toBe('connected');
    const { session } = await setup({ token });
    const granted = await stored(coachId, 'microsoft');

    v.graph.auth.revokeAccessTokens();
    await syncOk(session.id, 'booked', v.bindings);
    const rotated = await stored(coachId, 'microsoft');
    expect(rotated.refreshToken).not.toBe(granted.refreshToken);
    expect(v.graph.auth.knowsRefreshToken(granted.refreshToken)).toBe(false);
    expect(v.graph.auth.knowsRefreshToken(rotated.refreshToken)).toBe(true);

    // The coach removes the app at Microsoft: the refresh token stops working.
    v.graph.auth.revokeRefreshToken(rotated.refreshToken);
    v.graph.auth.revokeAccessTokens();
    await call('POST', `/api/sessions/${session.id}/agenda`, { token, body: { title: 'Na het intrekken' } });
    const r = await deliver([syncJob(session.id, 'retry')], 1, v.bindings);
    expect(r.retried).toEqual([]);
    expect((await sessionOf(token, session.id)).calendarStatus).toBe('pending');
    expect((await call('GET', '/api/me', { token })).body.calendar).toEqual({ provider: 'microsoft', reconnect: ['microsoft'] });
    expect((await call('GET', `/api/sessions/${session.id}/panel`, { token })).body.reconnect).toEqual(['microsoft']);

    const again = await consentUrl(b, token, 'microsoft');
    expect((await outcome(b, v.consent.microsoft.consent(again.authorize.toString(), user))).outcome).toBe('connected');
    expect((await call('GET', '/api/me', { token })).body.calendar).toEqual({ provider: 'microsoft' });
    await syncOk(session.id, 'calendar', v.bindings);
    expect((await sessionOf(token, session.id)).calendarStatus).toBe('synced');
    expect((await call('GET', `/api/sessions/${session.id}/panel`, { token })).body.reconnect).toBeUndefined();
  });

  it('Zoom connects for meetings; disconnecting Google revokes its grant at Google', async () => {
    const { token, coachId } = await coach();
    const b = browser(v.bindings);
    const zoom = await consentUrl(b, token, 'zoom');
    expect((await outcome(b, v.consent.zoom.consent(zoom.authorize.toString(), user))).outcome).toBe('connected');
    expect((await stored(coachId, 'zoom')).refreshToken).toMatch(/^zoom-refresh-/);
    expect((await call('GET', '/api/me', { token })).body.calendar).toEqual({ provider: 'local', icsUrl: expect.any(String), zoom: true });

    const google = await consentUrl(b, token, 'google');
    expect((await outcome(b, v.consent.google.consent(google.authorize.toString(), user))).outcome).toBe('connected');
    const { refreshToken } = await stored(coachId, 'google');
    const off = await b.open('/api/me/calendar', { method: 'DELETE', token });
    expect(off.status).toBe(200);
    expect(v.consent.google.revoked).toContain(refreshToken);
    expect(v.google.auth.knowsRefreshToken(refreshToken)).toBe(false);
    expect(await env.DB.prepare("SELECT count(*) AS n FROM calendar_connections WHERE coach_id = ?1 AND provider = 'google'").bind(coachId).first('n')).toBe(0);
  });
});
