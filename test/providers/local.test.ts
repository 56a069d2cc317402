/** Local calendar (D1): the calendar contract on the real test database, plus local-only behaviour. */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { buildCalendarFeed, icsFromLocal } from '../../worker/providers/ical';
import { createLocalCalendar } from '../../worker/providers/local';
import { upsertCoachByEmail } from '../../worker/storage/coaches';
import { calendarContract, rejection } from './contract';

const ALL_TIME = { fromMs: 0, toMs: Number.MAX_SAFE_INTEGER };

/** A real coach row (local_events references coaches). */
async function newCoach(): Promise<string> {
  return (await upsertCoachByEmail(env.DB, `coach-${crypto.randomUUID()}@example.nl`, 'Anna', Date.now())).id;
}

async function setup(coachId?: string) {
  return createLocalCalendar({ db: env.DB, coachId: coachId ?? (await newCoach()) });
}

calendarContract('local', async () => {
  const coachId = await newCoach();
  const provider = await setup(coachId);
  const otherWriter = await setup(coachId);
  return {
    provider,
    editExternally: async (id, description) => {
      await otherWriter.updateEvent(id, { description });
    },
    countEvents: async () => (await provider.listEvents(ALL_TIME)).length,
  };
});

const T0 = Date.UTC(2027, 2, 28, 12, 0);
const base = { title: 'Sessie', description: 'Agenda', startMs: T0, endMs: T0 + 3_600_000, timeZone: 'Europe/Amsterdam', attendees: [{ email: 'sam@example.org', name: 'Sam' }], conference: false };

describe('local specifics', () => {
  it('keeps each coach to their own events', async () => {
    const mine = await setup();
    const theirs = await setup();
    const created = await mine.createEvent({ ...base, eventKey: `bk_${crypto.randomUUID()}` });
    expect(await theirs.getEvent(created.externalId)).toBeNull();
    expect((await rejection(theirs.updateEvent(created.externalId, { title: 'x' }))).kind).toBe('not_found');
    await theirs.deleteEvent(created.externalId);
    expect(await mine.getEvent(created.externalId)).not.toBeNull();
    expect(await theirs.freeBusy(ALL_TIME)).toEqual([]);
  });

  it('uses the sequence number as etag and keeps a cancelled row with a higher sequence', async () => {
    const calendar = await setup();
    const created = await calendar.createEvent({ ...base, eventKey: `bk_${crypto.randomUUID()}`, location: 'Praktijk Utrecht' });
    expect(created.etag).toBe('0');
    expect(await calendar.updateEvent(created.externalId, { title: 'Sessie 2' }, { etag: '0' })).toEqual({ etag: '1' });
    await calendar.deleteEvent(created.externalId);
    expect(await calendar.listEvents(ALL_TIME)).toEqual([]);
    const [cancelled] = await calendar.listEvents(ALL_TIME, { includeCancelled: true });
    expect(cancelled).toMatchObject({ id: created.externalId, status: 'cancelled', sequence: 2, title: 'Sessie 2', location: 'Praktijk Utrecht', attendees: base.attendees });
  });

  it('refuses to reuse the key of a deleted event, and events that end before they start', async () => {
    const calendar = await setup();
    const eventKey = `bk_${crypto.randomUUID()}`;
    const created = await calendar.createEvent({ ...base, eventKey });
    await calendar.deleteEvent(created.externalId);
    expect((await rejection(calendar.createEvent({ ...base, eventKey }))).kind).toBe('conflict');
    expect((await rejection(calendar.createEvent({ ...base, eventKey: `bk_${crypto.randomUUID()}`, endMs: T0 }))).kind).toBe('invalid');
  });

  it('treats an etag that is not a sequence number as stale', async () => {
    const calendar = await setup();
    const created = await calendar.createEvent({ ...base, eventKey: `bk_${crypto.randomUUID()}` });
    expect((await rejection(calendar.updateEvent(created.externalId, { title: 'x' }, { etag: '"3181161784712000"' }))).kind).toBe('precondition');
  });

  it('feeds its events into an iCalendar feed with stable UIDs and growing SEQUENCE', async () => {
    const calendar = await setup();
    const created = await calendar.createEvent({ ...base, eventKey: `bk_${crypto.randomUUID()}`, description: 'Agenda:\n- grenzen stellen' });
    await calendar.updateEvent(created.externalId, { time: { startMs: T0 + 3_600_000, endMs: T0 + 7_200_000, timeZone: 'Europe/Amsterdam' } });
    const events = (await calendar.listEvents(ALL_TIME)).map((e) => icsFromLocal(e, 'coaching.example'));
    const vevent = new ICAL.Component(ICAL.parse(buildCalendarFeed(events, { name: 'Coachagenda', timeZone: 'Europe/Amsterdam' }))).getFirstSubcomponent('vevent')!;
    const read = new ICAL.Event(vevent);
    expect(read.uid).toBe(`${created.externalId}@coaching.example`);
    expect(read.sequence).toBe(1);
    expect(read.description).toBe('Agenda:\n- grenzen stellen');
    expect(read.startDate.toJSDate().getTime()).toBe(T0 + 3_600_000);
  });
});
