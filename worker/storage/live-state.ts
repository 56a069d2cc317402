/** Reads a session's live state (agenda, own + carried-over agreements, notes, progress) in one batch, and turns applied ops into D1 writes. */
import type { AgendaItem, Agreement, LiveState, Op, Who } from '../../shared/protocol';
import { open, seal, type Sealed } from '../auth/crypto';
import { sql, type Query } from './sql';
import { iso, ms } from './time';
import type { SessionRow } from './sessions';

/** Row shapes of the live-state selects. */
export type AgendaRow = { id: string; title: string; done: number; position: number; proposed_by: 'coach' | 'coachee' };
export type AgreementRow = { id: string; session_id: string; who_kind: 'coachee' | 'coach' | 'named'; who_name: string | null; what: string; due: string | null; status: Agreement['status']; updated_at: number };
export type NotesRow = { key_id: string; iv: string; ciphertext: string };

/** Additional data binding a notes ciphertext to its session. */
const notesContext = (sessionId: string) => `notes:${sessionId}`;

/** SQL selecting a session's agenda rows; `sid` and `cid` are SQL expressions for the session and coach ids (parameters or columns). */
export const agendaSql = (sid: string, cid: string) =>
  `SELECT id, title, done, position, proposed_by FROM agenda_items WHERE session_id = ${sid} AND coach_id = ${cid} ORDER BY position, created_at`;

/**
 * SQL selecting the agreements a session shows: those made in it, open ones of earlier sessions of the same engagement (carried over),
 * and earlier ones closed during this session (so "how did it go?" stays visible). Carried-over ones first. The candidates come from
 * three index lookups (this session's, the engagement's open ones, those closed in this session), so the coach's other
 * trajectories are never read; the unary `+` keeps SQLite from walking the engagement's agreements instead.
 * @see https://sqlite.org/optoverview.html#disqualifying_where_clause_terms_using_unary_
 */
export const agreementsSql = (sid: string, cid: string) =>
  `SELECT a.id, a.session_id, a.who_kind, a.who_name, a.what, a.due, a.status, a.updated_at
   FROM sessions cur JOIN agreements a ON a.coach_id = cur.coach_id AND a.id IN (
       SELECT x.id FROM agreements x WHERE x.session_id = cur.id
       UNION SELECT x.id FROM agreements x WHERE x.engagement_id = cur.engagement_id AND x.status = 'open'
       UNION SELECT x.id FROM agreements x WHERE x.closed_in_session_id = cur.id AND x.status IN ('done', 'dropped'))
     JOIN sessions o ON o.id = a.session_id
   WHERE cur.id = ${sid} AND cur.coach_id = ${cid} AND +a.engagement_id = cur.engagement_id
     AND (a.session_id = cur.id OR (o.starts_at < cur.starts_at AND (a.status = 'open' OR a.closed_in_session_id = cur.id)))
   ORDER BY CASE WHEN a.session_id = cur.id THEN 1 ELSE 0 END, o.starts_at, a.created_at`;

/** SQL selecting a session's sealed notes. */
export const notesSql = (sid: string, cid: string) => `SELECT key_id, iv, ciphertext FROM notes WHERE session_id = ${sid} AND coach_id = ${cid}`;

/** Column names of the three live-state selects, for aggregating them into JSON inside one statement. */
export const LIVE_COLUMNS = {
  agenda: ['id', 'title', 'done', 'position', 'proposed_by'],
  agreements: ['id', 'session_id', 'who_kind', 'who_name', 'what', 'due', 'status', 'updated_at'],
  notes: ['key_id', 'iv', 'ciphertext'],
} as const;

/** The three queries that read a session's live state, scoped to its coach. */
export function liveStateQueries(db: D1Database, sessionId: string, coachId: string): [Query, Query, Query] {
  const q = (text: string): Query => ({ stmt: db.prepare(text).bind(sessionId, coachId), text });
  return [q(agendaSql('?1', '?2')), q(agreementsSql('?1', '?2')), q(notesSql('?1', '?2'))];
}

/** Assembles the live state from the rows of `liveStateQueries` and the session row; decrypts notes only when `withNotes`. */
export async function assembleLiveState(
  keys: string,
  s: Pick<SessionRow, 'id' | 'current_phase' | 'phase_started_at' | 'phase_spent'>,
  rows: [AgendaRow[], AgreementRow[], NotesRow[]],
  withNotes: boolean,
): Promise<LiveState> {
  const [agenda, agreements, notes] = rows;
  const sealed = notes[0];
  return {
    agenda: agenda.map(toAgendaItem),
    agreements: agreements.map((r) => toAgreement(r, s.id)),
    progress: { phase: s.current_phase, phaseStartedAt: s.phase_started_at === null ? null : iso(s.phase_started_at), spentMs: JSON.parse(s.phase_spent) },
    notes: withNotes ? (sealed ? await open(keys, { keyId: sealed.key_id, iv: sealed.iv, data: sealed.ciphertext }, notesContext(s.id)) : '') : null,
  };
}

/** Loads the live state of one session (one D1 batch). */
export async function loadLiveState(db: D1Database, keys: string, s: SessionRow, withNotes: boolean): Promise<LiveState> {
  const results = await db.batch(liveStateQueries(db, s.id, s.coach_id).map((q) => q.stmt));
  return assembleLiveState(keys, s, results.map((r) => r.results) as [AgendaRow[], AgreementRow[], NotesRow[]], withNotes);
}

