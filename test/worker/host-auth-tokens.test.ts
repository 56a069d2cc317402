/** Our coach tokens over time: auth_time is set at sign-in and kept by refresh, which stops 12 hours after the sign-in. */
import { env } from 'cloudflare:test';
import { SignJWT, decodeJwt } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COACH_TOKEN_SECONDS, MAX_SIGN_IN_AGE_SECONDS, issueCoachToken } from '../../worker/auth/tokens';
import { call, expectProblem, signIn } from './helpers';

const refresh = (token: string) => call('POST', '/api/auth/refresh', { token });
const authTimeOf = (token: string) => decodeJwt(token).auth_time;

afterEach(() => {
  vi.useRealTimers();
});

describe('auth_time and refresh', () => {
  it('a sign-in stamps auth_time; refresh renews the token but keeps it', async () => {
    const before = Math.floor(Date.now() / 1000);
    const token = await signIn();
    const signedInAt = authTimeOf(token);
    expect(signedInAt).toBeGreaterThanOrEqual(before);
    expect(signedInAt).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 60_000);
    const r = await refresh(token);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.token).not.toBe(token);
    expect(authTimeOf(r.body.token)).toBe(signedInAt);
    expect(decodeJwt(r.body.token).iat).toBeGreaterThan(decodeJwt(token).iat!);
  });

  it('a panel renewing before every expiry is signed out 12 hours after its sign-in, not later', async () => {
    const start = Date.now();
    let token = await signIn();
    const coachId = (await call('GET', '/api/me', { token })).body.id;
    vi.useFakeTimers({ toFake: ['Date'] });
    // Renew 5 minutes before each expiry, as the panel does, until the sign-in is too old.
    const step = (COACH_TOKEN_SECONDS - 5 * 60) * 1000;
    let at = start;
    let renewals = 0;
    for (;;) {
      at += step;
      vi.setSystemTime(at);
      const r = await refresh(token);
      if (r.status !== 200) {
        expectProblem(r, 401, 'authorization');
        expect(r.body.type).toBe('/problems/sign-in-too-old');
        expect(r.headers.get('www-authenticate')).toBe('Bearer realm="api", error="invalid_token"');
        break;
      }
      token = r.body.token;
      renewals++;
      expect(renewals).toBeLessThan(20);
    }
    expect((at - start) / 1000).toBeGreaterThan(MAX_SIGN_IN_AGE_SECONDS);
    expect((at - step - start) / 1000).toBeLessThanOrEqual(MAX_SIGN_IN_AGE_SECONDS);
    expect(renewals).toBe(Math.floor((MAX_SIGN_IN_AGE_SECONDS * 1000) / step));
    // The last token still works until it expires; only its renewal is refused.
    expect((await call('GET', '/api/me', { token })).body.id).toBe(coachId);
    vi.setSystemTime(at + step + 10 * 60_000);
    expectProblem(await call('GET', '/api/me', { token }), 401, 'authorization');
  });

  it('refresh at just under 12 hours still works, and a token without auth_time (issued before it existed) is not renewed', async () => {
    const token = await signIn();
    const coachId = (await call('GET', '/api/me', { token })).body.id;
    const secret = new TextEncoder().encode(env.AUTH_SECRET);
    const now = Math.floor(Date.now() / 1000);
    const legacy = await new SignJWT({ role: 'coach' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(coachId)
      .setIssuer('coaching-companion')
      .setAudience('api-v1')
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .sign(secret);
    expect((await call('GET', '/api/me', { token: legacy })).body.id).toBe(coachId);
    expectProblem(await refresh(legacy), 401, 'authorization');

    const old = await issueCoachToken(env, coachId, now - MAX_SIGN_IN_AGE_SECONDS + 60);
    const renewed = await refresh(old);
    expect(renewed.status, JSON.stringify(renewed.body)).toBe(200);
    expect(authTimeOf(renewed.body.token)).toBe(now - MAX_SIGN_IN_AGE_SECONDS + 60);
  });

  it('refresh without a valid token answers 401 as before', async () => {
    expectProblem(await call('POST', '/api/auth/refresh'), 401, 'authorization');
    expectProblem(await refresh('not-a-token'), 401, 'authorization');
  });
});
