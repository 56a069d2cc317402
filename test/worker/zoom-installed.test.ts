// The page a Zoom Marketplace install ends on in a web browser: next steps, a deep link back into Zoom, never framed.
import { createExecutionContext, env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker from '../../worker/index';

const open = (path: string, bindings: Record<string, string | undefined>, lang = 'nl-NL') =>
  worker.fetch(new Request(`http://localhost:8787${path}`, { headers: { 'accept-language': lang } }), { ...env, ...bindings }, createExecutionContext());

describe('Zoom install landing page', () => {
  it('explains the next step and deep-links into the Zoom client, with the four headers Zoom requires', async () => {
    const res = await open('/zoom/installed?code=obtained-at-install', { ZOOM_CLIENT_ID: 'zoom-app-client' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('href="https://marketplace.zoom.us/zoomapp/zoom-app-client/context/meeting/target/launch/deeplink"');
    expect(html).toContain('Open in Zoom');
    expect(html).toMatch(/<html lang="nl"/);
    expect(html).not.toContain('obtained-at-install');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    for (const header of ['strict-transport-security', 'x-content-type-options', 'referrer-policy']) expect(res.headers.get(header), header).toBeTruthy();
    expect(await (await open('/zoom/installed', { ZOOM_CLIENT_ID: 'zoom-app-client' }, 'en-GB')).text()).toContain('The app has been added to your Zoom account.');
  });

  it('answers 404 when no Zoom app is configured', async () => {
    expect((await open('/zoom/installed', { ZOOM_CLIENT_ID: undefined })).status).toBe(404);
  });
});
