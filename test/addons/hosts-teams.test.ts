/** The Teams host adapter and its configuration frame over a fake TeamsJS (only the calls we make), booting against a fake of our API. */
import { describe, expect, it } from 'vitest';
import { createBoot } from '../../addons/hosts/boot/host-boot';
import type { HostPort } from '../../addons/hosts/host-port';
import { configureTeamsTab, type TeamsConfigSdk } from '../../addons/hosts/teams/teams-config';
import { createTeamsHost, type TeamsContext, type TeamsSdk } from '../../addons/hosts/teams/teams-host';
import { coachee, deferred, engagement, fakeApi, memoryStore, session, until } from './host-support';

const THREAD = '19:meeting_NjM0YjQ2ZDQtZjJmMS00@thread.v2';
/** `context.meeting.id` as Teams gives it: base64 of `0#<thread>#0`. */
const MEETING_ID = btoa(`0#${THREAD}#0`);
const context = (over: Partial<TeamsContext> = {}): TeamsContext => ({ app: { theme: 'default', locale: 'nl-nl' }, meeting: { id: MEETING_ID }, chat: { id: THREAD }, ...over });

/** TeamsJS as far as we use it: every call but `initialize` throws until initialisation has finished, as the library does. */
function fakeTeams(ctx: TeamsContext, o: { init?: Promise<void>; token?: () => Promise<string> } = {}) {
  const calls: string[] = [];
  let initialized = false;
  let onTheme: ((theme: string) => void) | null = null;
  const use = (name: string) => {
    calls.push(name);
    if (!initialized) throw new Error('The library has not yet been initialized');
  };
  const sdk: TeamsSdk & Pick<TeamsConfigSdk, 'pages'> = {
    app: {
      async initialize() {
        calls.push('app.initialize');
        await o.init;
        initialized = true;
      },
      async getContext() {
        use('app.getContext');
        return ctx;
      },
      registerOnThemeChangeHandler(handler) {
        use('app.registerOnThemeChangeHandler');
        onTheme = handler;
      },
    },
    authentication: {
      async getAuthToken() {
        use('authentication.getAuthToken');
        return o.token ? o.token() : 'entra-sso-token';
      },
    },
    pages: {
      config: {
        async setConfig(config) {
          use(`pages.config.setConfig ${JSON.stringify(config)}`);
        },
        setValidityState(valid) {
          use(`pages.config.setValidityState ${valid}`);
        },
        registerOnSaveHandler(handler) {
          use('pages.config.registerOnSaveHandler');
          saveHandler = handler;
        },
      },
    },
  };
  let saveHandler: Parameters<TeamsConfigSdk['pages']['config']['registerOnSaveHandler']>[0] | null = null;
  return { sdk, calls, changeTheme: (theme: string) => onTheme?.(theme), save: () => saveHandler };
}

const host = (sdk: TeamsSdk, url = 'https://coach.example/panel/teams') => createTeamsHost(sdk, { url, store: memoryStore(), open: () => undefined });
const boot = (h: HostPort, api: ReturnType<typeof fakeApi>, startTimeoutMs = 1_000) => createBoot({ host: h, fetch: api.fetch, now: Date.now, language: 'nl-NL', startTimeoutMs });

const NOW = Date.now();
const iso = (ms: number) => new Date(ms).toISOString();
const today = session('session-today-01', 'coachee-0001', iso(NOW - 5 * 60_000), iso(NOW + 55 * 60_000));

