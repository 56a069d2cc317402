/** Host sign-in for Teams and Google: tokens signed with test RSA keys, verified by the worker against a served JWKS; linking to coaches. */
import { createExecutionContext, env } from 'cloudflare:test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setHostIdentityFetch } from '../../worker/auth/host-identity/outbound';
import worker from '../../worker/index';
import { IdentityProvidersFake, SigningKey } from '../fakes/identity-providers';
import { call, expectProblem, signIn } from './helpers';

const ALLOWED_TENANT = '11111111-1111-4111-8111-111111111111';
const OTHER_TENANT = '33333333-3333-4333-8333-333333333333';
/** The Teams desktop/mobile client, which asks Entra for our SSO token. */
const TEAMS_CLIENT = '1fec8e78-bce4-4aaf-ab1b-5451cc387264';
const nowSeconds = () => Math.floor(Date.now() / 1000);

let idp: IdentityProvidersFake;
beforeAll(async () => {
  idp = await IdentityProvidersFake.create();
  setHostIdentityFetch(idp.fetch);
});
afterAll(() => setHostIdentityFetch(null));

const newEmail = (who = 'coach') => `${who}-${crypto.randomUUID().slice(0, 8)}@Praktijk.example.nl`;

/** Claims of a v2.0 Teams SSO token for a member of `tid`, with the optional `upn` claim the app registration asks for. */
function teamsV2(overrides: Record<string, unknown> = {}) {
  const tid = (overrides.tid as string | undefined) ?? ALLOWED_TENANT;
  const email = newEmail();
  return { iss: `https://login.microsoftonline.com/${tid}/v2.0`, aud: env.TEAMS_CLIENT_ID, tid, oid: crypto.randomUUID(), scp: 'access_as_user', ver: '2.0', azp: TEAMS_CLIENT, name: 'Mila Jansen', preferred_username: email, upn: email, ...overrides };
}

/** Claims of a v1.0 Teams SSO token (the default when the app manifest sets no accessTokenAcceptedVersion). */
function teamsV1(overrides: Record<string, unknown> = {}) {
  const email = newEmail();
  return { iss: `https://sts.windows.net/${ALLOWED_TENANT}/`, aud: env.TEAMS_APP_ID_URI, tid: ALLOWED_TENANT, oid: crypto.randomUUID(), scp: 'access_as_user', ver: '1.0', appid: TEAMS_CLIENT, name: 'Daan de Boer', upn: email, unique_name: email, ...overrides };
}

/** Claims of a Google ID token for an account managed by the Google Workspace of praktijk.example.nl (`hd`), so its address counts. */
function googleClaims(overrides: Record<string, unknown> = {}) {
  return { iss: 'https://accounts.google.com', aud: env.GOOGLE_CLIENT_ID, azp: env.GOOGLE_CLIENT_ID, sub: String(100_000_000_000 + Math.floor(Math.random() * 1e9)), email: newEmail('meet'), email_verified: true, hd: 'praktijk.example.nl', name: 'Noor Bakker', ...overrides };
}

const teams = (ssoToken: string) => call('POST', '/api/auth/teams', { body: { ssoToken } });
const google = (idToken: string) => call('POST', '/api/auth/google', { body: { idToken } });
const me = async (token: string) => (await call('GET', '/api/me', { token })).body;
const identityRows = (coachId: string) =>
  env.DB.prepare('SELECT host, subject, email FROM coach_identities WHERE coach_id = ?1 ORDER BY host, subject').bind(coachId).all<{ host: string; subject: string; email: string | null }>();

