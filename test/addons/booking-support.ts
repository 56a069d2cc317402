/** Test support for booking: the shared slot finder playing the server (slots, bookings by Idempotency-Key, injected failures). */
import type { BookingApi } from '../../addons/common/models/booking';
import type { Problem } from '../../addons/common/ports';
import { findSlots } from '../../shared/slots/find-slots';
import { toIsoWithOffset } from '../../shared/time/zone';
import type { Session as SessionData } from '../../shared/protocol';
import { T0, panelData } from './support';

export const ZONE = 'Europe/Amsterdam';
export const DAY = 86_400_000;
/** Booking rules of the fake coach (one-hour grid for short lists). */
const RULES = { bufferBeforeMinutes: 0, bufferAfterMinutes: 15, minimumNoticeMinutes: 12 * 60, maxSessionsPerDay: 4, slotStepMinutes: 60 };
/** Working hours of the fake coach. */
const WEEKDAYS = [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '12:00' }));
/** Lets pending promise callbacks run. */
export const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The shared slot finder as the server: Mon–Fri 09:00–12:00 in Amsterdam, one-hour sessions, minus what was booked. */
export function server(nowMs = T0) {
  const booked: { startMs: number; endMs: number }[] = [];
  const slotsAsked: { from: string; to: string }[] = [];
  const keys: string[] = [];
  const byKey = new Map<string, SessionData>();
  /** What `book` does next: answer normally, or fail like the network / the API. */
  const failures: (Problem | 'lost-after-booking')[] = [];
  const api: BookingApi = {
    async slots(from, to) {
      slotsAsked.push({ from, to });
      const found = findSlots({ timeZone: ZONE, workingHours: WEEKDAYS, busy: booked, fromMs: Date.parse(from), toMs: Date.parse(to), nowMs, durationMinutes: 60, rules: RULES, ownSessions: booked });
      return { timeZone: ZONE, slots: found.map((s) => ({ startsAt: toIsoWithOffset(s.startMs, ZONE), endsAt: toIsoWithOffset(s.endMs, ZONE) })) };
    },
    async book(startsAt, key) {
      keys.push(key);
      const failure = failures.shift();
      if (failure && failure !== 'lost-after-booking') throw failure;
      const replay = byKey.get(key);
      if (replay) return replay;
      const startMs = Date.parse(startsAt);
      const session: SessionData = { ...panelData().session, id: `booked-${String(byKey.size + 1).padStart(4, '0')}`, startsAt, endsAt: toIsoWithOffset(startMs + 3_600_000, ZONE), calendarStatus: 'pending' };
      booked.push({ startMs, endMs: startMs + 3_600_000 });
      byKey.set(key, session);
      if (failure === 'lost-after-booking') throw { title: 'offline', detail: '' } satisfies Problem;
      return session;
    },
  };
  return { api, booked, slotsAsked, keys, failures };
}

