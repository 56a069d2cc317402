/** The Google Meet host adapter over a fake Meet add-ons SDK and a fake Google Identity Services, signing in against a fake of our API. */
import { describe, expect, it } from 'vitest';
import { createBoot } from '../../addons/hosts/boot/host-boot';
import type { GoogleIdentity } from '../../addons/hosts/meet/google-identity';
import { createMeetHost, type MeetAddonSdk } from '../../addons/hosts/meet/meet-host';
import { fakeApi, memoryStore, session, until } from './host-support';

const PROJECT = '123456789012';
const CLIENT_ID = 'test-web-client.apps.googleusercontent.com';
const MEETING = { meetingId: 'spaces/jQCFfuBOdN5z', meetingCode: 'abc-mnop-xyz' };

/** The Meet add-ons SDK as far as we use it; a side-panel client exists only once the session does. */
function fakeMeet(o: { outside?: boolean } = {}) {
  const calls: string[] = [];
  const sdk: MeetAddonSdk = {
    async createAddonSession({ cloudProjectNumber }) {
      calls.push(`createAddonSession ${cloudProjectNumber}`);
      if (o.outside) throw new Error('Missing required parameter meet_sdk');
      return {
        async createSidePanelClient() {
          calls.push('createSidePanelClient');
          return {
            async getMeetingInfo() {
              calls.push('getMeetingInfo');
              return MEETING;
            },
          };
        },
      };
    },
  };
  return { sdk, calls };
}

/** `google.accounts.id` as far as we use it; `choose` plays the coach picking an account (One Tap or the button). */
function fakeGoogle() {
  const seen: { config?: Parameters<GoogleIdentity['initialize']>[0]; prompts: number; button?: HTMLElement } = { prompts: 0 };
  const id: GoogleIdentity = {
    initialize: (config) => void (seen.config = config),
    prompt: () => void seen.prompts++,
    renderButton: (parent) => void (seen.button = parent),
  };
  return { id, seen, choose: (credential: string) => seen.config?.callback({ credential }) };
}

const NOW = Date.now();
const today = session('session-meet-001', 'coachee-0001', new Date(NOW - 600_000).toISOString(), new Date(NOW + 3_000_000).toISOString());
const host = (sdk: MeetAddonSdk, google: GoogleIdentity, tokenStore = memoryStore(), clientId = CLIENT_ID) =>
  createMeetHost(sdk, { url: 'https://coach.example/panel/meet?meet_sdk=abc', store: memoryStore(), cloudProjectNumber: PROJECT, clientId, loadGoogleIdentity: async () => google, tokenStore, open: () => undefined });

