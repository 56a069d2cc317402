/** One D1 batch that reads everything about one session the panel and the invite need: session, engagement, coachee, coach, live state, models, neighbours. */
import type { CoacheeRow } from './coachees';
import type { CoachRow } from './coaches';
import type { EngagementRow } from './engagements';
import { agendaSql, agreementsSql, assembleLiveState, LIVE_COLUMNS, notesSql, type AgendaRow, type AgreementRow, type NotesRow } from './live-state';
import type { ConnectionProvider } from './calendar-connections';
import type { IntakeAnswerRow } from './onboarding';
import type { SessionRow } from './sessions';
import type { LiveState } from '../../shared/protocol';

/** Everything about one session, read in one round trip. */
export type SessionContext = {
  session: SessionRow;
  engagement: EngagementRow;
  coachee: CoacheeRow;
  coach: CoachRow;
  state: LiveState;
  customModels: { id: string; body: string }[];
  /** The coachee's intake answers of this trajectory (the first session's panel shows them). */
  intakeAnswers: IntakeAnswerRow[];
  /** The coach's connections in use whose grant was refused (they need connecting again), by provider. */
  reconnect: ConnectionProvider[];
  previous: { id: string; starts_at: number } | null;
  next: { id: string; starts_at: number; ends_at: number; calendar_status: SessionRow['calendar_status'] } | null;
};

const pick = (row: Record<string, unknown>, prefix: string) =>
  Object.fromEntries(Object.entries(row).filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]));

/** A subquery aggregating the rows of `select` into one JSON array of objects with `columns`. */
const jsonRows = (select: string, columns: readonly string[]) =>
  `(SELECT json_group_array(json_object(${columns.map((c) => `'${c}', ${c}`).join(', ')})) FROM (${select}))`;

/**
 * Reads one session of this coach with everything around it — one statement, one round trip; null for unknown ids and other
 * coaches' sessions. Lists come back as JSON arrays built by SQLite.
 * @see https://developers.cloudflare.com/d1/worker-api/d1-database/#batch
 * @see https://sqlite.org/json1.html#jgrouparray
 */
export async function loadSessionContext(db: D1Database, keys: string, coachId: string, sessionId: string, withNotes: boolean): Promise<SessionContext | null> {
  const cols = (t: string, p: string, names: string[]) => names.map((n) => `${t}.${n} AS ${p}${n}`).join(', ');
  const row = await db
    .prepare(
      `SELECT s.*, e.coachee_id, ${cols('e', 'e_', ['id', 'coach_id', 'coachee_id', 'goal', 'model_id', 'session_minutes', 'status', 'link_version', 'link_expires_at', 'created_at', 'welcome', 'intake_questions', 'touchpoint_defaults', 'consent_at', 'closed_at'])},
        ${cols('p', 'p_', ['id', 'coach_id', 'name', 'email', 'locale', 'time_zone', 'invite_mode', 'created_at'])},
        ${cols('c', 'c_', ['id', 'email', 'name', 'locale', 'time_zone', 'working_hours', 'booking_rules', 'invite_mode', 'meeting_host', 'referral_contacts', 'calendar_provider', 'ics_token', 'created_at'])},
        (SELECT json_object('id', x.id, 'starts_at', x.starts_at) FROM sessions x WHERE x.engagement_id = s.engagement_id AND x.starts_at < s.starts_at ORDER BY x.starts_at DESC LIMIT 1) AS prev_json,
        (SELECT json_object('id', x.id, 'starts_at', x.starts_at, 'ends_at', x.ends_at, 'calendar_status', x.calendar_status) FROM sessions x
          WHERE x.engagement_id = s.engagement_id AND x.starts_at > s.starts_at ORDER BY x.starts_at ASC LIMIT 1) AS next_json,
        ${jsonRows(agendaSql('s.id', 's.coach_id'), LIVE_COLUMNS.agenda)} AS agenda_json,
        ${jsonRows(agreementsSql('s.id', 's.coach_id'), LIVE_COLUMNS.agreements)} AS agreements_json,
        ${jsonRows(notesSql('s.id', 's.coach_id'), LIVE_COLUMNS.notes)} AS notes_json,
        ${jsonRows('SELECT id, body FROM models WHERE coach_id = s.coach_id ORDER BY created_at', ['id', 'body'])} AS models_json,
        ${jsonRows('SELECT * FROM intake_answers WHERE coach_id = s.coach_id AND engagement_id = s.engagement_id', ['coach_id', 'engagement_id', 'question_id', 'text', 'updated_at'])} AS intake_json,
        ${jsonRows('SELECT provider FROM calendar_connections WHERE coach_id = s.coach_id AND retired_at IS NULL AND reconnect_since IS NOT NULL ORDER BY provider', ['provider'])} AS reconnect_json
      FROM sessions s JOIN engagements e ON e.id = s.engagement_id JOIN coachees p ON p.id = e.coachee_id JOIN coaches c ON c.id = s.coach_id
      WHERE s.id = ?1 AND s.coach_id = ?2`,
    )
    .bind(sessionId, coachId)
    .first<Record<string, unknown>>();
  if (!row) return null;
  const session = row as unknown as SessionRow;
  const list = <T>(column: string) => JSON.parse(row[column] as string) as T[];
  const state = await assembleLiveState(keys, session, [list<AgendaRow>('agenda_json'), list<AgreementRow>('agreements_json'), list<NotesRow>('notes_json')], withNotes);
  return {
    session,
    engagement: pick(row, 'e_') as EngagementRow,
    coachee: pick(row, 'p_') as CoacheeRow,
    coach: pick(row, 'c_') as CoachRow,
    state,
    customModels: list<{ id: string; body: string }>('models_json'),
    intakeAnswers: list<IntakeAnswerRow>('intake_json'),
    reconnect: list<{ provider: ConnectionProvider }>('reconnect_json').map((r) => r.provider),
    previous: row.prev_json ? JSON.parse(row.prev_json as string) : null,
    next: row.next_json ? JSON.parse(row.next_json as string) : null,
  };
}
