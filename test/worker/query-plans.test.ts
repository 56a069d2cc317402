/**
 * Query plans: the statements of a broad run (coach API, coachee link, booking, feed, add-on lookups, erasure, export, cron) are
 * each explained against the migrated schema, and none scans a whole base table. Every other Worker test file gets the same
 * check after it (test/worker/apply-migrations.ts), so a statement added later is checked by the tests that exercise it.
 */
import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker from '../../worker/index';
import { directoryDb } from '../../worker/storage/databases';
import { call, setup } from './helpers';
import { fullScansOf, isFullScan, parameterCount, planProblems, recorder, SCAN_ALLOWED } from './statements';

describe('the full-scan check', () => {
  it('tells a scan of a base table from index searches, virtual tables and subqueries', () => {
    expect(isFullScan('SCAN sessions')).toBe(true);
    expect(isFullScan('SCAN s USING INDEX sessions_by_coach')).toBe(true);
    expect(isFullScan('SEARCH s USING INDEX sessions_by_coach (coach_id=? AND starts_at>? AND starts_at<?)')).toBe(false);
    expect(isFullScan('SCAN json_each VIRTUAL TABLE INDEX 1:')).toBe(false);
    expect(isFullScan('SCAN f VIRTUAL TABLE INDEX 0:')).toBe(false);
    expect(isFullScan('SCAN CONSTANT ROW')).toBe(false);
    expect(isFullScan('SCAN (subquery-1)')).toBe(false);
    expect(parameterCount('SELECT 1 WHERE ?2 = ?12 AND ?3')).toBe(12);
    expect(parameterCount('SELECT ? , ?')).toBe(2);
  });

  it('finds the scan in a statement no index serves, through the seam and in the plan', async () => {
    const text = 'SELECT id FROM sessions WHERE meeting_url = ?1';
    await directoryDb(env).prepare(text).bind('https://example.org').all();
    expect(recorder.texts.has(text)).toBe(true);
    expect(await fullScansOf(text)).toEqual(['SCAN sessions']);
    expect(await planProblems([text])).toHaveLength(1);
    recorder.texts.delete(text);
  });

  it('keeps its allow-list short and explained', () => {
    expect(SCAN_ALLOWED.length).toBeLessThanOrEqual(5);
    for (const entry of SCAN_ALLOWED) expect(entry.why.length).toBeGreaterThan(20);
  });
});

describe('every statement of a broad run', () => {
  it('is served by an index', async () => {
    const { token, session, engagement, coachee } = await setup();
    const at = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
    const statuses: number[] = [];
    statuses.push((await call('GET', '/api/me', { token })).status);
    statuses.push((await call('GET', '/api/coachees', { token })).status);
    statuses.push((await call('GET', `/api/engagements?coacheeId=${coachee.id}`, { token })).status);
    statuses.push((await call('GET', `/api/sessions?engagementId=${engagement.id}&from=${encodeURIComponent(at(-30))}&to=${encodeURIComponent(at(30))}`, { token })).status);
    statuses.push((await call('GET', '/api/sessions/by-meeting?host=zoom&meetingId=123456789', { token })).status);
    statuses.push((await call('GET', `/api/sessions/${session.id}/panel`, { token })).status);
    statuses.push((await call('GET', `/api/sessions/${session.id}/invite`, { token })).status);
    statuses.push((await call('POST', `/api/sessions/${session.id}/agenda`, { token, body: { title: 'Wat wil je bereiken?' } })).status);
    const agreement = await call('POST', `/api/sessions/${session.id}/agreements`, { token, body: { who: 'coachee', what: 'Elke ochtend tien minuten plannen' } });
    statuses.push(agreement.status);
    statuses.push((await call('PATCH', `/api/agreements/${agreement.body.id}`, { token, body: { status: 'done' } })).status);
    statuses.push((await call('GET', `/api/sessions/${session.id}/slots?from=${encodeURIComponent(at(2))}&to=${encodeURIComponent(at(16))}`, { token })).status);
    const link = (await call('GET', `/api/engagements/${engagement.id}/link`, { token })).body.url.split('/c/')[1];
    statuses.push((await call('GET', `/api/c/${link}`)).status);
    statuses.push((await call('GET', `/api/c/${link}/slots`)).status);
    statuses.push((await call('POST', `/api/c/${link}/agenda`, { body: { title: 'Terugblik op de week' } })).status);
    const me = (await call('GET', '/api/me', { token })).body;
    statuses.push((await call('GET', new URL(me.calendar.icsUrl).pathname)).status);
    statuses.push((await call('GET', `/api/sessions/${session.id}/invite.ics`, { token })).status);
    statuses.push((await call('GET', `/api/coachees/${coachee.id}/export`, { token })).status);
    statuses.push((await call('POST', `/api/engagements/${engagement.id}/link`, { token })).status);
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: '*/15 * * * *' }), env, ctx);
    await waitOnExecutionContext(ctx);
    statuses.push((await call('DELETE', `/api/coachees/${coachee.id}`, { token })).status);

    // Every call did its work (the meeting lookup finds no session: that lookup is what it checks).
    expect(statuses).toEqual([200, 200, 200, 200, 404, 200, 200, 201, 201, 200, 200, 200, 200, 201, 200, 200, 200, 201, 204]);
    expect(recorder.texts.size).toBeGreaterThan(40);
    expect(await planProblems(recorder.texts)).toEqual([]);
  });
});
