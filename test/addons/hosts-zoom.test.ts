/** The Zoom host adapter over a fake Zoom Apps SDK (config first, only listed capabilities), signing in against a fake of our API. */
import { describe, expect, it } from 'vitest';
import { createBoot } from '../../addons/hosts/boot/host-boot';
import { createZoomHost, ZOOM_CAPABILITIES, type ZoomAuthorizedEvent, type ZoomSdk } from '../../addons/hosts/zoom/zoom-host';
import { ZOOM_APIS } from '../../manifests/zoom.mjs';
import { fakeApi, memoryStore, session, until } from './host-support';

const UUID = 'hE6v4u7ATyWcY5Wg0Qj1Qw==';
const NUMBER = '84712345678';
const APP_CONTEXT = 'c2VhbGVkLXpvb20tYXBwLWNvbnRleHQ=';
const REDIRECT = 'https://coach.example/panel/zoom';

/** The Zoom Apps SDK as far as we use it: like Zoom, it refuses every call before `config` and every call not in its capabilities. */
/** What Zoom answers a host in a meeting (shapes of `@zoom/appssdk`'s GetMeetingJoinUrlResponse, Participant and user context). */
const JOIN_URL = `https://us05web.zoom.us/j/${NUMBER}?pwd=b2hIbGxvV29ybGQ.1`;
const ME = { screenName: 'Coach Marieke', participantUUID: 'A1B2C3D4-0000-4000-8000-00000000C0AC', role: 'host' };
const PARTICIPANTS = [
  { ...ME, participantId: '16778240' },
  { screenName: 'Joris Bakker', participantUUID: 'E5F6A7B8-0000-4000-8000-0000000000J0', participantId: '16779264', role: 'attendee' },
];

function fakeZoom(o: { uuid?: string | null; number?: string | null } = {}) {
  const calls: string[] = [];
  const authorizations: { codeChallenge: string; state?: string }[] = [];
  const opened: string[] = [];
  let capabilities: string[] | null = null;
  let onAuthorized: ((event: ZoomAuthorizedEvent) => void) | null = null;
  const use = (name: string) => {
    calls.push(name);
    if (!capabilities) throw new Error('call config first');
    if (!capabilities.includes(name)) throw new Error(`${name} is not in the configured capabilities`);
  };
  const sdk: ZoomSdk = {
    async config(options) {
      calls.push('config');
      capabilities = options.capabilities;
      return { runningContext: 'inMeeting' };
    },
    async getMeetingUUID() {
      use('getMeetingUUID');
      if (o.uuid === null) throw new Error('not in a meeting');
      return { meetingUUID: o.uuid ?? UUID };
    },
    async getMeetingContext() {
      use('getMeetingContext');
      if (o.number === null) throw new Error('not in a meeting');
      return { meetingTopic: 'Coaching', meetingID: o.number ?? NUMBER };
    },
    async getMeetingJoinUrl() {
      use('getMeetingJoinUrl');
      if (o.number === null) throw new Error('not in a meeting');
      return { joinUrl: JOIN_URL };
    },
    async getMeetingParticipants() {
      use('getMeetingParticipants');
      if (o.number === null) throw new Error('not in a meeting');
      return { participants: PARTICIPANTS };
    },
    async getUserContext() {
      use('getUserContext');
      return { ...ME, status: 'authorized' };
    },
    async getAppContext() {
      use('getAppContext');
      return { context: APP_CONTEXT };
    },
    async authorize(options) {
      use('authorize');
      authorizations.push(options);
      return { message: 'Success' };
    },
    onAuthorized(handler) {
      use('onAuthorized');
      onAuthorized = handler;
    },
    async openUrl({ url }) {
      use('openUrl');
      opened.push(url);
      return { message: 'Success' };
    },
  };
  return { sdk, calls, authorizations, opened, authorized: (event: ZoomAuthorizedEvent) => onAuthorized?.(event) };
}

const host = (sdk: ZoomSdk, dark = false) => createZoomHost(sdk, { url: 'https://coach.example/panel/zoom', store: memoryStore(), dark });
const NOW = Date.now();
const today = session('session-zoom-001', 'coachee-0001', new Date(NOW - 600_000).toISOString(), new Date(NOW + 3_000_000).toISOString());
const notLinked = { status: 401, type: '/problems/identity-not-linked' };

