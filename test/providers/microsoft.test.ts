/** Microsoft Graph adapter: the calendar contract over the Graph fake, plus Graph-only behaviour. */
import { describe, expect, it } from 'vitest';
import { createMicrosoftCalendar } from '../../worker/providers/microsoft';
import { MicrosoftGraphFake } from '../fakes/microsoft-graph';
import { calendarContract, connect, rejection } from './contract';

function setup(options: { expiredCredentials?: boolean } = {}) {
  const fake = new MicrosoftGraphFake();
  const { deps, remote } = connect(fake, options);
  return { fake, remote, provider: createMicrosoftCalendar(deps) };
}

calendarContract('microsoft', async (options) => {
  const { fake, remote, provider } = setup(options);
  return {
    provider,
    remote,
    editExternally: async (id, description) => fake.editEvent(id, { bodyHtml: description }),
    countEvents: async () => fake.events.size,
  };
});

const T0 = Date.UTC(2027, 2, 28, 11, 0);
const HOUR = 3_600_000;
const base = { title: 'Sessie', description: '<p>Agenda</p>', startMs: T0, endMs: T0 + HOUR, timeZone: 'Europe/Amsterdam', attendees: [{ email: 'sam@example.org', name: 'Sam' }] };

describe('microsoft specifics', () => {
  it('posts UTC times, the event key as transactionId and a Teams request; asks for UTC and HTML back', async () => {
    const { fake, provider } = setup();
    const created = await provider.createEvent({ ...base, eventKey: 'booking-0101', conference: true });
    const post = fake.requests.find((r) => r.method === 'POST' && r.path === '/v1.0/me/events')!;
    expect(post.body).toMatchObject({
      transactionId: 'booking-0101',
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      start: { dateTime: '2027-03-28T11:00:00.000', timeZone: 'UTC' },
      body: { contentType: 'HTML', content: '<p>Agenda</p>' },
      attendees: [{ emailAddress: { address: 'sam@example.org', name: 'Sam' }, type: 'required' }],
    });
    expect(post.headers.get('prefer')).toContain('outlook.timezone="UTC"');
    expect(created.meetingUrl).toMatch(/^https:\/\/teams\.microsoft\.com\//);
  });

  it('keeps the Teams meeting and its join block when the caller merges its block into the body', async () => {
    const { provider } = setup();
    const created = await provider.createEvent({ ...base, eventKey: 'booking-0102', conference: true });
    const current = (await provider.getEvent(created.externalId))!;
    expect(current.description.startsWith('<p>Agenda</p>')).toBe(true);
    expect(current.description).toContain(created.meetingUrl);
    const merged = current.description.replace('<p>Agenda</p>', '<p>Agenda v2</p>');
    await provider.updateEvent(created.externalId, { description: merged }, { etag: current.etag! });
    const after = (await provider.getEvent(created.externalId))!;
    expect(after.description).toBe(merged);
    expect(after.meetingUrl).toBe(created.meetingUrl);
  });

  it('PATCH sends only the given fields, never the online-meeting ones', async () => {
    const { fake, provider } = setup();
    const created = await provider.createEvent({ ...base, eventKey: 'booking-0103', conference: true });
    await provider.updateEvent(created.externalId, { time: { startMs: T0 + HOUR, endMs: T0 + 2 * HOUR, timeZone: 'Europe/Amsterdam' } }, { etag: created.etag! });
    const patch = fake.requests.find((r) => r.method === 'PATCH')!;
    expect(patch.body).toEqual({ start: { dateTime: '2027-03-28T12:00:00.000', timeZone: 'UTC' }, end: { dateTime: '2027-03-28T13:00:00.000', timeZone: 'UTC' } });
    expect(patch.headers.get('if-match')).toBe(created.etag);
  });

  it('reads the mailbox once from /me and splits getSchedule windows under 62 days', async () => {
    const { fake, provider } = setup();
    await provider.freeBusy({ fromMs: T0, toMs: T0 + 130 * 24 * HOUR });
    await provider.freeBusy({ fromMs: T0, toMs: T0 + 24 * HOUR });
    expect(fake.requests.filter((r) => r.path === '/v1.0/me')).toHaveLength(1);
    const calls = fake.requests.filter((r) => r.path === '/v1.0/me/calendar/getSchedule');
    expect(calls).toHaveLength(4);
    expect(calls[0]?.body).toMatchObject({ schedules: [fake.mailbox] });
  });

  it('counts busy, tentative and out-of-office as busy, free and working elsewhere as free', async () => {
    const { fake, provider } = setup();
    const shows = ['busy', 'tentative', 'oof', 'free', 'workingElsewhere'] as const;
    for (const [i, showAs] of shows.entries()) {
      const created = await provider.createEvent({ ...base, eventKey: `booking-02${i}x`, startMs: T0 + 2 * i * HOUR, endMs: T0 + (2 * i + 1) * HOUR, conference: false });
      fake.editEvent(created.externalId, { showAs });
    }
    expect(await provider.freeBusy({ fromMs: T0, toMs: T0 + 24 * HOUR })).toEqual([0, 1, 2].map((i) => ({ startMs: T0 + 2 * i * HOUR, endMs: T0 + (2 * i + 1) * HOUR })));
  });

  it('honours Retry-After as an HTTP date on 503', async () => {
    const { fake, provider } = setup();
    fake.failNext(503, { 'retry-after': new Date(Date.now() + 120_000).toUTCString() });
    const error = await rejection(provider.getEvent('AAMkAGFake'));
    expect(error.kind).toBe('upstream');
    expect(error.retryAfterMs).toBeGreaterThan(100_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(120_000);
  });

  it('reports a 412 from Graph with its code', async () => {
    const { provider } = setup();
    const created = await provider.createEvent({ ...base, eventKey: 'booking-0104', conference: false });
    const error = await rejection(provider.updateEvent(created.externalId, { title: 'x' }, { etag: 'W/"stale"' }));
    expect(error).toMatchObject({ kind: 'precondition', status: 412, reason: 'ErrorIrresolvableConflict' });
  });
});
