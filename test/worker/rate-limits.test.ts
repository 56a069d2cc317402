/** Rate limits per coachee link and session: a flood answers 429 (problem or socket rejection) and never breaks the room for the others. */
import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { OP_RULES, SOCKET_LIMITS } from '../../worker/live/rate-limit';
import { call, expectProblem, setup } from './helpers';
import { connect } from './live-helpers';

const linkOf = async (token: string, engagementId: string) => (await call('GET', `/api/engagements/${engagementId}/link`, { token })).body.url.split('/c/')[1] as string;

describe('rate limits', () => {
  it('a coachee socket flooding ops gets 429 rejections while the coach keeps working', async () => {
    const { token, engagement, session } = await setup();
    const link = await linkOf(token, engagement.id);
    const coach = await connect(`/api/sessions/${session.id}/live?token=${token}`);
    const coachee = await connect(`/api/c/${link}/live`);
    await coach.next((m) => m.type === 'snapshot');
    await coachee.next((m) => m.type === 'snapshot');
    const flood = OP_RULES.coachee.burst + 10;
    for (let i = 0; i < flood; i++) coachee.send({ type: 'op', op: { opId: crypto.randomUUID(), kind: 'agenda.add', id: crypto.randomUUID(), title: `Spam ${i}` } });
    const coachOp = { opId: crypto.randomUUID(), kind: 'agenda.add', id: crypto.randomUUID(), title: 'Van de coach' };
    coach.send({ type: 'op', op: coachOp });
    await coach.next((m) => m.type === 'applied' && m.op.opId === coachOp.opId, 5000);
    const limited = await coachee.next((m) => m.type === 'rejected', 5000);
    expect(limited).toMatchObject({ status: 429, title: 'Too many changes' });
    // The rejection names the op, so the client keeps it and sends it again later (addons/common/models/live-sync.ts).
    expect(limited.opId).toMatch(/^[0-9a-f-]{36}$/);
    await new Promise((r) => setTimeout(r, 300));
    const panel = (await call('GET', `/api/sessions/${session.id}/panel`, { token })).body;
    const spam = panel.state.agenda.filter((i: any) => i.title.startsWith('Spam'));
    expect(spam.length).toBeGreaterThan(0);
    expect(spam.length).toBeLessThanOrEqual(OP_RULES.coachee.burst + 1);
    expect(panel.state.agenda.map((i: any) => i.title)).toContain('Van de coach');
  });

  it('the coachee’s REST writes share the budget and answer 429 problem+json with Retry-After', async () => {
    const { token, engagement } = await setup();
    const link = await linkOf(token, engagement.id);
    // Sent at once, so the test does not depend on how fast this machine answers one call after another.
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 3 * OP_RULES.coachee.burst }, (_, i) => call('POST', `/api/c/${link}/agenda`, { body: { title: `Onderwerp ${i}` } })),
    );
    const accepted = answers.filter((a) => a.status === 201).length;
    const refused = answers.filter((a) => a.status === 429);
    expect(accepted + refused.length).toBe(answers.length);
    expect(refused.length).toBeGreaterThan(0);
    const last = refused[0]!;
    expectProblem(last, 429);
    // The burst, plus what the bucket regained while the calls ran.
    expect(accepted).toBeGreaterThanOrEqual(OP_RULES.coachee.burst);
    expect(accepted).toBeLessThanOrEqual(OP_RULES.coachee.burst + Math.ceil(((Date.now() - started) / 1000) * OP_RULES.coachee.perSecond));
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
    // The coach's own writes to the same session are not affected.
    expect((await call('GET', `/api/c/${link}`)).status).toBe(200);
  });

  it('refuses one socket too many per coachee link and session with 429, keeping the open ones', async () => {
    const { token, engagement } = await setup();
    const link = await linkOf(token, engagement.id);
    const open = [];
    for (let i = 0; i < SOCKET_LIMITS.coachee; i++) open.push(await connect(`/api/c/${link}/live`));
    const extra = await SELF.fetch(`http://localhost:8787/api/c/${link}/live`, { headers: { upgrade: 'websocket' } });
    expect(extra.status).toBe(429);
    expect(extra.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await extra.json<{ detail: string }>()).detail).toContain(String(SOCKET_LIMITS.coachee));
    open[0]!.send({ type: 'hello' });
    expect((await open[0]!.next((m) => m.type === 'snapshot')).type).toBe('snapshot');
  });
});