describe('Zoom host', () => {
  it('configures the SDK first, with exactly the capabilities the app manifest switches on', async () => {
    const zoom = fakeZoom();
    const h = host(zoom.sdk);
    await h.start!();
    expect(zoom.calls).toEqual(['config', 'onAuthorized']);
    expect([...ZOOM_CAPABILITIES].sort()).toEqual([...ZOOM_APIS].sort());
  });

  it('identifies the meeting by its UUID, then by its number; outside a meeting by nothing', async () => {
    const both = host(fakeZoom().sdk);
    await both.start!();
    expect(await both.meetingIds()).toEqual([UUID, NUMBER]);
    const numberOnly = host(fakeZoom({ uuid: null }).sdk);
    await numberOnly.start!();
    expect(await numberOnly.meetingIds()).toEqual([NUMBER]);
    const none = host(fakeZoom({ uuid: null, number: null }).sdk);
    await none.start!();
    expect(await none.meetingIds()).toEqual([]);
  });

  it('takes the theme from the embedded browser and leaves the language to the coach profile', () => {
    expect(host(fakeZoom().sdk, true).theme()).toBe('dark');
    expect(host(fakeZoom().sdk, false).theme()).toBe('light');
    expect(host(fakeZoom().sdk).locale()).toBeNull();
  });

  it('opens links through the SDK (the embedded browser opens no windows itself)', async () => {
    const zoom = fakeZoom();
    const h = host(zoom.sdk);
    await h.start!();
    h.openExternal('https://coach.example/c/abc');
    await until(() => zoom.opened.length === 1);
    expect(zoom.opened).toEqual(['https://coach.example/c/abc']);
  });

  it('signs a linked Zoom user in with the app context alone', async () => {
    const zoom = fakeZoom();
    const api = fakeApi({ signIn: (provider, body) => (provider === 'zoom' && body.appContext === APP_CONTEXT ? { coach: 'coach-zoom-01' } : notLinked), sessions: [today], meetings: { [`zoom:${NUMBER}`]: today.id } });
    const b = createBoot({ host: host(zoom.sdk), fetch: api.fetch, now: Date.now, language: 'en-US' });
    await b.run();
    expect(b.state.value).toEqual({ kind: 'open', sessionId: today.id });
    expect(api.requests.filter((r) => r.path === '/api/auth/zoom').map((r) => r.body)).toEqual([{ appContext: APP_CONTEXT }]);
    expect(zoom.authorizations).toEqual([]);
    expect(zoom.calls[0]).toBe('config');
  });

  it('falls back to in-client OAuth with PKCE plain when the Zoom user is not linked yet', async () => {
    const zoom = fakeZoom();
    const api = fakeApi({
      signIn: (_provider, body) => {
        if (body.appContext) return notLinked;
        const challenge = zoom.authorizations[0]?.codeChallenge;
        return body.code === 'zoom-auth-code' && body.codeVerifier === challenge && body.redirectUri === REDIRECT ? { coach: 'coach-zoom-02' } : { status: 401, type: '/problems/host-identity-rejected' };
      },
      sessions: [today],
      meetings: { [`zoom:${UUID}`]: today.id },
    });
    const b = createBoot({ host: host(zoom.sdk), fetch: api.fetch, now: Date.now, language: 'nl' });
    const running = b.run();
    await until(() => zoom.authorizations.length === 1);
    const { codeChallenge, state } = zoom.authorizations[0]!;
    // `plain`: the challenge is the verifier, 43 to 128 unreserved characters (RFC 7636).
    expect(codeChallenge).toMatch(/^[A-Za-z0-9._~-]{43,128}$/);
    expect(state).toBeTruthy();
    zoom.authorized({ code: 'zoom-auth-code', redirectUri: REDIRECT, result: true, state, timestamp: 1 } as ZoomAuthorizedEvent);
    await running;
    expect(b.state.value).toEqual({ kind: 'open', sessionId: today.id });
    expect(api.requests.filter((r) => r.path === '/api/auth/zoom').map((r) => r.body)).toEqual([
      { appContext: APP_CONTEXT },
      { code: 'zoom-auth-code', codeVerifier: codeChallenge, redirectUri: REDIRECT },
    ]);
  });

  it('treats a declined consent, or an answer for another request, as not signed in, and asks again on retry', async () => {
    const zoom = fakeZoom();
    const api = fakeApi({ signIn: (_p, body) => (body.appContext ? notLinked : { coach: 'coach-zoom-03' }), sessions: [today], meetings: { [`zoom:${UUID}`]: today.id } });
    const b = createBoot({ host: host(zoom.sdk), fetch: api.fetch, now: Date.now, language: 'nl' });

    let running = b.run();
    await until(() => zoom.authorizations.length === 1);
    zoom.authorized({ code: '', redirectUri: REDIRECT, result: false, state: zoom.authorizations[0]!.state });
    await running;
    expect(b.state.value).toEqual({ kind: 'failed', reason: 'unauthorized' });

    running = b.run();
    await until(() => zoom.authorizations.length === 2);
    zoom.authorized({ code: 'zoom-auth-code', redirectUri: REDIRECT, result: true, state: 'someone-elses-state' });
    await running;
    expect(b.state.value).toEqual({ kind: 'failed', reason: 'unauthorized' });

    running = b.run();
    await until(() => zoom.authorizations.length === 3);
    const third = zoom.authorizations[2]!;
    expect(third.codeChallenge).not.toBe(zoom.authorizations[1]!.codeChallenge);
    zoom.authorized({ code: 'zoom-auth-code', redirectUri: REDIRECT, result: true, state: third.state });
    await running;
    expect(b.state.value).toEqual({ kind: 'open', sessionId: today.id });
    // The code was only ever sent with the verifier of its own authorization.
    const codes = api.requests.filter((r) => r.body?.code);
    expect(codes.map((r) => r.body?.codeVerifier)).toEqual([third.codeChallenge]);
  });

  it('says when even OAuth finds no coach for this Zoom account', async () => {
    const zoom = fakeZoom();
    const api = fakeApi({ signIn: () => notLinked });
    const b = createBoot({ host: host(zoom.sdk), fetch: api.fetch, now: Date.now, language: 'nl' });
    const running = b.run();
    await until(() => zoom.authorizations.length === 1);
    zoom.authorized({ code: 'zoom-auth-code', redirectUri: REDIRECT, result: true, state: zoom.authorizations[0]!.state });
    await running;
    expect(b.state.value).toEqual({ kind: 'failed', reason: 'not-linked' });
  });
});

