/** The host panel pages inside workerd: the Meet page exists only with its settings, and the boot data is escaped into the HTML. */
import { createExecutionContext, env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker from '../../worker/index';
import { call } from './helpers';

/** Renders a page with some bindings replaced (the test defaults have Google's client id but no Meet project number). */
async function pageWith(overrides: Record<string, string | undefined>, path: string) {
  const res = await worker.fetch(new Request(`http://localhost:8787${path}`), { ...env, ...overrides }, createExecutionContext());
  return { status: res.status, html: await res.text(), headers: res.headers };
}

describe('host panel pages', () => {
  it('/panel/meet answers 404 while the Meet add-on is not configured, as other unconfigured hosts do', async () => {
    expect((await call('GET', '/panel/meet')).status).toBe(404);
    expect((await pageWith({ GOOGLE_CLOUD_PROJECT_NUMBER: '123456789012', GOOGLE_CLIENT_ID: undefined }, '/panel/meet')).status).toBe(404);
  });

  it('/panel/meet hands the bundle its settings as escaped data attributes', async () => {
    const r = await pageWith({ GOOGLE_CLOUD_PROJECT_NUMBER: '123456789012', GOOGLE_CLIENT_ID: 'web"client<x>.apps.googleusercontent.com' }, '/panel/meet');
    expect(r.status).toBe(200);
    expect(r.html).toContain('<div id="app" data-cloud-project="123456789012" data-google-client="web&quot;client&lt;x&gt;.apps.googleusercontent.com">');
    expect(r.headers.get('set-cookie')).toBeNull();
  });

  it('/panel/teams and /panel/zoom need no settings of their own to render', async () => {
    for (const host of ['teams', 'zoom']) {
      const r = await call('GET', `/panel/${host}`);
      expect(r.status, host).toBe(200);
      expect(r.headers.get('content-security-policy'), host).toMatch(/frame-ancestors [^;]*https:\/\//);
    }
  });
});
