/** A coachee link writes only while its trajectory is open; sockets close when a link expires or a coach token lapses. */
import { env } from 'cloudflare:test';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { call, expectProblem, setup } from './helpers';
import { connect } from './live-helpers';

const linkOf = async (token: string, engagementId: string) => (await call('GET', `/api/engagements/${engagementId}/link`, { token })).body.url.split('/c/')[1] as string;

/** Resolves with the close code of a socket, or null when it is still open after `ms`. */
function closeCode(ws: WebSocket, ms: number): Promise<number | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    ws.addEventListener('close', (e) => {
      clearTimeout(timer);
      resolve(e.code);
    });
  });
}

describe('coachee link lifecycle', () => {
  it('a closed trajectory’s link still shows the session but writes nothing, over REST or the socket', async () => {
    const { token, engagement, session } = await setup();
    const agreement = (await call('POST', `/api/sessions/${session.id}/agreements`, { token, body: { who: 'coachee', what: 'Oefenen' } })).body;
    const link = await linkOf(token, engagement.id);
    // A socket whose room has not heard of the closing yet: refused on its next op (the room reads the status on every op).
    const early = await connect(`/api/c/${link}/live`);
    await early.next((m) => m.type === 'snapshot');
    await env.DB.prepare("UPDATE engagements SET status = 'closed' WHERE id = ?1").bind(engagement.id).run();
    early.send({ type: 'op', op: { opId: crypto.randomUUID(), kind: 'agenda.add', id: crypto.randomUUID(), title: 'Via de socket' } });
    expect(await early.next((m) => m.type === 'rejected')).toMatchObject({ status: 409 });
    await env.DB.prepare("UPDATE engagements SET status = 'active' WHERE id = ?1").bind(engagement.id).run();

    // Closing through the API closes the coachee's sockets at once.
    const socket = await connect(`/api/c/${link}/live`);
    await socket.next((m) => m.type === 'snapshot');
    const closed = closeCode(socket.ws, 3000);
    expect((await call('PATCH', `/api/engagements/${engagement.id}`, { token, body: { status: 'closed' } })).status).toBe(200);
    expect(await closed).toBe(4403);

    expect((await call('GET', `/api/c/${link}`)).status).toBe(200);
    expectProblem(await call('POST', `/api/c/${link}/agenda`, { body: { title: 'Toch nog iets' } }), 409);
    expectProblem(await call('PATCH', `/api/c/${link}/agreements/${agreement.id}`, { body: { status: 'done' } }), 409);
    expectProblem(await call('POST', `/api/c/${link}/book`, { body: { startsAt: session.startsAt }, headers: { 'idempotency-key': crypto.randomUUID() } }), 409);
    expectProblem(await call('GET', `/api/c/${link}/live`, { headers: { upgrade: 'websocket' } }), 409);
    const panel = (await call('GET', `/api/sessions/${session.id}/panel`, { token })).body;
    expect(panel.state.agenda.map((i: any) => i.title)).not.toContain('Via de socket');
    expect(panel.state.agreements.find((a: any) => a.id === agreement.id).status).toBe('open');
  });

  it('closes a coachee socket when its link expires', async () => {
    const { token, engagement } = await setup();
    const expiresAt = Math.ceil(Date.now() / 1000) * 1000 + 2000;
    await env.DB.prepare('UPDATE engagements SET link_expires_at = ?1 WHERE id = ?2').bind(expiresAt, engagement.id).run();
    const socket = await connect(`/api/c/${await linkOf(token, engagement.id)}/live`);
    await socket.next((m) => m.type === 'snapshot');
    expect(await closeCode(socket.ws, 6000)).toBe(4401);
  });

  it('closes a coach socket when the coach’s token lapses', async () => {
    const { token, session } = await setup();
    const coachId = (await call('GET', '/api/me', { token })).body.id;
    const short = await new SignJWT({ role: 'coach', auth_time: Math.floor(Date.now() / 1000) })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(coachId)
      .setIssuer('coaching-companion')
      .setAudience('api-v1')
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + 2)
      .sign(new TextEncoder().encode(env.AUTH_SECRET));
    const socket = await connect(`/api/sessions/${session.id}/live?token=${short}`);
    await socket.next((m) => m.type === 'snapshot');
    expect(await closeCode(socket.ws, 6000)).toBe(4401);
  });
});
