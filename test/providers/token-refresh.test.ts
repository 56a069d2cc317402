/** The token helper on its own: expiry skew, one refresh for concurrent callers, saving, and failure. */
import { describe, expect, it } from 'vitest';
import { createTokenRefresher } from '../../worker/providers/token-refresh';
import { ProviderError, type Credentials } from '../../worker/providers/types';
import { rejection } from './contract';

function setup(credentials: Credentials, refresh?: (c: Credentials) => Promise<Credentials>, nowMs = 1_000_000) {
  const saved: Credentials[] = [];
  const calls: Credentials[] = [];
  const tokens = createTokenRefresher('test', {
    credentials,
    now: () => nowMs,
    saveToken: async (c) => {
      saved.push(c);
    },
    ...(refresh
      ? {
          refresh: async (c: Credentials) => {
            calls.push(c);
            await new Promise((resolve) => setTimeout(resolve, 2));
            return refresh(c);
          },
        }
      : {}),
  });
  return { tokens, saved, calls };
}

describe('createTokenRefresher', () => {
  it('uses the stored token while it is more than a minute from expiry', async () => {
    const { tokens, calls } = setup({ accessToken: 'a1', refreshToken: 'r1', expiresAtMs: 1_000_000 + 61_000 }, async () => ({ accessToken: 'a2' }));
    expect(await tokens.accessToken()).toBe('a1');
    expect(calls).toHaveLength(0);
  });

  it('refreshes a token within a minute of expiry, keeping the refresh token Google does not rotate', async () => {
    const { tokens, saved, calls } = setup({ accessToken: 'a1', refreshToken: 'r1', expiresAtMs: 1_000_000 + 59_000 }, async () => ({ accessToken: 'a2', expiresAtMs: 5_000_000 }));
    expect(await tokens.accessToken()).toBe('a2');
    expect(calls).toEqual([{ accessToken: 'a1', refreshToken: 'r1', expiresAtMs: 1_059_000 }]);
    expect(saved).toEqual([{ accessToken: 'a2', refreshToken: 'r1', expiresAtMs: 5_000_000 }]);
  });

  it('runs one refresh for many concurrent callers and stores a rotated refresh token', async () => {
    const { tokens, saved, calls } = setup({ accessToken: 'a1', refreshToken: 'r1' }, async () => ({ accessToken: 'a2', refreshToken: 'r2' }));
    const results = await Promise.all([tokens.refreshRejected('a1'), tokens.refreshRejected('a1'), tokens.accessToken(), tokens.refreshRejected('a1')]);
    expect(results).toEqual(['a2', 'a2', 'a2', 'a2']);
    expect(calls).toHaveLength(1);
    expect(saved).toEqual([{ accessToken: 'a2', refreshToken: 'r2' }]);
    expect(await tokens.refreshRejected('a1')).toBe('a2');
    expect(calls).toHaveLength(1);
    await tokens.refreshRejected('a2');
    expect(calls.at(-1)?.refreshToken).toBe('r2');
  });

  it('reports a failed refresh as an auth error and tries again next time', async () => {
    let fail = true;
    const { tokens, saved } = setup({ accessToken: 'a1', refreshToken: 'r1' }, async () => {
      if (fail) throw new Error('invalid_grant');
      return { accessToken: 'a2' };
    });
    const error = await rejection(tokens.refreshRejected('a1'));
    expect(error).toMatchObject({ provider: 'test', kind: 'auth' });
    expect(error.message).toContain('invalid_grant');
    expect(saved).toHaveLength(0);
    fail = false;
    expect(await tokens.refreshRejected('a1')).toBe('a2');
  });

  it('cannot refresh without a callback or a refresh token', async () => {
    const { tokens } = setup({ accessToken: 'a1', expiresAtMs: 0 });
    expect(tokens.canRefresh()).toBe(false);
    expect(await tokens.accessToken()).toBe('a1');
    expect(await rejection(tokens.refreshRejected('a1'))).toBeInstanceOf(ProviderError);
    const noRefreshToken = setup({ accessToken: 'a1' }, async () => ({ accessToken: 'a2' }));
    expect(noRefreshToken.tokens.canRefresh()).toBe(false);
  });
});