describe('Teams host', () => {
  it('initialises TeamsJS before anything else, then reads the context once', async () => {
    const teams = fakeTeams(context());
    const h = host(teams.sdk);
    await h.start!();
    expect(teams.calls).toEqual(['app.initialize', 'app.getContext', 'app.registerOnThemeChangeHandler']);
  });

  it('identifies the meeting by its id, then by its chat thread (what a booked Teams meeting stores)', async () => {
    const withChat = host(fakeTeams(context()).sdk);
    await withChat.start!();
    expect(await withChat.meetingIds()).toEqual([MEETING_ID, THREAD]);
    // Some surfaces give no chat: the thread is read from the meeting id.
    const noChat = host(fakeTeams(context({ chat: undefined })).sdk);
    await noChat.start!();
    expect(await noChat.meetingIds()).toEqual([MEETING_ID, THREAD]);
    const notInMeeting = host(fakeTeams(context({ meeting: undefined, chat: undefined })).sdk);
    await notInMeeting.start!();
    expect(await notInMeeting.meetingIds()).toEqual([]);
  });

  it.each([
    ['default', 'light'],
    ['dark', 'dark'],
    ['contrast', 'dark'],
    ['glass', 'light'],
  ])('maps the Teams theme %s to %s', async (teamsTheme, ours) => {
    const h = host(fakeTeams(context({ app: { theme: teamsTheme, locale: 'en-us' } })).sdk);
    expect(h.theme()).toBe('light');
    await h.start!();
    expect(h.theme()).toBe(ours);
  });

  it('follows the meeting when it switches theme', async () => {
    const teams = fakeTeams(context());
    const h = host(teams.sdk);
    const seen: string[] = [];
    h.onThemeChange((theme) => seen.push(theme));
    await h.start!();
    teams.changeTheme('dark');
    teams.changeTheme('dark');
    teams.changeTheme('default');
    expect(seen).toEqual(['dark', 'light']);
    expect(h.theme()).toBe('light');
  });

  it.each([
    ['nl-nl', 'nl'],
    ['nl-BE', 'nl'],
    ['en-us', 'en'],
    ['en-GB', 'en'],
    ['de-de', null],
  ])('takes the Teams language %s as %s (null: the coach profile decides)', async (tag, locale) => {
    const h = host(fakeTeams(context({ app: { theme: 'default', locale: tag } })).sdk);
    await h.start!();
    expect(h.locale()).toBe(locale);
  });

  it('signs in with the SSO token and opens the session booked for this meeting', async () => {
    const teams = fakeTeams(context());
    const api = fakeApi({
      signIn: (provider, body) => (provider === 'teams' && body.ssoToken === 'entra-sso-token' ? { coach: 'coach-teams-01' } : { status: 401, type: '/problems/host-identity-rejected' }),
      sessions: [today],
      meetings: { [`teams:${THREAD}`]: today.id },
    });
    const b = boot(host(teams.sdk), api);
    await b.run();
    expect(b.state.value).toEqual({ kind: 'open', sessionId: today.id });
    expect(api.requests[0]).toMatchObject({ method: 'POST', path: '/api/auth/teams', body: { ssoToken: 'entra-sso-token' }, bearer: null });
    // Both ids were looked up with our token; the thread matched.
    const lookups = api.requests.filter((r) => r.path.startsWith('/api/sessions/by-meeting'));
    expect(lookups.map((r) => r.path).sort()).toEqual([`/api/sessions/by-meeting?host=teams&meetingId=${encodeURIComponent(MEETING_ID)}`, `/api/sessions/by-meeting?host=teams&meetingId=${encodeURIComponent(THREAD)}`].sort());
    expect(lookups.every((r) => r.bearer && api.issued.has(r.bearer))).toBe(true);
    expect(b.locale()).toBe('nl');
  });

  it('says to open the panel inside Teams while TeamsJS does not start, and goes on once it does', async () => {
    const init = deferred<void>();
    const teams = fakeTeams(context({ app: { theme: 'dark', locale: 'en-us' } }), { init: init.promise });
    const api = fakeApi({ signIn: () => ({ coach: 'coach-teams-02' }), sessions: [today], meetings: { [`teams:${MEETING_ID}`]: today.id } });
    const b = boot(host(teams.sdk), api, 30);
    const running = b.run();
    expect(b.state.value.kind).toBe('starting');
    await until(() => b.state.value.kind === 'outside');
    expect(teams.calls).toEqual(['app.initialize']);
    expect(api.requests).toEqual([]);
    init.resolve();
    await running;
    expect(b.state.value).toEqual({ kind: 'open', sessionId: today.id });
    expect(b.locale()).toBe('en');
  });

  it('shows a refused SSO sign-in with a retry that asks Teams again', async () => {
    let attempts = 0;
    const teams = fakeTeams(context(), {
      token: async () => {
        attempts++;
        if (attempts === 1) throw new Error('resourceRequiresConsent');
        return 'entra-sso-token';
      },
    });
    const api = fakeApi({ signIn: () => ({ coach: 'coach-teams-03' }), sessions: [today], meetings: { [`teams:${THREAD}`]: today.id } });
    const b = boot(host(teams.sdk), api);
    await b.run();
    expect(b.state.value).toEqual({ kind: 'failed', reason: 'unauthorized' });
    expect(api.requests).toEqual([]);
    await b.run();
    expect(b.state.value).toEqual({ kind: 'open', sessionId: today.id });
    expect(teams.calls.filter((c) => c === 'app.initialize')).toHaveLength(1);
  });
});

