/** Test support for the consent flows: the vendors' authorization servers as fakes, the Worker with their clients configured, and a browser's cookie jar. */
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { setHostIdentityFetch } from '../../worker/auth/host-identity/outbound';
import type { Env } from '../../worker/env';
import worker from '../../worker/index';
import { GoogleCalendarFake } from '../fakes/google-calendar';
import { SigningKey } from '../fakes/identity-providers';
import { MicrosoftGraphFake } from '../fakes/microsoft-graph';
import { ConsentServerFake } from '../fakes/oauth-consent';
import { ZoomFake } from '../fakes/zoom';

const BASE = 'http://localhost:8787';

/** The three vendors (calendar API fakes and their consent servers, sharing one token authority each) and the Worker's bindings with their clients. */
export async function vendors() {
  const google = new GoogleCalendarFake();
  const graph = new MicrosoftGraphFake();
  const zoom = new ZoomFake();
  const consent = {
    google: new ConsentServerFake('google', google.auth, await SigningKey.create('google-key-1')),
    microsoft: new ConsentServerFake('microsoft', graph.auth, await SigningKey.create('entra-key-1', { publishAlg: false })),
    zoom: new ConsentServerFake('zoom', zoom.auth, await SigningKey.create('zoom-unused')),
  };
  const byHost = (req: Request) => {
    const host = new URL(req.url).hostname;
    if (host.endsWith('google.com') || host.endsWith('googleapis.com')) return consent.google;
    if (host === 'login.microsoftonline.com') return consent.microsoft;
    return consent.zoom;
  };
  setHostIdentityFetch((req) => byHost(req).fetch(req));
  const bindings: Env = {
    ...env,
    GOOGLE_CLIENT_ID: google.auth.client.clientId,
    GOOGLE_CLIENT_SECRET: google.auth.client.clientSecret,
    MS_CLIENT_ID: graph.auth.client.clientId,
    MS_CLIENT_SECRET: graph.auth.client.clientSecret,
    ZOOM_CLIENT_ID: zoom.auth.client.clientId,
    ZOOM_CLIENT_SECRET: zoom.auth.client.clientSecret,
  };
  return { google, graph, zoom, consent, bindings };
}

/** One browser: requests through the Worker's fetch handler with `bindings`, keeping the cookies the Worker sets. */
export function browser(bindings: Env) {
  const jar = new Map<string, string>();
  return {
    jar,
    async open(url: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<Response> {
      const headers: Record<string, string> = {};
      if (jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
      if (init.token) headers.authorization = `Bearer ${init.token}`;
      if (init.body !== undefined) headers['content-type'] = 'application/json';
      const ctx = createExecutionContext();
      const res = await worker.fetch(
        new Request(url.startsWith('http') ? url : BASE + url, { method: init.method ?? 'GET', headers, redirect: 'manual', ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }) }),
        bindings,
        ctx,
      );
      await waitOnExecutionContext(ctx);
      // The Worker sets at most one cookie per response (the flow binding).
      const cookie = res.headers.get('set-cookie');
      if (cookie) {
        const [pair] = cookie.split(';');
        const eq = pair!.indexOf('=');
        jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
      }
      return res;
    },
  };
}

export const location = (res: Response) => res.headers.get('location') ?? '';
export const forget = () => setHostIdentityFetch(null);
