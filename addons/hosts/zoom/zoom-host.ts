/** The Zoom host: `zoomSdk.config` first, the meeting's UUID and number, sign-in by app context with in-client OAuth (PKCE plain) as fallback. */
import type { KeyValueStore } from '../../common/ports';
import { candidates, sessionParam, tokenSlot } from '../host-kit';
import type { HostPort, IdentityExchange } from '../host-port';
import { newId } from '../../common/shell/new-id';
import { declined, isNotLinked } from '../boot/sign-in-problems';

/**
 * Every Zoom Apps SDK call and event the panel uses; `config` switches them on and the app manifest lists the same ones
 * (`ZOOM_APIS` in manifests/zoom.mjs, checked by test/addons/hosts-zoom.test.ts).
 * @see https://appssdk.zoom.us/classes/ZoomSdk.ZoomSdk.html#config
 */
export const ZOOM_CAPABILITIES = [
  'getMeetingUUID',
  'getMeetingContext',
  'getMeetingJoinUrl',
  'getMeetingParticipants',
  'getUserContext',
  'getAppContext',
  'authorize',
  'onAuthorized',
  'openUrl',
];

/** One participant as `getMeetingParticipants` lists them (hosts and co-hosts only may ask). */
export type ZoomParticipant = { screenName: string; participantUUID: string; role: string };

/** What `onAuthorized` reports after `authorize`. */
export type ZoomAuthorizedEvent = { code: string; redirectUri: string; result: boolean; state?: string };

/** The Zoom Apps SDK calls the panel makes (the entry passes `zoomSdk` of `@zoom/appssdk`). @see https://github.com/zoom/appssdk */
export interface ZoomSdk {
  config(options: { capabilities: string[] }): Promise<unknown>;
  getMeetingUUID(): Promise<{ meetingUUID: string }>;
  getMeetingContext(): Promise<{ meetingID: string; meetingTopic?: string }>;
  getMeetingJoinUrl(): Promise<{ joinUrl: string }>;
  getMeetingParticipants(): Promise<{ participants: ZoomParticipant[] }>;
  getUserContext(): Promise<{ participantUUID?: string; screenName: string; role: string }>;
  getAppContext(): Promise<{ context: string }>;
  authorize(options: { codeChallenge: string; state?: string }): Promise<unknown>;
  onAuthorized(handler: (event: ZoomAuthorizedEvent) => void): void;
  openUrl(options: { url: string }): Promise<unknown>;
}

/** `dark`: whether Zoom's embedded browser prefers a dark colour scheme (Zoom has no theme API; the coach can switch in the panel). */
export type ZoomHostOptions = { url: string; store: KeyValueStore; dark: boolean };

/**
 * A PKCE code verifier: two fresh ids, 44 to 72 characters of the unreserved set (at least 244 random bits). Zoom's in-client
 * OAuth supports only `plain`, so the challenge sent to `authorize` is this verifier itself.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.1
 */
export const codeVerifier = (): string => newId() + newId();

/**
 * Creates the Zoom host. `start` runs `config` with the capabilities (it must be the SDK's first call). Sign-in sends the app
 * context (`getAppContext`) to `POST /api/auth/zoom`; when that Zoom user is not linked to a coach yet
 * (`/problems/identity-not-linked`), it runs in-client OAuth: `authorize({ codeChallenge })`, waits for `onAuthorized`, and
 * sends `{ code, codeVerifier, redirectUri }`. The meeting is its UUID, then its number (what a booked Zoom meeting stores);
 * outside a meeting both calls fail and there is none.
 * @see https://developers.zoom.us/docs/zoom-apps/authentication/
 * @see https://developers.zoom.us/docs/zoom-apps/zoom-app-context/
 */
export function createZoomHost(sdk: ZoomSdk, o: ZoomHostOptions): HostPort {
  let authorized: ((event: ZoomAuthorizedEvent) => void) | null = null;
  const optional = <T>(call: () => Promise<T>) => call().catch(() => null);

  async function oauth(exchange: IdentityExchange): Promise<string> {
    const verifier = codeVerifier();
    const state = newId();
    const event = new Promise<ZoomAuthorizedEvent>((resolve) => (authorized = resolve));
    await sdk.authorize({ codeChallenge: verifier, state });
    const { code, redirectUri, result, state: back } = await event;
    if (!result || back !== state || !code) throw declined();
    return exchange('zoom', { code, codeVerifier: verifier, redirectUri });
  }

  return {
    name: 'zoom',
    ...tokenSlot(),
    async start() {
      await sdk.config({ capabilities: ZOOM_CAPABILITIES });
      sdk.onAuthorized((event) => authorized?.(event));
    },
    async signIn(exchange) {
      const { context } = await sdk.getAppContext();
      try {
        return await exchange('zoom', { appContext: context });
      } catch (err) {
        if (!isNotLinked(err)) throw err;
      }
      return oauth(exchange);
    },
    sessionId: () => sessionParam(o.url),
    async meetingIds() {
      const [uuid, meeting] = await Promise.all([optional(() => sdk.getMeetingUUID()), optional(() => sdk.getMeetingContext())]);
      return candidates(uuid?.meetingUUID, meeting?.meetingID);
    },
    /**
     * The join link, the topic and the other participants' screen names (Zoom gives them to hosts and co-hosts; e-mail needs
     * each participant's consent, which we do not ask for). Each part is left out when Zoom refuses it.
     * @see https://appssdk.zoom.us/classes/ZoomSdk.ZoomSdk.html#getMeetingParticipants
     */
    async meetingDetails() {
      const [link, meeting, people, me] = await Promise.all([
        optional(() => sdk.getMeetingJoinUrl()),
        optional(() => sdk.getMeetingContext()),
        optional(() => sdk.getMeetingParticipants()),
        optional(() => sdk.getUserContext()),
      ]);
      const attendees = (people?.participants ?? []).filter((p) => p.participantUUID !== me?.participantUUID).map((p) => ({ name: p.screenName }));
      return { ...(link?.joinUrl ? { joinUrl: link.joinUrl } : {}), ...(meeting?.meetingTopic ? { title: meeting.meetingTopic } : {}), attendees };
    },
    locale: () => null,
    theme: () => (o.dark ? 'dark' : 'light'),
    onThemeChange: () => () => undefined,
    openExternal: (url) => void sdk.openUrl({ url }).catch(() => undefined),
    store: o.store,
  };
}
