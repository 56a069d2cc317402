/** The touchpoint planner: wall-clock days across DST, quiet hours, check-ins kept clear of sessions, pauses, closing. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_COACHEE_PREFS, DEFAULT_TOUCHPOINT_SETTINGS } from '../../shared/schemas/touchpoints';
import { isStale, outOfQuietHours, planTouchpoints, shiftWallClock, type PlanInput } from '../../shared/touchpoints/plan';
import { isLowScore } from '../../shared/touchpoints/texts';

const AMS = 'Europe/Amsterdam';
const t = (iso: string) => Date.parse(iso);
const base = (over: Partial<PlanInput> = {}): PlanInput => ({
  settings: DEFAULT_TOUCHPOINT_SETTINGS,
  prefs: DEFAULT_COACHEE_PREFS,
  zone: AMS,
  status: 'active',
  closedAt: null,
  sessions: [{ id: 's1', startsAt: t('2027-10-25T09:00:00Z'), endsAt: t('2027-10-25T10:00:00Z') }],
  agreements: [],
  lastCheckinAt: null,
  plannedKeys: new Set(),
  nowMs: t('2027-10-01T00:00:00Z'),
  ...over,
});
const due = (plan: ReturnType<typeof planTouchpoints>, key: string) => new Date(plan.find((p) => p.key === key)!.dueAt).toISOString();

describe('touchpoint planner', () => {
  it('keeps whole days on the wall clock across the autumn DST change', () => {
    // Sunday 31 October 2027 the clocks go back: 24 h before Monday 10:00 CET is Sunday 10:00 CET = 09:00Z, not Sunday 09:00Z+1h.
    expect(new Date(shiftWallClock(AMS, t('2027-11-01T09:00:00Z'), -24)).toISOString()).toBe('2027-10-31T09:00:00.000Z');
    expect(new Date(shiftWallClock(AMS, t('2027-10-30T08:00:00Z'), 24)).toISOString()).toBe('2027-10-31T09:00:00.000Z');
    expect(shiftWallClock(AMS, 0, 5)).toBe(5 * 3600_000);
  });

  it('moves mail out of the night to 08:00 the coachee\'s time', () => {
    expect(new Date(outOfQuietHours(AMS, t('2027-10-05T21:30:00Z'))).toISOString()).toBe('2027-10-06T06:00:00.000Z');
    expect(new Date(outOfQuietHours(AMS, t('2027-10-05T04:00:00Z'))).toISOString()).toBe('2027-10-05T06:00:00.000Z');
    expect(outOfQuietHours(AMS, t('2027-10-05T12:00:00Z'))).toBe(t('2027-10-05T12:00:00Z'));
  });

  it('plans reflection, reminder and the first check-in; a session nearby pushes the check-in a week on', () => {
    const plan = planTouchpoints(base());
    expect(due(plan, 'reflection:s1')).toBe('2027-10-26T10:00:00.000Z');
    expect(due(plan, 'reminder.session:s1')).toBe('2027-10-24T09:00:00.000Z');
    expect(due(plan, 'checkin:2027-11-01')).toBe('2027-11-01T08:00:00.000Z');
    const crowded = planTouchpoints(base({ sessions: [...base().sessions, { id: 's2', startsAt: t('2027-11-01T13:00:00Z'), endsAt: t('2027-11-01T14:00:00Z') }] }));
    expect(crowded.filter((p) => p.kind === 'checkin').map((p) => p.key)).toEqual(['checkin:2027-11-08']);
  });

  it('halves check-ins for a coachee who asks for fewer, counted from the last one', () => {
    const plan = planTouchpoints(base({ prefs: { ...DEFAULT_COACHEE_PREFS, fewerCheckins: true }, lastCheckinAt: t('2027-11-01T08:00:00Z') }));
    expect(plan.filter((p) => p.kind === 'checkin').map((p) => p.key)).toEqual(['checkin:2027-11-15']);
  });

  it('paused by the coach: only session reminders; paused by the coachee: nothing else before the pause ends', () => {
    expect(planTouchpoints(base({ settings: { ...DEFAULT_TOUCHPOINT_SETTINGS, paused: true } })).map((p) => p.kind)).toEqual(['reminder.session']);
    const plan = planTouchpoints(base({ prefs: { ...DEFAULT_COACHEE_PREFS, pausedUntil: '2027-11-10T00:00:00Z' } }));
    expect(plan.map((p) => p.key)).toEqual(['reminder.session:s1', 'checkin:2027-11-15']);
  });

  it('closed: the evaluation after the last session and the follow-up six weeks later, nothing else', () => {
    const plan = planTouchpoints(base({ status: 'closed', closedAt: t('2027-10-20T12:00:00Z') }));
    expect(plan.map((p) => [p.key, new Date(p.dueAt).toISOString()])).toEqual([
      ['evaluation', '2027-10-25T10:00:00.000Z'],
      ['followup', '2027-12-06T09:00:00.000Z'],
    ]);
  });

  it('reminds the day before an agreement is due, at 09:00', () => {
    expect(due(planTouchpoints(base({ agreements: [{ id: 'a1', due: '2027-10-28' }] })), 'reminder.agreement:a1')).toBe('2027-10-27T07:00:00.000Z');
  });

  it('a low score is 1 or 2, or a drop of two; stale reminders and late check-ins are not sent', () => {
    expect([isLowScore(2, null), isLowScore(3, 5), isLowScore(3, 4), isLowScore(5, null)]).toEqual([true, true, false, false]);
    expect(isStale('reminder.session', 0, 100, 50)).toBe(true);
    expect(isStale('checkin', 0, 4 * 86_400_000, null)).toBe(true);
    expect(isStale('reflection', 0, 30 * 86_400_000, null)).toBe(false);
  });
});
