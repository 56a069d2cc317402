/** HTTP fake of Zoom's in-client OAuth (token endpoint with PKCE plain, `GET /v2/users/me`) and a sealer for Zoom app contexts. */
import { json } from './fake-support';

/** A Zoom user as `GET /v2/users/me` shows them (the fields we read). */
export interface ZoomOAuthUser {
  id: string;
  email: string;
  verified: 0 | 1;
  first_name?: string;
  last_name?: string;
  display_name?: string;
}

type Grant = { user: ZoomOAuthUser; codeVerifier: string; redirectUri: string };
type Endpoint = 'token' | 'me';

/** Zoom's OAuth authority for one app, with the errors it answers. @see https://developers.zoom.us/docs/integrations/oauth/ */
export class ZoomOAuthFake {
  /** Each request as seen: method, URL, headers and body text. */
  readonly requests: { method: string; url: string; headers: Headers; body: string }[] = [];
  private readonly codes = new Map<string, Grant>();
  private readonly tokens = new Map<string, ZoomOAuthUser>();
  private readonly faults = new Map<Endpoint, { status: number; body: unknown }>();
  private counter = 0;

  constructor(
    private readonly clientId: string,
    private readonly clientSecret: string,
  ) {}

  /** The code `zoomSdk.onAuthorized` hands the panel after `authorize({ codeChallenge })`; with `plain`, the challenge is the verifier. */
  authorize(user: ZoomOAuthUser, options: { codeVerifier: string; redirectUri: string }): string {
    const code = `zoom-code-${++this.counter}`;
    this.codes.set(code, { user, ...options });
    return code;
  }

  /** The next request to `endpoint` answers this instead. */
  failNext(endpoint: Endpoint, status: number, body: unknown): void {
    this.faults.set(endpoint, { status, body });
  }

  readonly fetch = async (req: Request): Promise<Response> => {
    const body = req.method === 'GET' ? '' : new TextDecoder().decode(await req.arrayBuffer());
    this.requests.push({ method: req.method, url: req.url, headers: req.headers, body });
    const endpoint: Endpoint | null =
      req.method === 'POST' && req.url === 'https://zoom.us/oauth/token' ? 'token' : req.method === 'GET' && req.url === 'https://api.zoom.us/v2/users/me' ? 'me' : null;
    if (!endpoint) return json(404, { code: 404, message: 'Not found.' });
    const fault = this.faults.get(endpoint);
    if (fault) {
      this.faults.delete(endpoint);
      return json(fault.status, fault.body);
    }
    return endpoint === 'token' ? this.token(req, body) : this.me(req);
  };

  private token(req: Request, body: string): Response {
    if (req.headers.get('authorization') !== `Basic ${btoa(`${this.clientId}:${this.clientSecret}`)}`) return json(401, { reason: 'Invalid client_id or client_secret', error: 'invalid_client' });
    if (!/^application\/x-www-form-urlencoded/.test(req.headers.get('content-type') ?? '')) return json(400, { reason: 'Unsupported content type', error: 'invalid_request' });
    const form = new URLSearchParams(body);
    if (form.get('grant_type') !== 'authorization_code') return json(400, { reason: 'Unsupported grant type', error: 'unsupported_grant_type' });
    const grant = this.codes.get(form.get('code') ?? '');
    if (!grant) return json(400, { reason: 'Invalid authorization code', error: 'invalid_grant' });
    this.codes.delete(form.get('code') ?? '');
    if (form.get('redirect_uri') !== grant.redirectUri) return json(400, { reason: 'Redirect URI mismatch.', error: 'invalid_request' });
    if (form.get('code_verifier') !== grant.codeVerifier) return json(400, { reason: 'Invalid code verifier', error: 'invalid_grant' });
    const accessToken = `zoom-access-${++this.counter}`;
    this.tokens.set(accessToken, grant.user);
    return json(200, { access_token: accessToken, token_type: 'bearer', refresh_token: `zoom-refresh-${this.counter}`, expires_in: 3599, scope: 'user:read' });
  }

  private me(req: Request): Response {
    const user = this.tokens.get(/^Bearer (\S+)$/.exec(req.headers.get('authorization') ?? '')?.[1] ?? '');
    if (!user) return json(401, { code: 124, message: 'Invalid access token.' });
    return json(200, { ...user, account_id: 'zoom-account-1', type: 1, status: 'active' });
  }
}

/**
 * Seals an app context as Zoom does: AES-256-GCM under SHA-256(client secret), laid out as `[1 byte iv length][iv][2 bytes LE aad
 * length][aad][4 bytes LE ciphertext length][ciphertext][16-byte tag]`, base64.
 * @see https://github.com/zoom/zoomapps-advancedsample-react/blob/main/backend/util/zoom-helpers.js
 */
export async function sealZoomAppContext(context: Record<string, unknown>, clientSecret: string, aad = new TextEncoder().encode('zoom-app-context')): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', await crypto.subtle.digest('SHA-256', encoder.encode(clientSecret)), 'AES-GCM', false, ['encrypt']);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad, tagLength: 128 }, key, encoder.encode(JSON.stringify(context))));
  const ciphertext = sealed.subarray(0, sealed.length - 16);
  const out = new Uint8Array(1 + iv.length + 2 + aad.length + 4 + sealed.length);
  const view = new DataView(out.buffer);
  let at = 0;
  out[at++] = iv.length;
  out.set(iv, at);
  at += iv.length;
  view.setUint16(at, aad.length, true);
  out.set(aad, (at += 2));
  at += aad.length;
  view.setUint32(at, ciphertext.length, true);
  out.set(sealed, (at += 4));
  return btoa(String.fromCharCode(...out));
}
