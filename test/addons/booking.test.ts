/** Booking the next session: slots by local day, "more" up to the horizon, idempotent retries, 409/422/offline. */
import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { Booking, DAYS_PER_PAGE, groupByDay, HORIZON_DAYS, WINDOW_DAYS } from '../../addons/common/models/booking';
import type { Session as SessionData, Slot } from '../../shared/protocol';
import { DAY, ZONE, flush, server } from './booking-support';
import { T0, idSource, manualClock } from './support';

/** A booking model on the fake server; `onBooked` collects what it reports. */
function booking(nowMs = T0, online = signal(true)) {
  const s = server(nowMs);
  const booked: SessionData[] = [];
  const model = new Booking({ api: s.api, clock: manualClock(nowMs), newId: idSource('key'), online: () => online.value, timeZone: ZONE, onBooked: (b) => booked.push(b) });
  return { ...s, model, online, onBooked: booked };
}

const slot = (startsAt: string, endsAt: string): Slot => ({ startsAt, endsAt });

describe('groupByDay', () => {
  it('groups by the local date of the zone, not by UTC', () => {
    const slots = [slot('2027-03-29T23:30:00Z', '2027-03-30T00:30:00Z'), slot('2027-03-30T07:00:00Z', '2027-03-30T08:00:00Z'), slot('2027-03-30T22:30:00Z', '2027-03-30T23:30:00Z')];
    const summary = (zone: string) => groupByDay(slots, zone).map((d) => [d.date, d.slots.length]);
    expect(summary('Europe/Amsterdam')).toEqual([
      ['2027-03-30', 2],
      ['2027-03-31', 1],
    ]);
    expect(summary('America/New_York')).toEqual([
      ['2027-03-29', 1],
      ['2027-03-30', 2],
    ]);
    expect(groupByDay([], ZONE)).toEqual([]);
  });
});