/** Calls the worker's fetch handler with some bindings replaced, for configurations other than the test defaults. */
async function callWith(overrides: Record<string, string | undefined>, path: string, body: unknown) {
  const request = new Request(`http://localhost:8787${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const res = await worker.fetch(request, { ...env, ...overrides }, createExecutionContext());
  return { status: res.status, body: await res.json<any>(), headers: res.headers };
}

describe('Teams SSO token', () => {
  it('a valid v2.0 token signs in, creating the coach with the verified address, and the keys come from Entra', async () => {
    const claims = teamsV2();
    const r = await teams(await idp.entra.sign(claims));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const coach = await me(r.body.token);
    expect(coach).toMatchObject({ email: (claims.preferred_username as string).toLowerCase(), name: 'Mila Jansen' });
    expect((await identityRows(coach.id)).results).toEqual([{ host: 'teams', subject: `${ALLOWED_TENANT}:${claims.oid}`, email: coach.email }]);
    expect(idp.requests).toContain('GET https://login.microsoftonline.com/common/discovery/v2.0/keys');
  });

  it('a valid v1.0 token (sts.windows.net issuer, Application ID URI audience, upn) signs in', async () => {
    const claims = teamsV1();
    const r = await teams(await idp.entra.sign(claims));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect((await me(r.body.token)).email).toBe((claims.upn as string).toLowerCase());
  });

  it.each([
    ['another app as audience', () => teamsV2({ aud: '0e9d8c7b-6a5f-4e4d-8c3b-2a1f0e9d8c7b' })],
    ['an issuer for another tenant than tid', () => teamsV2({ iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` })],
    ['an issuer that is not Entra', () => teamsV2({ iss: `https://login.example.com/${ALLOWED_TENANT}/v2.0` })],
    ['an expired token', () => teamsV2({ iat: nowSeconds() - 7200, exp: nowSeconds() - 600 })],
    ['no access_as_user scope', () => teamsV2({ scp: 'User.Read openid' })],
    ['a tenant outside the allow-list', () => teamsV2({ tid: OTHER_TENANT })],
    ['no object id', () => teamsV2({ oid: undefined })],
  ])('rejects %s with 401 naming ssoToken', async (_, claims) => {
    const payload = claims();
    expectProblem(await teams(await idp.entra.sign(payload)), 401, 'ssoToken');
    expect(await env.DB.prepare('SELECT COUNT(*) AS n FROM coaches WHERE email = ?1').bind(String(payload.preferred_username).toLowerCase()).first('n')).toBe(0);
  });

  it('rejects a token signed by a key Entra does not publish, under a known or an unknown key id', async () => {
    const forger = await SigningKey.create('entra-key-1');
    expectProblem(await teams(await forger.sign(teamsV2())), 401, 'ssoToken');
    expectProblem(await teams(await forger.sign(teamsV2(), 'entra-key-2')), 401, 'ssoToken');
  });

  it('accepts RS256 only: a genuine signature by the key Entra publishes (without alg, as Entra does) under RS512 or PS256 is refused', async () => {
    expect(idp.entra.publicJwk.alg).toBeUndefined();
    for (const alg of ['RS512', 'PS256']) {
      const r = await teams(await idp.entra.signWithAlgorithm(alg, teamsV2()));
      expectProblem(r, 401, 'ssoToken');
      expect(r.body.detail, alg).toBe('ssoToken: uses a signing algorithm we do not accept');
    }
  });

  it('rejects an HMAC-signed token and a malformed one', async () => {
    // jose never resolves a secret algorithm from a key set, so HS256 is refused with or without our RS256-only list (the
    // test above is the one that needs it); what matters here is that it is refused for its algorithm, not later.
    const { SignJWT } = await import('jose');
    const hmac = await new SignJWT(teamsV2()).setProtectedHeader({ alg: 'HS256', kid: 'entra-key-1' }).sign(new TextEncoder().encode('a-shared-secret-of-32-bytes-long!'));
    const refused = await teams(hmac);
    expectProblem(refused, 401, 'ssoToken');
    expect(refused.body.detail).toBe('ssoToken: uses a signing algorithm we do not accept');
    expectProblem(await teams('not.a.jwt'), 401, 'ssoToken');
    expectProblem(await teams('no-dots-at-all'), 422, 'ssoToken');
    expectProblem(await call('POST', '/api/auth/teams', { body: { ssoToken: await idp.entra.sign(teamsV2()), extra: 1 } }), 422, 'extra');
  });

  it('links a guest only by an e-mail whose domain owner Entra verified (no nOAuth takeover)', async () => {
    const victim = newEmail('victim').toLowerCase();
    const victimToken = await signIn(victim);
    const guest = teamsV2({ preferred_username: victim, email: victim, idp: 'https://sts.windows.net/44444444-4444-4444-8444-444444444444/' });
    const r = await teams(await idp.entra.sign(guest));
    expectProblem(r, 401, 'ssoToken');
    expect(r.body.type).toBe('/problems/identity-not-linked');

    const verified = await teams(await idp.entra.sign({ ...guest, xms_edov: true }));
    expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    expect((await me(verified.body.token)).id).toBe((await me(victimToken)).id);
  });

  it('treats preferred_username like any unverified address: it neither joins nor creates a coach', async () => {
    const victim = newEmail('victim').toLowerCase();
    const victimToken = await signIn(victim);
    const claims = teamsV2({ preferred_username: victim, upn: undefined });
    const r = await teams(await idp.entra.sign(claims));
    expectProblem(r, 401, 'ssoToken');
    expect(r.body.type).toBe('/problems/identity-not-linked');
    const fresh = newEmail('fresh');
    expectProblem(await teams(await idp.entra.sign(teamsV2({ preferred_username: fresh, upn: undefined }))), 401, 'ssoToken');
    expect(await env.DB.prepare('SELECT COUNT(*) AS n FROM coaches WHERE email = ?1').bind(fresh.toLowerCase()).first('n')).toBe(0);
    // The same address in `email` counts once Entra says its domain owner was verified.
    const verified = await teams(await idp.entra.sign({ ...claims, email: victim, xms_edov: true }));
    expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    expect((await me(verified.body.token)).id).toBe((await me(victimToken)).id);
  });

  it('without TEAMS_APP_ID_URI a v1.0 token for api://<our host>/<client id> is accepted, one for another host is not', async () => {
    const ours = await callWith({ TEAMS_APP_ID_URI: undefined }, '/api/auth/teams', { ssoToken: await idp.entra.sign(teamsV1({ aud: `api://localhost:8787/${env.TEAMS_CLIENT_ID}` })) });
    expect(ours.status, JSON.stringify(ours.body)).toBe(200);
    const theirs = await callWith({ TEAMS_APP_ID_URI: undefined }, '/api/auth/teams', { ssoToken: await idp.entra.sign(teamsV1({ aud: `api://elsewhere.example/${env.TEAMS_CLIENT_ID}` })) });
    expect(theirs.status).toBe(401);
    expect(theirs.body.errors[0].field).toBe('ssoToken');
  });

  it('lets any tenant in when the allow-list is empty', async () => {
    const r = await callWith({ TEAMS_ALLOWED_TENANTS: '' }, '/api/auth/teams', { ssoToken: await idp.entra.sign(teamsV2({ tid: OTHER_TENANT })) });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  });
});