const toAgendaItem = (r: AgendaRow): AgendaItem => ({ id: r.id, title: r.title, done: r.done === 1, position: r.position, proposedBy: r.proposed_by });

function toAgreement(r: AgreementRow, sessionId: string): Agreement {
  const who: Who = r.who_kind === 'named' ? { name: r.who_name ?? '' } : r.who_kind;
  return { id: r.id, sessionId: r.session_id, who, what: r.what, due: r.due, status: r.status, carriedOver: r.session_id !== sessionId, updatedAt: iso(r.updated_at) };
}

const whoColumns = (who: Who) => (typeof who === 'string' ? { kind: who, name: null } : { kind: 'named', name: who.name });

/** Who the op was applied by and when, for the writes. */
export type WriteContext = { session: SessionRow; actor: 'coach' | 'coachee'; nowMs: number; seq: number };

/**
 * The D1 writes for one op that the reducer accepted (`after` is the state it produced), one batch that always bumps the session's
 * sequence; the room keeps the op id in its own storage (worker/live/op-log.ts), so a replay is recognised even after a restart.
 */
export async function opWrites(db: D1Database, keys: string, op: Op, after: LiveState, w: WriteContext): Promise<Query[]> {
  const q = sql(db);
  const s = w.session;
  const writes: Query[] = [];
  switch (op.kind) {
    case 'agenda.add': {
      const item = after.agenda.find((i) => i.id === op.id);
      if (item) {
        writes.push(q`INSERT INTO agenda_items (id, coach_id, session_id, title, done, position, proposed_by, created_at)
          VALUES (${item.id}, ${s.coach_id}, ${s.id}, ${item.title}, ${item.done}, ${item.position}, ${item.proposedBy}, ${w.nowMs})`);
      }
      break;
    }
    case 'agenda.update': {
      // Only the fields the op changes, so a room with an older copy never writes stale values back.
      const p = op.patch;
      writes.push(q`UPDATE agenda_items SET title = COALESCE(${p.title ?? null}, title), done = COALESCE(${p.done ?? null}, done),
        position = COALESCE(${p.position ?? null}, position) WHERE id = ${op.id} AND session_id = ${s.id}`);
      break;
    }
    case 'agenda.remove':
      writes.push(q`DELETE FROM agenda_items WHERE id = ${op.id} AND session_id = ${s.id}`);
      break;
    case 'agreement.add': {
      const a = after.agreements.find((x) => x.id === op.id);
      if (a) {
        const who = whoColumns(a.who);
        writes.push(q`INSERT INTO agreements (id, coach_id, engagement_id, session_id, who_kind, who_name, what, due, status, created_at, updated_at)
          VALUES (${a.id}, ${s.coach_id}, ${s.engagement_id}, ${s.id}, ${who.kind}, ${who.name}, ${a.what}, ${a.due}, ${a.status}, ${w.nowMs}, ${w.nowMs})`);
      }
      break;
    }
    case 'agreement.update': {
      // Only the fields the op changes: a carried-over agreement is shown in several sessions' rooms, each with its own copy.
      const p = op.patch;
      const who = p.who === undefined ? null : whoColumns(p.who);
      const status = p.status ?? null;
      const closedIn = status === null ? null : status === 'open' ? '' : s.id;
      writes.push(q`UPDATE agreements SET
          who_kind = COALESCE(${who?.kind ?? null}, who_kind),
          who_name = CASE WHEN ${who ? 1 : 0} = 1 THEN ${who?.name ?? null} ELSE who_name END,
          what = COALESCE(${p.what ?? null}, what),
          due = CASE WHEN ${p.due === undefined ? 0 : 1} = 1 THEN ${p.due ?? null} ELSE due END,
          status = COALESCE(${status}, status),
          closed_in_session_id = CASE WHEN ${closedIn} IS NULL THEN closed_in_session_id ELSE NULLIF(${closedIn}, '') END,
          updated_at = ${w.nowMs}
        WHERE coach_id = ${s.coach_id} AND id = ${op.id} AND engagement_id = ${s.engagement_id}`);
      break;
    }
    case 'agreement.remove':
      writes.push(q`DELETE FROM agreements WHERE coach_id = ${s.coach_id} AND id = ${op.id} AND session_id = ${s.id}`);
      break;
    case 'notes.set': {
      const sealed: Sealed = await seal(keys, op.text, notesContext(s.id));
      writes.push(q`INSERT INTO notes (session_id, coach_id, key_id, iv, ciphertext, updated_at) VALUES (${s.id}, ${s.coach_id}, ${sealed.keyId}, ${sealed.iv}, ${sealed.data}, ${w.nowMs})
        ON CONFLICT (session_id) DO UPDATE SET key_id = excluded.key_id, iv = excluded.iv, ciphertext = excluded.ciphertext, updated_at = excluded.updated_at`);
      break;
    }
    case 'progress.set': {
      const p = after.progress;
      writes.push(q`UPDATE sessions SET current_phase = ${p.phase}, phase_started_at = ${p.phaseStartedAt === null ? null : ms(p.phaseStartedAt)},
        phase_spent = ${JSON.stringify(p.spentMs)} WHERE id = ${s.id}`);
      break;
    }
  }
  writes.push(q`UPDATE sessions SET seq = ${w.seq} WHERE id = ${s.id}`);
  return writes;
}
