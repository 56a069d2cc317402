/** Chaos row "Queue redelivery": every outbox message delivered twice (one after the other, or both at once) must not double any event, meeting, delete or mail. */
import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import { afterAll, expect, it } from 'vitest';
import worker from '../../../worker/index';
import type { Job } from '../../../worker/jobs/outbox';
import { deleteJob } from '../../../worker/services/calendar-outbox';
import type { CalendarEventRow } from '../../../worker/storage/calendar-events';
import { mailTo, timeline } from '../../worker/between-support';
import { blockProviderTraffic, count } from '../../worker/calendar-helpers';
import { planSession, signIn } from '../../worker/helpers';
import { reportRow } from '../figures';
import { coachLane, LANE_KINDS, type Lane } from './lanes';
import { capturingEnv, deliverToEnd, ok, type Outcome } from './outbox-driver';

afterAll(blockProviderTraffic);

const SESSIONS_PER_COACH = 8;
/** Coachees whose session reminder is mailed through the outbox. */
const MAILED = 10;
const ITEMS_PER_SESSION = 3;
const HOUR = 3_600_000;

const capture = capturingEnv();
const outcomes: Outcome[] = [];
let messages = 0;
const kinds = new Map<string, number>();

/** Delivers every captured job twice: even ones one after the other, odd ones both at once (a lease then sends one back for later). */
async function flushTwice(): Promise<void> {
  const jobs = capture.take();
  for (const [i, job] of jobs.entries()) {
    messages += 1;
    kinds.set(job.kind, (kinds.get(job.kind) ?? 0) + 1);
    if (i % 2 === 0) {
      outcomes.push(await deliverToEnd(job), await deliverToEnd(copy(job)));
    } else {
      outcomes.push(...(await Promise.all([deliverToEnd(job), deliverToEnd(copy(job))])));
    }
  }
}

const copy = (job: Job): Job => ({ ...job });

async function play(l: Lane, startMs: number): Promise<void> {
  for (let s = 0; s < SESSIONS_PER_COACH; s++) {
    const startsAt = new Date(startMs + s * 3 * HOUR).toISOString();
    const session = await ok(capture.bindings, 'POST', '/api/sessions', l.token, { engagementId: l.engagementId, startsAt, endsAt: new Date(Date.parse(startsAt) + HOUR).toISOString() });
    l.sessions.push({ id: session.id, startsAt, titles: [] });
    await flushTwice();
    for (let k = 0; k < ITEMS_PER_SESSION; k++) {
      const title = `Punt ${l.kind.slice(0, 2)}${s}${k}`;
      await ok(capture.bindings, 'POST', `/api/sessions/${session.id}/agenda`, l.token, { title });
      l.sessions.at(-1)!.titles.push(title);
      await ok(capture.bindings, 'POST', `/api/sessions/${session.id}/publish`, l.token);
      await flushTwice();
    }
  }
}

/**
 * Coachees (each of their own coach) with a session on one day; the cron at their reminders' due time hands the mails to the
 * outbox, whose messages are then delivered twice. Answers mails received and touchpoints marked sent, in all.
 */
async function remindersTwice(): Promise<{ mails: number; sent: number }> {
  const startsAt = new Date(Math.ceil(Date.now() / 86_400_000) * 86_400_000 + 30 * 86_400_000 + 9 * 3_600_000).toISOString();
  const people = [];
  for (let i = 0; i < MAILED; i++) {
    const token = await signIn();
    const email = `chaos-mail-${crypto.randomUUID().slice(0, 8)}@example.org`;
    const coachee = await ok(capture.bindings, 'POST', '/api/coachees', token, { name: `Robin ${i}`, email, locale: 'nl', timeZone: 'Europe/Amsterdam' });
    const engagement = await ok(capture.bindings, 'POST', '/api/engagements', token, { coacheeId: coachee.id });
    await planSession(token, engagement.id, startsAt);
    people.push({ token, email, engagementId: engagement.id as string });
  }
  capture.take();
  const reminder = (await timeline(people[0]!.token, people[0]!.engagementId)).find((t) => t.kind === 'reminder.session');
  if (!reminder) throw new Error('no session reminder on the timeline');
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime: Date.parse(reminder.dueAt), cron: '*/15 * * * *' }), capture.bindings, ctx);
  await waitOnExecutionContext(ctx);
  await flushTwice();
  let mails = 0;
  let sent = 0;
  for (const p of people) {
    mails += (await mailTo(p.email)).length;
    sent += (await timeline(p.token, p.engagementId)).filter((t) => t.status === 'sent').length;
  }
  return { mails, sent };
}

