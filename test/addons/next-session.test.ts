/** The calendar status with backoff after a publish, and the next session in the panel and on the coachee page. */
import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { CoacheePage } from '../../addons/coachee/coachee-model';
import { CalendarStatus, CHECK_DELAYS_MS } from '../../addons/panel/models/calendar-status';
import { Session } from '../../addons/panel/models/session';
import type { Problem } from '../../addons/common/ports';
import type { PanelApi } from '../../addons/panel/ports';
import type { Session as SessionData } from '../../shared/protocol';
import { ZONE, flush, server } from './booking-support';
import { Booking } from '../../addons/common/models/booking';
import { SESSION_ID, T0, idSource, manualClock, memoryStore, panelData, onboardedCoachee } from './support';

/** A calendar API whose session answers come from a list (the last one repeats). */
function calendarApi(statuses: SessionData['calendarStatus'][], publishFails = false) {
  const calls: string[] = [];
  let pending: (() => void) | null = null;
  let hold = false;
  const answer = (calendarStatus: SessionData['calendarStatus']): SessionData => ({ ...panelData().session, calendarStatus, meetingUrl: calendarStatus === 'synced' ? 'https://meet.example.test/abc' : null });
  return {
    calls,
    /** Keeps the next check on its way until `release()`. */
    holdNext: () => void (hold = true),
    release: () => pending?.(),
    api: {
      async publish(id: string) {
        calls.push(`publish ${id}`);
        if (publishFails) throw { title: 'offline', detail: '' } satisfies Problem;
        return answer('pending');
      },
      async session(id: string) {
        calls.push(`get ${id}`);
        if (hold) {
          hold = false;
          await new Promise<void>((resolve) => (pending = resolve));
        }
        return answer(statuses.length > 1 ? statuses.shift()! : statuses[0]!);
      },
    },
  };
}

describe('CalendarStatus', () => {
  it('after publishing, checks with growing delays until the invite is in the calendar', async () => {
    const clock = manualClock(T0);
    const cal = calendarApi(['pending', 'synced']);
    const status = new CalendarStatus({ api: cal.api, clock, sessionId: SESSION_ID, known: { ...panelData().session, calendarStatus: 'synced' }, onProblem: () => undefined });
    await status.publish();
    expect(status.session.value?.calendarStatus).toBe('pending');
    expect(cal.calls).toEqual([`publish ${SESSION_ID}`]);
    clock.advance(CHECK_DELAYS_MS[0]! - 1);
    expect(cal.calls).toHaveLength(1);
    clock.advance(1);
    await flush();
    expect(cal.calls).toHaveLength(2);
    expect(status.session.value?.calendarStatus).toBe('pending');
    clock.advance(CHECK_DELAYS_MS[1]! - 1);
    await flush();
    expect(cal.calls).toHaveLength(2);
    clock.advance(1);
    await flush();
    expect(status.session.value).toMatchObject({ calendarStatus: 'synced', meetingUrl: 'https://meet.example.test/abc' });
    clock.advance(10 * 60_000);
    await flush();
    expect(cal.calls).toHaveLength(3);
  });

  it('gives up after the last delay while still pending, and checks at once when the status is not known', async () => {
    const clock = manualClock(T0);
    const cal = calendarApi(['pending']);
    const status = new CalendarStatus({ api: cal.api, clock, sessionId: 'session-next-01', known: null, onProblem: () => undefined });
    status.watch();
    clock.advance(0);
    await flush();
    expect(cal.calls).toEqual(['get session-next-01']);
    for (let i = 0; i < 20; i++) {
      clock.advance(8_000);
      await flush();
    }
    // The first check found it pending; then one check per remaining delay.
    expect(cal.calls).toHaveLength(CHECK_DELAYS_MS.length);
    expect(status.session.value?.calendarStatus).toBe('pending');
  });

  it('stops when the coach leaves the tab, also while a check is on its way', async () => {
    const clock = manualClock(T0);
    const cal = calendarApi(['synced']);
    const status = new CalendarStatus({ api: cal.api, clock, sessionId: SESSION_ID, known: { ...panelData().session, calendarStatus: 'pending' }, onProblem: () => undefined });
    status.watch();
    cal.holdNext();
    clock.advance(CHECK_DELAYS_MS[0]!);
    status.stop();
    cal.release();
    await flush();
    expect(status.session.value?.calendarStatus).toBe('pending');
    clock.advance(60_000);
    await flush();
    expect(cal.calls).toHaveLength(1);
  });

  it('hands a failed publish to the panel and keeps the status it had', async () => {
    const problems: Problem[] = [];
    const cal = calendarApi(['synced'], true);
    const status = new CalendarStatus({ api: cal.api, clock: manualClock(T0), sessionId: SESSION_ID, known: { ...panelData().session, calendarStatus: 'failed' }, onProblem: (p) => problems.push(p) });
    await status.publish();
    expect(problems).toEqual([{ title: 'offline', detail: '' }]);
    expect(status.session.value?.calendarStatus).toBe('failed');
    expect(status.publishing.value).toBe(false);
  });
});

