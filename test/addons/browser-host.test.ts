/** The plain-browser host: a token or a single-use hand-off code from the URL fragment, never left in the address bar. */
import { describe, expect, it } from 'vitest';
import { createBrowserHost } from '../../addons/hosts/browser/browser-host';

function fakeWindow(href: string, answer: (body: unknown) => Response) {
  const replaced: string[] = [];
  const requests: { url: string; body: unknown }[] = [];
  const session = new Map<string, string>();
  const win = {
    location: { href },
    history: { replaceState: (_s: unknown, _t: string, url: string) => replaced.push(url) },
    sessionStorage: { getItem: (k: string) => session.get(k) ?? null, setItem: (k: string, v: string) => session.set(k, v) },
    localStorage: { getItem: () => null, setItem: () => {}, removeItem: () => {} },
    matchMedia: () => ({ matches: false, addEventListener: () => {}, removeEventListener: () => {} }),
    fetch: async (url: string, init: { body: string }) => {
      const body = JSON.parse(init.body);
      requests.push({ url, body });
      return answer(body);
    },
  };
  return { win: win as unknown as Window, replaced, requests, session };
}

describe('browser host', () => {
  it('exchanges a hand-off code once for a token and clears the fragment', async () => {
    const w = fakeWindow('https://coach.example.org/panel?session=s-1#handoff=0123456789abcdef0123456789abcdef', () => Response.json({ token: 'coach-token' }));
    const host = createBrowserHost(w.win);
    expect(w.replaced).toEqual(['/panel?session=s-1']);
    expect(host.bearerToken()).toBeNull();
    await host.start?.();
    expect(w.requests).toEqual([{ url: '/api/auth/handoff', body: { code: '0123456789abcdef0123456789abcdef' } }]);
    expect(host.bearerToken()).toBe('coach-token');
    expect(w.session.get('coaching:token')).toBe('coach-token');
  });

  it('stays signed out when the code is refused, and sends nothing without a code', async () => {
    const refused = fakeWindow('https://coach.example.org/panel?session=s-1#handoff=used', () => Response.json({ status: 401 }, { status: 401 }));
    const host = createBrowserHost(refused.win);
    await host.start?.();
    expect(host.bearerToken()).toBeNull();

    const plain = fakeWindow('https://coach.example.org/panel?session=s-1#token=abc', () => Response.json({}));
    const withToken = createBrowserHost(plain.win);
    await withToken.start?.();
    expect(plain.requests).toEqual([]);
    expect(withToken.bearerToken()).toBe('abc');
    expect(plain.replaced).toEqual(['/panel?session=s-1']);
  });
});
