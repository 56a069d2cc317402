/** HTTP fake of the vendors' consent flows: Google, Microsoft Entra and Zoom authorization (consent page), token (code + PKCE S256, refresh) and revocation endpoints, with ID tokens signed by a test key. */
import { json } from './fake-support';
import type { FakeOAuth } from './fake-support';
import type { SigningKey } from './identity-providers';

export type Vendor = 'google' | 'microsoft' | 'zoom';

/** The person on the vendor's consent page. */
export type ConsentUser = {
  /** Google `sub`, Entra `oid`, Zoom user id. */
  id: string;
  email: string;
  name: string;
  /** Google: the Workspace domain that manages the account. */
  hd?: string;
  /** Entra: the tenant. */
  tid?: string;
};

/** What the coach does on the consent page. */
export type ConsentChoice = { deny?: boolean; untick?: string[] };

const AUTHORIZE: Record<Vendor, RegExp> = {
  google: /^https:\/\/accounts\.google\.com\/o\/oauth2\/v2\/auth$/,
  microsoft: /^https:\/\/login\.microsoftonline\.com\/[^/]+\/oauth2\/v2\.0\/authorize$/,
  zoom: /^https:\/\/zoom\.us\/oauth\/authorize$/,
};
const TOKEN: Record<Vendor, RegExp> = {
  google: /^https:\/\/oauth2\.googleapis\.com\/token$/,
  microsoft: /^https:\/\/login\.microsoftonline\.com\/[^/]+\/oauth2\/v2\.0\/token$/,
  zoom: /^https:\/\/zoom\.us\/oauth\/token$/,
};
const REVOKE: Partial<Record<Vendor, string>> = { google: 'https://oauth2.googleapis.com/revoke', zoom: 'https://zoom.us/oauth/revoke' };
const JWKS: Partial<Record<Vendor, string>> = { google: 'https://www.googleapis.com/oauth2/v3/certs', microsoft: 'https://login.microsoftonline.com/common/discovery/v2.0/keys' };
/** The scopes the Zoom app was given in the Marketplace (Zoom grants those, whatever the request names). */
const ZOOM_APP_SCOPES = ['user:read:user', 'meeting:write:meeting', 'meeting:read:meeting', 'meeting:update:meeting', 'meeting:delete:meeting'];

type Issued = { clientId: string; redirectUri: string; challenge: string; nonce: string | null; scopes: string[]; user: ConsentUser };

