/** Host sign-in for Zoom: in-client OAuth over an HTTP fake of Zoom, and app contexts sealed here and decrypted by the worker. */
import { createExecutionContext, env } from 'cloudflare:test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setHostIdentityFetch } from '../../worker/auth/host-identity/outbound';
import worker from '../../worker/index';
import { IdentityProvidersFake } from '../fakes/identity-providers';
import { sealZoomAppContext, ZoomOAuthFake, type ZoomOAuthUser } from '../fakes/zoom-oauth';
import { call, expectProblem } from './helpers';

// Zoom's client id and secret are passed per request, not as test bindings: both set would also switch on Zoom token refresh
// for every other worker test.
const ZOOM = { ZOOM_CLIENT_ID: 'zoom-test-client', ZOOM_CLIENT_SECRET: 'zoom-test-secret-0123456789' };
const REDIRECT_URI = 'https://coaching.example.nl/panel/zoom';
const VERIFIER = 'v'.repeat(20) + crypto.randomUUID().replace(/-/g, '');

let zoom: ZoomOAuthFake;
beforeAll(async () => {
  zoom = new ZoomOAuthFake(ZOOM.ZOOM_CLIENT_ID, ZOOM.ZOOM_CLIENT_SECRET);
  setHostIdentityFetch((await IdentityProvidersFake.create(zoom)).fetch);
});
afterAll(() => setHostIdentityFetch(null));

