/** Tests of slot finding and booking validation: hours, buffers, notice, daily cap, DST days, other zones. */
import { describe, expect, it } from 'vitest';
import type { BookingRules, WorkingHours } from '../../shared/protocol';
import { findSlots, type Interval, type SlotQuery } from '../../shared/slots/find-slots';
import { validateBookingStart } from '../../shared/slots/validate-booking';
import { addDays, isoWeekday, type CalendarDay } from '../../shared/time/calendar-date';
import { epochToLocal, formatInstant, localToEpoch } from '../../shared/time/zone';

const AMS = 'Europe/Amsterdam';
const MIN = 60_000;
const rules: BookingRules = { bufferBeforeMinutes: 0, bufferAfterMinutes: 0, minimumNoticeMinutes: 0, maxSessionsPerDay: 8, slotStepMinutes: 30 };
const weekdays = (start: string, end: string, days = [1, 2, 3, 4, 5]): WorkingHours[] => days.map((day) => ({ day, start, end }));
const at = (y: number, m: number, d: number, hh: number, mm = 0, zone = AMS) => localToEpoch(zone, { y, m, d, hh, mm });
const localTimes = (slots: Interval[], zone = AMS) => slots.map((s) => formatInstant(s.startMs, zone, 'en', 'time'));

function query(overrides: Partial<SlotQuery>): SlotQuery {
  return {
    timeZone: AMS,
    workingHours: weekdays('09:00', '17:00'),
    busy: [],
    fromMs: at(2027, 3, 22, 0),
    toMs: at(2027, 3, 23, 0),
    nowMs: at(2027, 3, 1, 12),
    durationMinutes: 60,
    rules,
    ...overrides,
  };
}

