/** Erasure and booking of one coach run one at a time: a booking that arrives while a coachee is being erased never lands half-erased. */
import { afterEach, describe, expect, it } from 'vitest';
import { ERASE_PREPARE_HOOKS } from '../../worker/services/erase';
import { call, setup } from './helpers';

const hooksBefore = ERASE_PREPARE_HOOKS.length;
afterEach(() => {
  ERASE_PREPARE_HOOKS.length = hooksBefore;
});

describe('erasure against a concurrent booking', () => {
  it('a booking sent after the erasure read the coachee’s sessions waits, then finds nothing to book for', async () => {
    const { token, coachee, session } = await setup();
    const from = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const to = new Date(Date.now() + 17 * 86_400_000).toISOString();
    const slot = (await call('GET', `/api/sessions/${session.id}/slots?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, { token })).body.slots[0];
    expect(slot, 'a free slot').toBeDefined();

    let booking: Promise<{ status: number; body: any }> | null = null;
    // Runs after the erasure has read the coachee's sessions and before it deletes them: the window a booking could slip into.
    ERASE_PREPARE_HOOKS.push(async () => {
      booking = call('POST', `/api/sessions/${session.id}/next`, { token, body: { startsAt: slot.startsAt }, headers: { 'idempotency-key': crypto.randomUUID() } });
      await new Promise((r) => setTimeout(r, 500));
    });
    expect((await call('DELETE', `/api/coachees/${coachee.id}`, { token })).status).toBe(204);
    expect(booking, 'the hook ran').not.toBeNull();
    const answer = await booking!;
    expect(answer.status, JSON.stringify(answer.body)).toBe(404);
    const list = await call('GET', `/api/sessions?from=${encodeURIComponent(new Date(Date.now() - 86_400_000).toISOString())}`, { token });
    expect(list.body.filter((s: any) => s.startsAt === slot.startsAt)).toEqual([]);
  });
});
