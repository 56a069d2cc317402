/** The OAuth refresh-token grants over the vendors' token endpoint fakes: request shapes, rotation, and how refusals map to error kinds. */
import { describe, expect, it } from 'vitest';
import { createGoogleCalendar } from '../../worker/providers/google';
import { createOAuthRefresh, MICROSOFT_REFRESH_SCOPE, TOKEN_ENDPOINTS } from '../../worker/providers/oauth-refresh';
import type { Credentials } from '../../worker/providers/types';
import { GoogleCalendarFake } from '../fakes/google-calendar';
import { MicrosoftGraphFake } from '../fakes/microsoft-graph';
import { ZoomFake } from '../fakes/zoom';
import { rejection } from './contract';

const NOW = 1_900_000_000_000;

describe('createOAuthRefresh', () => {
  it('google: client id and secret in the form; the new access token comes without a refresh token', async () => {
    const fake = new GoogleCalendarFake(() => NOW);
    const grant = fake.auth.grant();
    const next = await createOAuthRefresh('google', fake.auth.client, fake.fetch, () => NOW)(grant);
    expect(next).toEqual({ accessToken: expect.stringMatching(/^google-access-/), expiresAtMs: NOW + 3_600_000 });
    expect(next.accessToken).not.toBe(grant.accessToken);
    const [request] = fake.auth.tokenRequests;
    expect(request!.url).toBe(TOKEN_ENDPOINTS.google);
    expect(request!.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(request!.headers.get('authorization')).toBeNull();
    expect(Object.fromEntries(request!.form)).toEqual({ grant_type: 'refresh_token', refresh_token: grant.refreshToken, client_id: 'google-client-id', client_secret: 'google-client-secret' });
  });

  it('microsoft: an app registered for one tenant refreshes at that tenant’s token endpoint', async () => {
    const fake = new MicrosoftGraphFake(() => NOW);
    const urls: string[] = [];
    const tenant = 'https://login.microsoftonline.com/0a1b2c3d-1111-4222-8333-444455556666/oauth2/v2.0/token';
    // The tenant's endpoint answers as the common one does.
    const viaTenant = async (req: Request) => (urls.push(req.url), fake.fetch(req.url === tenant ? new Request(TOKEN_ENDPOINTS.microsoft, req) : req));
    const next = await createOAuthRefresh('microsoft', { ...fake.auth.client, tokenEndpoint: tenant }, viaTenant, () => NOW)(fake.auth.grant());
    expect(next.refreshToken).toMatch(/^graph-refresh-/);
    expect(urls).toEqual([tenant]);
  });

  it('microsoft: sends the scope and gets a rotated refresh token; the old one is then refused as invalid_grant (auth)', async () => {
    const fake = new MicrosoftGraphFake(() => NOW);
    const refresh = createOAuthRefresh('microsoft', fake.auth.client, fake.fetch, () => NOW);
    const grant = fake.auth.grant();
    const next = await refresh(grant);
    expect(next.refreshToken).toMatch(/^graph-refresh-/);
    expect(next.refreshToken).not.toBe(grant.refreshToken);
    expect(fake.auth.tokenRequests[0]!.url).toBe('https://login.microsoftonline.com/common/oauth2/v2.0/token');
    expect(fake.auth.tokenRequests[0]!.form.get('scope')).toBe(MICROSOFT_REFRESH_SCOPE);
    expect(fake.auth.tokenRequests[0]!.form.get('client_id')).toBe('graph-client-id');

    const stale = await rejection(refresh(grant));
    expect(stale).toMatchObject({ provider: 'microsoft', kind: 'auth', status: 400, reason: 'invalid_grant' });
    expect(stale.retryable).toBe(false);
    expect((await refresh(next)).refreshToken).not.toBe(next.refreshToken);
  });

  it('zoom: the client as HTTP Basic auth, never in the form; rotates the refresh token', async () => {
    const fake = new ZoomFake(() => NOW);
    const grant = fake.auth.grant();
    const next = await createOAuthRefresh('zoom', fake.auth.client, fake.fetch, () => NOW)(grant);
    expect(next).toMatchObject({ accessToken: expect.stringMatching(/^zoom-access-/), refreshToken: expect.stringMatching(/^zoom-refresh-/), expiresAtMs: NOW + 3_600_000 });
    const [request] = fake.auth.tokenRequests;
    expect(request!.url).toBe('https://zoom.us/oauth/token');
    expect(request!.headers.get('authorization')).toBe(`Basic ${btoa('zoom-client-id:zoom-client-secret')}`);
    expect(Object.fromEntries(request!.form)).toEqual({ grant_type: 'refresh_token', refresh_token: grant.refreshToken });
    expect(await rejection(createOAuthRefresh('zoom', fake.auth.client, fake.fetch)(grant))).toMatchObject({ kind: 'auth', reason: 'invalid_request' });
  });

  it('a wrong client secret is invalid_client (auth); no stored refresh token is auth without a request', async () => {
    const fake = new GoogleCalendarFake();
    const grant = fake.auth.grant();
    const wrong = await rejection(createOAuthRefresh('google', { clientId: 'google-client-id', clientSecret: 'nope' }, fake.fetch)(grant));
    expect(wrong).toMatchObject({ kind: 'auth', status: 401, reason: 'invalid_client' });
    const none: Credentials = { accessToken: grant.accessToken };
    expect(await rejection(createOAuthRefresh('google', fake.auth.client, fake.fetch)(none))).toMatchObject({ kind: 'auth' });
    expect(fake.auth.tokenRequests).toHaveLength(1);
  });

  it('outages and throttling are retryable, honouring Retry-After; a malformed answer is upstream', async () => {
    const fake = new MicrosoftGraphFake(() => NOW);
    const grant = fake.auth.grant();
    const refresh = createOAuthRefresh('microsoft', fake.auth.client, fake.fetch, () => NOW);
    fake.auth.failNextToken(503);
    expect(await rejection(refresh(grant))).toMatchObject({ kind: 'upstream', status: 503 });
    fake.auth.failNextToken(400, undefined, { error: 'temporarily_unavailable', error_description: 'AADSTS: try again' });
    expect((await rejection(refresh(grant))).retryable).toBe(true);
    fake.auth.failNextToken(429, { 'retry-after': '12' }, { error: 'slow_down' });
    expect(await rejection(refresh(grant))).toMatchObject({ kind: 'rate_limit', retryAfterMs: 12_000 });
    fake.auth.failNextToken(200, undefined, { token_type: 'Bearer', expires_in: 3599 });
    expect(await rejection(refresh(grant))).toMatchObject({ kind: 'upstream', status: 200 });
    const down = createOAuthRefresh('microsoft', fake.auth.client, async () => {
      throw new TypeError('network connection lost');
    });
    expect(await rejection(down(grant))).toMatchObject({ kind: 'upstream' });
    expect(fake.auth.refreshes).toBe(0);
  });

  it('drives an adapter: an expired token is refreshed over HTTP before the call and saved once', async () => {
    const fake = new GoogleCalendarFake();
    const grant = fake.auth.grant();
    fake.auth.revokeAccessTokens();
    const saved: Credentials[] = [];
    const calendar = createGoogleCalendar({
      fetch: fake.fetch,
      credentials: { ...grant, expiresAtMs: Date.now() - 1000 },
      saveToken: async (c) => {
        saved.push(c);
      },
      refresh: createOAuthRefresh('google', fake.auth.client, fake.fetch),
    });
    expect(await calendar.getEvent('abcdefghij')).toBeNull();
    expect(fake.auth.rejections).toBe(0);
    expect(saved).toEqual([{ accessToken: expect.stringMatching(/^google-access-/), refreshToken: grant.refreshToken, expiresAtMs: expect.any(Number) }]);
    expect(fake.requests.at(-1)?.headers.get('authorization')).toBe(`Bearer ${saved[0]!.accessToken}`);
  });
});