it('every outbox message delivered twice: no duplicate event, meeting, delete or mail', async () => {
  const lanes: Lane[] = [];
  for (const kind of LANE_KINDS) lanes.push(await coachLane(kind, capture.bindings, (fake) => fake.fetch));
  const start = Math.ceil(Date.now() / HOUR) * HOUR + 72 * HOUR;
  await Promise.all(lanes.map((l, i) => play(l, start + i * HOUR)));

  let sessions = 0;
  let eventsOnce = 0;
  let titlesOnce = 0;
  let titles = 0;
  let meetingSessions = 0;
  let meetingsOnce = 0;
  let meetingCreates = 0;
  for (const l of lanes) {
    meetingCreates += l.meetingCreates();
    for (const s of l.sessions) {
      sessions += 1;
      const events = l.eventsOf(s.id);
      if (events.length === 1) eventsOnce += 1;
      for (const title of s.titles) {
        titles += 1;
        if (events.length === 1 && count(events[0]!, title) === 1) titlesOnce += 1;
      }
      if (l.meetingsAt) {
        meetingSessions += 1;
        if (l.meetingsAt(Date.parse(s.startsAt)) === 1) meetingsOnce += 1;
      }
    }
  }

  // Erasure (inside the coach's CoachBooking object) hands every event and meeting to the Queue for deletion. The same delete
  // jobs, built from the rows as the erasure builds them, are delivered twice more here.
  for (const l of lanes) {
    const rows = await env.DB.prepare('SELECT * FROM calendar_events WHERE session_id IN (SELECT id FROM sessions WHERE engagement_id = ?1)').bind(l.engagementId).all<CalendarEventRow>();
    await ok(capture.bindings, 'DELETE', `/api/coachees/${l.coacheeId}`, l.token);
    capture.sent.push(...rows.results.map(deleteJob));
    await flushTwice();
  }
  const leftOver = () => lanes.reduce((n, l) => n + l.live().events + l.live().meetings, 0);
  for (let i = 0; i < 100 && leftOver() > 0; i++) await new Promise((r) => setTimeout(r, 100));
  const left = leftOver();
  const { mails, sent } = await remindersTwice();
  const dead = outcomes.filter((o) => o.dead).length;
  const pass = eventsOnce === sessions && titlesOnce === titles && meetingsOnce === meetingSessions && meetingCreates === meetingSessions && left === 0 && dead === 0 && sent >= MAILED && mails === sent;
  await reportRow({
    row: 'Queue redelivery',
    load: `${messages} outbox messages (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}), each delivered twice, half of them at the same moment`,
    figures: `${eventsOnce}/${sessions} sessions one event · ${titlesOnce}/${titles} agenda items once · Zoom meetings made ${meetingCreates} for ${meetingSessions} sessions · after erasure ${left} left · ${mails} mails for ${sent} touchpoints sent to ${MAILED} coachees · ${dead} dead-lettered`,
    pass,
  });
  expect({ eventsOnce, titlesOnce, meetingsOnce, meetingCreates, left, dead, mails }).toEqual({ eventsOnce: sessions, titlesOnce: titles, meetingsOnce: meetingSessions, meetingCreates: meetingSessions, left: 0, dead: 0, mails: sent });
  expect(sent).toBeGreaterThanOrEqual(MAILED);
});
