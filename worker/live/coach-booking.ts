/** CoachBooking Durable Object: one per coach; every session that coach gets (booked by coach or coachee, or planned) is checked and inserted here, one at a time. */
import { DurableObject } from 'cloudflare:workers';
import type { Locale, Session } from '../../shared/protocol';
import type { Env } from '../env';
import { Serial } from './serial';
import { ApiProblem, type FieldProblem } from '../http/problem';
import {
  carryOverAgendaQuery,
  deleteBookingRequestQuery,
  insertBookingRequestQuery,
  insertSessionIfFree,
  type Clearance,
  type NewSession,
} from '../storage/bookings';
import { getSession, toSession, type SessionRow } from '../storage/sessions';
import { batch, StorageError, type Query } from '../storage/sql';
import { bookingInputsOf, checkStart, clearanceOf, loadBookingInputRows, overlapConflict, type BookingScope } from '../services/booking-inputs';
import { cancelSessionNow, changeAnswer, checkBookingLimits, moveSessionNow, type CancelRequest, type ChangeAnswer, type MoveRequest } from '../services/session-change';
import type { CancelledSession } from '../../shared/protocol';
import { coachDb } from '../storage/databases';
import type { CoacheeRow } from '../storage/coachees';
import { eraseCoacheeNow } from '../services/erase';

/** Book the next session of an engagement at `startMs`; a repeated `idempotencyKey` with the same `requestHash` answers the first booking. */
export type NextBookingRequest = BookingScope & { startMs: number; idempotencyKey: string; requestHash: string };

/** Plan a session exactly as the coach asked (no working hours or buffers, only no overlap). */
export type PlanRequest = BookingScope & { coacheeId: string; startMs: number; endMs: number; modelId: string; calendarStatus: Session['calendarStatus'] };

/** A problem as plain data (errors thrown across RPC keep only their message). */
export type ProblemData = { status: number; type: string; detail: string; errors: FieldProblem[] };

/** The answer of the object: the session (new, or the one an earlier request with the same key booked) or a problem. */
export type BookingAnswer = { ok: true; created: boolean; session: Session } | { ok: false; problem: ProblemData };

/** Title of the agenda item a booked session gets when earlier sessions left agreements open, in the coachee's language. */
export const CARRY_OVER_TITLE: Record<Locale, string> = { nl: 'Terugblik op de afspraken van vorige keer', en: "Review of last time's agreements" };

const MINUTE = 60_000;

/**
 * One per coach (`idFromName(coachId)`). Requests run strictly one after another, so "is the time still free?" (read from D1,
 * overlap including buffers, the daily cap, the idempotency key) and the insert cannot interleave with another booking of the
 * same coach. The insert itself also refuses an overlap within its statement, and UNIQUE (coach_id, starts_at) backs both up.
 * @see https://developers.cloudflare.com/durable-objects/api/rpc/
 * @see https://developers.cloudflare.com/durable-objects/concepts/what-are-durable-objects/ (one object per name, single-threaded)
 */
export class CoachBooking extends DurableObject<Env> {
  private readonly serial = new Serial();

  /** Books the next session of an engagement, with the same rules as the slot list. */
  bookNext(req: NextBookingRequest): Promise<BookingAnswer> {
    return this.serial.run(() => answer(() => this.bookNextNow(req)));
  }

  /** Plans a session at the times the coach chose; refused only when it overlaps another session of the coach. */
  plan(req: PlanRequest): Promise<BookingAnswer> {
    return this.serial.run(() => answer(() => this.planNow(req)));
  }

  /** Cancels an upcoming session, one at a time with this coach's bookings (so a slot is freed exactly once). */
  cancel(req: CancelRequest): Promise<ChangeAnswer<CancelledSession>> {
    return this.serial.run(() => changeAnswer(() => cancelSessionNow(this.env, req)));
  }

  /** Erases a coachee (services/erase.ts), one at a time with this coach's bookings, so none lands half-way through. */
  eraseCoachee(coachee: CoacheeRow): Promise<void> {
    return this.serial.run(() => eraseCoacheeNow(this.env, coachee));
  }

  /** Moves an upcoming session, with the same overlap guarantees as a booking. */
  reschedule(req: MoveRequest): Promise<ChangeAnswer<{ moved: boolean; session: Session; fromMs: number }>> {
    return this.serial.run(() => changeAnswer(() => moveSessionNow(this.env, req)));
  }

