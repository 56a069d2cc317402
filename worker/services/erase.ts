/** Erasure of a coachee (GDPR Art. 17): every row about them in one D1 batch, then their sessions' room storage. */
import type { Env } from '../env';
import type { CoacheeRow } from '../storage/coachees';
import { coachDb } from '../storage/databases';
import { all, batch, sql } from '../storage/sql';
import { roomOf } from './room';

/**
 * Erases a coachee through their coach's CoachBooking object, one at a time with that coach's bookings, cancellations and
 * moves: a booking can no longer land between the erasure's read of the sessions and its delete (and so escape the calendar
 * clean-up and room erasure). A booking that arrives meanwhile runs afterwards and finds no trajectory to book in.
 * @see https://developers.cloudflare.com/durable-objects/concepts/what-are-durable-objects/ (one object per name, single-threaded)
 */
export async function eraseCoachee(env: Env, coachee: CoacheeRow): Promise<void> {
  const ns = env.DO_JURISDICTION ? env.COACH_BOOKING.jurisdiction(env.DO_JURISDICTION) : env.COACH_BOOKING;
  await ns.get(ns.idFromName(coachee.coach_id)).eraseCoachee(coachee);
}

/**
 * Deletes the coachee, their engagements, sessions, agenda items, agreements and notes, all-or-nothing, then clears each
 * session room's Durable Object storage (its op log too) and closes its sockets. Runs inside CoachBooking (`eraseCoachee`).
 * @see https://gdpr-info.eu/art-17-gdpr/
 */
export async function eraseCoacheeNow(env: Env, coachee: CoacheeRow): Promise<void> {
  const db = coachDb(env, coachee.coach_id);
  const q = sql(db);
  const sessions = await all<{ id: string }>(q`SELECT s.id FROM sessions s JOIN engagements e ON e.id = s.engagement_id WHERE e.coachee_id = ${coachee.id} AND e.coach_id = ${coachee.coach_id}`);
  const ofSessions = `SELECT s.id FROM sessions s JOIN engagements e ON e.id = s.engagement_id WHERE e.coachee_id = ?1 AND e.coach_id = ?2`;
  const ofEngagements = `SELECT id FROM engagements WHERE coachee_id = ?1 AND coach_id = ?2`;
  for (const prepare of ERASE_PREPARE_HOOKS) await prepare(env, coachee, sessions.map((s) => s.id));
  const statements = [
    `DELETE FROM notes WHERE session_id IN (${ofSessions})`,
    `DELETE FROM agenda_items WHERE session_id IN (${ofSessions})`,
    `DELETE FROM agreements WHERE engagement_id IN (${ofEngagements})`,
    ...ERASE_HOOKS.map((h) => h(ofSessions, ofEngagements)).flat(),
    `DELETE FROM sessions WHERE engagement_id IN (${ofEngagements})`,
    `DELETE FROM engagements WHERE coachee_id = ?1 AND coach_id = ?2`,
    `DELETE FROM coachees WHERE id = ?1 AND coach_id = ?2`,
  ];
  await batch(
    db,
    statements.map((text) => ({ stmt: db.prepare(text).bind(coachee.id, coachee.coach_id), text })),
  );
  await Promise.all(sessions.map((s) => roomOf(env, s.id).erase()));
}

/**
 * Extra deletions for tables other parts own (calendar events, outbox, bookings). Each hook gets the SQL selecting the coachee's
 * session ids and engagement ids (bound to ?1 = coachee id, ?2 = coach id) and returns DELETE statements run before the sessions go.
 */
export const ERASE_HOOKS: ((ofSessions: string, ofEngagements: string) => string[])[] = [];

/**
 * Steps run before the rows go, for what lives outside D1 and is only findable through them (e.g. enqueueing the deletion of
 * calendar events we created). They get the coachee and the ids of their sessions; a throw stops the erasure before anything
 * is deleted.
 */
export const ERASE_PREPARE_HOOKS: ((env: Env, coachee: CoacheeRow, sessionIds: string[]) => Promise<void>)[] = [];