describe('Session: next session', () => {
  function panelApi(s: ReturnType<typeof server>): PanelApi {
    return {
      loadPanel: async () => panelData(),
      switchModel: () => Promise.reject(new Error('not here')),
      modelsIn: async () => [],
      invitePreview: async () => panelData().invite,
      referral: () => Promise.reject(new Error('not here')),
      slots: (_id, from, to) => s.api.slots(from, to),
      bookNext: (_id, startsAt, key) => s.api.book(startsAt, key),
      publish: async () => ({ ...panelData().session, calendarStatus: 'pending' }),
      session: async (id) => ({ ...panelData().session, id, calendarStatus: 'synced' }),
    };
  }
  const deps = (api: PanelApi) => ({ api, clock: manualClock(T0), store: memoryStore(), newId: idSource('op'), locale: signal<'nl' | 'en'>('nl'), online: () => true });

  it('shows the next session from the load, and the one just booked with its calendar status', async () => {
    const s = server();
    const next = { id: 'session-next-01', startsAt: '2027-04-04T10:00:00+02:00', endsAt: '2027-04-04T11:00:00+02:00', calendarStatus: 'synced' as const };
    const session = new Session(panelData({ nextSession: next }), false, deps(panelApi(s)));
    const fromLoad = session.next.value!;
    expect(fromLoad.session.value).toBeNull();

    const booking = session.booking(Booking);
    expect(session.booking(Booking)).toBe(booking);
    booking.start();
    await flush();
    booking.choose(booking.days.value[0]!.slots[0]!);
    await booking.confirm();
    const booked = session.next.value!;
    expect(booked).not.toBe(fromLoad);
    expect(booked.session.value).toMatchObject({ id: 'booked-0001', calendarStatus: 'pending' });
  });

  it('has no next session when the engagement has none', () => {
    const session = new Session(panelData(), false, deps(panelApi(server())));
    expect(session.next.value).toBeNull();
    expect(session.calendar.session.value?.calendarStatus).toBe('none');
  });
});

describe('CoacheePage: next session', () => {
  function coachee(session: { startsAt: string; endsAt: string }, nextSession: { id: string; startsAt: string; endsAt: string } | null, inviteFiles = true) {
    const s = server();
    const view = {
      coachName: 'Marieke Visser',
      coacheeName: 'Sanne de Vries',
      locale: 'nl' as const,
      timeZone: ZONE,
      goal: '',
      session: { id: SESSION_ID, ...session, meetingUrl: null },
      nextSession,
      agenda: [],
      agreements: [],
      seq: 1,
      expiresAt: '2027-12-31T00:00:00+01:00',
      inviteFiles,
      ...onboardedCoachee,
    };
    return new CoacheePage({ api: { ...s.api, load: async () => view }, clock: manualClock(T0), store: memoryStore(), newId: idSource('c'), cacheKey: 'v', online: () => true });
  }
  const running = { startsAt: new Date(T0 - 600_000).toISOString(), endsAt: new Date(T0 + 3_000_000).toISOString() };

  it('offers planning during or after a session, and the invite file of the session just booked', async () => {
    const page = coachee(running, null);
    await page.load();
    expect(page.upcoming.value).toBeNull();
    page.booking.start();
    await flush();
    page.booking.choose(page.booking.days.value[0]!.slots[0]!);
    await page.booking.confirm();
    await flush();
    expect(page.upcoming.value).toMatchObject({ id: 'booked-0001' });
    expect(page.inviteFor.value).toBe('booked-0001');

    // A coach whose calendar sends its own invitations: no file to offer.
    const external = coachee(running, null, false);
    await external.load();
    external.booking.start();
    await flush();
    external.booking.choose(external.booking.days.value[0]!.slots[0]!);
    await external.booking.confirm();
    await flush();
    expect(external.upcoming.value).not.toBeNull();
    expect(external.inviteFor.value).toBeNull();
  });

  it('shows a planned session instead of the slots', async () => {
    const next = { id: 'session-next-01', startsAt: '2027-04-06T10:00:00+02:00', endsAt: '2027-04-06T11:00:00+02:00' };
    const withNext = coachee(running, next);
    await withNext.load();
    await flush();
    expect(withNext.upcoming.value).toEqual(next);
    expect(withNext.inviteFor.value).toBe('session-next-01');
    // A session that has not started yet is the next one itself.
    const notStarted = coachee({ startsAt: '2027-03-30T10:00:00+02:00', endsAt: '2027-03-30T11:00:00+02:00' }, null);
    await notStarted.load();
    expect(notStarted.upcoming.value).toMatchObject({ id: SESSION_ID });
  });
});
