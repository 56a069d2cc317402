/** One statement that reads everything the coachee's page shows: engagement, coach and coachee names, current and next session, agenda and agreements. */
import type { CoacheeRow } from './coachees';
import type { CoachRow } from './coaches';
import type { EngagementRow } from './engagements';
import { agendaSql, agreementsSql, assembleLiveState, LIVE_COLUMNS, type AgendaRow, type AgreementRow } from './live-state';
import type { SessionRow } from './sessions';
import { MAX_SESSION_MS } from './time';
import type { LiveState } from '../../shared/protocol';

/** What the coachee's view needs, read in one round trip (no notes: the coachee never sees them). */
export type CoacheeViewRows = {
  engagement: EngagementRow;
  coach: Pick<CoachRow, 'name' | 'calendar_provider'>;
  coachee: Pick<CoacheeRow, 'name' | 'locale' | 'time_zone'>;
  session: Pick<SessionRow, 'id' | 'starts_at' | 'ends_at' | 'meeting_url' | 'seq'> | null;
  next: { id: string; starts_at: number; ends_at: number } | null;
  state: LiveState | null;
};

const ENGAGEMENT = ['id', 'coach_id', 'coachee_id', 'goal', 'model_id', 'session_minutes', 'status', 'link_version', 'link_expires_at', 'created_at'] as const;
const json = (columns: readonly string[]) => `json_group_array(json_object(${columns.map((c) => `'${c}', ${c}`).join(', ')}))`;

/**
 * The engagement a coachee link names with its current session — the one in progress or next up, else the most recent (as
 * `currentSessionOfEngagement`) — and everything its page shows, in one statement. Each session lookup walks the engagement's
 * (engagement_id, starts_at) index from `nowMs` outward, so the cost does not grow with the engagement's history. Null for an
 * unknown engagement. The caller checks the link's version and expiry against `engagement`.
 * @see https://sqlite.org/json1.html#jgrouparray
 */
export async function loadCoacheeView(db: D1Database, engagementId: string, nowMs: number): Promise<CoacheeViewRows | null> {
  const row = await db
    .prepare(
      `SELECT ${ENGAGEMENT.map((c) => `e.${c} AS e_${c}`).join(', ')}, c.name AS coach_name, c.calendar_provider AS coach_calendar_provider,
        p.name AS coachee_name, p.locale AS coachee_locale, p.time_zone AS coachee_time_zone,
        s.id, s.starts_at, s.ends_at, s.meeting_url, s.seq, s.current_phase, s.phase_started_at, s.phase_spent,
        (SELECT json_object('id', x.id, 'starts_at', x.starts_at, 'ends_at', x.ends_at) FROM sessions x
          WHERE x.engagement_id = e.id AND x.starts_at > s.starts_at ORDER BY x.starts_at LIMIT 1) AS next_json,
        (SELECT ${json(LIVE_COLUMNS.agenda)} FROM (${agendaSql('s.id', 's.coach_id')})) AS agenda_json,
        (SELECT ${json(LIVE_COLUMNS.agreements)} FROM (${agreementsSql('s.id', 's.coach_id')})) AS agreements_json
      FROM engagements e JOIN coaches c ON c.id = e.coach_id JOIN coachees p ON p.id = e.coachee_id
        LEFT JOIN sessions s ON s.id = coalesce(
          (SELECT id FROM sessions WHERE engagement_id = e.id AND starts_at > ?2 - ?3 AND ends_at > ?2 ORDER BY starts_at LIMIT 1),
          (SELECT id FROM sessions WHERE engagement_id = e.id AND starts_at < ?2 AND ends_at <= ?2 ORDER BY starts_at DESC LIMIT 1))
      WHERE e.id = ?1`,
    )
    .bind(engagementId, nowMs, MAX_SESSION_MS)
    .first<Record<string, unknown>>();
  if (!row) return null;
  const engagement = Object.fromEntries(ENGAGEMENT.map((c) => [c, row[`e_${c}`]])) as unknown as EngagementRow;
  const session = row.id === null ? null : (row as unknown as SessionRow);
  const list = <T>(column: string) => JSON.parse((row[column] as string | null) ?? '[]') as T[];
  return {
    engagement,
    coach: { name: row.coach_name as string, calendar_provider: row.coach_calendar_provider as CoachRow['calendar_provider'] },
    coachee: { name: row.coachee_name as string, locale: row.coachee_locale as CoacheeRow['locale'], time_zone: row.coachee_time_zone as string },
    session,
    next: row.next_json ? JSON.parse(row.next_json as string) : null,
    state: session ? await assembleLiveState('', session, [list<AgendaRow>('agenda_json'), list<AgreementRow>('agreements_json'), []], false) : null,
  };
}
