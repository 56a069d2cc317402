/** The coach's calendar provider (and Zoom meeting provider) built from the stored, sealed connection, with OAuth refresh; the local calendar when nothing is connected. */
import { z } from 'zod';
import { open, seal } from '../auth/crypto';
import type { Env } from '../env';
import { createCalendarProvider, meetingProviders, ProviderError } from '../providers';
import { createOAuthRefresh, type OAuthClient, type RefreshFn } from '../providers/oauth-refresh';
import type { CalendarProvider, CalendarProviderName, Credentials, Fetch, MeetingProvider, RemoteDeps } from '../providers/types';
import type { ZoomOptions } from '../providers/zoom';
import { getConnection, updateCredentials, type ConnectionProvider, type ConnectionRow, type ConnectionUse } from '../storage/calendar-connections';

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
  return clientId && clientSecret ? { clientId, clientSecret } : null;
}

/** The credentials JSON inside the sealed column. */
const StoredCredentials = z.object({ accessToken: z.string().min(1), refreshToken: z.string().optional(), expiresAtMs: z.number().optional() });

/** The additional data a connection's ciphertext is bound to, so it cannot be moved to another coach or provider. */
const sealContext = (coachId: string, provider: ConnectionProvider) => `calendar:${coachId}:${provider}`;

/** Seals a connection's credentials for storage (see `upsertConnection`). */
export const sealCredentials = (env: Env, coachId: string, provider: ConnectionProvider, credentials: Credentials) =>
  seal(env.NOTES_KEYS, JSON.stringify(StoredCredentials.parse(credentials)), sealContext(coachId, provider));

async function unseal(env: Env, row: ConnectionRow): Promise<Credentials> {
  const plain = await open(env.NOTES_KEYS, { keyId: row.key_id, iv: row.iv, data: row.credentials_ciphertext }, sealContext(row.coach_id, row.provider));
  return StoredCredentials.parse(JSON.parse(plain)) as Credentials;
}

/**
 * Wraps the vendor refresh for one connection. Refreshers live one per provider instance (per request or job) and are not
 * coordinated across requests: two may refresh the same connection at once. Microsoft and Zoom rotate the refresh token, so the
 * loser can be told `invalid_grant` for a token the winner has just replaced; then the credentials the winner stored are used
 * instead of failing. (Should the loser's refusal arrive before the winner has stored, that one call fails as `auth`.)
 */
function refreshOrAdopt(env: Env, row: ConnectionRow, refresh: RefreshFn): RefreshFn {
  return async (current) => {
    try {
      return await refresh(current);
    } catch (error) {
      if (!(error instanceof ProviderError && error.kind === 'auth')) throw error;
      const latest = await getConnection(env.DB, row.coach_id, row.provider, 'any');
      const stored = latest ? await unseal(env, latest) : null;
      if (stored && stored.refreshToken !== current.refreshToken) return stored;
      throw error;
    }
  };
}

async function remoteDeps(env: Env, row: ConnectionRow): Promise<RemoteDeps> {
  const fetch = fetchResolver ? fetchResolver(row.coach_id, row.provider) : globalFetch;
  const client = oauthClientOf(env, row.provider);
  return {
    fetch,
    credentials: await unseal(env, row),
    saveToken: async (next) => {
      await updateCredentials(env.DB, row.coach_id, row.provider, await sealCredentials(env, row.coach_id, row.provider, next), Date.now());
    },
    ...(client ? { refresh: refreshOrAdopt(env, row, createOAuthRefresh(row.provider, client, fetch)) } : {}),
  };
}

async function connectionOf(env: Env, coachId: string, provider: ConnectionProvider, use: ConnectionUse): Promise<ConnectionRow> {
  const row = await getConnection(env.DB, coachId, provider, use);
  if (!row) throw new ProviderError(provider, 'auth', 'not connected: connect the account again');
  return row;
}

/**
 * The calendar provider of this name for the coach: `local` needs no connection; google and microsoft are built from the
 * sealed credentials (a missing connection is an `auth` failure). Pass the coach's `calendar_provider` for their calendar, and
 * `use: 'any'` to reach a retired connection (to delete events made with it).
 * @see https://developers.google.com/workspace/calendar/api/v3/reference/events
 * @see https://learn.microsoft.com/en-us/graph/api/resources/event
 */
export async function calendarProviderOf(env: Env, coachId: string, name: CalendarProviderName, use: ConnectionUse = 'active'): Promise<CalendarProvider> {
  if (name === 'local') return createCalendarProvider({ provider: 'local', db: env.DB, coachId });
  const row = await connectionOf(env, coachId, name, use);
  const deps = await remoteDeps(env, row);
  if (name === 'google') return createCalendarProvider({ provider: 'google', deps, ...(row.calendar_id ? { calendarId: row.calendar_id } : {}) });
  return createCalendarProvider({ provider: 'microsoft', deps });
}

/**
 * The coach's Zoom meetings, or null when Zoom is not connected (with `use: 'any'`: nor retired). `findExisting` hands back the
 * meeting id recorded by an earlier attempt, since Zoom has no idempotency key.
 * @see https://developers.zoom.us/docs/api/meetings/#tag/meetings/POST/users/{userId}/meetings
 */
export async function zoomProviderOf(env: Env, coachId: string, options: ZoomOptions = {}, use: ConnectionUse = 'active'): Promise<MeetingProvider | null> {
  const row = await getConnection(env.DB, coachId, 'zoom', use);
  if (!row) return null;
  return meetingProviders.zoom(await remoteDeps(env, row), options);
}
