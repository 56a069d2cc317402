/** The one seam through which every repository gets its D1 database: per-coach data by coach id, cross-coach lookups from the directory. */
import type { Env } from '../env';
import { observedDb, type StatementObserver } from './observed';

/** What the seam needs of the Worker's bindings. */
export type DatabaseBindings = Pick<Env, 'DB'>;

/**
 * The database holding one coach's data (coachees, trajectories, sessions, agreements, notes, touchpoints, mail…).
 * Today every coach lives in the one `DB`; moving coaches to several D1 databases (or SQLite-backed Durable Objects) is a
 * change here plus a data migration, not a change in the repositories, which only ever receive the database this returns.
 * @see https://developers.cloudflare.com/d1/worker-api/d1-database/
 */
export function coachDb(env: DatabaseBindings, _coachId: string): D1Database {
  return seen(env.DB);
}

/**
 * The directory: what must be found before the coach is known — sign-in identities, coachee link and feed tokens → coach,
 * hand-off codes, a session id → its coach (calendar sync jobs, the session room, the demo) — and the routing table a sharded
 * setup would keep (coach → database). Once the coach is known, everything else goes through `coachDb`.
 */
export function directoryDb(env: DatabaseBindings): D1Database {
  return seen(env.DB);
}

/** Every database that holds coach data, for cron work that scans what is due across all coaches (one today). */
export function allCoachDbs(env: DatabaseBindings): D1Database[] {
  return [seen(env.DB)];
}

/** A read-only database that a D1 read replica may serve, and the bookmark of what it has read (to hand to a later request). */
export type ReplicaRead = { db: D1Database; bookmark(): string | null };

/**
 * Reads that may run on a D1 read replica, through the Sessions API: `coachId` names the coach's database (null: the
 * directory). Without a bookmark any replica may answer (`first-unconstrained`); with one, only a copy at least that recent, so
 * a client that sends back the bookmark of its last response never reads older data than it already saw. Only for reads that
 * need no read-your-writes beyond that (README, "Storage and capacity"); statements only (`prepare`/`batch`), never `exec`.
 * @see https://developers.cloudflare.com/d1/best-practices/read-replication/
 */
export function replicaDb(env: DatabaseBindings, _coachId: string | null, bookmark: string | null = null): ReplicaRead {
  const session = env.DB.withSession(bookmark ?? 'first-unconstrained');
  return { db: seen(session as unknown as D1Database), bookmark: () => session.getBookmark() };
}

let observer: StatementObserver | null = null;

/**
 * Reports every statement prepared through the seam, and every D1 round trip with its rows read, to `next` (null stops it).
 * For tests (query plans of every statement, rows-read budgets) and the bench's statistics; never set in production.
 */
export function observeStatements(next: StatementObserver | null): void {
  observer = next;
}

const seen = (db: D1Database): D1Database => (observer ? observedDb(db, observer) : db);