describe('Google ID token', () => {
  it('a valid token signs in under either issuer spelling, as the same coach', async () => {
    const claims = googleClaims();
    const first = await google(await idp.google.sign(claims));
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const coach = await me(first.body.token);
    expect(coach).toMatchObject({ email: claims.email.toLowerCase(), name: 'Noor Bakker' });
    const again = await google(await idp.google.sign({ ...claims, iss: 'accounts.google.com' }));
    expect((await me(again.body.token)).id).toBe(coach.id);
    expect(idp.requests).toContain('GET https://www.googleapis.com/oauth2/v3/certs');
  });

  it.each([
    ['an unverified e-mail', () => googleClaims({ email_verified: false })],
    ['another client as audience', () => googleClaims({ aud: 'someone-else.apps.googleusercontent.com' })],
    ['another issuer', () => googleClaims({ iss: 'https://accounts.example.com' })],
    ['an expired token', () => googleClaims({ iat: nowSeconds() - 7200, exp: nowSeconds() - 600 })],
  ])('rejects %s with 401 naming idToken', async (_, claims) => {
    const payload = claims();
    expectProblem(await google(await idp.google.sign(payload)), 401, 'idToken');
    expect(await env.DB.prepare('SELECT COUNT(*) AS n FROM coaches WHERE email = ?1').bind(payload.email.toLowerCase()).first('n')).toBe(0);
  });

  it('rejects a token signed with the Entra key', async () => {
    expectProblem(await google(await idp.entra.sign(googleClaims(), 'google-key-1')), 401, 'idToken');
  });
});

describe('Google e-mail authority', () => {
  const coachCount = (email: string) => env.DB.prepare('SELECT COUNT(*) AS n FROM coaches WHERE email = ?1').bind(email.toLowerCase()).first('n');

  it('does not link by a verified non-Gmail address without hd: a former owner of the address cannot take over its coach', async () => {
    const email = newEmail('owner').toLowerCase();
    const coach = await me(await signIn(email));
    const r = await google(await idp.google.sign(googleClaims({ email, hd: undefined })));
    expectProblem(r, 401, 'idToken');
    expect(r.body.type).toBe('/problems/identity-not-linked');
    expect(r.body.detail).toMatch(/Google cannot vouch.*Sign in with a Gmail or Google Workspace account, or use the panel in Teams or Zoom/);
    expect((await identityRows(coach.id)).results).toEqual([]);
  });

  it("does not create a coach for such an address either, nor for one outside the account's own Workspace domain", async () => {
    for (const claims of [googleClaims({ hd: undefined }), googleClaims({ hd: 'other.example.nl' }), googleClaims({ email: 'coach@gmail.com.example.nl', hd: undefined })]) {
      const r = await google(await idp.google.sign(claims));
      expectProblem(r, 401, 'idToken');
      expect(r.body.type).toBe('/problems/identity-not-linked');
      expect(await coachCount(claims.email)).toBe(0);
      expect(await env.DB.prepare("SELECT COUNT(*) AS n FROM coach_identities WHERE host = 'google' AND subject = ?1").bind(claims.sub).first('n')).toBe(0);
    }
  });

  it('links by an address in the domain that manages the account (hd), whatever the letter case', async () => {
    const email = newEmail('workspace');
    const coach = await me(await signIn(email.toLowerCase()));
    const claims = googleClaims({ email, hd: 'PRAKTIJK.example.nl' });
    const r = await google(await idp.google.sign(claims));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect((await me(r.body.token)).id).toBe(coach.id);
    expect((await identityRows(coach.id)).results).toEqual([{ host: 'google', subject: claims.sub, email: coach.email }]);
  });

  it('links and creates by a Gmail or Googlemail address without hd', async () => {
    const existing = `noor.${crypto.randomUUID().slice(0, 8)}@gmail.com`;
    const coach = await me(await signIn(existing));
    const linked = await google(await idp.google.sign(googleClaims({ email: existing, hd: undefined })));
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    expect((await me(linked.body.token)).id).toBe(coach.id);

    const fresh = `sem.${crypto.randomUUID().slice(0, 8)}@GoogleMail.com`;
    const created = await google(await idp.google.sign(googleClaims({ email: fresh, hd: undefined })));
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect((await me(created.body.token)).email).toBe(fresh.toLowerCase());
  });

  it('an account linked earlier keeps signing in by its subject, whatever address it reports now', async () => {
    const claims = googleClaims();
    const first = await google(await idp.google.sign(claims));
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const later = await google(await idp.google.sign({ ...claims, email: newEmail('moved'), hd: undefined }));
    expect(later.status, JSON.stringify(later.body)).toBe(200);
    expect((await me(later.body.token)).id).toBe((await me(first.body.token)).id);
  });
});

