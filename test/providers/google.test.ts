/** Google Calendar adapter: the calendar contract over the Google fake, plus Google-only behaviour. */
import { describe, expect, it } from 'vitest';
import { createGoogleCalendar, googleEventId } from '../../worker/providers/google';
import { GoogleCalendarFake } from '../fakes/google-calendar';
import { calendarContract, connect, rejection } from './contract';

function setup(options: { expiredCredentials?: boolean } = {}) {
  const fake = new GoogleCalendarFake();
  const { deps, remote } = connect(fake, options);
  return { fake, remote, provider: createGoogleCalendar(deps) };
}

calendarContract('google', async (options) => {
  const { fake, remote, provider } = setup(options);
  return {
    provider,
    remote,
    editExternally: async (id, description) => fake.editEvent(id, { description }),
    countEvents: async () => fake.liveEvents().length,
  };
});

const T0 = Date.UTC(2027, 9, 31, 12, 0);
const base = { title: 'Sessie', description: '<p>x</p>', startMs: T0, endMs: T0 + 3_600_000, timeZone: 'Europe/Amsterdam', attendees: [{ email: 'sam@example.org' }] };

describe('google specifics', () => {
  it('derives event ids in base32hex from the event key: stable, distinct, within Google limits', () => {
    const id = googleEventId('3f2b8c1e-9a7d-4c55-b0e2-6d1f4a8e9c01');
    expect(id).toMatch(/^[a-v0-9]{5,1024}$/);
    expect(googleEventId('3f2b8c1e-9a7d-4c55-b0e2-6d1f4a8e9c01')).toBe(id);
    expect(googleEventId('abcdefgh')).not.toBe(googleEventId('abcdefgi'));
    expect(googleEventId('fooba')).toBe('cpnmuoj1'); // RFC 4648 §10 test vectors, lowercase and unpadded
    expect(googleEventId('foobar')).toBe('cpnmuoj1e8');
    expect(googleEventId('x'.repeat(64))).toHaveLength(103);
  });

  it('inserts with our id, conferenceDataVersion=1, a Meet request keyed by the event key and sendUpdates=all', async () => {
    const { fake, provider } = setup();
    const created = await provider.createEvent({ ...base, eventKey: 'booking-0001', conference: true });
    expect(created.externalId).toBe(googleEventId('booking-0001'));
    expect(created.meetingUrl).toBeUndefined(); // Meet links are built asynchronously
    const insert = fake.requests.find((r) => r.method === 'POST' && r.path.endsWith('/events'))!;
    expect(insert.query.get('conferenceDataVersion')).toBe('1');
    expect(insert.query.get('sendUpdates')).toBe('all');
    expect(insert.body).toMatchObject({
      id: created.externalId,
      start: { dateTime: '2027-10-31T12:00:00.000Z', timeZone: 'Europe/Amsterdam' },
      attendees: [{ email: 'sam@example.org' }],
      conferenceData: { createRequest: { requestId: 'booking-0001', conferenceSolutionKey: { type: 'hangoutsMeet' } } },
    });
    expect((await provider.getEvent(created.externalId))?.meetingUrl).toMatch(/^https:\/\/meet\.google\.com\//);
  });

  it('a 409 on insert reads the event back; an id of a deleted event is a conflict', async () => {
    const { fake, provider } = setup();
    const first = await provider.createEvent({ ...base, eventKey: 'booking-0002', conference: false });
    const again = await provider.createEvent({ ...base, eventKey: 'booking-0002', conference: false });
    expect(again).toEqual(first);
    expect(fake.requests.filter((r) => r.method === 'GET')).toHaveLength(1);
    await provider.deleteEvent(first.externalId);
    const error = await rejection(provider.createEvent({ ...base, eventKey: 'booking-0002', conference: false }));
    expect(error).toMatchObject({ kind: 'conflict', reason: 'duplicate' });
  });

  it('sends If-Match on guarded writes and sendUpdates=none when asked not to notify', async () => {
    const { fake, provider } = setup();
    const created = await provider.createEvent({ ...base, eventKey: 'booking-0003', conference: false });
    await provider.updateEvent(created.externalId, { description: '<p>y</p>' }, { etag: created.etag!, notify: false });
    const patch = fake.requests.find((r) => r.method === 'PATCH')!;
    expect(patch.headers.get('if-match')).toBe(created.etag);
    expect(patch.query.get('sendUpdates')).toBe('none');
    expect(patch.body).toEqual({ description: '<p>y</p>' });
  });

  it('splits free/busy ranges longer than 90 days', async () => {
    const { fake, provider } = setup();
    await provider.freeBusy({ fromMs: T0, toMs: T0 + 200 * 86_400_000 });
    const calls = fake.requests.filter((r) => r.path === '/calendar/v3/freeBusy');
    expect(calls).toHaveLength(3);
    expect(calls.map((c) => (c.body as { timeMin: string }).timeMin)).toEqual([T0, T0 + 90 * 86_400_000, T0 + 180 * 86_400_000].map((t) => new Date(t).toISOString()));
  });

  it('maps 403 rateLimitExceeded to rate_limit and 403 forbidden to auth', async () => {
    const { fake, provider } = setup();
    fake.failNext(403);
    expect(await rejection(provider.getEvent('abcdefghij'))).toMatchObject({ kind: 'rate_limit', reason: 'rateLimitExceeded' });
    fake.failNext(403, {}, { error: { code: 403, message: 'Forbidden', errors: [{ reason: 'forbidden' }] } });
    expect(await rejection(provider.getEvent('abcdefghij'))).toMatchObject({ kind: 'auth', reason: 'forbidden' });
  });

  it('a free/busy calendar error is reported, not read as a free calendar', async () => {
    const { fake } = setup();
    const { deps } = connect(fake);
    const other = createGoogleCalendar(deps, { calendarId: 'team@example.org' });
    expect(await rejection(other.freeBusy({ fromMs: T0, toMs: T0 + 86_400_000 }))).toMatchObject({ kind: 'not_found', reason: 'notFound' });
  });
});
