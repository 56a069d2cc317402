/** The Google Workspace HTTP add-on: system and user ID tokens (signed here, keys injected), card JSON, locale, privacy, publish. */
import { SELF, createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { expect, describe, it } from 'vitest';
import worker from '../../worker/index';
import { googleEventId } from '../../worker/providers/google';
import { claimCalendarEvent, recordCreated, releaseLease } from '../../worker/storage/calendar-events';
import { sessionOf, syncOk } from './calendar-helpers';
import { BASE, SERVICE_ACCOUNT, bindings, buttonsOf, cardOf, codeOf, coachWithSession, handoff, idToken, post, strangerKey, systemToken, useGoogleKeys, userToken, widgets, workspaceUser } from './google-addon-helpers';
import { call, expectProblem } from './helpers';

useGoogleKeys();

describe('requests that are not from our add-on', () => {
  it('answer 404 while the add-on is not configured', async () => {
    const { user } = await coachWithSession();
    const r = await post('/addons/google/home', { userIdToken: user }, { env: { ...env, GOOGLE_ADDON_SERVICE_ACCOUNT: undefined, GOOGLE_ADDON_CLIENT_ID: undefined } });
    expectProblem(r, 404);
  });

  it('answer 401 without a system token, or with one for another URL, another account, expired, unverified or signed by someone else', async () => {
    const { user } = await coachWithSession();
    const path = '/addons/google/home';
    const refused = [
      null,
      await systemToken('/addons/google/event-open'),
      await idToken({ email: SERVICE_ACCOUNT }, `${BASE}${path}?x=1`),
      await systemToken(path, { email: 'someone@gcp-sa-gsuiteaddons.iam.gserviceaccount.com' }),
      await systemToken(path, {}, { exp: -3600 }),
      await systemToken(path, { email_verified: false }),
      await systemToken(path, {}, { key: strangerKey() }),
      await systemToken(path, {}, { issuer: 'https://evil.example' }),
      'not-a-jwt',
    ];
    for (const [i, system] of refused.entries()) {
      const r = await post(path, { userIdToken: user }, { system });
      expectProblem(r, 401, 'authorization');
      expect(r.headers.get('www-authenticate'), `case ${i}`).toMatch(/^Bearer /);
      expect(r.text, `case ${i}`).not.toContain('Mirjam');
    }
  });

  it('refuse an oversized event object with 413 once the system token is checked', async () => {
    const path = '/addons/google/home';
    const ctx = createExecutionContext();
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${await systemToken(path)}` };
    const res = await worker.fetch(new Request(`${BASE}${path}`, { method: 'POST', headers, body: JSON.stringify({ pad: 'x'.repeat(70 * 1024) }) }), bindings, ctx);
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('answer 401 naming userIdToken when the user token is missing, for another client or expired', async () => {
    const { email } = await coachWithSession();
    for (const userIdToken of [undefined, await idToken({ email }, 'another-client.apps.googleusercontent.com'), await userToken(email, {}, { exp: -3600 })]) {
      expectProblem(await post('/addons/google/home', { userIdToken }), 401, 'authorizationEventObject.userIdToken');
    }
  });
});

describe('homepage', () => {
  it("lists the coach's upcoming sessions as a pushCard, each opening the panel with a hand-off code, never a token", async () => {
    const { session, user, email } = await coachWithSession();
    const r = await post('/addons/google/home', { userIdToken: user });
    expect(r.status, r.text).toBe(200);
    const card = cardOf(r);
    expect(card.header.title).toBe('Komende coachsessies');
    const item = widgets(card).find((w: any) => w.decoratedText?.text === 'Sanne de Vries');
    expect(item.decoratedText.bottomLabel).toBe('Nog niet in de agenda');
    const url = new URL(item.decoratedText.button.onClick.openLink.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${BASE}/panel`);
    expect(url.searchParams.get('session')).toBe(session.id);
    expect([...new URLSearchParams(url.hash.slice(1)).keys()]).toEqual(['handoff']);
    expect(codeOf(url)).toMatch(/^[0-9a-f]{32}$/);
    // No bearer token anywhere in what Google renders and keeps (our tokens are JWTs: "eyJ…").
    expect(r.text).not.toMatch(/token=|eyJ/);
    const traded = await handoff(codeOf(url));
    expect(traded.status, JSON.stringify(traded.body)).toBe(200);
    expect((await call('GET', '/api/me', { token: traded.body.token })).body.email).toBe(email);
    expect(r.text).not.toContain('twijfelt');
  });

  it('tells a Google user who is no coach yet to open the panel once', async () => {
    const r = await post('/addons/google/home', { userIdToken: await workspaceUser('nieuw@example.nl'), userLocale: 'en-GB' });
    expect(r.status).toBe(200);
    expect(cardOf(r).header.title).toBe('Not connected yet');
    expect(JSON.stringify(cardOf(r))).toMatch(/nieuw@example\.nl.*Open the coaching panel once/);
  });
});