describe('linking host identities to coaches', () => {
  it('links the first sign-in by e-mail, later ones by subject, and other hosts by the same e-mail', async () => {
    const email = newEmail('linked');
    const devCoach = await me(await signIn(email.toLowerCase()));
    const other = await me(await signIn(newEmail('other').toLowerCase()));

    const claims = teamsV2({ preferred_username: email, upn: email });
    const first = await teams(await idp.entra.sign(claims));
    expect((await me(first.body.token)).id).toBe(devCoach.id);

    // The same Entra user now reports the other coach's address: the link holds, nothing moves.
    const renamed = await teams(await idp.entra.sign({ ...claims, preferred_username: other.email, upn: other.email }));
    expect((await me(renamed.body.token)).id).toBe(devCoach.id);
    const fresh = newEmail('fresh').toLowerCase();
    const renamedAgain = await teams(await idp.entra.sign({ ...claims, preferred_username: fresh, upn: fresh }));
    expect((await me(renamedAgain.body.token)).id).toBe(devCoach.id);
    expect(await env.DB.prepare('SELECT COUNT(*) AS n FROM coaches WHERE email = ?1').bind(fresh).first('n')).toBe(0);

    const meet = await google(await idp.google.sign(googleClaims({ email })));
    expect((await me(meet.body.token)).id).toBe(devCoach.id);
    const secondGoogle = googleClaims({ email });
    const meetToo = await google(await idp.google.sign(secondGoogle));
    expect((await me(meetToo.body.token)).id).toBe(devCoach.id);

    const rows = (await identityRows(devCoach.id)).results;
    expect(rows.map((r) => r.host)).toEqual(['google', 'google', 'teams']);
    expect(rows.every((r) => r.email === devCoach.email)).toBe(true);
    expect((await identityRows(other.id)).results).toEqual([]);
  });
});

describe('contract', () => {
  it('documents the three exchanges in /openapi.json', async () => {
    const paths = (await call('GET', '/openapi.json')).body.paths;
    const body = (path: string) => paths[path].post.requestBody.content['application/json'].schema;
    expect(body('/api/auth/teams')).toMatchObject({ required: ['ssoToken'], additionalProperties: false });
    expect(body('/api/auth/google')).toMatchObject({ required: ['idToken'], additionalProperties: false });
    expect(Object.keys(body('/api/auth/zoom').properties)).toEqual(['code', 'codeVerifier', 'redirectUri', 'appContext']);
    expect(paths['/api/auth/zoom'].post.responses['200'].content['application/json'].schema.required).toEqual(['token']);
  });
});

describe('unconfigured hosts', () => {
  it('answer 404 before reading the body', async () => {
    const off = { TEAMS_CLIENT_ID: undefined, GOOGLE_CLIENT_ID: undefined, ZOOM_CLIENT_ID: undefined, ZOOM_CLIENT_SECRET: undefined };
    expectProblem(await callWith(off, '/api/auth/teams', { ssoToken: await idp.entra.sign(teamsV2()) }), 404);
    expectProblem(await callWith(off, '/api/auth/google', { nonsense: true }), 404);
    expectProblem(await callWith(off, '/api/auth/zoom', { appContext: 'AAAA' }), 404);
    expectProblem(await callWith({ ZOOM_CLIENT_ID: 'zoom-client', ZOOM_CLIENT_SECRET: undefined }, '/api/auth/zoom', { appContext: 'AAAA' }), 404);
  });
});
