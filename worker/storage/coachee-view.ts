/** One statement that reads everything the coachee's page shows: engagement, coach and coachee names, current and next session, agenda and agreements. */
import type { CoacheeRow } from './coachees';
import type { CoachRow } from './coaches';
import type { EngagementRow } from './engagements';
import { agendaSql, agreementsSql, assembleLiveState, LIVE_COLUMNS, type AgendaRow, type AgreementRow } from './live-state';
import type { SessionRow } from './sessions';
import { batch, type Query } from './sql';
import { MAX_SESSION_MS } from './time';
import type { LiveState } from '../../shared/protocol';

/** What the coachee's view needs, read in one round trip (no notes: the coachee never sees them). */
export type CoacheeViewRows = {
  engagement: EngagementRow;
  coach: Pick<CoachRow, 'name' | 'calendar_provider' | 'booking_rules'>;
  coachee: Pick<CoacheeRow, 'name' | 'locale' | 'time_zone'>;
  session: Pick<SessionRow, 'id' | 'starts_at' | 'ends_at' | 'meeting_url' | 'seq'> | null;
  next: { id: string; starts_at: number; ends_at: number } | null;
  state: LiveState | null;
};

const SESSION = ['id', 'coach_id', 'starts_at', 'ends_at', 'meeting_url', 'seq', 'current_phase', 'phase_started_at', 'phase_spent'] as const;
const json = (columns: readonly string[]) => `json_group_array(json_object(${columns.map((c) => `'${c}', ${c}`).join(', ')}))`;
/** The columns other than the engagement's carry this prefix, so `e.*` keeps its own names whatever columns it gains. */
const V = 'v_';
const picked = (row: Record<string, unknown>, prefix: string) =>
  Object.fromEntries(Object.entries(row).filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]));

/**
 * The engagement a coachee link names with its current session — the one in progress or next up, else the most recent (as
 * `currentSessionOfEngagement`) — and everything its page shows, in one statement. Each session lookup walks the engagement's
 * (engagement_id, starts_at) index from `nowMs` outward, so the cost does not grow with the engagement's history. Null for an
 * unknown engagement. The caller checks the link's version and expiry against `engagement`. `alongside` statements run in the
 * same batch (one round trip); their results come back in order.
 * @see https://sqlite.org/json1.html#jgrouparray
 */
export async function loadCoacheeView(db: D1Database, engagementId: string, nowMs: number, alongside: Query[] = []): Promise<{ view: CoacheeViewRows | null; alongside: D1Result[] }> {
  const text = 
      `SELECT e.*, c.name AS ${V}c_name, c.calendar_provider AS ${V}c_calendar_provider, c.booking_rules AS ${V}c_booking_rules,
        p.name AS ${V}p_name, p.locale AS ${V}p_locale, p.time_zone AS ${V}p_time_zone,
        ${SESSION.map((c) => `s.${c} AS ${V}s_${c}`).join(', ')},
        (SELECT json_object('id', x.id, 'starts_at', x.starts_at, 'ends_at', x.ends_at) FROM sessions x
          WHERE x.engagement_id = e.id AND x.starts_at > s.starts_at ORDER BY x.starts_at LIMIT 1) AS ${V}next_json,
        (SELECT ${json(LIVE_COLUMNS.agenda)} FROM (${agendaSql('s.id', 's.coach_id')})) AS ${V}agenda_json,
        (SELECT ${json(LIVE_COLUMNS.agreements)} FROM (${agreementsSql('s.id', 's.coach_id')})) AS ${V}agreements_json
      FROM engagements e JOIN coaches c ON c.id = e.coach_id JOIN coachees p ON p.id = e.coachee_id
        LEFT JOIN sessions s ON s.id = coalesce(
          (SELECT id FROM sessions WHERE engagement_id = e.id AND starts_at > ?2 - ?3 AND ends_at > ?2 ORDER BY starts_at LIMIT 1),
          (SELECT id FROM sessions WHERE engagement_id = e.id AND starts_at < ?2 AND ends_at <= ?2 ORDER BY starts_at DESC LIMIT 1))
      WHERE e.id = ?1`;
  const [head, ...rest] = await batch(db, [{ stmt: db.prepare(text).bind(engagementId, nowMs, MAX_SESSION_MS), text }, ...alongside]);
  const row = head?.results[0] as Record<string, unknown> | undefined;
  if (!row) return { view: null, alongside: rest };
  return { view: await viewOf(row), alongside: rest };
}

async function viewOf(row: Record<string, unknown>): Promise<CoacheeViewRows> {
  const engagement = Object.fromEntries(Object.entries(row).filter(([k]) => !k.startsWith(V))) as unknown as EngagementRow;
  const s = picked(row, `${V}s_`);
  const session = s.id === null ? null : (s as unknown as SessionRow);
  const list = <T>(column: string) => JSON.parse((row[`${V}${column}`] as string | null) ?? '[]') as T[];
  return {
    engagement,
    coach: picked(row, `${V}c_`) as unknown as CoacheeViewRows['coach'],
    coachee: picked(row, `${V}p_`) as unknown as CoacheeViewRows['coachee'],
    session,
    next: row[`${V}next_json`] ? JSON.parse(row[`${V}next_json`] as string) : null,
    state: session ? await assembleLiveState('', session, [list<AgendaRow>('agenda_json'), list<AgreementRow>('agreements_json'), []], false) : null,
  };
}
