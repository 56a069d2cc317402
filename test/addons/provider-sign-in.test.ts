/** /app's provider sign-in seam: the buttons offered, and the hand-back in the URL fragment traded once for a token. */
import { describe, expect, it } from 'vitest';
import { completeProviderSignIn, providerMethods, readSignInReturn } from '../../addons/home/sign-in/provider-sign-in';

const CODE = '0123456789abcdef0123456789abcdef';
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function page(hash: string) {
  const replaced: string[] = [];
  return { win: { location: { hash, pathname: '/app', search: '?lang=en' }, history: { replaceState: (_s: unknown, _t: string, url: string) => replaced.push(url) } } as unknown as Window, replaced };
}

describe('provider sign-in on /app', () => {
  it('reads a hand-off code or a failure from the fragment, nothing else', () => {
    expect(readSignInReturn(`#handoff=${CODE}`)).toEqual({ kind: 'code', code: CODE });
    expect(readSignInReturn('#sign-in-error=denied')).toEqual({ kind: 'failed', reason: 'denied' });
    expect(readSignInReturn('#sign-in-error=<script>')).toEqual({ kind: 'failed', reason: 'rejected' });
    expect(readSignInReturn('#handoff=not-a-code')).toBeNull();
    expect(readSignInReturn('')).toBeNull();
  });

  it('offers only the providers the deployment lists, as top-level /auth links', async () => {
    const methods = [
      { id: 'dev', kind: 'email' },
      { id: 'google', kind: 'redirect', startUrl: '/auth/google/start' },
      { id: 'evil', kind: 'redirect', startUrl: 'https://elsewhere.example/login' },
    ];
    expect(await providerMethods(async () => json({ methods }))).toEqual([{ id: 'google', kind: 'redirect', startUrl: '/auth/google/start' }]);
    expect(await providerMethods(async () => json({}, 503))).toEqual([]);
  });

  it('trades the code once and wipes the fragment; a refused code or a failure reads as a failure', async () => {
    const posted: unknown[] = [];
    const ok = page(`#handoff=${CODE}`);
    const result = await completeProviderSignIn(ok.win, async (_url, init) => (posted.push(JSON.parse(String(init?.body))), json({ token: 'our-token' })));
    expect(result).toEqual({ token: 'our-token' });
    expect(posted).toEqual([{ code: CODE }]);
    expect(ok.replaced).toEqual(['/app?lang=en']);

    expect(await completeProviderSignIn(page(`#handoff=${CODE}`).win, async () => json({ status: 401 }, 401))).toEqual({ failed: 'state' });
    expect(await completeProviderSignIn(page('#sign-in-error=not-linked').win, async () => json({}))).toEqual({ failed: 'not-linked' });
    expect(await completeProviderSignIn(page('').win, async () => json({}))).toBeNull();
  });
});
