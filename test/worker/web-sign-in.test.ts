// Web sign-in for /app with Google, Microsoft and Zoom against fakes of their consent, token and key endpoints, failures included.
import { env } from 'cloudflare:test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsentUser } from '../fakes/oauth-consent';
import { call } from './helpers';
import { browser, forget, location, vendors } from './oauth-support';

let v: Awaited<ReturnType<typeof vendors>>;
beforeAll(async () => {
  v = await vendors();
});
afterAll(forget);

const someone = (over: Partial<ConsentUser> = {}): ConsentUser => ({ id: crypto.randomUUID(), email: `coach-${crypto.randomUUID().slice(0, 8)}@gmail.com`, name: 'Femke de Boer', ...over });

/** Starts a sign-in in `b`; answers the authorization URL the Worker redirected to. */
async function start(b: ReturnType<typeof browser>, provider: 'google' | 'microsoft' | 'zoom') {
  const res = await b.open(`/auth/${provider}/start`);
  expect(res.status).toBe(303);
  return new URL(location(res));
}

/** Lands on /app after the callback: answers the fragment's parameters. */
async function land(b: ReturnType<typeof browser>, callback: string) {
  const res = await b.open(callback);
  expect(res.status).toBe(303);
  const to = new URL(location(res));
  expect(to.pathname).toBe('/app');
  expect(to.search).toBe('');
  return new URLSearchParams(to.hash.slice(1));
}

async function tokenFor(handoff: string | null) {
  const r = await call('POST', '/api/auth/handoff', { body: { code: handoff } });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.token as string;
}