describe('Booking', () => {
  it('shows a few days at a time and asks for the next window only when "more" needs it, up to the horizon', async () => {
    const { model, slotsAsked } = booking();
    model.start();
    await flush();
    expect(slotsAsked).toEqual([{ from: new Date(T0).toISOString(), to: new Date(T0 + WINDOW_DAYS * DAY).toISOString() }]);
    // Sunday 28 March (the DST change) has no working hours; the first days are Monday to Wednesday.
    expect(model.days.value.map((d) => d.date)).toEqual(['2027-03-29', '2027-03-30', '2027-03-31']);
    expect(model.days.value[0]!.slots.map((s) => s.startsAt)).toEqual(['2027-03-29T09:00:00+02:00', '2027-03-29T10:00:00+02:00', '2027-03-29T11:00:00+02:00']);
    expect(model.zone.value).toBe(ZONE);
    expect(model.more.value).toBe(true);

    await model.showMore();
    expect(model.days.value).toHaveLength(2 * DAYS_PER_PAGE);
    expect(slotsAsked).toHaveLength(2);
    expect(slotsAsked[1]!.from).toBe(slotsAsked[0]!.to);
    await model.showMore();
    expect(slotsAsked).toHaveLength(2); // ten weekdays are known; nine are shown
    while (model.more.value) await model.showMore();
    expect(slotsAsked).toHaveLength(HORIZON_DAYS / WINDOW_DAYS);
    expect(slotsAsked.at(-1)!.to).toBe(new Date(T0 + HORIZON_DAYS * DAY).toISOString());
    expect(model.days.value).toHaveLength(60);
  });

  it('sends the same Idempotency-Key when a booking is retried after a network failure, so it books once', async () => {
    const { model, keys, booked, failures, onBooked } = booking();
    model.start();
    await flush();
    const first = model.days.value[0]!.slots[0]!;
    model.choose(first);
    failures.push({ title: 'offline', detail: '' });
    await model.confirm();
    expect(model.result.value).toEqual({ kind: 'offline' });
    expect(model.chosen.value).toBe(first);

    // The request reaches the server and books, but the answer is lost on the way back.
    failures.push('lost-after-booking');
    await model.confirm();
    expect(model.result.value).toEqual({ kind: 'offline' });
    // A 500 may also have booked: the key stays.
    failures.push({ title: 'Internal error', detail: 'x', status: 500 });
    await model.confirm();
    expect(model.result.value).toEqual({ kind: 'failed' });

    await model.confirm();
    expect(keys).toEqual(['key-000001', 'key-000001', 'key-000001', 'key-000001']);
    expect(booked).toHaveLength(1);
    expect(model.result.value).toMatchObject({ kind: 'booked', session: { id: 'booked-0001', startsAt: first.startsAt } });
    expect(onBooked.map((s) => s.id)).toEqual(['booked-0001']);
    expect(model.chosen.value).toBeNull();

    // Booking another: a fresh list without the booked time, and a fresh key.
    model.start();
    await flush();
    expect(model.days.value[0]!.slots.map((s) => s.startsAt)).not.toContain(first.startsAt);
    model.choose(model.days.value[0]!.slots.at(-1)!);
    await model.confirm();
    expect(keys.at(-1)).toBe('key-000002');
    expect(booked).toHaveLength(2);
  });

  it('while the outcome of a request is unknown, only the same time can be tried again', async () => {
    const { model, keys, booked, failures } = booking();
    model.start();
    await flush();
    const [first, other] = model.days.value[0]!.slots;
    model.choose(first!);
    failures.push('lost-after-booking');
    await model.confirm();
    expect(model.unresolved.value).toBe(true);
    const settledBefore = model.settled.value;
    // Picking another time or cancelling would risk a second session: refused until the first is answered.
    model.choose(other!);
    expect(model.chosen.value).toBe(first);
    model.choose(null);
    expect(model.chosen.value).toBe(first);
    await model.confirm();
    expect(keys).toEqual(['key-000001', 'key-000001']);
    expect(booked).toHaveLength(1);
    expect(model.unresolved.value).toBe(false);
    expect(model.settled.value).toBe(settledBefore + 1);
  });

  it('refreshes the slots and says so when the time was just taken (409), with a new key for the next try', async () => {
    const { model, keys, booked, failures, slotsAsked } = booking();
    model.start();
    await flush();
    const taken = model.days.value[0]!.slots[1]!;
    model.choose(taken);
    // Someone else books that hour first.
    booked.push({ startMs: Date.parse(taken.startsAt), endMs: Date.parse(taken.endsAt) });
    failures.push({ title: 'Conflict', detail: 'There is already a session at or too close to that time; pick another slot', status: 409 });
    await model.confirm();
    await flush();
    expect(model.result.value).toEqual({ kind: 'taken' });
    expect(model.chosen.value).toBeNull();
    expect(slotsAsked).toHaveLength(2);
    expect(model.days.value[0]!.slots.map((s) => s.startsAt)).not.toContain(taken.startsAt);

    model.choose(model.days.value[1]!.slots[0]!);
    await model.confirm();
    expect(keys).toEqual(['key-000001', 'key-000002']);
    expect(model.result.value?.kind).toBe('booked');
  });

  it("shows the API's reason for a refused time (422) and refreshes the list", async () => {
    const { model, failures, slotsAsked } = booking();
    model.start();
    await flush();
    model.choose(model.days.value[0]!.slots[0]!);
    failures.push({ title: 'Invalid', detail: 'Sessions are booked at least 12 hours ahead; pick a later time', status: 422 });
    await model.confirm();
    await flush();
    expect(model.result.value).toEqual({ kind: 'invalid', detail: 'Sessions are booked at least 12 hours ahead; pick a later time' });
    expect(slotsAsked).toHaveLength(2);
  });

  it('sends nothing while offline and books only when asked again once online', async () => {
    const online = signal(false);
    const { model, keys } = booking(T0, online);
    model.start();
    await flush();
    model.choose(model.days.value[0]!.slots[0]!);
    await model.confirm();
    expect(model.result.value).toEqual({ kind: 'offline' });
    expect(keys).toEqual([]);
    online.value = true;
    expect(model.result.value).toEqual({ kind: 'offline' });
    await model.confirm();
    expect(model.result.value?.kind).toBe('booked');
    expect(keys).toHaveLength(1);
  });

  it('sends one request when confirm is pressed twice', async () => {
    const { model, keys } = booking();
    model.start();
    await flush();
    model.choose(model.days.value[0]!.slots[0]!);
    const twice = [model.confirm(), model.confirm()];
    expect(model.busy.value).toBe(true);
    await Promise.all(twice);
    expect(keys).toHaveLength(1);
    expect(model.busy.value).toBe(false);
  });

  it('offers to try again when the slots could not be loaded', async () => {
    const s = server();
    let fail = true;
    const model = new Booking({
      api: { ...s.api, slots: (from, to) => (fail ? Promise.reject({ title: 'offline', detail: '' }) : s.api.slots(from, to)) },
      clock: manualClock(T0),
      newId: idSource('key'),
      online: () => true,
      timeZone: ZONE,
    });
    model.start();
    await flush();
    expect(model.loadFailed.value).toBe(true);
    expect(model.days.value).toEqual([]);
    fail = false;
    await model.showMore();
    expect(model.loadFailed.value).toBe(false);
    expect(model.days.value).toHaveLength(DAYS_PER_PAGE);
  });
});