describe('Teams configuration frame', () => {
  it('initialises first, marks the page valid and saves the panel URL, entity id and name when Teams asks', async () => {
    const teams = fakeTeams(context());
    const ctx = await configureTeamsTab(teams.sdk, 'https://coach.example/panel/teams?frame=config');
    expect(ctx.app.locale).toBe('nl-nl');
    expect(teams.calls.slice(0, 3)).toEqual(['app.initialize', 'pages.config.registerOnSaveHandler', 'pages.config.setValidityState true']);
    const outcome = deferred<string>();
    teams.save()!({ notifySuccess: () => outcome.resolve('saved'), notifyFailure: (reason) => outcome.resolve(`failed: ${reason}`) });
    expect(await outcome.promise).toBe('saved');
    expect(teams.calls).toContain(`pages.config.setConfig ${JSON.stringify({ contentUrl: 'https://coach.example/panel/teams', entityId: 'coaching-panel', suggestedDisplayName: 'Coaching' })}`);
  });

  it('reports a failed save to Teams', async () => {
    const teams = fakeTeams(context());
    teams.sdk.pages.config.setConfig = async () => {
      throw new Error('not allowed');
    };
    await configureTeamsTab(teams.sdk, 'https://coach.example/panel/teams?frame=config');
    const outcome = deferred<string>();
    teams.save()!({ notifySuccess: () => outcome.resolve('saved'), notifyFailure: (reason) => outcome.resolve(`failed: ${reason}`) });
    expect(await outcome.promise).toBe('failed: not allowed');
  });
});

describe('the meeting without a session', () => {
  const later = session('session-later-01', 'coachee-0002', iso(NOW + 2 * 86_400_000), iso(NOW + 2 * 86_400_000 + 3_600_000));
  const soon = session('session-soon-001', 'coachee-0001', iso(NOW + 3_600_000), iso(NOW + 7_200_000));
  const past = session('session-past-001', 'coachee-0001', iso(NOW - 7 * 86_400_000), iso(NOW - 7 * 86_400_000 + 3_600_000));
  const people = [coachee('coachee-0001', 'Sanne de Vries'), coachee('coachee-0002', 'Ahmed Yilmaz')];

  it('offers the coach’s upcoming sessions, soonest first, and opens the one picked', async () => {
    const api = fakeApi({ signIn: () => ({ coach: 'coach-teams-04' }), sessions: [later, past, soon], coachees: people, meetings: {} });
    const b = boot(host(fakeTeams(context()).sdk), api);
    await b.run();
    expect(b.state.value).toEqual({
      kind: 'pick',
      inMeeting: true,
      sessions: [
        { id: soon.id, name: 'Sanne de Vries', startsAt: soon.startsAt },
        { id: later.id, name: 'Ahmed Yilmaz', startsAt: later.startsAt },
      ],
      firstRun: { trajectories: [], suggestions: [], busy: false, error: null },
    });
    const list = api.requests.find((r) => r.path.startsWith('/api/sessions?'));
    expect(Math.abs(Date.parse(new URL(list!.path, 'https://x').searchParams.get('from')!) - Date.now())).toBeLessThan(5_000);
    await b.pick(later.id);
    expect(b.state.value).toEqual({ kind: 'open', sessionId: later.id });
  });

  it('outside a meeting (a chat tab) offers the sessions without saying the meeting has none', async () => {
    const api = fakeApi({ signIn: () => ({ coach: 'coach-teams-05' }), sessions: [soon], coachees: people });
    const b = boot(host(fakeTeams(context({ meeting: undefined, chat: undefined })).sdk), api);
    await b.run();
    expect(b.state.value).toMatchObject({ kind: 'pick', inMeeting: false, sessions: [{ id: soon.id }] });
    expect(api.requests.some((r) => r.path.startsWith('/api/sessions/by-meeting'))).toBe(false);
  });

  it('with no upcoming sessions, an empty pick that can look again and then finds the session once the meeting has one', async () => {
    const meetings: Record<string, string> = {};
    const api = fakeApi({ signIn: () => ({ coach: 'coach-teams-06' }), sessions: [past, today], coachees: people, meetings });
    const b = boot(host(fakeTeams(context()).sdk), api);
    await b.run();
    expect(b.state.value).toMatchObject({ kind: 'pick', inMeeting: true, sessions: [{ id: today.id }] });
    const empty = boot(host(fakeTeams(context()).sdk), fakeApi({ signIn: () => ({ coach: 'coach-teams-06' }), sessions: [past], coachees: people }));
    await empty.run();
    expect(empty.state.value).toMatchObject({ kind: 'pick', inMeeting: true, sessions: [] });
    meetings[`teams:${MEETING_ID}`] = today.id;
    await b.run();
    expect(b.state.value).toEqual({ kind: 'open', sessionId: today.id });
    // Signed in once: the retry used the token it had.
    expect(api.requests.filter((r) => r.path === '/api/auth/teams')).toHaveLength(1);
  });

  it('opens the session named in the URL without looking up the meeting', async () => {
    const api = fakeApi({ signIn: () => ({ coach: 'coach-teams-07' }) });
    const b = boot(host(fakeTeams(context()).sdk, 'https://coach.example/panel/teams?session=session-given-01'), api);
    await b.run();
    expect(b.state.value).toEqual({ kind: 'open', sessionId: 'session-given-01' });
    expect(api.requests.map((r) => r.path)).toEqual(['/api/auth/teams']);
  });

  it('without a network says so, and a token the API no longer accepts is replaced on retry', async () => {
    const api = fakeApi({ signIn: () => ({ coach: 'coach-teams-08' }), sessions: [today], meetings: { [`teams:${THREAD}`]: today.id } });
    const h = host(fakeTeams(context()).sdk);
    const b = boot(h, api);
    api.goOffline();
    await b.run();
    expect(b.state.value).toEqual({ kind: 'failed', reason: 'offline' });

    const online = fakeApi({ signIn: () => ({ coach: 'coach-teams-08' }), sessions: [today], meetings: { [`teams:${THREAD}`]: today.id } });
    const b2 = boot(h, online);
    await b2.run();
    online.revokeAll();
    await b2.run();
    expect(b2.state.value).toEqual({ kind: 'failed', reason: 'unauthorized' });
    await b2.run();
    expect(b2.state.value).toEqual({ kind: 'open', sessionId: today.id });
    expect(online.requests.filter((r) => r.path === '/api/auth/teams')).toHaveLength(2);
  });
});