describe('findSlots', () => {
  it('offers every half hour of a working day that fits the session', () => {
    const slots = findSlots(query({}));
    expect(localTimes(slots)).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '12:00', '12:30', '13:00', '13:30', '14:00', '14:30', '15:00', '15:30', '16:00']);
    expect(slots[0]).toEqual({ startMs: Date.UTC(2027, 2, 22, 8), endMs: Date.UTC(2027, 2, 22, 9) });
  });

  it('treats touching or overlapping working-hours entries as one window, so a slot may span both', () => {
    const touching = findSlots(query({ workingHours: [...weekdays('09:00', '12:00'), ...weekdays('12:00', '14:00')], durationMinutes: 90 }));
    expect(localTimes(touching)).toContain('11:30');
    expect(localTimes(touching)).toEqual(localTimes(findSlots(query({ workingHours: weekdays('09:00', '14:00'), durationMinutes: 90 }))));
    const check = validateBookingStart(query({ workingHours: [...weekdays('09:00', '12:00'), ...weekdays('11:00', '14:00')], durationMinutes: 90 }), at(2027, 3, 22, 11, 30));
    expect(check).toEqual({ ok: true });
  });

  it('lets a window run past midnight into the next day (an end before the start)', () => {
    const night: WorkingHours[] = [{ day: 1, start: '22:00', end: '02:00' }];
    const slots = findSlots(query({ workingHours: night, fromMs: at(2027, 3, 22, 0), toMs: at(2027, 3, 24, 0), rules: { ...rules, slotStepMinutes: 60 } }));
    expect(localTimes(slots)).toEqual(['22:00', '23:00', '00:00', '01:00']);
    expect(slots[2]).toEqual({ startMs: at(2027, 3, 23, 0), endMs: at(2027, 3, 23, 1) });
    expect(validateBookingStart(query({ workingHours: night, rules: { ...rules, slotStepMinutes: 60 } }), at(2027, 3, 23, 1))).toEqual({ ok: true });
    expect(validateBookingStart(query({ workingHours: night, rules: { ...rules, slotStepMinutes: 60 } }), at(2027, 3, 23, 1, 30))).toEqual({ ok: false, reason: 'outside_hours' });
    // a window from Sunday evening into Monday joins Monday's morning window when they touch
    const joined = findSlots(query({ workingHours: [{ day: 7, start: '20:00', end: '00:00' }, { day: 1, start: '00:00', end: '01:00' }], fromMs: at(2027, 3, 21, 0), toMs: at(2027, 3, 23, 0), durationMinutes: 120, rules: { ...rules, slotStepMinutes: 60 } }));
    expect(localTimes(joined)).toEqual(['20:00', '21:00', '22:00', '23:00']);
  });

  it('aligns starts to the step from the block’s start, not from the hour or from now', () => {
    expect(localTimes(findSlots(query({ workingHours: weekdays('09:15', '12:00') })))).toEqual(['09:15', '09:45', '10:15', '10:45']);
    expect(localTimes(findSlots(query({ nowMs: at(2027, 3, 22, 9, 10) })))[0]).toBe('09:30');
  });

  it('keeps buffers clear of busy time, and lets a slot touch busy time without buffers', () => {
    const busy = [{ startMs: at(2027, 3, 22, 10), endMs: at(2027, 3, 22, 11) }];
    const touching = localTimes(findSlots(query({ busy, workingHours: weekdays('09:00', '13:00') })));
    expect(touching).toEqual(['09:00', '11:00', '11:30', '12:00']);
    const buffered = localTimes(findSlots(query({ busy, workingHours: weekdays('09:00', '13:00'), rules: { ...rules, bufferBeforeMinutes: 15, bufferAfterMinutes: 15 } })));
    expect(buffered).toEqual(['11:30', '12:00']);
  });

  it('accepts unsorted, overlapping busy intervals', () => {
    const busy = [
      { startMs: at(2027, 3, 22, 14), endMs: at(2027, 3, 22, 15) },
      { startMs: at(2027, 3, 22, 9, 30), endMs: at(2027, 3, 22, 11) },
      { startMs: at(2027, 3, 22, 10), endMs: at(2027, 3, 22, 12) },
      { startMs: at(2027, 3, 22, 14, 30), endMs: at(2027, 3, 22, 14, 45) },
    ];
    expect(localTimes(findSlots(query({ busy })))).toEqual(['12:00', '12:30', '13:00', '15:00', '15:30', '16:00']);
  });

  it('respects the minimum notice', () => {
    const slots = findSlots(query({ nowMs: at(2027, 3, 22, 8), toMs: at(2027, 3, 24, 0), rules: { ...rules, minimumNoticeMinutes: 12 * 60 } }));
    expect(epochToLocal(AMS, slots[0]?.startMs ?? 0)).toMatchObject({ d: 23, hh: 9, mm: 0 });
  });

  it('skips days that already hold the maximum number of sessions', () => {
    const window = { toMs: at(2027, 3, 24, 0), rules: { ...rules, maxSessionsPerDay: 2 } };
    const viaMap = findSlots(query({ ...window, sessionsPerDay: new Map([['2027-03-22', 2]]) }));
    expect(viaMap.every((s) => epochToLocal(AMS, s.startMs).d === 23)).toBe(true);
    // 00:30 local on Monday is still Sunday in UTC: counted by the coach's local date
    const own = [{ startMs: Date.UTC(2027, 2, 21, 23, 30), endMs: Date.UTC(2027, 2, 22, 0, 30) }, { startMs: at(2027, 3, 22, 18), endMs: at(2027, 3, 22, 19) }];
    expect(findSlots(query({ ...window, ownSessions: own }))).toEqual(viaMap);
    expect(findSlots(query({ ...window, ownSessions: own.slice(1) })).length).toBeGreaterThan(viaMap.length);
  });

  it('only returns slots starting inside the window, and one per start for overlapping hours', () => {
    const slots = findSlots(query({ fromMs: at(2027, 3, 22, 10), toMs: at(2027, 3, 22, 11, 1), workingHours: [...weekdays('09:00', '12:00'), ...weekdays('10:00', '17:00')] }));
    expect(localTimes(slots)).toEqual(['10:00', '10:30', '11:00']);
  });

  it.each([
    ['spring forward', 3, 28, 11, 12],
    ['fall back', 10, 31, 12, 11],
  ])('starts at 13:00 local on the Amsterdam %s day (2027) and the days around it', (_name, m, d, utcOnDay, utcDayBefore) => {
    for (const hours of [['09:00', '17:00'], ['13:00', '17:00']] as const) {
      const everyDay = weekdays(hours[0], hours[1], [1, 2, 3, 4, 5, 6, 7]);
      const slots = findSlots(query({ workingHours: everyDay, fromMs: at(2027, m, d - 1, 0), toMs: at(2027, m, d + 2, 0) /* Date.UTC rolls 32 October over */, nowMs: at(2027, m, 1, 0), rules: { ...rules, slotStepMinutes: 60 } }));
      const starts = slots.map((s) => epochToLocal(AMS, s.startMs));
      for (const offset of [-1, 0, 1]) {
        const day = addDays({ y: 2027, m, d }, offset);
        const times = starts.filter((l) => l.m === day.m && l.d === day.d).map((l) => l.hh);
        const from = Number(hours[0].slice(0, 2));
        expect(times).toEqual(Array.from({ length: 17 - from - 1 + 1 }, (_, i) => from + i));
      }
      const thirteen = slots.filter((s) => epochToLocal(AMS, s.startMs).hh === 13);
      expect(thirteen.map((s) => new Date(s.startMs).getUTCHours())).toEqual([utcDayBefore, utcOnDay, utcOnDay]);
    }
  });

  it('follows wall-clock time through a block that spans the DST change', () => {
    const night = [{ day: 7, start: '00:00', end: '06:00' }];
    const spring = findSlots(query({ workingHours: night, fromMs: at(2027, 3, 28, 0), toMs: at(2027, 3, 29, 0), rules: { ...rules, slotStepMinutes: 60 } }));
    expect(spring.map((s) => new Date(s.startMs).toISOString().slice(11, 16))).toEqual(['23:00', '00:00', '01:00', '02:00', '03:00']);
    expect(localTimes(spring)).toEqual(['00:00', '01:00', '03:00', '04:00', '05:00']);
    const autumn = findSlots(query({ workingHours: night, fromMs: at(2027, 10, 31, 0), toMs: at(2027, 11, 1, 0), rules: { ...rules, slotStepMinutes: 60 } }));
    expect(localTimes(autumn)).toEqual(['00:00', '01:00', '02:00', '03:00', '04:00', '05:00']);
    expect(autumn[2]?.startMs).toBe(Date.UTC(2027, 9, 31, 0));
    expect(autumn.at(-1)?.endMs).toBe(Date.UTC(2027, 9, 31, 5));
  });

  it('gives instants a coachee in New York reads in their own time', () => {
    const slots = findSlots(query({ workingHours: weekdays('13:00', '14:00') }));
    expect(slots).toHaveLength(1);
    const slot = slots[0] as Interval;
    expect(formatInstant(slot.startMs, AMS, 'en', 'time')).toBe('13:00');
    // 22 March: Amsterdam still on CET, New York already on EDT → 08:00 there
    expect(formatInstant(slot.startMs, 'America/New_York', 'en', 'time')).toBe('08:00');
    expect(formatInstant(slot.startMs, 'America/New_York', 'en')).toContain('Monday');
  });

  it('agrees with a brute-force reference on random calendars', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let run = 0; run < 20; run += 1) {
      const fromMs = at(2027, 3, 20 + Math.floor(random() * 5), 0);
      const toMs = fromMs + (3 + Math.floor(random() * 5)) * 86_400_000;
      const busy = Array.from({ length: 30 }, () => {
        const s = fromMs + Math.floor(random() * (toMs - fromMs) / (5 * MIN)) * 5 * MIN;
        return { startMs: s, endMs: s + (15 + Math.floor(random() * 12) * 15) * MIN };
      });
      const r: BookingRules = { bufferBeforeMinutes: [0, 10][run % 2] ?? 0, bufferAfterMinutes: [0, 15, 5][run % 3] ?? 0, minimumNoticeMinutes: 0, maxSessionsPerDay: 8, slotStepMinutes: [15, 30, 45][run % 3] ?? 30 };
      const q = query({ fromMs, toMs, busy, rules: r, durationMinutes: [30, 60, 90][run % 3] ?? 60, workingHours: [...weekdays('08:30', '12:00', [1, 2, 3, 4, 5, 6, 7]), ...weekdays('13:00', '17:45')], nowMs: fromMs + 30 * 60 * MIN });
      expect(findSlots(q)).toEqual(bruteForce(q));
    }
  });
});

