/** Helpers for the calendar tests: connect a coach to a vendor fake, drive the real queue consumer, read what the sync recorded. */
import { createExecutionContext, createMessageBatch, env, getQueueResult, waitOnExecutionContext } from 'cloudflare:test';
import { expect, vi } from 'vitest';
import type { Env } from '../../worker/env';
import worker from '../../worker/index';
import type { Job } from '../../worker/jobs/outbox';
import type { Credentials, Fetch } from '../../worker/providers/types';
import { setProviderFetch } from '../../worker/services/calendar-connection';
import { deleteJob, syncJob, type SyncReason } from '../../worker/services/calendar-outbox';
import type { CalendarEventRow } from '../../worker/storage/calendar-events';
import type { FakeOAuth } from '../fakes/fake-support';
import { call, signIn } from './helpers';

const routes = new Map<string, Fetch>();

/**
 * Sends every provider request of `coachId` to `fetch` (a vendor fake, possibly wrapped to inject faults). Coaches without a
 * route get 503, so a stray delivery of another test's job can never reach this test's fake.
 */
export function routeCoach(coachId: string, fetch: Fetch): void {
  routes.set(coachId, fetch);
  setProviderFetch((id) => routes.get(id) ?? (async () => new Response('no route in this test', { status: 503 })));
}

/**
 * Answers every coach's provider traffic with 503 from now on (routes set before are dropped). Test files call it before or
 * after their tests: the Queue delivers their jobs by itself too, and those must never reach the real vendors (the global fetch).
 */
export function blockProviderTraffic(): void {
  routes.clear();
  setProviderFetch(() => async () => new Response('the test is over', { status: 503 }));
}

/** A new signed-in coach whose provider traffic goes to `fetch`. */
export async function routedCoach(fetch: Fetch): Promise<{ token: string; coachId: string }> {
  const token = await signIn();
  const coachId = await coachIdOf(token);
  routeCoach(coachId, fetch);
  return { token, coachId };
}

/** The signed-in coach's id. */
export async function coachIdOf(token: string): Promise<string> {
  return (await call('GET', '/api/me', { token })).body.id;
}

/**
 * The Worker's bindings with the fakes' OAuth clients configured, as production sets them with `wrangler secret put`. The test
 * bindings themselves configure none (like wrangler.jsonc), so code run with plain `env` cannot refresh tokens.
 */
export function oauthEnv(clients: { google?: FakeOAuth; microsoft?: FakeOAuth; zoom?: FakeOAuth }): Env {
  return {
    ...env,
    ...(clients.google ? { GOOGLE_CLIENT_ID: clients.google.client.clientId, GOOGLE_CLIENT_SECRET: clients.google.client.clientSecret } : {}),
    ...(clients.microsoft ? { MS_CLIENT_ID: clients.microsoft.client.clientId, MS_CLIENT_SECRET: clients.microsoft.client.clientSecret } : {}),
    ...(clients.zoom ? { ZOOM_CLIENT_ID: clients.zoom.client.clientId, ZOOM_CLIENT_SECRET: clients.zoom.client.clientSecret } : {}),
  };
}

const BASE = 'http://localhost:8787';

/** Like `call`, through the Worker's fetch handler with the given bindings. */
export async function callWith(bindings: Env, method: string, path: string, opts: { token?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = opts.body === undefined ? {} : { 'content-type': 'application/json' };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(BASE + path, { method, headers, ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }) }), bindings, ctx);
  await waitOnExecutionContext(ctx);
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/**
 * Connects the coach to a provider with a grant from the fake's OAuth authority (and, for Google, a calendar other than the
 * primary one), through the API. Without `bindings` (no OAuth client configured) the refresh token is left out, as the API
 * refuses it then; with `bindings` from `oauthEnv` it is sent.
 */
