/** The Google Meet host: the add-on session and side-panel client first, the meeting's id and code, sign-in with Google Identity Services. */
import type { KeyValueStore } from '../../common/ports';
import { candidates, sessionParam, tokenSlot } from '../host-kit';
import type { HostPort } from '../host-port';
import type { GoogleIdentity } from './google-identity';

/** The Meet add-ons SDK calls the panel makes (the entry passes `meet.addon` of `@googleworkspace/meet-addons`). */
export interface MeetAddonSdk {
  createAddonSession(options: { cloudProjectNumber: string }): Promise<{ createSidePanelClient(): Promise<MeetClient> }>;
}

/** The side-panel client's call the panel makes. */
export type MeetClient = { getMeetingInfo(): Promise<{ meetingId: string; meetingCode: string }> };

/** The page's part of the Meet host: its URL, storage, the shell's boot data, the GIS loader and how to open links. */
export type MeetHostOptions = {
  url: string;
  store: KeyValueStore;
  /** The Google Cloud project number (not id) of the add-on, from the page shell. */
  cloudProjectNumber: string;
  /** Our web OAuth client id, the audience `POST /api/auth/google` checks, from the page shell (which is served only with one). */
  clientId: string;
  loadGoogleIdentity(): Promise<GoogleIdentity>;
  /** Where our token is kept: the frame's session storage, so reopening the panel in the same Meet tab needs no second sign-in. */
  tokenStore?: KeyValueStore;
  open(url: string): void;
};

/**
 * Creates the Meet host. `start` creates the add-on session with the project number (which also tells Meet the add-on has
 * loaded) and the side-panel client. Meet gives no identity: sign-in is Google Identity Services inside the frame, One Tap
 * (default rendering, returning users signed in automatically) with Google's own button as fallback, whose account chooser
 * opens in a separate pop-up window (GIS's default `ux_mode`); FedCM is off, since it does not work in Meet add-ons. The
 * ID token goes to `POST /api/auth/google`. The meeting is `meetingId`, then `meetingCode` (what a booked Meet link
 * stores). Meet tells the frame no theme or language: light, and the coach's profile decides.
 * @see https://developers.google.com/workspace/meet/add-ons/guides/get-client
 * @see https://developers.google.com/workspace/meet/add-ons/guides/sign-in-guide
 * @see https://developers.google.com/workspace/meet/add-ons/guides/get-meeting-info
 */
export function createMeetHost(sdk: MeetAddonSdk, o: MeetHostOptions): HostPort {
  let client: MeetClient;
  return {
    name: 'meet',
    ...tokenSlot(o.tokenStore),
    async start() {
      const session = await sdk.createAddonSession({ cloudProjectNumber: o.cloudProjectNumber });
      client = await session.createSidePanelClient();
    },
    async signIn(exchange, ui) {
      const id = await o.loadGoogleIdentity();
      const idToken = await new Promise<string>((resolve) => {
        // One Tap needs Google's cookies in this third-party frame; where the browser blocks them it stays hidden, and the button,
        // always drawn, signs in through a pop-up window (first-party there), which hands the ID token back to this frame.
        id.initialize({ client_id: o.clientId, callback: (response) => resolve(response.credential), auto_select: true, use_fedcm_for_prompt: false, ux_mode: 'popup' });
        id.prompt();
        void ui.slot().then((el) => id.renderButton(el, { type: 'standard' }));
      });
      return exchange('google', { idToken });
    },
    sessionId: () => sessionParam(o.url),
    async meetingIds() {
      const info = await client.getMeetingInfo();
      return candidates(info.meetingId, info.meetingCode);
    },
    /** Meet tells the meeting code (linked as `code`); no attendees or link beyond it. */
    async meetingDetails() {
      const info = await client.getMeetingInfo();
      return { code: info.meetingCode, attendees: [] };
    },
    locale: () => null,
    theme: () => 'light',
    onThemeChange: () => () => undefined,
    openExternal: o.open,
    store: o.store,
  };
}