/** Every grid point of every block, checked against every busy interval: slow and obviously right. */
function bruteForce(q: SlotQuery): Interval[] {
  const out: Interval[] = [];
  const first = epochToLocal(q.timeZone, q.fromMs);
  for (let day: CalendarDay = first; at(day.y, day.m, day.d, 0) < q.toMs; day = addDays(day, 1)) {
    for (const wh of q.workingHours.filter((w) => w.day === isoWeekday(day))) {
      const [sh, sm] = wh.start.split(':').map(Number) as [number, number];
      const [eh, em] = wh.end.split(':').map(Number) as [number, number];
      const blockEnd = at(day.y, day.m, day.d, eh, em);
      for (let minutes = sh * 60 + sm; minutes < eh * 60 + em; minutes += q.rules.slotStepMinutes) {
        const start = at(day.y, day.m, day.d, 0, minutes);
        const end = start + q.durationMinutes * MIN;
        const free = q.busy.every((b) => b.endMs <= start - q.rules.bufferBeforeMinutes * MIN || b.startMs >= end + q.rules.bufferAfterMinutes * MIN);
        if (start >= q.fromMs && start < q.toMs && start >= q.nowMs + q.rules.minimumNoticeMinutes * MIN && end <= blockEnd && free && !out.some((o) => o.startMs === start)) out.push({ startMs: start, endMs: end });
      }
    }
  }
  return out.sort((a, b) => a.startMs - b.startMs);
}