  private async bookNextNow(req: NextBookingRequest): Promise<{ created: boolean; session: Session }> {
    const db = coachDb(this.env, req.coachId);
    // One batch: the coach's settings, the sessions around the start and the stored request under this key.
    const rows = await loadBookingInputRows(this.env, req, req.startMs, req.startMs + 1, req.idempotencyKey);
    const earlier = rows?.request ?? null;
    if (earlier && earlier.request_hash !== req.requestHash) {
      throw new ApiProblem(422, '/problems/idempotency-key-reused', 'This Idempotency-Key was already used for a different booking; use a new key for a new request', [
        { in: 'header', field: 'Idempotency-Key', pointer: '#/Idempotency-Key', detail: 'was used with another request body' },
      ]);
    }
    const replayed = earlier ? await getSession(db, req.coachId, earlier.session_id) : null;
    if (replayed) return { created: false, session: toSession(replayed) };

    const nowMs = Date.now();
    const inputs = await bookingInputsOf(this.env, req, rows, req.startMs, req.startMs + 1);
    checkStart(inputs, req.startMs, nowMs);
    await checkBookingLimits(this.env, req, req.startMs, nowMs, inputs.rules, true);
    const c = inputs.context;
    const session: NewSession = {
      id: crypto.randomUUID(),
      coach_id: req.coachId,
      engagement_id: c.id,
      starts_at: req.startMs,
      ends_at: req.startMs + inputs.durationMinutes * MINUTE,
      model_id: c.model_id,
      calendar_status: 'pending',
      meeting_host: null,
      meeting_id: null,
      meeting_url: null,
      created_at: nowMs,
    };
    const writes = [
      ...(earlier ? [deleteBookingRequestQuery(db, req.coachId, req.idempotencyKey)] : []),
      insertSessionIfFree(db, session, clearanceOf(inputs.rules)),
      carryOverAgendaQuery(db, session, { id: crypto.randomUUID(), title: CARRY_OVER_TITLE[c.coachee_locale] }),
      insertBookingRequestQuery(db, { coach_id: req.coachId, idempotency_key: req.idempotencyKey, request_hash: req.requestHash, session_id: session.id, created_at: nowMs }),
    ];
    return { created: true, session: await this.insert(writes, earlier ? 1 : 0, session, c.coachee_id) };
  }

  private async planNow(req: PlanRequest): Promise<{ created: boolean; session: Session }> {
    const session: NewSession = {
      id: crypto.randomUUID(),
      coach_id: req.coachId,
      engagement_id: req.engagementId,
      starts_at: req.startMs,
      ends_at: req.endMs,
      model_id: req.modelId,
      calendar_status: req.calendarStatus,
      meeting_host: null,
      meeting_id: null,
      meeting_url: null,
      created_at: Date.now(),
    };
    const none: Clearance = { beforeMs: 0, afterMs: 0 };
    return { created: true, session: await this.insert([insertSessionIfFree(coachDb(this.env, session.coach_id), session, none)], 0, session, req.coacheeId) };
  }

  /**
   * Runs the writes as one D1 batch; the statement at `sessionIndex` inserts the session (returning its row) or, when the time
   * is taken, nothing.
   */
  private async insert(writes: Query[], sessionIndex: number, session: NewSession, coacheeId: string): Promise<Session> {
    let results: D1Result[];
    try {
      results = await batch(coachDb(this.env, session.coach_id), writes);
    } catch (e) {
      if (e instanceof StorageError && e.isUniqueViolation) throw overlapConflict();
      throw e;
    }
    const row = results[sessionIndex]?.results[0] as Omit<SessionRow, 'coachee_id'> | undefined;
    if (!row) throw overlapConflict();
    return toSession({ ...row, coachee_id: coacheeId });
  }
}

/** Turns a thrown ApiProblem into data the caller can rethrow; anything else stays an error (→ 500, nothing written). */
async function answer(fn: () => Promise<{ created: boolean; session: Session }>): Promise<BookingAnswer> {
  try {
    return { ok: true, ...(await fn()) };
  } catch (e) {
    if (e instanceof ApiProblem) return { ok: false, problem: { status: e.status, type: e.type, detail: e.detail, errors: e.errors } };
    throw e;
  }
}
