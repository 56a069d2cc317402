/** The grants behind calendar and Zoom connections: a grant the provider refused asks the coach to reconnect; a disconnected one is revoked at the provider once unused. */
import { revokeGrant } from '../auth/web-oauth/flow';
import { vendorConfig } from '../auth/web-oauth/vendors';
import type { Env } from '../env';
import { CRON_TASKS } from '../jobs/cron';
import type { ConnectionProvider, ConnectionRow } from '../storage/calendar-connections';
import { allCoachDbs } from '../storage/databases';
import { all, run, sql } from '../storage/sql';
import { unseal } from './calendar-connection';

/** How long sessions wait before cron asks for their sync again while the coach has not reconnected (they stay pending). */
export const RECONNECT_RETRY_MS = 6 * 3600_000;

/** Marks the coach's connection in use for `provider` as refused by the provider: `GET /api/me` then asks to reconnect. */
export const markReconnect = (db: D1Database, coachId: string, provider: string, nowMs: number) =>
  run(sql(db)`UPDATE calendar_connections SET reconnect_since = coalesce(reconnect_since, ${nowMs})
    WHERE coach_id = ${coachId} AND provider = ${provider} AND retired_at IS NULL`);

/** The providers whose connection in use the coach must reconnect (their grant was revoked or expired). */
export async function reconnectNeeded(db: D1Database, coachId: string): Promise<ConnectionProvider[]> {
  return (await connectionsInUse(db, coachId)).filter((c) => c.reconnect).map((c) => c.provider);
}

/** The coach's connections in use (a calendar, and Zoom for meetings), each with whether its grant needs reconnecting. */
export async function connectionsInUse(db: D1Database, coachId: string): Promise<{ provider: ConnectionProvider; reconnect: boolean }[]> {
  const rows = await all<{ provider: ConnectionProvider; reconnect_since: number | null }>(
    sql(db)`SELECT provider, reconnect_since FROM calendar_connections WHERE coach_id = ${coachId} AND retired_at IS NULL ORDER BY provider`,
  );
  return rows.map((r) => ({ provider: r.provider, reconnect: r.reconnect_since !== null }));
}

/** Asks for the revocation of the connection in use for `provider` (call it before the disconnect retires it). */
export const requestRevocation = (db: D1Database, coachId: string, provider: ConnectionProvider, nowMs: number) =>
  run(sql(db)`UPDATE calendar_connections SET revoke_requested_at = ${nowMs} WHERE coach_id = ${coachId} AND provider = ${provider} AND retired_at IS NULL`);

/**
 * Revokes, at the provider, every disconnected generation of the coach (or of every coach, `coachId` null) that nothing needs
 * any more, then drops it: the same conditions as `dropUnusedRetired` (no event or meeting made with it left to delete, no
 * queued delete, no sync in flight). The refresh token is revoked where there is one (it ends the whole grant), else the
 * access token. Microsoft has no revocation endpoint: there the row just goes. A failed revocation keeps the row for the next
 * cron run.
 * @see https://datatracker.ietf.org/doc/html/rfc7009
 */
export async function revokeUnused(env: Env, db: D1Database, coachId: string | null, nowMs: number): Promise<number> {
  const rows = await all<ConnectionRow>(
    sql(db)`SELECT * FROM calendar_connections WHERE revoke_requested_at IS NOT NULL AND retired_at IS NOT NULL AND (${coachId} IS NULL OR coach_id = ${coachId})
      AND NOT EXISTS (SELECT 1 FROM calendar_events ce WHERE ce.connection_id = calendar_connections.id AND ce.external_id IS NOT NULL)
      AND NOT EXISTS (SELECT 1 FROM calendar_events ce WHERE ce.meeting_connection_id = calendar_connections.id AND ce.meeting_id IS NOT NULL)
      AND NOT EXISTS (SELECT 1 FROM calendar_delete_holds h WHERE h.connection_id = calendar_connections.id)
      AND NOT EXISTS (SELECT 1 FROM calendar_events ce WHERE ce.coach_id = calendar_connections.coach_id AND ce.lease_until > ${nowMs})`,
  );
  let revoked = 0;
  for (const row of rows) {
    const vendor = vendorConfig(env, row.provider);
    const credentials = await unseal(env, row).catch(() => null);
    const token = credentials?.refreshToken ?? credentials?.accessToken;
    if (vendor?.as.revocation_endpoint && token && !(await revokeGrant(vendor, token))) continue;
    await run(sql(db)`DELETE FROM calendar_connections WHERE id = ${row.id} AND coach_id = ${row.coach_id}`);
    revoked += 1;
  }
  return revoked;
}

/** Disconnected grants whose last events were cleaned up since are revoked on every cron run. */
CRON_TASKS.push(async (env, nowMs) => {
  for (const db of allCoachDbs(env)) await revokeUnused(env, db, null, nowMs);
});


/** Sessions of the coach that have not ended and still wait for their calendar write: a reconnect asks for all of them. */
export const waitingSessions = (db: D1Database, coachId: string, nowMs: number) =>
  all<{ id: string }>(sql(db)`SELECT id FROM sessions WHERE coach_id = ${coachId} AND ends_at > ${nowMs} AND calendar_status = 'pending' ORDER BY starts_at LIMIT 1000`);
