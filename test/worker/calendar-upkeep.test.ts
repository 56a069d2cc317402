/** Calendar sync upkeep: no invite without an absolute PUBLIC_URL, and cron re-enqueues syncs that stay pending after their request got lost. */
import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { configuredPublicUrl } from '../../worker/http/public-url';
import worker from '../../worker/index';
import { createLocalCalendar } from '../../worker/providers/local';
import { syncJob } from '../../worker/services/calendar-outbox';
import { blockProviderTraffic, callWith, coachIdOf, connectProvider, deliver, eventRow, routeCoach, sessionOf, syncOk } from './calendar-helpers';
import { call, setup } from './helpers';

beforeAll(blockProviderTraffic);
afterAll(blockProviderTraffic);

const MINUTE = 60_000;

describe('PUBLIC_URL', () => {
  it('counts only as an absolute http(s) URL, without a trailing slash', () => {
    expect(configuredPublicUrl({ PUBLIC_URL: 'https://coaching.example.com/' })).toBe('https://coaching.example.com');
    expect(configuredPublicUrl({ PUBLIC_URL: 'http://localhost:8787' })).toBe('http://localhost:8787');
    for (const value of [undefined, '', '  ', '/c', 'coaching.example.com', 'ftp://example.com', 'https://']) {
      expect(configuredPublicUrl({ PUBLIC_URL: value }), String(value)).toBeNull();
    }
  });

  it('without it the sync writes nothing: the session fails with that reason and the job is acked; with it the invite links absolutely', async () => {
    const { token, session } = await setup();
    const coachId = await coachIdOf(token);
    for (const PUBLIC_URL of ['', '/']) {
      const r = await deliver([syncJob(session.id, 'booked')], 1, { ...env, PUBLIC_URL });
      expect(r.retried).toEqual([]);
      expect(r.acked).toEqual(r.ids);
      expect((await sessionOf(token, session.id)).calendarStatus).toBe('failed');
      expect((await eventRow(session.id))?.last_error).toMatch(/^PUBLIC_URL is not configured/);
      expect(await createLocalCalendar({ db: env.DB, coachId }).getEvent(session.id)).toBeNull();
    }
    // The preview still has the request's origin to go by.
    const preview = await callWith({ ...env, PUBLIC_URL: '' }, 'GET', `/api/sessions/${session.id}/invite`, { token });
    expect(preview.body.coacheeUrl).toMatch(/^http:\/\/localhost:8787\/c\//);

    await syncOk(session.id);
    const event = await createLocalCalendar({ db: env.DB, coachId }).getEvent(session.id);
    expect(event?.description).toContain('http://localhost:8787/c/');
    expect((await sessionOf(token, session.id)).calendarStatus).toBe('synced');
  });
});

describe('stuck pending syncs', () => {
  const runCron = async (atMs: number) => {
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: atMs, cron: '*/15 * * * *' }), env, ctx);
    await waitOnExecutionContext(ctx);
  };
  const requestedAt = async (sessionId: string) =>
    (await env.DB.prepare('SELECT calendar_sync_requested_at AS at FROM sessions WHERE id = ?1').bind(sessionId).first<{ at: number | null }>())?.at;
  const markPendingAt = (sessionId: string, atMs: number | null) =>
    env.DB.prepare("UPDATE sessions SET calendar_status = 'pending', calendar_sync_requested_at = ?2 WHERE id = ?1").bind(sessionId, atMs).run();

  it('re-enqueues a session still pending 10 minutes after its last request, once per window, and leaves recent and long-ended ones', async () => {
    const { token, session: lost } = await setup();
    const coachId = await coachIdOf(token);
    await syncOk(lost.id);
    const { session: recent } = await setup({ token, startsAt: new Date(Date.parse(lost.startsAt) + 2 * 3_600_000).toISOString() });
    const { session: longEnded } = await setup({ token, startsAt: new Date(Date.now() - 3 * 86_400_000).toISOString() });
    const { session: neverRequested } = await setup({ token, startsAt: new Date(Date.parse(lost.startsAt) + 4 * 3_600_000).toISOString() });
    await call('POST', `/api/sessions/${lost.id}/agenda`, { token, body: { title: 'Nee zeggen zonder schuldgevoel' } });

    // A publish whose enqueue failed: pending, asked for 11 minutes ago; the others as their names say.
    const nowMs = Date.now();
    await markPendingAt(lost.id, nowMs - 11 * MINUTE);
    await markPendingAt(recent.id, nowMs - 5 * MINUTE);
    await markPendingAt(longEnded.id, nowMs - 60 * MINUTE);
    await markPendingAt(neverRequested.id, null); // created just now: not stale yet
    await runCron(nowMs);
    expect(await requestedAt(lost.id)).toBe(nowMs);
    expect(await requestedAt(recent.id)).toBe(nowMs - 5 * MINUTE);
    expect(await requestedAt(longEnded.id)).toBe(nowMs - 60 * MINUTE);
    expect(await requestedAt(neverRequested.id)).toBeNull();

    await runCron(nowMs + 5 * MINUTE);
    expect(await requestedAt(lost.id)).toBe(nowMs); // asked again only after another 10 minutes
    expect(await requestedAt(recent.id)).toBe(nowMs + 5 * MINUTE);

    // The Queue delivers the re-enqueued job by itself (batch timeout 5 s): the session lands with the new agenda item.
    await vi.waitFor(
      async () => {
        expect((await sessionOf(token, lost.id)).calendarStatus).toBe('synced');
        expect((await createLocalCalendar({ db: env.DB, coachId }).getEvent(lost.id))?.description).toContain('Nee zeggen zonder schuldgevoel');
      },
      { timeout: 20_000, interval: 250 },
    );
  }, 30_000);

  it('a retryable failure moves the request time to when the outbox retries, so cron adds no job meanwhile', async () => {
    const { token, session } = await setup();
    const coachId = await coachIdOf(token);
    // Google answers every call with 429 and Retry-After: 120 (a retryable failure).
    routeCoach(coachId, async () => new Response(JSON.stringify({ error: { code: 429, message: 'Rate Limit Exceeded', errors: [{ reason: 'rateLimitExceeded' }] } }), { status: 429, headers: { 'content-type': 'application/json', 'retry-after': '120' } }));
    await connectProvider(token, 'google', { accessToken: 'ya29.upkeep' });
    const before = Date.now();
    const r = await deliver([syncJob(session.id, 'calendar')]);
    expect(r.retried).toEqual([{ msgId: r.ids[0], delaySeconds: 120 }]);
    expect((await sessionOf(token, session.id)).calendarStatus).toBe('pending');
    const retryAt = (await requestedAt(session.id))!;
    expect(retryAt).toBeGreaterThanOrEqual(before + 120_000);
    await runCron(before + 11 * MINUTE);
    expect(await requestedAt(session.id)).toBe(retryAt);
    await runCron(retryAt + 11 * MINUTE);
    expect(await requestedAt(session.id)).toBe(retryAt + 11 * MINUTE);
  });
});