const b64url = (bytes: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/**
 * One vendor's authorization server. `consent` plays the browser on the consent page and answers where the vendor redirects
 * it; `fetch` serves the token endpoint (authorization code with PKCE S256, the client as the vendor wants it: Google and
 * Microsoft in the form, Zoom as HTTP Basic; the refresh grant goes to the `FakeOAuth` the calendar fakes use, so refreshed
 * and rotated tokens are the ones the calendar API accepts), the revocation endpoint (Google, Zoom; RFC 7009), the signing
 * keys, and Zoom's `GET /v2/users/me`.
 * @see https://developers.google.com/identity/protocols/oauth2/web-server
 * @see https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow
 * @see https://developers.zoom.us/docs/integrations/oauth/
 */
export class ConsentServerFake {
  readonly requests: { method: string; url: string; form: URLSearchParams; authorization: string | null }[] = [];
  readonly revoked: string[] = [];
  private readonly codes = new Map<string, Issued>();
  private readonly users = new Map<string, ConsentUser>();
  /** Scopes each user granted this client so far (Google's incremental authorization adds them with include_granted_scopes). */
  private readonly granted = new Map<string, Set<string>>();
  /** Google issues ID tokens under either spelling of its issuer; `accounts.google.com` when this is set. */
  shortIssuer = false;

  constructor(
    readonly vendor: Vendor,
    readonly tokens: FakeOAuth,
    private readonly key: SigningKey,
  ) {}

  get client() {
    return this.tokens.client;
  }

  /** The coach on the consent page of `authorizeUrl`: answers the redirect back (a code, or `error=access_denied`). */
  consent(authorizeUrl: string, user: ConsentUser, choice: ConsentChoice = {}): string {
    const url = new URL(authorizeUrl);
    if (!AUTHORIZE[this.vendor].test(`${url.origin}${url.pathname}`)) throw new Error(`not ${this.vendor}'s authorization endpoint: ${authorizeUrl}`);
    const q = url.searchParams;
    if (q.get('client_id') !== this.client.clientId) throw new Error('unknown client_id: the vendor shows an error page');
    if (q.get('response_type') !== 'code' || q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge') || !q.get('redirect_uri')) {
      throw new Error('invalid_request: code flow with PKCE S256 and a redirect_uri expected');
    }
    const back = new URL(q.get('redirect_uri')!);
    const state = q.get('state');
    if (state) back.searchParams.set('state', state);
    if (choice.deny) {
      back.searchParams.set('error', 'access_denied');
      if (this.vendor !== 'zoom') back.searchParams.set('error_description', 'The user denied access.');
      return back.toString();
    }
    const asked = (q.get('scope') ?? '').split(' ').filter(Boolean);
    const ticked = this.vendor === 'zoom' ? ZOOM_APP_SCOPES : asked.filter((s) => !(choice.untick ?? []).includes(s));
    const before = this.granted.get(user.id) ?? new Set<string>();
    const scopes = this.vendor === 'google' && q.get('include_granted_scopes') === 'true' ? [...new Set([...before, ...ticked])] : ticked;
    this.granted.set(user.id, new Set([...before, ...ticked]));
    const code = `${this.vendor}-code-${crypto.randomUUID()}`;
    this.codes.set(code, { clientId: q.get('client_id')!, redirectUri: q.get('redirect_uri')!, challenge: q.get('code_challenge')!, nonce: q.get('nonce'), scopes, user });
    back.searchParams.set('code', code);
    if (this.vendor === 'google') back.searchParams.set('scope', scopes.join(' '));
    return back.toString();
  }

  readonly fetch = async (req: Request): Promise<Response> => {
    const url = `${new URL(req.url).origin}${new URL(req.url).pathname}`;
    const text = req.method === 'POST' ? await req.text() : '';
    const form = new URLSearchParams(text);
    this.requests.push({ method: req.method, url: req.url, form, authorization: req.headers.get('authorization') });
    if (req.method === 'GET' && url === JWKS[this.vendor]) return json(200, { keys: [this.key.publicJwk] });
    if (this.vendor === 'zoom' && req.method === 'GET' && url === 'https://api.zoom.us/v2/users/me') return this.zoomMe(req);
    if (req.method === 'POST' && url === REVOKE[this.vendor]) return this.revoke(req, form);
    if (req.method === 'POST' && TOKEN[this.vendor].test(url)) {
      if (form.get('grant_type') === 'refresh_token') return this.tokens.token(new Request(req.url, { method: 'POST', headers: req.headers, body: text }));
      return this.exchange(req, form);
    }
    return json(404, { error: 'not served by this fake' });
  };

  private clientOf(req: Request, form: URLSearchParams): { clientId: string; clientSecret: string } | null {
    if (this.vendor === 'zoom') {
      const basic = /^Basic (\S+)$/.exec(req.headers.get('authorization') ?? '')?.[1];
      // RFC 6749 §2.3.1: id and secret are form-urlencoded before they are joined and base64-encoded.
      const [clientId, clientSecret] = basic ? atob(basic).split(':').map((part) => decodeURIComponent(part.replace(/\+/g, ' '))) : [];
      return clientId && clientSecret ? { clientId, clientSecret } : null;
    }
    return { clientId: form.get('client_id') ?? '', clientSecret: form.get('client_secret') ?? '' };
  }

  private async exchange(req: Request, form: URLSearchParams): Promise<Response> {
    const refuse = (error: string, description: string) => json(400, this.vendor === 'zoom' ? { reason: description, error } : { error, error_description: description });
    const client = this.clientOf(req, form);
    if (client?.clientId !== this.client.clientId || client.clientSecret !== this.client.clientSecret) return json(401, { error: 'invalid_client', error_description: 'client authentication failed' });
    if (form.get('grant_type') !== 'authorization_code') return refuse('unsupported_grant_type', 'grant_type');
    const code = form.get('code') ?? '';
    const issued = this.codes.get(code);
    this.codes.delete(code); // single use, also when the rest fails
    if (!issued) return refuse('invalid_grant', 'Malformed auth code or already used.');
    if (form.get('redirect_uri') !== issued.redirectUri) return refuse('invalid_grant', 'redirect_uri_mismatch');
    const challenge = b64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(form.get('code_verifier') ?? '')));
    if (challenge !== issued.challenge) return refuse('invalid_grant', 'Invalid code verifier.');
    const grant = this.tokens.grant();
    this.users.set(grant.accessToken, issued.user);
    const body: Record<string, unknown> = {
      access_token: grant.accessToken,
      token_type: this.vendor === 'zoom' ? 'bearer' : 'Bearer',
      expires_in: 3599,
      scope: issued.scopes.join(' '),
      ...(this.vendor === 'google' && !issued.scopes.some((s) => s.includes('calendar')) ? {} : { refresh_token: grant.refreshToken }),
    };
    if (issued.scopes.includes('openid')) body.id_token = await this.idToken(issued);
    return json(200, body);
  }

  private idToken(issued: Issued): Promise<string> {
    const u = issued.user;
    if (this.vendor === 'google') {
      return this.key.sign({ iss: this.shortIssuer ? 'accounts.google.com' : 'https://accounts.google.com', aud: issued.clientId, azp: issued.clientId, sub: u.id, email: u.email, email_verified: true, name: u.name, ...(u.hd ? { hd: u.hd } : {}), ...(issued.nonce ? { nonce: issued.nonce } : {}) });
    }
    const tid = u.tid ?? '72f988bf-86f1-41af-91ab-2d7cd011db47';
    // With the optional `upn` claim the app registration asks for (Entra adds it to ID tokens only when configured).
    return this.key.sign({ iss: `https://login.microsoftonline.com/${tid}/v2.0`, aud: issued.clientId, sub: `pairwise-${u.id}`, tid, oid: u.id, preferred_username: u.email, upn: u.email, name: u.name, ver: '2.0', ...(issued.nonce ? { nonce: issued.nonce } : {}) });
  }

  private revoke(req: Request, form: URLSearchParams): Response {
    if (this.vendor === 'zoom') {
      const client = this.clientOf(req, form);
      if (client?.clientId !== this.client.clientId || client.clientSecret !== this.client.clientSecret) return json(401, { reason: 'Invalid client_id or client_secret', error: 'invalid_client' });
    }
    const token = form.get('token') ?? '';
    if (!this.tokens.revokeRefreshToken(token) && !this.tokens.issued(token)) return json(400, { error: 'invalid_token' });
    this.revoked.push(token);
    return this.vendor === 'zoom' ? json(200, { status: 'success' }) : new Response(null, { status: 200 });
  }

  private zoomMe(req: Request): Response {
    const bearer = /^Bearer (\S+)$/.exec(req.headers.get('authorization') ?? '')?.[1] ?? '';
    const user = this.users.get(bearer);
    if (!user) return json(401, { code: 124, message: 'Invalid access token.' });
    const [first, ...rest] = user.name.split(' ');
    return json(200, { id: user.id, email: user.email, first_name: first, last_name: rest.join(' '), display_name: user.name, verified: 1, type: 1 });
  }
}
