/** The touchpoint planner: from a trajectory's sessions, agreements and settings, the touchpoints that should exist and when they are due, in the coachee's zone. */
import type { CoacheePrefs, LearningId, TouchpointKind, TouchpointSettings } from '../schemas/touchpoints';
import { addDays, parseDate, type CalendarDay } from '../time/calendar-date';
import { epochToLocal, localToEpoch } from '../time/zone';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** No mail between 21:00 and 08:00 in the coachee's zone: such due times move to 08:00. Reminders keep their time. */
export const QUIET_HOURS = { from: 21, until: 8 } as const;
/** Check-ins go out at 09:00 the coachee's time. */
export const CHECKIN_HOUR = 9;
/** A check-in within this distance of a session is left out: the session itself (and its reflection) asks how things are. */
export const CHECKIN_SESSION_GAP_MS = 36 * HOUR;
/** The follow-up goes out at 10:00 the coachee's time. */
export const FOLLOWUP_HOUR = 10;

/** What the planner needs to know about a trajectory. */
export type PlanInput = {
  settings: TouchpointSettings;
  prefs: CoacheePrefs;
  /** The coachee's IANA time zone. */
  zone: string;
  status: 'active' | 'paused' | 'closed';
  /** When the trajectory was closed (null while open). */
  closedAt: number | null;
  /** Sessions that take place (cancelled ones left out), any order. */
  sessions: { id: string; startsAt: number; endsAt: number }[];
  /** The coachee's open agreements with a due date (`YYYY-MM-DD` or ISO date-time). */
  agreements: { id: string; due: string }[];
  /** Due time of the latest check-in that is no longer planned (sent, answered, skipped…), or null. */
  lastCheckinAt: number | null;
  /** Keys of touchpoints already planned: a planned check-in stays the next one, whatever the clock says. */
  plannedKeys: ReadonlySet<string>;
  nowMs: number;
};

/** One touchpoint that should exist. `key` is unique per trajectory and names what it is for. */
export type DesiredTouchpoint = { key: string; kind: TouchpointKind; dueAt: number; sessionId?: string; agreementId?: string; learningId?: LearningId };

/** `epochMs` moved by whole hours; whole days keep the wall-clock time across daylight-saving changes. */
export function shiftWallClock(zone: string, epochMs: number, hours: number): number {
  if (hours % 24 !== 0) return epochMs + hours * HOUR;
  const l = epochToLocal(zone, epochMs);
  return localToEpoch(zone, { ...addDays(l, hours / 24), hh: l.hh, mm: l.mm, ss: l.ss });
}

/** A due time moved out of the quiet hours (to 08:00 the same or the next morning). */
export function outOfQuietHours(zone: string, epochMs: number): number {
  const l = epochToLocal(zone, epochMs);
  if (l.hh >= QUIET_HOURS.until && l.hh < QUIET_HOURS.from) return epochMs;
  const day: CalendarDay = l.hh >= QUIET_HOURS.from ? addDays(l, 1) : l;
  return localToEpoch(zone, { ...day, hh: QUIET_HOURS.until, mm: 0 });
}

const at = (zone: string, day: CalendarDay, hh: number) => localToEpoch(zone, { ...day, hh, mm: 0 });

/** When an agreement is due: a date means 09:00 that day in the coachee's zone; a date-time is itself. */
export function agreementDeadline(zone: string, due: string): number | null {
  const date = parseDate(due);
  if (date) return at(zone, date, CHECKIN_HOUR);
  const t = Date.parse(due);
  return Number.isNaN(t) ? null : t;
}

