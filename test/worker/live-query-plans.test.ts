/** The live-op writes and the link checks the room makes on every coachee op are served by indexes: no full scan of a base table. */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { LiveState, Op } from '../../shared/protocol';
import { opWrites } from '../../worker/storage/live-state';
import type { SessionRow } from '../../worker/storage/sessions';
import { fullScans } from './plan-scans';

/** A stand-in database that keeps each statement's text and bound values instead of running it. */
function recorder() {
  const seen: { text: string; binds: unknown[] }[] = [];
  const db = { prepare: (text: string) => ({ bind: (...binds: unknown[]) => (seen.push({ text, binds }), { text, binds }) }) } as unknown as D1Database;
  return { db, seen };
}

const session = { id: 's1', coach_id: 'c1', engagement_id: 'e1', starts_at: 1, ends_at: 2 } as SessionRow;
const after: LiveState = {
  agenda: [{ id: 'item-0001', title: 't', done: false, position: 1, proposedBy: 'coach' }],
  agreements: [{ id: 'agr-00001', sessionId: 's1', who: 'coachee', what: 'w', due: null, status: 'open', carriedOver: false, updatedAt: '2027-01-01T00:00:00Z' }],
  progress: { phase: 'status', phaseStartedAt: '2027-01-01T00:00:00Z', spentMs: {} },
  notes: '',
};
const OPS: Op[] = [
  { opId: 'o1', kind: 'agenda.add', id: 'item-0001', title: 't' },
  { opId: 'o2', kind: 'agenda.update', id: 'item-0001', patch: { done: true } },
  { opId: 'o3', kind: 'agenda.remove', id: 'item-0001' },
  { opId: 'o4', kind: 'agreement.add', id: 'agr-00001', who: 'coachee', what: 'w' },
  { opId: 'o5', kind: 'agreement.update', id: 'agr-00001', patch: { status: 'done' } },
  { opId: 'o6', kind: 'agreement.remove', id: 'agr-00001' },
  { opId: 'o7', kind: 'notes.set', text: 'n' },
  { opId: 'o8', kind: 'progress.set', phase: 'status' },
];

/** Every walk of a whole index counts here, LIMIT or not: these writes touch single rows. */
const scans = (text: string, binds: unknown[]) => fullScans(text, binds, { limitStops: false });

describe('live op query plans', () => {
  it.each(OPS.map((op) => [op.kind, op] as const))('%s writes through indexes only', async (_kind, op) => {
    const { db, seen } = recorder();
    await opWrites(db, env.NOTES_KEYS, op, after, { session, actor: 'coach', nowMs: 1, seq: 1 });
    expect(seen.length).toBeGreaterThan(0);
    for (const { text, binds } of seen) {
      const r = await scans(text, binds);
      expect(r.scans, `${text}\n${r.plan.join('\n')}`).toEqual([]);
    }
  });

  it('the link check on every coachee op reads one engagement by its key', async () => {
    const r = await scans('SELECT * FROM engagements WHERE id = ?1', ['e1']);
    expect(r.scans, r.plan.join('\n')).toEqual([]);
  });
});
