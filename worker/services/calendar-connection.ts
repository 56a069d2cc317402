/** The coach's calendar provider (and Zoom meeting provider) built from one stored, sealed connection generation, with OAuth refresh; the local calendar when nothing is connected. */
import { z } from 'zod';
import { open, seal } from '../auth/crypto';
import type { Env } from '../env';
import { createCalendarProvider, meetingProviders, ProviderError } from '../providers';
import { createOAuthRefresh, type OAuthClient, type RefreshFn } from '../providers/oauth-refresh';
import type { CalendarProvider, CalendarProviderName, Credentials, Fetch, MeetingProvider, RemoteDeps } from '../providers/types';
import type { ZoomOptions } from '../providers/zoom';
import { getConnection, updateCredentials, type ConnectionProvider, type ConnectionRef, type ConnectionRow } from '../storage/calendar-connections';
import { coachDb } from '../storage/databases';

/** Picks the fetch the adapters (and the token refresh) of one coach's connection use. */
export type ProviderFetchResolver = (coachId: string, provider: ConnectionProvider) => Fetch;

const globalFetch: Fetch = (request) => fetch(request);
let fetchResolver: ProviderFetchResolver | null = null;

/**
 * Replaces the fetch the provider adapters use (null = the global fetch). Tests route each coach to an HTTP fake of the vendor;
 * they run in the Worker's isolate, so this module-level seam reaches the queue consumer and the routes alike.
 */
export function setProviderFetch(resolver: ProviderFetchResolver | null): void {
  fetchResolver = resolver;
}

/** The secrets naming each provider's OAuth client, as the 422 for an unusable refresh token names them. */
export const OAUTH_CLIENT_SECRETS: Record<ConnectionProvider, string> = {
  google: 'GOOGLE_CLIENT_ID/SECRET',
  microsoft: 'MS_CLIENT_ID/SECRET',
  zoom: 'ZOOM_CLIENT_ID/SECRET',
};

/** The OAuth client configured for a provider (both id and secret set), or null: then its access tokens cannot be refreshed. */
export function oauthClientOf(env: Env, provider: ConnectionProvider): OAuthClient | null {
  const [clientId, clientSecret] =
    provider === 'google' ? [env.GOOGLE_CLIENT_ID, env.GOOGLE_CLIENT_SECRET] : provider === 'microsoft' ? [env.MS_CLIENT_ID, env.MS_CLIENT_SECRET] : [env.ZOOM_CLIENT_ID, env.ZOOM_CLIENT_SECRET];
  if (!clientId || !clientSecret) return null;
  // Tokens are refreshed where they were issued: an app registered for one tenant (MS_SIGN_IN_AUDIENCE) has no `common` endpoint.
  const authority = provider === 'microsoft' ? env.MS_SIGN_IN_AUDIENCE?.trim() : undefined;
  return authority && authority !== 'common' ? { clientId, clientSecret, tokenEndpoint: `https://login.microsoftonline.com/${encodeURIComponent(authority)}/oauth2/v2.0/token` } : { clientId, clientSecret };
}

/** The credentials JSON inside the sealed column. */
const StoredCredentials = z.object({ accessToken: z.string().min(1), refreshToken: z.string().optional(), expiresAtMs: z.number().optional() });

/** The additional data a connection's ciphertext is bound to, so it cannot be moved to another coach or provider. */
const sealContext = (coachId: string, provider: ConnectionProvider) => `calendar:${coachId}:${provider}`;

/** Seals a connection's credentials for storage (see `upsertConnection`). */
export const sealCredentials = (env: Env, coachId: string, provider: ConnectionProvider, credentials: Credentials) =>
  seal(env.NOTES_KEYS, JSON.stringify(StoredCredentials.parse(credentials)), sealContext(coachId, provider));

/** The credentials of one generation, unsealed. */
export async function unseal(env: Env, row: ConnectionRow): Promise<Credentials> {
  const plain = await open(env.NOTES_KEYS, { keyId: row.key_id, iv: row.iv, data: row.credentials_ciphertext }, sealContext(row.coach_id, row.provider));
  return StoredCredentials.parse(JSON.parse(plain)) as Credentials;
}

/** What one provider instance last read from or wrote to its connection row: the IV its compare-and-set stores over. */
type Seen = { iv: string };

/**
 * Wraps the vendor refresh for one connection generation. Refreshers live one per provider instance (per request or job) and
 * are not coordinated across requests: two may refresh the same generation at once. Microsoft and Zoom rotate the refresh
 * token, so the loser can be told `invalid_grant` for a token the winner has just replaced; then the credentials the winner
 * stored in the same generation are used instead of failing. Credentials of another generation (the coach connected again,
 * perhaps another account) are never taken. (Should the loser's refusal arrive before the winner has stored, that one call
 * fails as `auth`.)
 */