describe('event card', () => {
  it('shows agenda, open agreements and invite status of the session whose derived Google event is opened, never the notes', async () => {
    const { session, user } = await coachWithSession();
    const r = await post('/addons/google/event-open', { userIdToken: user, eventId: googleEventId(session.id) });
    expect(r.status, r.text).toBe(200);
    const card = cardOf(r);
    expect(card.header.title).toBe('Sessie met Sanne de Vries');
    const [agenda, agreements] = card.sections;
    expect(agenda).toEqual({ header: 'Agenda', widgets: [{ textParagraph: { text: '• Grenzen &lt;aangeven&gt;' } }] });
    expect(agreements.header).toBe('Openstaande afspraken');
    expect(agreements.widgets[0].textParagraph.text).toMatch(/^<b>Sanne de Vries<\/b>: Gesprek met teamleider plannen \(uiterlijk di 2 apr\.? 2030\)$/);
    expect(widgets(card).find((w: any) => w.decoratedText?.topLabel === 'Uitnodiging').decoratedText.text).toBe('Nog niet in de agenda');
    const publish = buttonsOf(card).find((b: any) => b.onClick.action);
    expect(publish).toEqual({ text: 'Zet in de uitnodiging', type: 'FILLED', onClick: { action: { function: `${BASE}/addons/google/publish`, parameters: [{ key: 'sessionId', value: session.id }] } } });
    for (const b of buttonsOf(card).filter((x: any) => x.onClick.openLink)) expect(b.onClick.openLink.url.startsWith(`${BASE}/`)).toBe(true);
    expect(r.text).not.toContain('twijfelt');
  });

  it('finds the session by the event id the outbox recorded, and speaks English when Calendar does', async () => {
    const { session, user } = await coachWithSession();
    const claimed = await claimCalendarEvent(env.DB, session.id, 'google', Date.now());
    if (!claimed || claimed === 'busy') throw new Error('could not claim the session');
    await recordCreated(env.DB, session.id, 'google', 'k8s0a1recordedbygoogle', null, 'hash');
    await releaseLease(env.DB, session.id, claimed.lease_until!);
    const r = await post('/addons/google/event-open', { userIdToken: user, eventId: 'k8s0a1recordedbygoogle', userLocale: 'en' });
    expect(cardOf(r).header.title).toBe('Session with Sanne de Vries');
    expect(buttonsOf(cardOf(r)).map((b: any) => b.text)).toEqual(['Publish to invite', 'Open the panel']);
  });

  it("answers a friendly card for events that are not ours, including another coach's session", async () => {
    const { user } = await coachWithSession();
    const other = await coachWithSession();
    for (const eventId of ['0123456789abcdefghijklmnopqrstuv', googleEventId(other.session.id), 'bad id!']) {
      const r = await post('/addons/google/event-open', { userIdToken: user, eventId });
      expect(r.status).toBe(200);
      expect(cardOf(r).header.title).toBe('Geen coachsessie');
      expect(r.text).not.toContain('Sanne');
    }
  });
});

describe('publish to invite', () => {
  it('enqueues the calendar sync (the session is pending again) and answers renderActions with a notification and the updated card', async () => {
    const { session, user, token } = await coachWithSession();
    await syncOk(session.id);
    expect((await sessionOf(token, session.id)).calendarStatus).toBe('synced');
    const r = await post('/addons/google/publish', { userIdToken: user, parameters: { sessionId: session.id } });
    expect(r.status, r.text).toBe(200);
    expect(r.body.renderActions.action.notification).toEqual({ text: 'Agenda en afspraken gaan naar de uitnodiging.' });
    const card = r.body.renderActions.action.navigations[0].updateCard;
    expect(widgets(card).find((w: any) => w.decoratedText?.topLabel === 'Uitnodiging').decoratedText.text).toBe('Nog niet in de agenda');
    expect((await sessionOf(token, session.id)).calendarStatus).toBe('pending');
    expect(r.text).not.toContain('twijfelt');
  });

  it("leaves another coach's session alone", async () => {
    const { user } = await coachWithSession();
    const other = await coachWithSession();
    await syncOk(other.session.id);
    const r = await post('/addons/google/publish', { userIdToken: user, parameters: { sessionId: other.session.id } });
    expect(r.body).toEqual({ renderActions: { action: { notification: { text: 'Deze sessie bestaat niet meer.' } } } });
    expect((await sessionOf(other.token, other.session.id)).calendarStatus).toBe('synced');
  });
});

it('serves the logo publicly as a 192×192 PNG', async () => {
  const r = await SELF.fetch(`${BASE}/addons/google/logo.png`);
  expect(r.status).toBe(200);
  expect(r.headers.get('content-type')).toBe('image/png');
  const png = new DataView(await r.arrayBuffer());
  expect([png.getUint32(0), png.getUint32(4), png.getUint32(12)]).toEqual([0x89504e47, 0x0d0a1a0a, 0x49484452]);
  expect([png.getUint32(16), png.getUint32(20)]).toEqual([192, 192]);
});

it('documents the add-on endpoints and their Authorization header in /openapi.json', async () => {
  const doc = (await call('GET', '/openapi.json')).body;
  for (const path of ['/addons/google/home', '/addons/google/event-open', '/addons/google/publish']) {
    expect(doc.paths[path].post.parameters, path).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'authorization', in: 'header', required: true })]));
  }
});
