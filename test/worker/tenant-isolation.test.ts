/** Tenant isolation: another coach's ids answer 404 on every resource, lists never show them, and nothing of theirs changes. */
import { describe, expect, it } from 'vitest';
import { call, expectProblem, setup, signIn } from './helpers';

describe('tenant isolation between two coaches', () => {
  it('answers 404 for every resource of another coach and leaves it untouched', async () => {
    const a = await setup();
    const sid = a.session.id;
    const item = (await call('POST', `/api/sessions/${sid}/agenda`, { token: a.token, body: { title: 'Onderwerp van A' } })).body;
    const agreement = (await call('POST', `/api/sessions/${sid}/agreements`, { token: a.token, body: { who: 'coachee', what: 'Afspraak van A' } })).body;
    await call('PUT', `/api/sessions/${sid}/notes`, { token: a.token, body: { text: 'Notitie van A' } });
    const model = (await call('POST', '/api/models', { token: a.token, body: { copyOf: 'builtin-grow' } })).body;
    const before = (await call('GET', `/api/sessions/${sid}/panel`, { token: a.token })).body;

    const b = await signIn();
    const attempts: [string, string, unknown?][] = [
      ['GET', `/api/coachees/${a.coachee.id}`],
      ['PATCH', `/api/coachees/${a.coachee.id}`, { name: 'Overgenomen' }],
      ['DELETE', `/api/coachees/${a.coachee.id}`],
      ['GET', `/api/coachees/${a.coachee.id}/export`],
      ['GET', `/api/engagements/${a.engagement.id}`],
      ['PATCH', `/api/engagements/${a.engagement.id}`, { goal: 'Overgenomen' }],
      ['GET', `/api/engagements/${a.engagement.id}/link`],
      ['POST', `/api/engagements/${a.engagement.id}/link`],
      ['DELETE', `/api/engagements/${a.engagement.id}/link`],
      ['GET', `/api/sessions/${sid}`],
      ['PATCH', `/api/sessions/${sid}`, { modelId: 'builtin-grow' }],
      ['GET', `/api/sessions/${sid}/panel`],
      ['GET', `/api/sessions/${sid}/invite`],
      ['GET', `/api/sessions/${sid}/referral`],
      ['POST', `/api/sessions/${sid}/agenda`, { title: 'Inbraak' }],
      ['PATCH', `/api/sessions/${sid}/agenda/${item.id}`, { done: true }],
      ['DELETE', `/api/sessions/${sid}/agenda/${item.id}`],
      ['POST', `/api/sessions/${sid}/agreements`, { who: 'coach', what: 'Inbraak' }],
      ['PATCH', `/api/agreements/${agreement.id}`, { status: 'dropped' }],
      ['DELETE', `/api/agreements/${agreement.id}`],
      ['PUT', `/api/sessions/${sid}/notes`, { text: 'overschreven' }],
      ['PUT', `/api/sessions/${sid}/progress`, { phase: 'status' }],
      ['GET', `/api/models/${model.id}`],
      ['PUT', `/api/models/${model.id}`, { locale: 'nl', name: 'Overgenomen', phases: [{ key: 'a', title: 'A', purpose: 'A', prompts: [], share: 1 }] }],
      ['DELETE', `/api/models/${model.id}`],
    ];
    for (const [method, path, body] of attempts) {
      const r = await call(method, path, { token: b, ...(body === undefined ? {} : { body }) });
      expectProblem(r, 404);
      expect(JSON.stringify(r.body), `${method} ${path}`).not.toMatch(/Onderwerp van A|Afspraak van A|Notitie van A|Sanne/);
    }
    expectProblem(await call('POST', '/api/engagements', { token: b, body: { coacheeId: a.coachee.id } }), 404, 'coacheeId');
    expectProblem(await call('POST', '/api/sessions', { token: b, body: { engagementId: a.engagement.id, startsAt: '2032-01-01T10:00:00Z', endsAt: '2032-01-01T11:00:00Z' } }), 404, 'engagementId');
    expectProblem(await call('POST', '/api/engagements', { token: b, body: { coacheeId: (await call('POST', '/api/coachees', { token: b, body: { name: 'Eigen' } })).body.id, modelId: model.id } }), 422, 'modelId');

    expectProblem(await call('GET', `/api/sessions?engagementId=${a.engagement.id}`, { token: b }), 404, 'engagementId');
    expectProblem(await call('GET', `/api/engagements?coacheeId=${a.coachee.id}`, { token: b }), 404, 'coacheeId');
    for (const path of ['/api/coachees', '/api/engagements', '/api/sessions', '/api/models']) {
      const r = await call('GET', path, { token: b });
      expect(r.status).toBe(200);
      expect(JSON.stringify(r.body)).not.toContain(a.coachee.id);
      expect(JSON.stringify(r.body)).not.toContain(model.id);
    }

    const after = (await call('GET', `/api/sessions/${sid}/panel`, { token: a.token })).body;
    expect(after.state).toEqual(before.state);
    expect(after.seq).toBe(before.seq);
    expect(after.engagement.goal).toBe(a.engagement.goal);
    expect((await call('GET', `/api/coachees/${a.coachee.id}`, { token: a.token })).body.name).toBe('Sanne de Vries');
  });
});
