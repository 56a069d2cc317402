/** Zoom adapter: the meeting contract over the Zoom fake, plus Zoom-only behaviour. */
import { describe, expect, it } from 'vitest';
import { createZoomMeetings, truncateText } from '../../worker/providers/zoom';
import { ZoomFake } from '../fakes/zoom';
import { connect, rejection } from './contract';
import { meetingContract } from './meeting-contract';

function setup() {
  const fake = new ZoomFake();
  const { deps, remote } = connect(fake);
  const recorded = new Map<string, string>();
  const provider = createZoomMeetings(deps, { findExisting: async (key) => recorded.get(key) ?? null });
  return { fake, remote, recorded, provider };
}

meetingContract('zoom', async () => {
  const { fake, remote, recorded, provider } = setup();
  return { provider, recorded, remote, countMeetings: () => fake.meetings.size };
});

const T0 = Date.UTC(2027, 9, 31, 8, 30);

describe('zoom specifics', () => {
  it('creates a scheduled meeting with a GMT start time without milliseconds', async () => {
    const { fake, provider } = setup();
    await provider.createMeeting({ meetingKey: 'bk-0001', topic: 'Sessie', agenda: 'Agenda', startMs: T0 + 250, durationMinutes: 50, timeZone: 'Europe/Amsterdam' });
    expect(fake.requests[0]).toMatchObject({ method: 'POST', path: '/v2/users/me/meetings' });
    expect(fake.requests[0]?.body).toEqual({ type: 2, topic: 'Sessie', agenda: 'Agenda', start_time: '2027-10-31T08:30:00Z', duration: 50, timezone: 'Europe/Amsterdam' });
  });

  it('refuses a duration that is not whole minutes before calling Zoom', async () => {
    const { fake, provider } = setup();
    expect((await rejection(provider.createMeeting({ meetingKey: 'bk-0002', topic: 'S', agenda: '', startMs: T0, durationMinutes: 12.5, timeZone: 'UTC' }))).kind).toBe('invalid');
    expect(fake.requests).toHaveLength(0);
  });

  it('reports the daily create cap as rate_limit with the wait until midnight UTC', async () => {
    const { provider } = setup();
    const input = { topic: 'S', agenda: '', startMs: T0, durationMinutes: 30, timeZone: 'UTC' };
    for (let i = 0; i < 100; i++) await provider.createMeeting({ ...input, meetingKey: `bk-${i}` });
    const error = await rejection(provider.createMeeting({ ...input, meetingKey: 'bk-100' }));
    expect(error).toMatchObject({ kind: 'rate_limit', status: 429 });
    expect(error.retryAfterMs).toBeGreaterThan(0);
    expect(error.retryAfterMs).toBeLessThanOrEqual(86_400_000);
  });

  it('finds a meeting by its agenda reference across list pages, reading a same-start meeting in full only when needed', async () => {
    const { fake, provider } = setup();
    const add = (id: number, startMs: number, agenda: string) =>
      fake.meetings.set(id, { id, topic: 'S', agenda, startMs, duration: 30, timezone: 'UTC', createdMs: T0 - 60_000 });
    for (let i = 0; i < 300; i++) add(90_000_000_000 + i, Date.now() + 3_600_000 + i * 60_000, `Andere sessie ${i}`);
    add(91_000_000_000, T0, 'Agenda\n\nref cc-0123456789abcdef');
    add(91_000_000_001, T0 + 60_000, 'Zelfde begin, zonder referentie');
    expect(await provider.findMeeting({ agendaRef: 'ref cc-0123456789abcdef', startMs: T0 })).toEqual({ meetingId: '91000000000', joinUrl: 'https://zoom.us/j/91000000000?pwd=fake' });
    const lists = fake.requests.filter((r) => r.path === '/v2/users/me/meetings');
    expect(lists.map((r) => [r.query.get('type'), r.query.get('page_size'), r.query.get('next_page_token') !== null])).toEqual([
      ['upcoming', '300', false],
      ['upcoming', '300', true],
    ]);
    expect(await provider.findMeeting({ agendaRef: 'ref cc-ffffffffffffffff', startMs: T0 + 60_000 })).toBeNull();
    expect(fake.requests.filter((r) => r.path === '/v2/meetings/91000000001')).toHaveLength(1);
  });

  it('maps a Zoom 404 body to not_found with the Zoom code', async () => {
    const { provider } = setup();
    expect(await rejection(provider.updateMeeting('81234500000', { topic: 'x' }))).toMatchObject({ kind: 'not_found', reason: '3001' });
  });
});

describe('truncateText', () => {
  it('leaves short text alone', () => {
    expect(truncateText('kort', 10)).toBe('kort');
    expect(truncateText('x'.repeat(10), 10)).toBe('x'.repeat(10));
  });

  it('cuts at a word boundary in the last third and marks the cut', () => {
    expect(truncateText('een twee drie vier vijf', 16)).toBe('een twee drie…');
  });

  it('cuts inside a word when there is no boundary late enough', () => {
    expect(truncateText('a bcdefghijklmnopqrstuvwxyz', 10)).toBe('a bcdefgh…');
  });

  it('counts code points, never splitting a surrogate pair', () => {
    const out = truncateText('🙂'.repeat(10), 5);
    expect(Array.from(out)).toHaveLength(5);
    expect(out).toBe('🙂🙂🙂🙂…');
  });
});
