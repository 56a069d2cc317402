/** Writes to a session over REST — agenda items, agreements (WWW), private notes, current phase — each applied through the session's room. */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { AgendaItem, AgendaItemCreate, AgendaItemPatch, Agreement, AgreementCreate, AgreementPatch, NotesPut, PhaseKey, Progress } from '../../shared/protocol';
import type { AppEnv } from '../env';
import { requireCoach, ownDb } from '../auth/require-coach';
import { endpoint, param } from '../http/endpoint';
import { notFound } from '../http/problem';
import { currentSessionOfEngagement } from '../storage/sessions';
import { first, sql } from '../storage/sql';
import { applyThroughRoom, restOpId } from '../services/room';
import { ownSession } from './sessions';

/** Routes under `/api/sessions/:id/…` and `/api/agreements/:id`. */
export const sessionItemRoutes = new Hono<AppEnv>();
sessionItemRoutes.use('/sessions/*', requireCoach);
sessionItemRoutes.use('/agreements/*', requireCoach);
const M = '/api';

const itemOf = <T extends { id: string }>(list: T[], id: string) => {
  const item = list.find((x) => x.id === id);
  if (!item) throw notFound('Item');
  return item;
};

endpoint(sessionItemRoutes, M, { method: 'post', path: '/sessions/:id/agenda', tag: 'agenda', summary: 'Adds an agenda item.', body: AgendaItemCreate, response: AgendaItem, status: 201 }, async (c, { body }) => {
  const s = await ownSession(c);
  const id = body.id ?? crypto.randomUUID();
  const { state } = await applyThroughRoom(c.env, s.id, { opId: restOpId(), kind: 'agenda.add', id, title: body.title, done: body.done, ...(body.position === undefined ? {} : { position: body.position }) }, 'coach');
  return c.json(itemOf(state.agenda, id), 201);
});

endpoint(sessionItemRoutes, M, { method: 'patch', path: '/sessions/:id/agenda/:itemId', tag: 'agenda', summary: 'Edits, reorders (position) or ticks an agenda item.', body: AgendaItemPatch, response: AgendaItem }, async (c, { body }) => {
  const s = await ownSession(c);
  const id = param(c, 'itemId');
  const { state } = await applyThroughRoom(c.env, s.id, { opId: restOpId(), kind: 'agenda.update', id, patch: body }, 'coach');
  return c.json(itemOf(state.agenda, id));
});

endpoint(sessionItemRoutes, M, { method: 'delete', path: '/sessions/:id/agenda/:itemId', tag: 'agenda', summary: 'Removes an agenda item.', status: 204 }, async (c) => {
  const s = await ownSession(c);
  await applyThroughRoom(c.env, s.id, { opId: restOpId(), kind: 'agenda.remove', id: param(c, 'itemId') }, 'coach');
  return c.body(null, 204);
});

endpoint(sessionItemRoutes, M, { method: 'post', path: '/sessions/:id/agreements', tag: 'agreements', summary: 'Records an agreement: who does what, by when (WWW).', body: AgreementCreate, response: Agreement, status: 201 }, async (c, { body }) => {
  const s = await ownSession(c);
  const id = body.id ?? crypto.randomUUID();
  const { state } = await applyThroughRoom(c.env, s.id, { opId: restOpId(), kind: 'agreement.add', id, who: body.who, what: body.what, due: body.due ?? null }, 'coach');
  return c.json(itemOf(state.agreements, id), 201);
});

/**
 * The room an agreement is edited in: an open one in the engagement's current session when that session carries it over, a closed
 * one in the session it was closed in (which still shows it), else the session it was made in.
 */
async function roomSessionOfAgreement(c: Context<AppEnv>, agreementId: string): Promise<string> {
  const row = await first<{ session_id: string; engagement_id: string; starts_at: number; status: string; closed_in_session_id: string | null }>(
    sql(ownDb(c))`SELECT a.session_id, a.engagement_id, a.status, a.closed_in_session_id, s.starts_at FROM agreements a JOIN sessions s ON s.id = a.session_id
      WHERE a.id = ${agreementId} AND a.coach_id = ${c.get('coachId')}`,
  );
  if (!row) throw notFound('Agreement');
  if (row.status !== 'open') return row.closed_in_session_id ?? row.session_id;
  const current = await currentSessionOfEngagement(ownDb(c), row.engagement_id, Date.now());
  return current && current.starts_at > row.starts_at ? current.id : row.session_id;
}

endpoint(sessionItemRoutes, M, { method: 'patch', path: '/agreements/:id', tag: 'agreements', summary: 'Edits an agreement or marks it done or dropped.', body: AgreementPatch, response: Agreement }, async (c, { body }) => {
  const id = param(c, 'id');
  const sessionId = await roomSessionOfAgreement(c, id);
  const { state } = await applyThroughRoom(c.env, sessionId, { opId: restOpId(), kind: 'agreement.update', id, patch: body }, 'coach');
  return c.json(itemOf(state.agreements, id));
});

endpoint(sessionItemRoutes, M, { method: 'delete', path: '/agreements/:id', tag: 'agreements', summary: 'Deletes an agreement made in error (carried-over ones are dropped instead).', status: 204 }, async (c) => {
  const id = param(c, 'id');
  const origin = await first<{ session_id: string }>(sql(ownDb(c))`SELECT session_id FROM agreements WHERE id = ${id} AND coach_id = ${c.get('coachId')}`);
  if (!origin) throw notFound('Agreement');
  await applyThroughRoom(c.env, origin.session_id, { opId: restOpId(), kind: 'agreement.remove', id }, 'coach');
  return c.body(null, 204);
});

endpoint(sessionItemRoutes, M, { method: 'put', path: '/sessions/:id/notes', tag: 'notes', summary: 'The coach\'s private notes: encrypted at rest, never shared, never on the invite.', body: NotesPut, response: z.object({ text: z.string() }) }, async (c, { body }) => {
  const s = await ownSession(c);
  const { state } = await applyThroughRoom(c.env, s.id, { opId: restOpId(), kind: 'notes.set', text: body.text }, 'coach');
  return c.json({ text: state.notes ?? '' });
});

endpoint(sessionItemRoutes, M, { method: 'put', path: '/sessions/:id/progress', tag: 'progress', summary: 'Sets the current phase of the conversation model (null stops the timer).', body: z.strictObject({ phase: PhaseKey.nullable() }), response: Progress }, async (c, { body }) => {
  const s = await ownSession(c);
  const { state } = await applyThroughRoom(c.env, s.id, { opId: restOpId(), kind: 'progress.set', phase: body.phase }, 'coach');
  return c.json(state.progress);
});
