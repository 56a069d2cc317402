/** Slot-finding benchmark: 8 weeks of Europe/Amsterdam working hours against 2,000 busy intervals (bundled and run by test/bench/run.mjs). */
import { findSlots } from '../../shared/slots/find-slots';

/** Runs the scenario `runs` times after a warm-up; answers the per-run times in ms and the slot count. */
export function benchSlots(runs: number): { times: number[]; slots: number } {
  const fromMs = Date.parse('2027-03-01T00:00:00Z');
  const toMs = fromMs + 56 * 86400_000;
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const busy = Array.from({ length: 2000 }, () => {
    const startMs = fromMs + Math.floor(random() * 56 * 96) * 15 * 60_000;
    return { startMs, endMs: startMs + (1 + Math.floor(random() * 6)) * 15 * 60_000 };
  });
  const query = {
    timeZone: 'Europe/Amsterdam',
    workingHours: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' })),
    busy,
    fromMs,
    toMs,
    nowMs: fromMs,
    durationMinutes: 60,
    rules: { bufferBeforeMinutes: 0, bufferAfterMinutes: 15, minimumNoticeMinutes: 720, maxSessionsPerDay: 4, slotStepMinutes: 30 },
  };
  let slots = 0;
  for (let i = 0; i < 20; i++) slots = findSlots(query).length;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    findSlots(query);
    times.push(performance.now() - t);
  }
  return { times, slots };
}