/**
 * A meeting side panel context as TeamsJS gives it (app.Context: app, page.frameContext, meeting.id, chat.id, user) for a
 * meeting scheduled with the short join link format (`teams.microsoft.com/meet/<id>?p=…`): that link carries no chat thread,
 * so a session booked with it was stored under its link only and the thread the panel knows finds nothing.
 */
const SHORT_LINK_THREAD = '19:meeting_ZDk1YTZkNmEtNTI0Ny00YjM3@thread.v2';
const shortLinkContext: TeamsContext = {
  app: { theme: 'dark', locale: 'en-us' },
  page: { id: 'coach', frameContext: 'sidePanel' },
  meeting: { id: btoa(`0#${SHORT_LINK_THREAD}#0`) },
  chat: { id: SHORT_LINK_THREAD },
  user: { id: '8c2f0a4e-1b7d-4f7a-9d3e-2a6b5c4d3e2f', userPrincipalName: 'coach@contoso.example', tenant: { id: '72f988bf-86f1-41af-91ab-2d7cd011db47' } },
} as TeamsContext;

describe('Teams first run in a meeting with a short join link', () => {
  it('the booked session is offered, picking it links the meeting thread, and the panel opens it straight away next time', async () => {
    const booked = session('session-short-01', 'coachee-0001', iso(NOW + 10 * 60_000), iso(NOW + 70 * 60_000));
    const api = fakeApi({ signIn: () => ({ coach: 'coach-teams-09' }), sessions: [booked], coachees: [coachee('coachee-0001', 'Sanne de Vries')] });
    const first = boot(host(fakeTeams(shortLinkContext).sdk), api);
    await first.run();
    expect(first.state.value).toMatchObject({ kind: 'pick', inMeeting: true, sessions: [{ id: booked.id, name: 'Sanne de Vries' }] });
    await first.pick(booked.id);
    expect(first.state.value).toEqual({ kind: 'open', sessionId: booked.id });
    expect(api.requests.find((r) => r.path === `/api/sessions/${booked.id}/meeting`)?.body).toEqual({ host: 'teams', meetingId: shortLinkContext.meeting!.id });

    const next = boot(host(fakeTeams(shortLinkContext).sdk), api);
    await next.run();
    expect(next.state.value).toEqual({ kind: 'open', sessionId: booked.id });
  });

  it('a meeting of a coachee with a trajectory becomes a new session of it, from now', async () => {
    const api = fakeApi({ signIn: () => ({ coach: 'coach-teams-10' }), coachees: [coachee('coachee-0003', 'Ahmed Yilmaz')], engagements: [engagement('engagement-0003', 'coachee-0003')] });
    const b = boot(host(fakeTeams(shortLinkContext).sdk), api);
    await b.run();
    const offer = b.state.value.kind === 'pick' ? b.state.value.firstRun : undefined;
    expect(offer?.trajectories).toEqual([{ engagementId: 'engagement-0003', name: 'Ahmed Yilmaz', sessionMinutes: 60 }]);
    await b.startFor(offer!.trajectories[0]!);
    expect(b.state.value.kind).toBe('open');
    expect(api.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/api/sessions')).map((r) => r.path.replace(/session-new-\d+/, ':id'))).toEqual(['/api/sessions', '/api/sessions/:id/meeting']);
  });
});
