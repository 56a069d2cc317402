/** Shared by the Google add-on tests: Google-style ID tokens signed with a key the worker is told to trust, and event objects posted as Google does. */
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair, type CryptoKey, type JWTPayload } from 'jose';
import { afterAll, beforeAll, expect } from 'vitest';
import { setGoogleAddonKeys } from '../../worker/addon/verify';
import type { Env } from '../../worker/env';
import worker from '../../worker/index';
import { call, setup, signIn } from './helpers';

/** Where the tests call the worker, and the add-on's service account and OAuth client configured for them. */
export const BASE = 'http://localhost:8787';
export const SERVICE_ACCOUNT = 'service-731@gcp-sa-gsuiteaddons.iam.gserviceaccount.com';
export const CLIENT_ID = '731-addon.apps.googleusercontent.com';
/** A private note no card may show. */
export const SECRET = 'Privé: twijfelt of ze de baan houdt';
/** The worker's bindings with the add-on configured. */
export const bindings: Env = { ...env, GOOGLE_ADDON_SERVICE_ACCOUNT: SERVICE_ACCOUNT, GOOGLE_ADDON_CLIENT_ID: CLIENT_ID };

let google: CryptoKey;
let stranger: CryptoKey;

/** Registers hooks that make the worker verify Google tokens against a key made here (and forget it after the file). */
export function useGoogleKeys(): void {
  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    google = pair.privateKey;
    stranger = (await generateKeyPair('RS256')).privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'google-1', alg: 'RS256', use: 'sig' };
    setGoogleAddonKeys(createLocalJWKSet({ keys: [jwk] }));
  });
  afterAll(() => setGoogleAddonKeys(null));
}

/** A key Google does not publish. */
export const strangerKey = (): CryptoKey => stranger;

/** A Google-style ID token; `exp` in seconds from now (negative = expired). */
export function idToken(claims: JWTPayload, audience: string, o: { key?: CryptoKey; exp?: number; issuer?: string } = {}) {
  const now = Math.floor(Date.now() / 1000);
  const exp = now + (o.exp ?? 300);
  return new SignJWT({ email_verified: true, ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: 'google-1', typ: 'JWT' })
    .setIssuer(o.issuer ?? 'https://accounts.google.com')
    .setAudience(audience)
    .setIssuedAt(Math.min(now, exp - 60))
    .setExpirationTime(exp)
    .sign(o.key ?? google);
}

/** Google's system ID token for the add-on's service account, its audience the endpoint URL. */
export const systemToken = (path: string, claims: JWTPayload = {}, o = {}) => idToken({ email: SERVICE_ACCOUNT, sub: '1090', ...claims }, `${BASE}${path}`, o);
/** A user's ID token for the add-on's OAuth client (`sub` derived from the e-mail; no `hd`: a consumer account). */
export const userToken = (email: string, claims: JWTPayload = {}, o = {}) => idToken({ email, sub: `g-${email}`, ...claims }, CLIENT_ID, o);
/** A user token for an account of the example.nl Google Workspace (`hd`): Google's word on its address counts. */
export const workspaceUser = (email: string, claims: JWTPayload = {}) => userToken(email, { hd: 'example.nl', ...claims });

type Event = { userLocale?: string; eventId?: string; parameters?: Record<string, string>; userIdToken?: string };

/** Posts an event object the way Google does; `system: null` leaves the Authorization header out. */
export async function post(path: string, e: Event, o: { system?: string | null; env?: Env } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const system = o.system === undefined ? await systemToken(path) : o.system;
  if (system !== null) headers.authorization = `Bearer ${system}`;
  const body = {
    commonEventObject: { hostApp: 'CALENDAR', platform: 'WEB', ...(e.userLocale ? { userLocale: e.userLocale } : {}), ...(e.parameters ? { parameters: e.parameters } : {}) },
    ...(e.eventId ? { calendar: { id: e.eventId, calendarId: 'primary', organizer: { email: 'x@example.nl' } } } : {}),
    authorizationEventObject: { userIdToken: e.userIdToken, systemIdToken: system ?? undefined },
  };
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`${BASE}${path}`, { method: 'POST', headers, body: JSON.stringify(body) }), o.env ?? bindings, ctx);
  await waitOnExecutionContext(ctx);
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null, text };
}

/** A coach (signed in by e-mail) with a session that has an agenda item, an agreement and private notes. */
export async function coachWithSession(locale?: 'en') {
  const email = `coach-${crypto.randomUUID()}@example.nl`;
  const token = await signIn(email, 'Mirjam Bakker');
  if (locale) expect((await call('PATCH', '/api/me', { token, body: { locale } })).status).toBe(200);
  const { session } = await setup({ token });
  expect((await call('POST', `/api/sessions/${session.id}/agenda`, { token, body: { title: 'Grenzen <aangeven>' } })).status).toBe(201);
  expect((await call('POST', `/api/sessions/${session.id}/agreements`, { token, body: { who: 'coachee', what: 'Gesprek met teamleider plannen', due: '2030-04-02' } })).status).toBe(201);
  expect((await call('PUT', `/api/sessions/${session.id}/notes`, { token, body: { text: SECRET } })).status).toBe(200);
  return { email, token, session, user: await workspaceUser(email.toUpperCase()) };
}

/** The card a trigger answered with (`pushCard`). */
export const cardOf = (r: { body: any }) => r.body.action.navigations[0].pushCard;
/** Every widget of a card. */
export const widgets = (card: any) => card.sections.flatMap((s: any) => s.widgets);
/** Every button of a card, in button lists and on decorated texts. */
export const buttonsOf = (card: any) => widgets(card).flatMap((w: any) => [...(w.buttonList?.buttons ?? []), ...(w.decoratedText?.button ? [w.decoratedText.button] : [])]);

/** Trades a hand-off code at `POST /api/auth/handoff`, as the panel does. */
export const handoff = (code: string) => call('POST', '/api/auth/handoff', { body: { code } });
/** The panel links on a card, parsed. */
export const panelLinks = (card: any) => buttonsOf(card).filter((b: any) => b.onClick.openLink).map((b: any) => new URL(b.onClick.openLink.url));
/** The `#handoff=` code of a panel link. */
export const codeOf = (url: URL) => new URLSearchParams(url.hash.slice(1)).get('handoff')!;