describe('Meet host', () => {
  it('creates the add-on session with the project number, then the side-panel client, and reads the meeting id and code', async () => {
    const meet = fakeMeet();
    const h = host(meet.sdk, fakeGoogle().id);
    await h.start!();
    expect(meet.calls).toEqual([`createAddonSession ${PROJECT}`, 'createSidePanelClient']);
    expect(await h.meetingIds()).toEqual([MEETING.meetingId, MEETING.meetingCode]);
    expect(h.theme()).toBe('light');
    expect(h.locale()).toBeNull();
  });

  it('signs in with Google (One Tap, Google’s button as fallback, FedCM off) and opens the session of the meeting code', async () => {
    const google = fakeGoogle();
    const api = fakeApi({
      signIn: (provider, body) => (provider === 'google' && body.idToken === 'google-id-token' ? { coach: 'coach-meet-01' } : { status: 401, type: '/problems/host-identity-rejected' }),
      sessions: [today],
      meetings: { [`meet:${MEETING.meetingCode}`]: today.id },
    });
    const tokens = memoryStore();
    const b = createBoot({ host: host(fakeMeet().sdk, google.id, tokens), fetch: api.fetch, now: Date.now, language: 'nl-NL' });
    const running = b.run();
    await until(() => b.state.value.kind === 'sign-in');
    expect(google.seen.config).toMatchObject({ client_id: CLIENT_ID, use_fedcm_for_prompt: false, auto_select: true, ux_mode: 'popup' });
    expect(google.seen.prompts).toBe(1);
    const slot = { id: 'google-button' } as unknown as HTMLElement;
    b.slotReady(slot);
    await until(() => google.seen.button === slot);
    google.choose('google-id-token');
    await running;
    expect(b.state.value).toEqual({ kind: 'open', sessionId: today.id });
    expect(api.requests[0]).toMatchObject({ method: 'POST', path: '/api/auth/google', body: { idToken: 'google-id-token' } });
    expect(api.requests.filter((r) => r.path.includes('by-meeting')).map((r) => r.path).sort()).toEqual(
      [`/api/sessions/by-meeting?host=meet&meetingId=${encodeURIComponent(MEETING.meetingId)}`, `/api/sessions/by-meeting?host=meet&meetingId=${MEETING.meetingCode}`].sort(),
    );
    // Kept for the frame's tab: opening the panel again in this meeting needs no second sign-in.
    const token = tokens.get('token');
    expect(token && api.issued.has(token)).toBe(true);
    const again = fakeGoogle();
    const reopened = createBoot({ host: host(fakeMeet().sdk, again.id, tokens), fetch: api.fetch, now: Date.now, language: 'nl-NL' });
    await reopened.run();
    expect(reopened.state.value).toEqual({ kind: 'open', sessionId: today.id });
    expect(again.seen.config).toBeUndefined();
  });

  it('says when the Google account belongs to no coach, and lets the coach choose another account', async () => {
    const google = fakeGoogle();
    const api = fakeApi({ signIn: (_p, body) => (body.idToken === 'coach-account' ? { coach: 'coach-meet-02' } : { status: 401, type: '/problems/identity-not-linked' }), sessions: [today], meetings: { [`meet:${MEETING.meetingId}`]: today.id } });
    const b = createBoot({ host: host(fakeMeet().sdk, google.id), fetch: api.fetch, now: Date.now, language: 'en' });
    let running = b.run();
    await until(() => google.seen.config !== undefined);
    google.choose('private-account');
    await running;
    expect(b.state.value).toEqual({ kind: 'failed', reason: 'not-linked' });
    running = b.run();
    await until(() => b.state.value.kind === 'sign-in');
    google.choose('coach-account');
    await running;
    expect(b.state.value).toEqual({ kind: 'open', sessionId: today.id });
  });

  it('outside Meet (no add-on session) says to open it in Meet and never loads Google Sign-In', async () => {
    const google = fakeGoogle();
    const api = fakeApi({ signIn: () => ({ coach: 'coach-meet-03' }) });
    const b = createBoot({ host: host(fakeMeet({ outside: true }).sdk, google.id), fetch: api.fetch, now: Date.now, language: 'nl' });
    await b.run();
    expect(b.state.value).toEqual({ kind: 'outside' });
    expect(google.seen.config).toBeUndefined();
    expect(api.requests).toEqual([]);
  });
});

describe('Meet first run: a meeting no session knows', () => {
  it('adds the coachee from the panel and links the session by the meeting id and code from getMeetingInfo', async () => {
    const tokens = memoryStore();
    const google = fakeGoogle();
    const api = fakeApi({ signIn: () => ({ coach: 'coach-meet-09' }) });
    const b = createBoot({ host: host(fakeMeet().sdk, google.id, tokens), fetch: api.fetch, now: Date.now, language: 'nl-NL' });
    const running = b.run();
    await until(() => google.seen.config !== undefined);
    google.choose('google-id-token');
    await running;
    expect(b.state.value).toMatchObject({ kind: 'pick', inMeeting: true, firstRun: { trajectories: [], suggestions: [] } });
    await b.addCoachee({ name: 'Lotte Jansen', email: 'lotte@example.nl' });
    const opened = b.state.value;
    expect(opened.kind).toBe('open');
    const linkBody = api.requests.find((r) => r.path.endsWith('/meeting'))?.body;
    expect(linkBody).toEqual({ host: 'meet', meetingId: MEETING.meetingId, code: MEETING.meetingCode });
    const reopened = createBoot({ host: host(fakeMeet().sdk, fakeGoogle().id, tokens), fetch: api.fetch, now: Date.now, language: 'nl-NL' });
    await reopened.run();
    expect(reopened.state.value).toEqual(opened);
  });
});