describe('validateBookingStart', () => {
  const base = query({ busy: [{ startMs: at(2027, 3, 22, 14), endMs: at(2027, 3, 22, 15) }], nowMs: at(2027, 3, 20, 12), rules: { ...rules, minimumNoticeMinutes: 24 * 60, bufferAfterMinutes: 15, maxSessionsPerDay: 1 } });

  it('accepts a start findSlots offers and names the rule a bad start breaks', () => {
    expect(validateBookingStart(base, at(2027, 3, 22, 9))).toEqual({ ok: true });
    expect(validateBookingStart(base, at(2027, 3, 19, 9))).toEqual({ ok: false, reason: 'past' });
    expect(validateBookingStart(base, at(2027, 3, 21, 9))).toEqual({ ok: false, reason: 'notice' });
    expect(validateBookingStart(base, at(2027, 3, 22, 16, 30))).toEqual({ ok: false, reason: 'outside_hours' });
    expect(validateBookingStart(base, at(2027, 3, 27, 10))).toEqual({ ok: false, reason: 'outside_hours' });
    expect(validateBookingStart(base, at(2027, 3, 22, 9, 10))).toEqual({ ok: false, reason: 'misaligned' });
    expect(validateBookingStart(base, at(2027, 3, 22, 13))).toEqual({ ok: false, reason: 'busy' });
    expect(validateBookingStart(base, at(2027, 3, 22, 14, 30))).toEqual({ ok: false, reason: 'busy' });
    // touching busy time is fine: 15:00 starts as the busy hour ends
    expect(validateBookingStart(base, at(2027, 3, 22, 15))).toEqual({ ok: true });
    expect(validateBookingStart({ ...base, sessionsPerDay: new Map([['2027-03-22', 1]]) }, at(2027, 3, 22, 9))).toEqual({ ok: false, reason: 'day_full' });
  });

  it('says yes exactly for the starts findSlots returns, on ordinary and DST days', () => {
    for (const [y, m, d] of [[2027, 3, 22], [2027, 3, 28], [2027, 10, 31]] as const) {
      const q = query({ workingHours: [...weekdays('00:00', '06:00', [7]), ...weekdays('09:00', '17:00', [1, 2, 3, 4, 5, 6, 7])], busy: base.busy, fromMs: at(y, m, d, 0), toMs: at(y, m, d + 1, 0), nowMs: at(y, m, 1, 0), rules: { ...rules, bufferBeforeMinutes: 10, slotStepMinutes: 45 } });
      const offered = new Set(findSlots(q).map((s) => s.startMs));
      expect(offered.size).toBeGreaterThan(0);
      for (let t = q.fromMs; t < q.toMs; t += 15 * MIN) expect(validateBookingStart(q, t).ok).toBe(offered.has(t));
    }
  });
});
