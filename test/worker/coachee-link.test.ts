/** Coachee capability links: signed, scoped to one engagement, expiring, revocable; the coachee can propose topics and tick their agreements. */
import { describe, expect, it } from 'vitest';
import { call, expectProblem, setup } from './helpers';

const tokenOf = (url: string) => url.split('/c/')[1]!;

describe('coachee links', () => {
  it('open the coachee view and allow proposing a topic and ticking their own agreement only', async () => {
    const { token, engagement, session } = await setup();
    const theirs = (await call('POST', `/api/sessions/${session.id}/agreements`, { token, body: { who: 'coachee', what: 'Plant een wandeling' } })).body;
    const coachs = (await call('POST', `/api/sessions/${session.id}/agreements`, { token, body: { who: 'coach', what: 'Stuurt oefening' } })).body;
    const link = tokenOf((await call('GET', `/api/engagements/${engagement.id}/link`, { token })).body.url);

    const proposed = await call('POST', `/api/c/${link}/agenda`, { body: { title: 'Omgaan met kritiek' } });
    expect(proposed.status).toBe(201);
    expect(proposed.body.proposedBy).toBe('coachee');
    const ticked = await call('PATCH', `/api/c/${link}/agreements/${theirs.id}`, { body: { status: 'done' } });
    expect(ticked.body.status).toBe('done');
    expectProblem(await call('PATCH', `/api/c/${link}/agreements/${coachs.id}`, { body: { status: 'done' } }), 403);
    expectProblem(await call('PATCH', `/api/c/${link}/agreements/${theirs.id}`, { body: { what: 'anders' } }), 422, 'what');

    const panel = (await call('GET', `/api/sessions/${session.id}/panel`, { token })).body;
    expect(panel.state.agenda.find((i: any) => i.title === 'Omgaan met kritiek').proposedBy).toBe('coachee');
  });

  it('is scoped to its engagement: another engagement\'s ids answer 404', async () => {
    const one = await setup();
    const two = await setup({ token: one.token, startsAt: '2030-09-02T09:00:00Z' });
    const other = (await call('POST', `/api/sessions/${two.session.id}/agreements`, { token: one.token, body: { who: 'coachee', what: 'Van iemand anders' } })).body;
    const link = tokenOf((await call('GET', `/api/engagements/${one.engagement.id}/link`, { token: one.token })).body.url);
    expectProblem(await call('PATCH', `/api/c/${link}/agreements/${other.id}`, { body: { status: 'done' } }), 404);
    const view = (await call('GET', `/api/c/${link}`)).body;
    expect(JSON.stringify(view)).not.toContain('Van iemand anders');
  });

  it('serves invite files per session of its own engagement only, and says whether there are any', async () => {
    const one = await setup({ startsAt: '2031-03-03T09:00:00Z' });
    const two = await setup({ token: one.token, startsAt: '2031-03-04T09:00:00Z' });
    const link = tokenOf((await call('GET', `/api/engagements/${one.engagement.id}/link`, { token: one.token })).body.url);
    expect((await call('GET', `/api/c/${link}`)).body.inviteFiles).toBe(true);
    const own = await call('GET', `/api/c/${link}/sessions/${one.session.id}/invite.ics`);
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toContain('method=REQUEST');
    expect(own.body).toContain(`UID:${one.session.id}@`);
    expectProblem(await call('GET', `/api/c/${link}/sessions/${two.session.id}/invite.ics`), 404);
    expectProblem(await call('GET', `/api/c/${link}/sessions/${crypto.randomUUID()}/invite.ics`), 404);
  });

  it('stops working when revoked or rotated, and when tampered with', async () => {
    const { token, engagement } = await setup();
    const first = tokenOf((await call('GET', `/api/engagements/${engagement.id}/link`, { token })).body.url);
    expect((await call('GET', `/api/c/${first}`)).status).toBe(200);

    const [id, version, exp, sig] = first.split('.');
    expectProblem(await call('GET', `/api/c/${[id, version, String(Number(exp) + 3600), sig].join('.')}`), 404);
    expectProblem(await call('GET', `/api/c/${[id, String(Number(version) + 1), exp, sig].join('.')}`), 404);

    const rotated = await call('POST', `/api/engagements/${engagement.id}/link`, { token });
    expect(rotated.status).toBe(201);
    expectProblem(await call('GET', `/api/c/${first}`), 404);
    const second = tokenOf(rotated.body.url);
    expect((await call('GET', `/api/c/${second}`)).status).toBe(200);

    expect((await call('DELETE', `/api/engagements/${engagement.id}/link`, { token })).status).toBe(204);
    expectProblem(await call('GET', `/api/c/${second}`), 404);
    expectProblem(await call('GET', `/api/engagements/${engagement.id}/link`, { token }), 404);
  });

  it('cannot write or read notes', async () => {
    const { token, engagement, session } = await setup();
    await call('PUT', `/api/sessions/${session.id}/notes`, { token, body: { text: 'alleen voor de coach' } });
    const link = tokenOf((await call('GET', `/api/engagements/${engagement.id}/link`, { token })).body.url);
    expect(JSON.stringify((await call('GET', `/api/c/${link}`)).body)).not.toContain('alleen voor de coach');
    expectProblem(await call('PUT', `/api/c/${link}/notes`, { body: { text: 'x' } }), 404);
    expectProblem(await call('PUT', `/api/sessions/${session.id}/notes`, { token: link, body: { text: 'x' } }), 401);
  });
});
