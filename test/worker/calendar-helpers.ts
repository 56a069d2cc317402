/** Helpers for the calendar tests: connect a coach to a vendor fake, drive the real queue consumer, read what the sync recorded. */
import { createExecutionContext, createMessageBatch, env, getQueueResult } from 'cloudflare:test';
import { expect, vi } from 'vitest';
import worker from '../../worker/index';
import type { Job } from '../../worker/jobs/outbox';
import type { Credentials, Fetch } from '../../worker/providers/types';
import { setProviderFetch } from '../../worker/services/calendar-connection';
import { syncJob, type SyncReason } from '../../worker/services/calendar-outbox';
import type { CalendarEventRow } from '../../worker/storage/calendar-events';
import { call } from './helpers';

const routes = new Map<string, Fetch>();

/**
 * Sends every provider request of `coachId` to `fetch` (a vendor fake, possibly wrapped to inject faults). Coaches without a
 * route get 503, so a stray delivery of another test's job can never reach this test's fake.
 */
export function routeCoach(coachId: string, fetch: Fetch): void {
  routes.set(coachId, fetch);
  setProviderFetch((id) => routes.get(id) ?? (async () => new Response('no route in this test', { status: 503 })));
}

/** The signed-in coach's id. */
export async function coachIdOf(token: string): Promise<string> {
  return (await call('GET', '/api/me', { token })).body.id;
}

/** Connects the coach to a provider with a grant from the fake's OAuth authority, through the API. */
export async function connectProvider(token: string, provider: 'google' | 'microsoft' | 'zoom', grant: Credentials) {
  const r = await call('PUT', '/api/me/calendar', {
    token,
    body: { provider, accessToken: grant.accessToken, ...(grant.refreshToken ? { refreshToken: grant.refreshToken } : {}), ...(grant.expiresAtMs ? { expiresAt: new Date(grant.expiresAtMs).toISOString() } : {}) },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

let messageCounter = 0;

/** What a delivery did: message ids, those acked, those retried (with the delay asked for). */
export type Delivery = { ids: string[]; acked: string[]; retried: { msgId: string; delaySeconds: number | undefined }[] };

/** Runs jobs through the Worker's queue handler, as the Queue would deliver them; answers what was acked and retried. */
export async function deliver(jobs: Job[], attempts = 1): Promise<Delivery> {
  const messages = jobs.map((body) => ({ id: `msg-${++messageCounter}`, timestamp: new Date(), attempts, body }));
  const batch = createMessageBatch<Job>('coaching-outbox', messages);
  // The pool's queue result does not report retry delays; the spy reads them off each message's own retry() call.
  const spies = new Map(batch.messages.map((msg) => [msg.id, vi.spyOn(msg, 'retry')]));
  const ctx = createExecutionContext();
  await worker.queue(batch, env, ctx);
  const result = await getQueueResult(batch, ctx);
  const delayOf = (id: string): number | undefined => spies.get(id)?.mock.calls[0]?.[0]?.delaySeconds;
  return { ids: messages.map((m) => m.id), acked: result.explicitAcks as string[], retried: result.retryMessages.map((m: { msgId: string }) => ({ msgId: m.msgId, delaySeconds: delayOf(m.msgId) })) };
}

/** Delivers one session's sync job and expects it acked. */
export async function syncOk(sessionId: string, reason: SyncReason = 'booked') {
  const r = await deliver([syncJob(sessionId, reason)]);
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