describe('web sign-in', () => {
  it('Google: code flow with PKCE S256, state and nonce; lands on /app with a single-use hand-off code, never a token', async () => {
    const b = browser(v.bindings);
    const authorize = await start(b, 'google');
    const q = authorize.searchParams;
    expect(authorize.origin + authorize.pathname).toBe('https://accounts.google.com/o/oauth2/v2/auth');
    expect(Object.fromEntries(q)).toMatchObject({ response_type: 'code', code_challenge_method: 'S256', scope: 'openid email profile', redirect_uri: 'http://localhost:8787/auth/google/callback' });
    expect(q.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(q.get('nonce')).toMatch(/^[\w-]{20,}$/);
    expect(q.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect([...b.jar.keys()]).toEqual(['oauth-binding']);

    const user = someone();
    const fragment = await land(b, v.consent.google.consent(authorize.toString(), user));
    expect([...fragment.keys()]).toEqual(['handoff']);
    const token = await tokenFor(fragment.get('handoff'));
    expect((await call('GET', '/api/me', { token })).body).toMatchObject({ email: user.email, name: 'Femke de Boer' });
    // The code is used up; the Google identity is linked for next time.
    expect((await call('POST', '/api/auth/handoff', { body: { code: fragment.get('handoff') } })).status).toBe(401);
    expect(await env.DB.prepare("SELECT count(*) AS n FROM coach_identities WHERE host = 'google' AND subject = ?1").bind(user.id).first('n')).toBe(1);
  });

  it('consent denied, a tampered state, a replayed callback and another browser each land on /app with the reason, signed out', async () => {
    const b = browser(v.bindings);
    expect((await land(b, v.consent.google.consent((await start(b, 'google')).toString(), someone(), { deny: true }))).get('sign-in-error')).toBe('denied');

    const tampered = new URL(v.consent.google.consent((await start(b, 'google')).toString(), someone()));
    tampered.searchParams.set('state', 'forged-state-value-0123456789');
    expect((await land(b, tampered.toString())).get('sign-in-error')).toBe('state');

    const callback = v.consent.google.consent((await start(b, 'google')).toString(), someone());
    expect((await land(b, callback)).get('handoff')).toMatch(/^[0-9a-f]{32}$/);
    expect((await land(b, callback)).get('sign-in-error')).toBe('state');

    const elsewhere = v.consent.google.consent((await start(b, 'google')).toString(), someone());
    expect((await land(browser(v.bindings), elsewhere)).get('sign-in-error')).toBe('browser');
  });

  it('a code from another flow (injected with this flow’s state) fails the PKCE check at the token endpoint', async () => {
    const b = browser(v.bindings);
    const mine = new URL(v.consent.google.consent((await start(b, 'google')).toString(), someone()));
    const theirs = new URL(v.consent.google.consent((await start(browser(v.bindings), 'google')).toString(), someone()));
    mine.searchParams.set('code', theirs.searchParams.get('code')!);
    expect((await land(b, mine.toString())).get('sign-in-error')).toBe('code');
    const exchange = v.consent.google.requests.at(-1)!;
    expect(exchange.form.get('grant_type')).toBe('authorization_code');
    expect(exchange.form.get('code_verifier')).toMatch(/^[\w-]{43,128}$/);
  });

  it('Google: an ID token under the issuer spelled without https signs in too', async () => {
    const b = browser(v.bindings);
    v.consent.google.shortIssuer = true;
    try {
      const fragment = await land(b, v.consent.google.consent((await start(b, 'google')).toString(), someone()));
      expect(fragment.get('handoff')).toMatch(/^[0-9a-f]{32}$/);
    } finally {
      v.consent.google.shortIssuer = false;
    }
  });

  it('Google: an address outside Gmail and the account’s Workspace domain does not sign a new coach up', async () => {
    const b = browser(v.bindings);
    const fragment = await land(b, v.consent.google.consent((await start(b, 'google')).toString(), someone({ email: 'former-owner@praktijk.example' })));
    expect(fragment.get('sign-in-error')).toBe('not-linked');
  });

  it('Microsoft: the same identity as Teams SSO (tenant and object id); a member’s UPN links the coach', async () => {
    const b = browser(v.bindings);
    const authorize = await start(b, 'microsoft');
    expect(authorize.origin + authorize.pathname).toBe('https://login.microsoftonline.com/common/oauth2/v2.0/authorize');
    const user = someone({ email: `coach-${crypto.randomUUID().slice(0, 6)}@contoso.example`, tid: '0a1b2c3d-1111-4222-8333-444455556666' });
    const token = await tokenFor((await land(b, v.consent.microsoft.consent(authorize.toString(), user))).get('handoff'));
    expect((await call('GET', '/api/me', { token })).body.email).toBe(user.email);
    const subject = `${user.tid}:${user.id}`;
    expect(await env.DB.prepare("SELECT count(*) AS n FROM coach_identities WHERE host = 'teams' AND subject = ?1").bind(subject).first('n')).toBe(1);
  });

  it('Zoom: the code is exchanged with HTTP Basic and the verified Zoom user signs in', async () => {
    const b = browser(v.bindings);
    const authorize = await start(b, 'zoom');
    expect(authorize.origin + authorize.pathname).toBe('https://zoom.us/oauth/authorize');
    const user = someone({ email: `zoomcoach-${crypto.randomUUID().slice(0, 6)}@example.nl` });
    const landed = await land(b, v.consent.zoom.consent(authorize.toString(), user));
    expect(landed.get('sign-in-error')).toBeNull();
    const token = await tokenFor(landed.get('handoff'));
    expect((await call('GET', '/api/me', { token })).body.email).toBe(user.email);
    const exchange = v.consent.zoom.requests.find((r) => r.form.get('grant_type') === 'authorization_code')!;
    expect(exchange.authorization).toMatch(/^Basic [\w+/=]+$/);
    expect(exchange.form.has('client_secret')).toBe(false);
  });

  it('lists the configured providers for /app, and an unconfigured one has no routes', async () => {
    const all = await browser(v.bindings).open('/api/auth/methods');
    expect(await all.json()).toEqual({
      methods: [
        { id: 'dev', kind: 'email' },
        { id: 'google', kind: 'redirect', startUrl: '/auth/google/start' },
        { id: 'microsoft', kind: 'redirect', startUrl: '/auth/microsoft/start' },
        { id: 'zoom', kind: 'redirect', startUrl: '/auth/zoom/start' },
      ],
    });
    const none = browser({ ...env });
    expect(await (await none.open('/api/auth/methods')).json()).toEqual({ methods: [{ id: 'dev', kind: 'email' }] });
    expect((await none.open('/auth/google/start')).status).toBe(404);
    expect((await none.open('/auth/skype/start')).status).toBe(404);
  });
});