async function zoomSignIn(body: unknown, overrides: Record<string, string | undefined> = {}) {
  const request = new Request('http://localhost:8787/api/auth/zoom', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const res = await worker.fetch(request, { ...env, ...ZOOM, ...overrides }, createExecutionContext());
  return { status: res.status, body: await res.json<any>(), headers: res.headers };
}

const zoomUser = (overrides: Partial<ZoomOAuthUser> = {}): ZoomOAuthUser => ({
  id: `zu-${crypto.randomUUID().slice(0, 12)}`,
  email: `zoomcoach-${crypto.randomUUID().slice(0, 8)}@Example.nl`,
  verified: 1,
  first_name: 'Sem',
  last_name: 'Visser',
  display_name: 'Sem Visser',
  ...overrides,
});
const authorization = (user: ZoomOAuthUser) => ({ code: zoom.authorize(user, { codeVerifier: VERIFIER, redirectUri: REDIRECT_URI }), codeVerifier: VERIFIER, redirectUri: REDIRECT_URI });
const me = async (token: string) => (await call('GET', '/api/me', { token })).body;
const context = (uid: string, overrides: Record<string, unknown> = {}) => ({
  typ: 'meeting', uid, mid: 'meeting-uuid==', ts: Date.now(), iss: 'marketplace.zoom.us', aud: ZOOM.ZOOM_CLIENT_ID, exp: Date.now() + 5 * 60_000, attendrole: 'host', ...overrides,
});

describe('Zoom in-client OAuth', () => {
  it('exchanges the code as Zoom documents it and signs in as the coach with the verified address', async () => {
    const user = zoomUser();
    const r = await zoomSignIn(authorization(user));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(await me(r.body.token)).toMatchObject({ email: user.email.toLowerCase(), name: 'Sem Visser' });

    const exchange = zoom.requests.find((q) => q.url === 'https://zoom.us/oauth/token')!;
    expect(exchange.headers.get('authorization')).toBe(`Basic ${btoa(`${ZOOM.ZOOM_CLIENT_ID}:${ZOOM.ZOOM_CLIENT_SECRET}`)}`);
    expect(Object.fromEntries(new URLSearchParams(exchange.body))).toMatchObject({ grant_type: 'authorization_code', redirect_uri: REDIRECT_URI, code_verifier: VERIFIER });
    const coach = await me(r.body.token);
    expect(await env.DB.prepare('SELECT coach_id FROM coach_identities WHERE host = ?1 AND subject = ?2').bind('zoom', user.id).first('coach_id')).toBe(coach.id);
  });

  it('answers 401 naming code when Zoom refuses the code: reused, wrong verifier, wrong redirect URI', async () => {
    const auth = authorization(zoomUser());
    expect((await zoomSignIn(auth)).status).toBe(200);
    expectProblem(await zoomSignIn(auth), 401, 'code');
    expectProblem(await zoomSignIn({ ...authorization(zoomUser()), codeVerifier: 'w'.repeat(64) }), 401, 'code');
    expectProblem(await zoomSignIn({ ...authorization(zoomUser()), redirectUri: 'https://elsewhere.example.nl/' }), 401, 'code');
  });

  it('answers 502 when Zoom fails or refuses our client, and signs in nobody', async () => {
    zoom.failNext('token', 503, { reason: 'Service unavailable' });
    expectProblem(await zoomSignIn(authorization(zoomUser())), 502);
    zoom.failNext('me', 500, { code: 500, message: 'Internal error.' });
    expectProblem(await zoomSignIn(authorization(zoomUser())), 502);
    expectProblem(await zoomSignIn(authorization(zoomUser()), { ZOOM_CLIENT_SECRET: 'a-rotated-secret' }), 502);
  });

  it('does not link by an e-mail Zoom has not verified', async () => {
    const user = zoomUser({ verified: 0 });
    const r = await zoomSignIn(authorization(user));
    expectProblem(r, 401, 'code');
    expect(r.body.type).toBe('/problems/identity-not-linked');
    expect(await env.DB.prepare('SELECT COUNT(*) AS n FROM coaches WHERE email = ?1').bind(user.email.toLowerCase()).first('n')).toBe(0);
  });

  it('validates the body: one way to sign in, a PKCE verifier, an https redirect URI', async () => {
    const auth = authorization(zoomUser());
    expectProblem(await zoomSignIn({ ...auth, appContext: 'AAAA' }), 422, 'code');
    expectProblem(await zoomSignIn({ code: auth.code, codeVerifier: VERIFIER }), 422, 'redirectUri');
    expectProblem(await zoomSignIn({ ...auth, codeVerifier: 'short' }), 422, 'codeVerifier');
    expectProblem(await zoomSignIn({ ...auth, redirectUri: 'http://coaching.example.nl/panel/zoom' }), 422, 'redirectUri');
    expectProblem(await zoomSignIn({}), 422, 'code');
  });
});

describe('Zoom app context', () => {
  it('signs a linked Zoom user in as their coach, with exp in milliseconds or in seconds', async () => {
    const user = zoomUser();
    const linked = await me((await zoomSignIn(authorization(user))).body.token);
    const ms = await zoomSignIn({ appContext: await sealZoomAppContext(context(user.id), ZOOM.ZOOM_CLIENT_SECRET) });
    expect(ms.status, JSON.stringify(ms.body)).toBe(200);
    expect((await me(ms.body.token)).id).toBe(linked.id);
    const seconds = await zoomSignIn({ appContext: await sealZoomAppContext(context(user.id, { exp: Math.floor(Date.now() / 1000) + 300 }), ZOOM.ZOOM_CLIENT_SECRET) });
    expect((await me(seconds.body.token)).id).toBe(linked.id);
  });

  it('answers identity-not-linked for a Zoom user without a coach, so the panel falls back to OAuth', async () => {
    const r = await zoomSignIn({ appContext: await sealZoomAppContext(context(`zu-unlinked-${crypto.randomUUID()}`), ZOOM.ZOOM_CLIENT_SECRET) });
    expectProblem(r, 401, 'appContext');
    expect(r.body.type).toBe('/problems/identity-not-linked');
  });

  it.each([
    ['expired (milliseconds)', (uid: string) => sealZoomAppContext(context(uid, { exp: Date.now() - 10 * 60_000 }), ZOOM.ZOOM_CLIENT_SECRET)],
    ['expired (seconds)', (uid: string) => sealZoomAppContext(context(uid, { exp: Math.floor(Date.now() / 1000) - 600 }), ZOOM.ZOOM_CLIENT_SECRET)],
    ['for another app', (uid: string) => sealZoomAppContext(context(uid, { aud: 'another-zoom-app' }), ZOOM.ZOOM_CLIENT_SECRET)],
    ['from another issuer', (uid: string) => sealZoomAppContext(context(uid, { iss: 'zoom.example.com' }), ZOOM.ZOOM_CLIENT_SECRET)],
    ['sealed with another secret', (uid: string) => sealZoomAppContext(context(uid), 'not-our-secret')],
    ['with a flipped ciphertext byte', async (uid: string) => flipByte(await sealZoomAppContext(context(uid), ZOOM.ZOOM_CLIENT_SECRET), 40)],
    ['with other additional data', async (uid: string) => flipByte(await sealZoomAppContext(context(uid), ZOOM.ZOOM_CLIENT_SECRET), 16)],
    ['truncated', async (uid: string) => (await sealZoomAppContext(context(uid), ZOOM.ZOOM_CLIENT_SECRET)).slice(0, 40)],
  ])('rejects a context %s with 401 naming appContext, even for a linked user', async (_, seal) => {
    const user = zoomUser();
    expect((await zoomSignIn(authorization(user))).status).toBe(200);
    const r = await zoomSignIn({ appContext: await seal(user.id) });
    expectProblem(r, 401, 'appContext');
    expect(r.body.type).toBe('/problems/host-identity-rejected');
  });
});

/** The base64 context with one byte of the decoded layout changed (iv is bytes 1–12, aad 15–30 for the sealer's defaults). */
function flipByte(appContext: string, index: number): string {
  const bytes = Uint8Array.from(atob(appContext), (c) => c.charCodeAt(0));
  bytes[index] = bytes[index]! ^ 0x01;
  return btoa(String.fromCharCode(...bytes));
}
