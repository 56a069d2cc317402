/** A full API v1 walk: sign in, models, coachee, engagement, sessions, panel, agenda, agreements, notes, phase, invite, link, export. */
import { describe, expect, it } from 'vitest';
import { call, signIn } from './helpers';

describe('API v1 walk', () => {
  it('plans and runs a session from sign-in to invite preview', async () => {
    const token = await signIn('walk@example.nl', 'Marieke Jansen');

    const me = await call('GET', '/api/me', { token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ name: 'Marieke Jansen', locale: 'nl', timeZone: 'Europe/Amsterdam', inviteMode: 'full', calendar: { provider: 'local' } });
    expect(me.body.workingHours).toHaveLength(5);
    expect(me.body.workingHours[0]).toEqual({ day: 1, start: '09:00', end: '17:00' });
    expect(me.body.calendar.icsUrl).toMatch(/^http:\/\/localhost:8787\/ics\/[0-9a-f]{32}\.ics$/);

    const models = await call('GET', '/api/models', { token });
    expect(models.status).toBe(200);
    expect(models.body.map((m: any) => m.id)).toEqual(['builtin-coaching', 'builtin-session-steps', 'builtin-learning', 'builtin-therapeutic-lens', 'builtin-grow']);
    expect(models.body[0].locale).toBe('nl');

    const coachee = await call('POST', '/api/coachees', { token, body: { name: 'Sanne de Vries', email: 'sanne@example.nl' } });
    expect(coachee.status).toBe(201);
    expect(coachee.body).toMatchObject({ name: 'Sanne de Vries', locale: 'nl', timeZone: 'Europe/Amsterdam', inviteMode: null });

    const engagement = await call('POST', '/api/engagements', { token, body: { coacheeId: coachee.body.id, goal: 'Grenzen stellen in het team', sessionMinutes: 60 } });
    expect(engagement.status).toBe(201);
    expect(engagement.body).toMatchObject({ modelId: 'builtin-coaching', sessionMinutes: 60, status: 'active' });

    const s1 = await call('POST', '/api/sessions', { token, body: { engagementId: engagement.body.id, startsAt: '2030-03-04T10:00:00+01:00', endsAt: '2030-03-04T11:00:00+01:00' } });
    expect(s1.status).toBe(201);
    expect(s1.body).toMatchObject({ startsAt: '2030-03-04T09:00:00.000Z', endsAt: '2030-03-04T10:00:00.000Z', engagementId: engagement.body.id, coacheeId: coachee.body.id });
    const s2 = await call('POST', '/api/sessions', { token, body: { engagementId: engagement.body.id, startsAt: '2030-03-18T10:00:00+01:00', endsAt: '2030-03-18T11:00:00+01:00' } });
    expect(s2.status).toBe(201);

    const list = await call('GET', `/api/sessions?engagementId=${engagement.body.id}`, { token });
    expect(list.body.map((s: any) => s.id)).toEqual([s2.body.id, s1.body.id]);
    const ranged = await call('GET', `/api/sessions?from=${encodeURIComponent('2030-03-10T00:00:00Z')}&to=${encodeURIComponent('2030-04-01T00:00:00Z')}`, { token });
    expect(ranged.body.map((s: any) => s.id)).toEqual([s2.body.id]);
    expect((await call('GET', `/api/sessions/${s1.body.id}`, { token })).body.id).toBe(s1.body.id);

    const sid = s1.body.id;
    const a1 = await call('POST', `/api/sessions/${sid}/agenda`, { token, body: { title: 'Terugblik op de afgelopen weken' } });
    const a2 = await call('POST', `/api/sessions/${sid}/agenda`, { token, body: { title: 'Gesprek met teamleider voorbereiden' } });
    expect(a1.status).toBe(201);
    expect(a1.body).toMatchObject({ title: 'Terugblik op de afgelopen weken', done: false, proposedBy: 'coach' });
    expect(a2.body.position).toBeGreaterThan(a1.body.position);
    const moved = await call('PATCH', `/api/sessions/${sid}/agenda/${a2.body.id}`, { token, body: { position: a1.body.position - 1 } });
    expect(moved.status).toBe(200);
    const edited = await call('PATCH', `/api/sessions/${sid}/agenda/${a1.body.id}`, { token, body: { title: 'Terugblik', done: true } });
    expect(edited.body).toMatchObject({ title: 'Terugblik', done: true });

    const ag = await call('POST', `/api/sessions/${sid}/agreements`, { token, body: { who: 'coachee', what: 'Stuurt voorstel naar teamleider', due: '2030-03-08' } });
    expect(ag.status).toBe(201);
    expect(ag.body).toMatchObject({ who: 'coachee', what: 'Stuurt voorstel naar teamleider', due: '2030-03-08', status: 'open', carriedOver: false });
    const support = await call('POST', `/api/sessions/${sid}/agreements`, { token, body: { who: 'coach', what: 'Deelt artikel over grenzen stellen' } });
    const named = await call('POST', `/api/sessions/${sid}/agreements`, { token, body: { who: { name: 'Teamleider Ahmed' }, what: 'Plant overleg in', due: '2030-03-10T12:00:00+01:00' } });
    expect(named.body.who).toEqual({ name: 'Teamleider Ahmed' });
    const dropped = await call('PATCH', `/api/agreements/${support.body.id}`, { token, body: { status: 'dropped' } });
    expect(dropped.body.status).toBe('dropped');
    const editedAg = await call('PATCH', `/api/agreements/${ag.body.id}`, { token, body: { what: 'Stuurt voorstel naar teamleider en HR' } });
    expect(editedAg.body.what).toBe('Stuurt voorstel naar teamleider en HR');

    const notes = await call('PUT', `/api/sessions/${sid}/notes`, { token, body: { text: 'Vertrouwelijk: spanning met leidinggevende.' } });
    expect(notes.status).toBe(200);
    const phase = await call('PUT', `/api/sessions/${sid}/progress`, { token, body: { phase: 'status' } });
    expect(phase.status, JSON.stringify(phase.body)).toBe(200);
    expect(phase.body.phase).toBe('status');

    const panel = await call('GET', `/api/sessions/${sid}/panel`, { token });
    expect(panel.status).toBe(200);
    expect(panel.body.coach.name).toBe('Marieke Jansen');
    expect(panel.body.coachee.name).toBe('Sanne de Vries');
    expect(panel.body.engagement.goal).toBe('Grenzen stellen in het team');
    expect(panel.body.model.id).toBe('builtin-coaching');
    expect(panel.body.model.phases.length).toBeGreaterThanOrEqual(8);
    expect(panel.body.state.agenda.map((i: any) => i.id)).toEqual([a2.body.id, a1.body.id]);
    expect(panel.body.state.agreements).toHaveLength(3);
    expect(panel.body.state.notes).toBe('Vertrouwelijk: spanning met leidinggevende.');
    expect(panel.body.state.progress.phase).toBe('status');
    expect(panel.body.nextSession.id).toBe(s2.body.id);
    expect(panel.body.seq).toBeGreaterThanOrEqual(9);
    expect(panel.body.liveUrl).toBe(`ws://localhost:8787/api/sessions/${sid}/live`);

    const invite = await call('GET', `/api/sessions/${sid}/invite`, { token });
    expect(invite.status).toBe(200);
    expect(invite.body.mode).toBe('full');
    expect(invite.body.text).toContain('Gesprek met teamleider voorbereiden');
    expect(invite.body.text).toContain('Stuurt voorstel naar teamleider en HR');
    expect(invite.body.html).toContain('Stuurt voorstel naar teamleider en HR');
    expect(invite.body.coacheeUrl).toMatch(/^http:\/\/localhost:8787\/c\/.+/);
    expect(invite.body.text).toContain(invite.body.coacheeUrl);
    expect(invite.body.text + invite.body.html).not.toContain('Vertrouwelijk');
    expect(panel.body.invite).toEqual(invite.body);

    const token2 = invite.body.coacheeUrl.split('/c/')[1];
    const view = await call('GET', `/api/c/${token2}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ coachName: 'Marieke Jansen', coacheeName: 'Sanne de Vries', goal: 'Grenzen stellen in het team' });
    expect(view.body.session.id).toBe(sid);
    expect(view.body.nextSession.id).toBe(s2.body.id);
    expect(view.body.agenda).toHaveLength(2);
    expect(JSON.stringify(view.body)).not.toContain('Vertrouwelijk');
    expect(JSON.stringify(view.body)).not.toContain('prompts');

    const exported = await call('GET', `/api/coachees/${coachee.body.id}/export`, { token });
    expect(exported.status).toBe(200);
    expect(exported.body.coachee.id).toBe(coachee.body.id);
    expect(exported.body.engagements[0].sessions).toHaveLength(2);
    expect(exported.body.engagements[0].sessions[1].state.notes).toBe('Vertrouwelijk: spanning met leidinggevende.');

    const openapi = await call('GET', '/openapi.json');
    expect(openapi.body.openapi).toBe('3.1.0');
    expect(Object.keys(openapi.body.paths)).toEqual(expect.arrayContaining(['/api/sessions/{id}/panel', '/api/agreements/{id}', '/api/c/{token}']));
    expect(openapi.body.paths['/api/sessions'].post.requestBody.content['application/json'].schema.required).toEqual(expect.arrayContaining(['engagementId', 'startsAt', 'endsAt']));

    const erased = await call('DELETE', `/api/coachees/${coachee.body.id}`, { token });
    expect(erased.status).toBe(204);
    expect((await call('GET', `/api/sessions/${sid}`, { token })).status).toBe(404);
    expect((await call('GET', `/api/c/${token2}`)).status).toBe(404);
  });

  it('answers /healthz', async () => {
    const r = await call('GET', '/healthz');
    expect(r).toMatchObject({ status: 200, body: { ok: true } });
  });
});

describe('referral checklist', () => {
  it('serves the checklist in the asked language with the crisis line of the coachee\'s locale and the coach\'s contacts', async () => {
    const token = await signIn();
    await call('PATCH', '/api/me', { token, body: { referralContacts: 'GZ-psycholoog J. de Boer, 030-123 4567' } });
    const coachee = (await call('POST', '/api/coachees', { token, body: { name: 'Jamie', locale: 'en', timeZone: 'Europe/London' } })).body;
    const engagement = (await call('POST', '/api/engagements', { token, body: { coacheeId: coachee.id } })).body;
    const session = (await call('POST', '/api/sessions', { token, body: { engagementId: engagement.id, startsAt: '2031-05-05T09:00:00Z', endsAt: '2031-05-05T10:00:00Z' } })).body;
    const nl = await call('GET', `/api/sessions/${session.id}/referral?locale=nl`, { token });
    expect(nl.status).toBe(200);
    expect(nl.body.checklist.title).toBe('Is coaching nog genoeg?');
    expect(nl.body.crisisLine.locale).toBe('en');
    expect(nl.body.crisisLine.phones.join(' ')).not.toContain('0800-0113');
    expect(nl.body.contacts).toBe('GZ-psycholoog J. de Boer, 030-123 4567');
    const en = await call('GET', `/api/sessions/${session.id}/referral?locale=en`, { token });
    expect(en.body.checklist.signals.length).toBe(nl.body.checklist.signals.length);
    expect(en.body.checklist.title).not.toBe(nl.body.checklist.title);
  });
});

describe('partial updates', () => {
  it('PATCH changes only the fields sent', async () => {
    const token = await signIn();
    const created = (await call('POST', '/api/coachees', { token, body: { name: 'Alex Carter', locale: 'en', timeZone: 'America/New_York', inviteMode: 'link_only', email: 'alex@example.com' } })).body;
    const patched = await call('PATCH', `/api/coachees/${created.id}`, { token, body: { name: 'Alex J. Carter' } });
    expect(patched.body).toEqual({ ...created, name: 'Alex J. Carter' });
    const engagement = (await call('POST', '/api/engagements', { token, body: { coacheeId: created.id, goal: 'Lead with less stress', sessionMinutes: 45 } })).body;
    const e2 = await call('PATCH', `/api/engagements/${engagement.id}`, { token, body: { status: 'paused' } });
    expect(e2.body).toEqual({ ...engagement, status: 'paused' });
    const me = (await call('GET', '/api/me', { token })).body;
    const me2 = await call('PATCH', '/api/me', { token, body: { locale: 'en' } });
    expect(me2.body).toEqual({ ...me, locale: 'en' });
  });
});