function refreshOrAdopt(env: Env, row: ConnectionRow, seen: Seen, refresh: RefreshFn): RefreshFn {
  return async (current) => {
    try {
      return await refresh(current);
    } catch (error) {
      if (!(error instanceof ProviderError && error.kind === 'auth')) throw error;
      const latest = await getConnection(coachDb(env, row.coach_id), row.coach_id, row.provider, row.id);
      const stored = latest ? await unseal(env, latest) : null;
      if (!latest || !stored || stored.refreshToken === current.refreshToken) throw error;
      seen.iv = latest.iv;
      return stored;
    }
  };
}

/**
 * The adapter dependencies of one generation. `saveToken` is a compare-and-set on the IV this instance last read or wrote: it
 * stores nothing over credentials another refresh stored meanwhile, and never into another generation, so a job that loaded
 * an old connection cannot overwrite the one the coach has connected since. A refresh that loses keeps its (valid) token for
 * its own calls.
 */
async function remoteDeps(env: Env, row: ConnectionRow): Promise<RemoteDeps> {
  const fetch = fetchResolver ? fetchResolver(row.coach_id, row.provider) : globalFetch;
  const client = oauthClientOf(env, row.provider);
  const seen: Seen = { iv: row.iv };
  return {
    fetch,
    credentials: await unseal(env, row),
    saveToken: async (next) => {
      const sealed = await sealCredentials(env, row.coach_id, row.provider, next);
      if (await updateCredentials(coachDb(env, row.coach_id), row, seen.iv, sealed, Date.now())) seen.iv = sealed.iv;
    },
    ...(client ? { refresh: refreshOrAdopt(env, row, seen, createOAuthRefresh(row.provider, client, fetch)) } : {}),
  };
}

async function connectionOf(env: Env, coachId: string, provider: ConnectionProvider, ref: ConnectionRef): Promise<ConnectionRow> {
  const row = await getConnection(coachDb(env, coachId), coachId, provider, ref);
  if (!row) throw new ProviderError(provider, 'auth', 'not connected: connect the account again');
  return row;
}

/** A calendar provider and the connection generation it goes through (null for the local calendar). */
export type ConnectedCalendar = { calendar: CalendarProvider; connectionId: number | null };

/**
 * The calendar provider of this name for the coach, with the generation it uses: `local` needs no connection; google and
 * microsoft are built from the sealed credentials of the generation `ref` names (a missing one is an `auth` failure). Pass the
 * coach's `calendar_provider` and `active` for their calendar, a generation id to update or delete what that generation made.
 * @see https://developers.google.com/workspace/calendar/api/v3/reference/events
 * @see https://learn.microsoft.com/en-us/graph/api/resources/event
 */
export async function connectedCalendar(env: Env, coachId: string, name: CalendarProviderName, ref: ConnectionRef = 'active'): Promise<ConnectedCalendar> {
  if (name === 'local') return { calendar: createCalendarProvider({ provider: 'local', db: coachDb(env, coachId), coachId }), connectionId: null };
  const row = await connectionOf(env, coachId, name, ref);
  const deps = await remoteDeps(env, row);
  const calendar =
    name === 'google'
      ? createCalendarProvider({ provider: 'google', deps, ...(row.calendar_id ? { calendarId: row.calendar_id } : {}) })
      : createCalendarProvider({ provider: 'microsoft', deps });
  return { calendar, connectionId: row.id };
}

/** The calendar provider alone (see `connectedCalendar`), e.g. for free/busy. */
export async function calendarProviderOf(env: Env, coachId: string, name: CalendarProviderName, ref: ConnectionRef = 'active'): Promise<CalendarProvider> {
  return (await connectedCalendar(env, coachId, name, ref)).calendar;
}

/**
 * The coach's Zoom meetings through the generation `ref` names, with its id, or null when there is none (not connected, or
 * that generation is gone). `findExisting` hands back the meeting id recorded by an earlier attempt, since Zoom has no
 * idempotency key.
 * @see https://developers.zoom.us/docs/api/meetings/#tag/meetings/POST/users/{userId}/meetings
 */
export async function connectedZoom(env: Env, coachId: string, options: ZoomOptions = {}, ref: ConnectionRef = 'active'): Promise<{ zoom: MeetingProvider; connectionId: number } | null> {
  const row = await getConnection(coachDb(env, coachId), coachId, 'zoom', ref);
  if (!row) return null;
  return { zoom: meetingProviders.zoom(await remoteDeps(env, row), options), connectionId: row.id };
}

/** The Zoom meetings alone (see `connectedZoom`). */
export async function zoomProviderOf(env: Env, coachId: string, options: ZoomOptions = {}, ref: ConnectionRef = 'active'): Promise<MeetingProvider | null> {
  return (await connectedZoom(env, coachId, options, ref))?.zoom ?? null;
}