export async function connectProvider(token: string, provider: 'google' | 'microsoft' | 'zoom', grant: Credentials, bindings?: Env, calendarId?: string) {
  const body = {
    provider,
    accessToken: grant.accessToken,
    ...(calendarId ? { calendarId } : {}),
    ...(bindings && grant.refreshToken ? { refreshToken: grant.refreshToken } : {}),
    ...(grant.expiresAtMs ? { expiresAt: new Date(grant.expiresAtMs).toISOString() } : {}),
  };
  const r = bindings ? await callWith(bindings, 'PUT', '/api/me/calendar', { token, body }) : await call('PUT', '/api/me/calendar', { token, body });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

let messageCounter = 0;

/** What a delivery did: message ids, those acked, those retried (with the delay asked for). */
export type Delivery = { ids: string[]; acked: string[]; retried: { msgId: string; delaySeconds: number | undefined }[] };

/** Runs jobs through the Worker's queue handler, as the Queue (or with `queue`, the dead-letter queue) would deliver them; answers what was acked and retried. */
export async function deliver(jobs: Job[], attempts = 1, bindings: Env = env, queue = 'coaching-outbox'): Promise<Delivery> {
  const messages = jobs.map((body) => ({ id: `msg-${++messageCounter}`, timestamp: new Date(), attempts, body }));
  const batch = createMessageBatch<Job>(queue, messages);
  // The pool's queue result does not report retry delays; the spy reads them off each message's own retry() call.
  const spies = new Map(batch.messages.map((msg) => [msg.id, vi.spyOn(msg, 'retry')]));
  const ctx = createExecutionContext();
  await worker.queue(batch, bindings, ctx);
  const result = await getQueueResult(batch, ctx);
  const delayOf = (id: string): number | undefined => spies.get(id)?.mock.calls[0]?.[0]?.delaySeconds;
  return { ids: messages.map((m) => m.id), acked: result.explicitAcks as string[], retried: result.retryMessages.map((m: { msgId: string }) => ({ msgId: m.msgId, delaySeconds: delayOf(m.msgId) })) };
}

/** Delivers one session's sync job and expects it acked. */
export async function syncOk(sessionId: string, reason: SyncReason = 'booked', bindings: Env = env) {
  const r = await deliver([syncJob(sessionId, reason)], 1, bindings);
  expect(r.retried, 'the sync job was retried').toEqual([]);
  expect(r.acked).toEqual(r.ids);
}

/** What the sync recorded for a session. */
export async function eventRow(sessionId: string): Promise<CalendarEventRow | null> {
  return env.DB.prepare('SELECT * FROM calendar_events WHERE session_id = ?1').bind(sessionId).first<CalendarEventRow>();
}

/** The session's calendar status and meeting link, as the API shows them. */
export async function sessionOf(token: string, sessionId: string): Promise<{ calendarStatus: string; meetingUrl: string | null }> {
  const r = await call('GET', `/api/sessions/${sessionId}`, { token });
  expect(r.status).toBe(200);
  return r.body;
}

/** Number of occurrences of `needle` in `text`. */
export const count = (text: string, needle: string) => text.split(needle).length - 1;

/** The coach's connection generations, oldest first per provider: provider and whether it is retired (no credentials). */
export async function connections(coachId: string): Promise<{ provider: string; retired: boolean }[]> {
  const rows = await env.DB.prepare('SELECT provider, retired_at FROM calendar_connections WHERE coach_id = ?1 ORDER BY provider, id').bind(coachId).all<{ provider: string; retired_at: number | null }>();
  return rows.results.map((r) => ({ provider: r.provider, retired: r.retired_at !== null }));
}

/** The delete job the outbox gets for a row's calendar event (not its meeting), as a switch or a move builds it: capture the row before. */
export const eventDeleteOf = (row: CalendarEventRow): Job => deleteJob({ ...row, meeting_provider: null, meeting_id: null });

/** The id of the coach's connection generation of a provider that is in use. */
export async function activeConnectionId(coachId: string, provider: string): Promise<number> {
  const row = await env.DB.prepare('SELECT id FROM calendar_connections WHERE coach_id = ?1 AND provider = ?2 AND retired_at IS NULL').bind(coachId, provider).first<{ id: number }>();
  expect(row, `no ${provider} connection in use`).not.toBeNull();
  return row!.id;
}
