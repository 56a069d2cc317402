/** Bad input: each answered with problem+json naming the field, and nothing half-written. */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, expectProblem, setup, signIn } from './helpers';

describe('bad input', () => {
  it('malformed JSON answers 400', async () => {
    const token = await signIn();
    expectProblem(await call('POST', '/api/coachees', { token, raw: '{"name": "Sanne",' }), 400, 'body');
  });

  it('a body that is not JSON answers 415', async () => {
    const token = await signIn();
    expectProblem(await call('POST', '/api/coachees', { token, raw: 'name=Sanne', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415, 'content-type');
  });

  it('wrong types, missing fields and unknown fields name the field', async () => {
    const token = await signIn();
    expectProblem(await call('POST', '/api/coachees', { token, body: { name: 42 } }), 422, 'name');
    expectProblem(await call('POST', '/api/coachees', { token, body: {} }), 422, 'name');
    expectProblem(await call('POST', '/api/coachees', { token, body: { name: 'Sanne', isAdmin: true } }), 422, 'isAdmin');
    expectProblem(await call('POST', '/api/coachees', { token, body: { name: 'Sanne', locale: 'de' } }), 422, 'locale');
    expectProblem(await call('POST', '/api/coachees', { token, body: { name: 'Sanne', timeZone: 'Mars/Olympus' } }), 422, 'timeZone');
    expectProblem(await call('PATCH', '/api/me', { token, body: { workingHours: [{ day: 8, start: '09:00', end: '17:00' }] } }), 422, 'workingHours.0.day');
  });

  it('over-long text is refused with its limit', async () => {
    const { token, session } = await setup();
    const r = await call('POST', `/api/sessions/${session.id}/agenda`, { token, body: { title: 'x'.repeat(201) } });
    expectProblem(r, 422, 'title');
    expect(r.body.detail).toContain('200');
    expectProblem(await call('POST', `/api/sessions/${session.id}/agreements`, { token, body: { who: { name: 'y'.repeat(121) }, what: 'Iets' } }), 422, 'who.name');
    expectProblem(await call('PUT', `/api/sessions/${session.id}/notes`, { token, body: { text: 'n'.repeat(20_001) } }), 422, 'text');
  });

  it('control characters other than newline and tab are refused in every text field', async () => {
    const { token, session, engagement, coachee } = await setup();
    for (const bad of ['Sam\rATTENDEE:mailto:x@evil.test', 'a\u0000b', 'a\u001bb', 'a\u007fb', 'a\u000bb']) {
      expectProblem(await call('POST', `/api/sessions/${session.id}/agenda`, { token, body: { title: bad } }), 422, 'title');
      expectProblem(await call('POST', `/api/sessions/${session.id}/agreements`, { token, body: { who: { name: bad }, what: 'Iets' } }), 422, 'who.name');
      expectProblem(await call('PATCH', `/api/coachees/${coachee.id}`, { token, body: { name: bad } }), 422, 'name');
      expectProblem(await call('PATCH', `/api/engagements/${engagement.id}`, { token, body: { goal: bad } }), 422, 'goal');
      expectProblem(await call('PATCH', '/api/me', { token, body: { referralContacts: bad } }), 422, 'referralContacts');
    }
    const ok = await call('POST', `/api/sessions/${session.id}/agenda`, { token, body: { title: 'Twee regels\nmet\ttab' } });
    expect(ok.status).toBe(201);
    expect(ok.body.title).toBe('Twee regels\nmet\ttab');
  });

  it('bodies over 64 KB answer 413 before parsing', async () => {
    const token = await signIn();
    const r = await call('POST', '/api/coachees', { token, raw: JSON.stringify({ name: 'Sanne', email: 'a'.repeat(70 * 1024) }) });
    expectProblem(r, 413, 'body');
    expect((await call('GET', '/api/coachees', { token })).body).toEqual([]);
  });

  it('invalid dates, end before start and bad due dates', async () => {
    const { token, engagement, session } = await setup();
    expectProblem(await call('POST', '/api/sessions', { token, body: { engagementId: engagement.id, startsAt: '2030-02-30T10:00:00+01:00', endsAt: '2030-03-01T11:00:00+01:00' } }), 422, 'startsAt');
    expectProblem(await call('POST', '/api/sessions', { token, body: { engagementId: engagement.id, startsAt: '2030-03-01T10:00:00', endsAt: '2030-03-01T11:00:00' } }), 422, 'startsAt');
    expectProblem(await call('POST', '/api/sessions', { token, body: { engagementId: engagement.id, startsAt: '2030-03-01T11:00:00+01:00', endsAt: '2030-03-01T10:00:00+01:00' } }), 422, 'endsAt');
    expectProblem(await call('POST', `/api/sessions/${session.id}/agreements`, { token, body: { who: 'coachee', what: 'Iets', due: 'volgende week' } }), 422, 'due');
    expectProblem(await call('POST', `/api/sessions/${session.id}/agreements`, { token, body: { who: 'iedereen', what: 'Iets' } }), 422, 'who');
    expectProblem(await call('GET', `/api/sessions?from=gisteren`, { token }), 422, 'from');
  });

  it('unknown ids answer 404', async () => {
    const { token, session } = await setup();
    const ghost = crypto.randomUUID();
    expectProblem(await call('GET', `/api/sessions/${ghost}`, { token }), 404);
    expectProblem(await call('GET', `/api/sessions/${ghost}/panel`, { token }), 404);
    expectProblem(await call('PATCH', `/api/agreements/${ghost}`, { token, body: { status: 'done' } }), 404);
    expectProblem(await call('PATCH', `/api/sessions/${session.id}/agenda/${ghost}`, { token, body: { done: true } }), 404);
    expectProblem(await call('POST', '/api/engagements', { token, body: { coacheeId: ghost } }), 404, 'coacheeId');
    expectProblem(await call('POST', '/api/sessions', { token, body: { engagementId: ghost, startsAt: '2030-03-01T10:00:00Z', endsAt: '2030-03-01T11:00:00Z' } }), 404, 'engagementId');
    expectProblem(await call('PUT', `/api/sessions/${session.id}/progress`, { token, body: { phase: 'no-such-phase' } }), 422);
  });

  it('missing or bad tokens answer 401', async () => {
    const none = await call('GET', '/api/me');
    expectProblem(none, 401, 'authorization');
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    expectProblem(await call('GET', '/api/coachees', { token: 'not-a-token' }), 401);
    const { token } = await setup();
    const forged = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expectProblem(await call('GET', '/api/coachees', { token: forged }), 401);
    expectProblem(await call('GET', '/api/c/bogus.1.99999999999.sig'), 404);
  });

  it('a bearer token in the URL is accepted only for the live socket', async () => {
    const token = await signIn();
    expectProblem(await call('GET', `/api/me?token=${token}`, { headers: { upgrade: 'websocket' } }), 401);
    expectProblem(await call('GET', `/api/me?token=${token}`), 401);
  });

  it('an agreement id the coach already used in another trajectory answers 409, not a retryable failure', async () => {
    const a = await setup();
    const b = await setup({ token: a.token, startsAt: new Date(Date.parse(a.session.startsAt) + 3 * 3600_000).toISOString() });
    const id = crypto.randomUUID();
    expect((await call('POST', `/api/sessions/${a.session.id}/agreements`, { token: a.token, body: { id, who: 'coachee', what: 'Eerste' } })).status).toBe(201);
    expectProblem(await call('POST', `/api/sessions/${b.session.id}/agreements`, { token: a.token, body: { id, who: 'coachee', what: 'Tweede' } }), 409, 'id');
    const panel = (await call('GET', `/api/sessions/${b.session.id}/panel`, { token: a.token })).body;
    expect(panel.state.agreements).toEqual([]);
    expect((await call('POST', `/api/sessions/${b.session.id}/agreements`, { token: a.token, body: { who: 'coachee', what: 'Daarna gewoon verder' } })).status).toBe(201);
  });

  it('rejections from the session name the field', async () => {
    const { token, session } = await setup();
    const r = await call('PUT', `/api/sessions/${session.id}/progress`, { token, body: { phase: 'no-such-phase' } });
    expectProblem(r, 422, 'phase');
  });

  it('dev login answers 404 while DEV_LOGIN is off', async () => {
    const saved = env.DEV_LOGIN;
    env.DEV_LOGIN = 'false';
    try {
      expectProblem(await call('POST', '/api/auth/dev', { body: { email: 'x@example.nl' } }), 404);
      expectProblem(await call('POST', '/api/auth/dev', { body: { nonsense: true } }), 404);
    } finally {
      env.DEV_LOGIN = saved;
    }
  });

  it('an overlapping session answers 409 and writes nothing', async () => {
    const { token, engagement, session } = await setup({ startsAt: '2030-05-06T09:00:00Z' });
    const r = await call('POST', '/api/sessions', { token, body: { engagementId: engagement.id, startsAt: '2030-05-06T09:30:00Z', endsAt: '2030-05-06T10:30:00Z' } });
    expectProblem(r, 409, 'startsAt');
    const list = await call('GET', `/api/sessions?engagementId=${engagement.id}`, { token });
    expect(list.body.map((s: any) => s.id)).toEqual([session.id]);
  });

  it('a rejected op leaves the session unchanged', async () => {
    const { token, session } = await setup();
    const before = (await call('GET', `/api/sessions/${session.id}/panel`, { token })).body;
    expectProblem(await call('DELETE', `/api/sessions/${session.id}/agenda/${crypto.randomUUID()}`, { token }), 404);
    const after = (await call('GET', `/api/sessions/${session.id}/panel`, { token })).body;
    expect(after.seq).toBe(before.seq);
    expect(after.state).toEqual(before.state);
  });
});