/** The next check-in: the planned one while it is still on the series, else the first point of the series after the last check-in and now. */
function nextCheckin(input: PlanInput, sessions: PlanInput['sessions'], notBefore: number): DesiredTouchpoint | null {
  const { settings, prefs, zone } = input;
  const first = sessions[0];
  if (!settings.checkin.enabled || !first) return null;
  const cadence = settings.checkin.cadenceDays * (prefs.fewerCheckins ? 2 : 1);
  // The series runs from the last check-in (so a new cadence counts from there), or from the end of the first session.
  const anchor = epochToLocal(zone, input.lastCheckinAt ?? first.endsAt);
  const after = Math.max(input.lastCheckinAt ?? -Infinity, notBefore);
  for (let k = 1; k < 1000; k++) {
    const day = addDays(anchor, k * cadence);
    const dueAt = at(zone, day, CHECKIN_HOUR);
    const key = `checkin:${day.y}-${String(day.m).padStart(2, '0')}-${String(day.d).padStart(2, '0')}`;
    if (dueAt <= (input.lastCheckinAt ?? -Infinity)) continue;
    if (sessions.some((s) => Math.abs(s.startsAt - dueAt) < CHECKIN_SESSION_GAP_MS || Math.abs(s.endsAt - dueAt) < CHECKIN_SESSION_GAP_MS)) continue;
    if (input.plannedKeys.has(key) || dueAt >= after) return { key, kind: 'checkin', dueAt };
  }
  return null;
}

/**
 * Plans a trajectory's touchpoints. Closed: the evaluation (at closing, or after the last session when that is later) and the
 * follow-up some weeks after it. Paused (by the coach): only session reminders. Otherwise: a reflection after every session, a
 * reminder before it, the next check-in, a reminder before each of the coachee's agreements and the picked micro-learning —
 * where the coachee paused, nothing but session reminders before the end of their pause.
 */
export function planTouchpoints(input: PlanInput): DesiredTouchpoint[] {
  const { settings, zone } = input;
  const sessions = [...input.sessions].sort((a, b) => a.startsAt - b.startsAt);
  const out: DesiredTouchpoint[] = [];
  if (input.status === 'closed') {
    const closedAt = input.closedAt ?? input.nowMs;
    // After the last session: a trajectory closed ahead of its final session is evaluated once that session is over.
    const base = outOfQuietHours(zone, Math.max(closedAt, ...sessions.map((s) => s.endsAt)));
    if (settings.evaluation.enabled) out.push({ key: 'evaluation', kind: 'evaluation', dueAt: base });
    if (settings.followup.enabled) out.push({ key: 'followup', kind: 'followup', dueAt: at(zone, addDays(epochToLocal(zone, base), settings.followup.delayDays), FOLLOWUP_HOUR) });
    return out;
  }
  const reminders = settings['reminder.session'];
  if (reminders.enabled) for (const s of sessions) out.push({ key: `reminder.session:${s.id}`, kind: 'reminder.session', dueAt: shiftWallClock(zone, s.startsAt, -reminders.hoursBefore), sessionId: s.id });
  if (settings.paused || input.status === 'paused') return out;

  const pausedUntil = input.prefs.pausedUntil ? Date.parse(input.prefs.pausedUntil) : -Infinity;
  const open = (t: number) => t >= pausedUntil;
  if (settings.reflection.enabled) {
    for (const s of sessions) {
      const dueAt = outOfQuietHours(zone, shiftWallClock(zone, s.endsAt, settings.reflection.delayHours));
      if (open(dueAt)) out.push({ key: `reflection:${s.id}`, kind: 'reflection', dueAt, sessionId: s.id });
    }
  }
  const checkin = nextCheckin(input, sessions, Math.max(input.nowMs - HOUR, pausedUntil));
  if (checkin) out.push(checkin);
  const agreements = settings['reminder.agreement'];
  if (agreements.enabled) {
    for (const a of input.agreements) {
      const deadline = agreementDeadline(zone, a.due);
      if (deadline !== null) out.push({ key: `reminder.agreement:${a.id}`, kind: 'reminder.agreement', dueAt: shiftWallClock(zone, deadline, -agreements.hoursBefore), agreementId: a.id });
    }
  }
  if (settings.learning.enabled) {
    for (const pick of settings.learning.items) {
      const dueAt = outOfQuietHours(zone, pick.at ? Date.parse(pick.at) : input.nowMs);
      if (open(dueAt)) out.push({ key: `learning:${pick.id}`, kind: 'learning', dueAt, learningId: pick.id });
    }
  }
  return out;
}

/** Whether a due touchpoint is too late to be worth sending (a reminder after its moment, a check-in days late). */
export function isStale(kind: TouchpointKind, dueAt: number, nowMs: number, eventAt: number | null): boolean {
  if (kind === 'reminder.session' || kind === 'reminder.agreement') return eventAt !== null && nowMs >= eventAt;
  if (kind === 'checkin') return nowMs - dueAt > 3 * DAY;
  return false;
}
