/** Chaos row "Queue redelivery": every outbox message delivered twice (one after the other, or both at once) must not double any event, meeting or delete. */
import { afterAll, expect, it } from 'vitest';
import type { Job } from '../../../worker/jobs/outbox';
import { blockProviderTraffic, count } from '../../worker/calendar-helpers';
import { reportRow } from '../figures';
import { coachLane, LANE_KINDS, type Lane } from './lanes';
import { capturingEnv, deliverToEnd, ok, type Outcome } from './outbox-driver';

afterAll(blockProviderTraffic);

const SESSIONS_PER_COACH = 8;
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

it('every outbox message delivered twice: no duplicate event, meeting or delete', async () => {
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

  // Erasure hands every event and meeting to the outbox for deletion; those messages come twice as well.
  for (const l of lanes) {
    await ok(capture.bindings, 'DELETE', `/api/coachees/${l.coacheeId}`, l.token);
    await flushTwice();
  }
  const left = lanes.reduce((n, l) => n + l.live().events + l.live().meetings, 0);
  const dead = outcomes.filter((o) => o.dead).length;
  const pass = eventsOnce === sessions && titlesOnce === titles && meetingsOnce === meetingSessions && meetingCreates === meetingSessions && left === 0 && dead === 0;
  await reportRow({
    row: 'Queue redelivery',
    load: `${messages} outbox messages (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}), each delivered twice, half of them at the same moment`,
    figures: `${eventsOnce}/${sessions} sessions one event · ${titlesOnce}/${titles} agenda items once · Zoom meetings made ${meetingCreates} for ${meetingSessions} sessions · after erasure ${left} left · ${dead} dead-lettered`,
    pass,
  });
  expect({ eventsOnce, titlesOnce, meetingsOnce, meetingCreates, left, dead }).toEqual({ eventsOnce: sessions, titlesOnce: titles, meetingsOnce: meetingSessions, meetingCreates: meetingSessions, left: 0, dead: 0 });
});
