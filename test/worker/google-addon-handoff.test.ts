/** The add-on's panel links carry single-use hand-off codes (never tokens), and it finds the coach by linked Google account, not by bare e-mail. */
import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HANDOFF_TTL_MS } from '../../worker/auth/handoff';
import worker from '../../worker/index';
import { cardOf, codeOf, coachWithSession, handoff, panelLinks, post, useGoogleKeys, userToken, workspaceUser } from './google-addon-helpers';
import { call, expectProblem, setup, signIn } from './helpers';

useGoogleKeys();

describe('hand-off codes', () => {
  afterEach(() => {
    vi.useRealTimers();
  });
  const storedFor = async (email: string) =>
    env.DB.prepare('SELECT COUNT(*) AS n FROM auth_handoffs h JOIN coaches c ON c.id = h.coach_id WHERE c.email = ?1').bind(email).first<number>('n');

  it('each link has its own code, stored only as its SHA-256; a code works once, and its token keeps the time of the card', async () => {
    const { session, token, email } = await coachWithSession();
    await setup({ token, startsAt: '2031-01-06T09:00:00Z' });
    const before = Math.floor(Date.now() / 1000);
    const r = await post('/addons/google/home', { userIdToken: await workspaceUser(email) });
    const links = panelLinks(cardOf(r));
    expect(links.length).toBe(2);
    const codes = links.map(codeOf);
    expect(new Set(codes).size).toBe(2);
    expect(await storedFor(email)).toBe(2);
    const stored = JSON.stringify((await env.DB.prepare('SELECT * FROM auth_handoffs').all()).results);
    for (const code of codes) expect(stored).not.toContain(code);

    const first = await handoff(codes[0]!);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const claims = JSON.parse(atob(first.body.token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    expect(claims.auth_time).toBeGreaterThanOrEqual(before);
    expect(claims.auth_time).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    expect((await call('GET', `/api/sessions/${session.id}/panel`, { token: first.body.token })).status).toBe(200);

    const again = await handoff(codes[0]!);
    expectProblem(again, 401, 'code');
    expect(again.body.type).toBe('/problems/handoff-refused');
    expect(await storedFor(email)).toBe(1);
    expect((await handoff(codes[1]!)).status).toBe(200);
  });

  it('two panels racing with one code: exactly one gets a token', async () => {
    const { user } = await coachWithSession();
    const [code] = panelLinks(cardOf(await post('/addons/google/home', { userIdToken: user }))).map(codeOf);
    const results = await Promise.all(Array.from({ length: 5 }, () => handoff(code!)));
    expect(results.map((x) => x.status).sort()).toEqual([200, 401, 401, 401, 401]);
  });

  it('a code expires after two minutes', async () => {
    const { user } = await coachWithSession();
    const [late, inTime] = await Promise.all([0, 1].map(async () => codeOf(panelLinks(cardOf(await post('/addons/google/home', { userIdToken: user })))[0]!)));
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + HANDOFF_TTL_MS - 5_000);
    expect((await handoff(inTime!)).status).toBe(200);
    vi.setSystemTime(Date.now() + 10_000);
    expectProblem(await handoff(late!), 401, 'code');
  });

  it('cron removes the codes that expired, and only those', async () => {
    const a = await coachWithSession();
    const b = await coachWithSession();
    const renderedAt = Date.now();
    await post('/addons/google/home', { userIdToken: a.user });
    const runCron = async (atMs: number) => {
      const ctx = createExecutionContext();
      await worker.scheduled(createScheduledController({ scheduledTime: atMs, cron: '*/15 * * * *' }), env, ctx);
      await waitOnExecutionContext(ctx);
    };
    await runCron(renderedAt + HANDOFF_TTL_MS - 10_000);
    expect(await storedFor(a.email)).toBe(1);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(renderedAt + HANDOFF_TTL_MS);
    await post('/addons/google/home', { userIdToken: b.user });
    await runCron(renderedAt + HANDOFF_TTL_MS + 5_000);
    expect(await storedFor(a.email)).toBe(0);
    expect(await storedFor(b.email)).toBe(1);
  });

  it('refuses unknown and malformed codes, naming code', async () => {
    expectProblem(await handoff('0'.repeat(32)), 401, 'code');
    expectProblem(await handoff('not-a-code'), 422, 'code');
    expectProblem(await call('POST', '/api/auth/handoff', { body: { code: '0'.repeat(32), token: 'x' } }), 422, 'token');
  });
});

describe('which coach a Google user is', () => {
  const linksOf = (subject: string) => env.DB.prepare("SELECT coach_id FROM coach_identities WHERE host = 'google' AND subject = ?1").bind(subject).all<{ coach_id: string }>();

  it('no longer by a bare e-mail: an address Google cannot vouch for (no hd, not Gmail) gets the connect card and no link', async () => {
    const { email } = await coachWithSession();
    const r = await post('/addons/google/home', { userIdToken: await userToken(email), userLocale: 'en' });
    expect(r.status, r.text).toBe(200);
    expect(cardOf(r).header.title).toBe('Not connected yet');
    expect(JSON.stringify(cardOf(r))).toMatch(/Google cannot confirm that .* still belongs to this account/);
    expect(r.text).not.toContain('Sanne');
    expect((await linksOf(`g-${email}`)).results).toEqual([]);
    const publish = await post('/addons/google/publish', { userIdToken: await userToken(email), parameters: { sessionId: 'x'.repeat(12) } });
    expect(publish.body.renderActions.action.notification.text).toMatch(/^Google kan niet bevestigen/);
  });

  it('links on first use under the authority rule, then goes by the Google user id alone', async () => {
    const { email, token } = await coachWithSession();
    const coachId = (await call('GET', '/api/me', { token })).body.id;
    const subject = `g-${email}`;
    expect((await post('/addons/google/home', { userIdToken: await workspaceUser(email) })).status).toBe(200);
    expect((await linksOf(subject)).results).toEqual([{ coach_id: coachId }]);

    // The same Google user, now reporting an address that would not count: still the linked coach.
    const linked = await post('/addons/google/home', { userIdToken: await userToken('elders@example.com', { sub: subject }) });
    expect(cardOf(linked).header.title).toBe('Komende coachsessies');
    // Another Google account with the coach's address, without Workspace: not the coach (a former owner of the address).
    const other = await post('/addons/google/home', { userIdToken: await userToken(email, { sub: `other-${subject}` }) });
    expect(cardOf(other).header.title).toBe('Nog niet gekoppeld');
    expect(other.text).not.toContain('Sanne');
  });

  it('links a Gmail address without hd', async () => {
    const email = `mirjam.${crypto.randomUUID().slice(0, 8)}@gmail.com`;
    const token = await signIn(email, 'Mirjam Bakker');
    await setup({ token });
    const r = await post('/addons/google/home', { userIdToken: await userToken(email) });
    expect(cardOf(r).header.subtitle).toBe('Ingepland door Mirjam Bakker');
    expect((await linksOf(`g-${email}`)).results).toHaveLength(1);
  });
});
