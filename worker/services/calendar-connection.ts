/** The coach's calendar provider (and Zoom meeting provider) built from the stored, sealed connection; the local calendar when nothing is connected. */
import { z } from 'zod';
import { open, seal } from '../auth/crypto';
import type { Env } from '../env';
import { createCalendarProvider, meetingProviders, ProviderError } from '../providers';
import type { CalendarProvider, CalendarProviderName, Credentials, Fetch, MeetingProvider, RemoteDeps } from '../providers/types';
import type { ZoomOptions } from '../providers/zoom';
import { getConnection, putConnection, updateCredentials, type ConnectionProvider, type ConnectionRow } from '../storage/calendar-connections';

/** Picks the fetch the adapters of one coach's connection use. */
export type ProviderFetchResolver = (coachId: string, provider: ConnectionProvider) => Fetch;
/** Exchanges a refresh token for new credentials (RFC 6749 §6); owned by the OAuth integration, which is not part of this module. */
export type TokenRefresher = (provider: ConnectionProvider, credentials: Credentials) => Promise<Credentials>;

const globalFetch: Fetch = (request) => fetch(request);
let fetchResolver: ProviderFetchResolver | null = null;
let tokenRefresher: TokenRefresher | null = null;

/**
 * Replaces the fetch the provider adapters use (null = the global fetch). Tests route each coach to an HTTP fake of the vendor;
 * they run in the Worker's isolate, so this module-level seam reaches the queue consumer and the routes alike.
 */
export function setProviderFetch(resolver: ProviderFetchResolver | null): void {
  fetchResolver = resolver;
}

/** Sets how expired access tokens are refreshed (null = not at all: a rejected token is an `auth` failure). */
export function setTokenRefresh(refresher: TokenRefresher | null): void {
  tokenRefresher = refresher;
}

/** The credentials JSON inside the sealed column. */
const StoredCredentials = z.object({ accessToken: z.string().min(1), refreshToken: z.string().optional(), expiresAtMs: z.number().optional() });

/** The additional data a connection's ciphertext is bound to, so it cannot be moved to another coach or provider. */
const sealContext = (coachId: string, provider: ConnectionProvider) => `calendar:${coachId}:${provider}`;

/** Seals and stores a connection; a calendar connection also switches the coach's calendar provider. */
export async function saveConnection(env: Env, coachId: string, provider: ConnectionProvider, credentials: Credentials, calendarId: string | null, nowMs: number): Promise<void> {
  const sealed = await seal(env.NOTES_KEYS, JSON.stringify(StoredCredentials.parse(credentials)), sealContext(coachId, provider));
  await putConnection(env.DB, coachId, provider, sealed, calendarId, nowMs);
}

async function remoteDeps(env: Env, row: ConnectionRow): Promise<RemoteDeps> {
  const context = sealContext(row.coach_id, row.provider);
  const plain = await open(env.NOTES_KEYS, { keyId: row.key_id, iv: row.iv, data: row.credentials_ciphertext }, context);
  const credentials = StoredCredentials.parse(JSON.parse(plain)) as Credentials;
  const refresher = tokenRefresher;
  return {
    fetch: fetchResolver ? fetchResolver(row.coach_id, row.provider) : globalFetch,
    credentials,
    saveToken: async (next) => {
      const sealed = await seal(env.NOTES_KEYS, JSON.stringify(StoredCredentials.parse(next)), context);
      await updateCredentials(env.DB, row.coach_id, row.provider, sealed, Date.now());
    },
    ...(refresher ? { refresh: (current: Credentials) => refresher(row.provider, current) } : {}),
  };
}

async function connectionOf(env: Env, coachId: string, provider: ConnectionProvider): Promise<ConnectionRow> {
  const row = await getConnection(env.DB, coachId, provider);
  if (!row) throw new ProviderError(provider, 'auth', 'not connected: connect the account again');
  return row;
}

/**
 * The calendar provider of this name for the coach: `local` needs no connection; google and microsoft are built from the
 * sealed credentials (a missing connection is an `auth` failure). Pass the coach's `calendar_provider` for their calendar.
 * @see https://developers.google.com/workspace/calendar/api/v3/reference/events
 * @see https://learn.microsoft.com/en-us/graph/api/resources/event
 */
export async function calendarProviderOf(env: Env, coachId: string, name: CalendarProviderName): Promise<CalendarProvider> {
  if (name === 'local') return createCalendarProvider({ provider: 'local', db: env.DB, coachId });
  const row = await connectionOf(env, coachId, name);
  const deps = await remoteDeps(env, row);
  if (name === 'google') return createCalendarProvider({ provider: 'google', deps, ...(row.calendar_id ? { calendarId: row.calendar_id } : {}) });
  return createCalendarProvider({ provider: 'microsoft', deps });
}

/**
 * The coach's Zoom meetings, or null when Zoom is not connected. `findExisting` hands back the meeting id recorded by an
 * earlier attempt, since Zoom has no idempotency key.
 * @see https://developers.zoom.us/docs/api/meetings/#tag/meetings/POST/users/{userId}/meetings
 */
export async function zoomProviderOf(env: Env, coachId: string, options: ZoomOptions = {}): Promise<MeetingProvider | null> {
  const row = await getConnection(env.DB, coachId, 'zoom');
  if (!row) return null;
  return meetingProviders.zoom(await remoteDeps(env, row), options);
}