describe('Zoom first run: a meeting no session knows', () => {
  it('offers to add the other participant as a coachee, creates the session from now, links this meeting, and finds it next time', async () => {
    const zoom = fakeZoom();
    const api = fakeApi({ signIn: () => ({ coach: 'coach-zoom-09' }) });
    const b = createBoot({ host: host(zoom.sdk), fetch: api.fetch, now: Date.now, language: 'nl-NL' });
    await b.run();
    expect(b.state.value).toMatchObject({ kind: 'pick', inMeeting: true, sessions: [], firstRun: { trajectories: [], suggestions: [{ name: 'Joris Bakker' }], busy: false, error: null } });
    const lookups = api.requests.filter((r) => r.path.startsWith('/api/sessions/by-meeting')).map((r) => r.path);
    expect(lookups).toContain(`/api/sessions/by-meeting?host=zoom&joinUrl=${encodeURIComponent(JOIN_URL)}`);

    await b.addCoachee({ name: 'Joris Bakker', email: 'joris@example.nl' });
    const opened = b.state.value;
    expect(opened.kind).toBe('open');
    const posts = api.requests.filter((r) => r.method === 'POST' && !r.path.startsWith('/api/auth'));
    expect(posts.map((r) => r.path)).toEqual(['/api/coachees', '/api/engagements', '/api/sessions', `/api/sessions/${(opened as { sessionId: string }).sessionId}/meeting`]);
    expect(posts[0]!.body).toEqual({ name: 'Joris Bakker', email: 'joris@example.nl', locale: 'nl' });
    const created = posts[2]!.body!;
    expect(Date.parse(created.endsAt!) - Date.parse(created.startsAt!)).toBe(60 * 60_000);
    expect(Date.now() - Date.parse(created.startsAt!)).toBeLessThan(5 * 60_000 + 1_000);
    // The meeting's UUID (this occurrence), not its number, which a recurring meeting keeps every week.
    expect(posts[3]!.body).toEqual({ host: 'zoom', meetingId: UUID, joinUrl: JOIN_URL });

    const again = createBoot({ host: host(fakeZoom().sdk), fetch: api.fetch, now: Date.now, language: 'nl-NL' });
    await again.run();
    expect(again.state.value).toEqual(opened);
  });

  it('a failed step keeps the offer with the reason, and the retry does not add the coachee twice', async () => {
    const api = fakeApi({ signIn: () => ({ coach: 'coach-zoom-10' }), failWrites: { 'POST /api/sessions': 409 } });
    const b = createBoot({ host: host(fakeZoom().sdk), fetch: api.fetch, now: Date.now, language: 'en-US' });
    await b.run();
    await b.addCoachee({ name: 'Joris Bakker', email: '' });
    expect(b.state.value).toMatchObject({ kind: 'pick', firstRun: { busy: false, error: 'refused by the test' } });
    await b.addCoachee({ name: 'Joris Bakker', email: '' });
    expect(b.state.value.kind).toBe('open');
    expect(api.requests.filter((r) => r.method === 'POST' && r.path === '/api/coachees')).toHaveLength(1);
    expect(api.requests.find((r) => r.path === '/api/coachees' && r.method === 'POST')!.body).toEqual({ name: 'Joris Bakker', locale: 'en' });
  });
});
