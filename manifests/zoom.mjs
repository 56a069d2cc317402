/** The Zoom app manifest (Marketplace build flow, manifest "early preview"): an in-meeting panel with in-client OAuth. */
import { TEXTS } from './texts.mjs';

/**
 * Zoom Apps SDK calls and events the panel uses; each must be switched on for the app. The panel passes the same list to
 * `zoomSdk.config` (`ZOOM_CAPABILITIES` in addons/hosts/zoom/zoom-host.ts; a test keeps the two equal).
 * @see https://appssdk.zoom.us/classes/ZoomSdk.ZoomSdk.html
 */
export const ZOOM_APIS = ['getMeetingUUID', 'getMeetingContext', 'getMeetingJoinUrl', 'getMeetingParticipants', 'getUserContext', 'getAppContext', 'authorize', 'onAuthorized', 'openUrl'];

/**
 * Granular scopes: run in meetings, read the signed-in user, and create/read/update/delete the meetings we book.
 * @see https://developers.zoom.us/docs/integrations/oauth-scopes-granular/
 */
export const ZOOM_SCOPES = ['zoomapp:inmeeting', 'user:read:user', 'meeting:write:meeting', 'meeting:read:meeting', 'meeting:update:meeting', 'meeting:delete:meeting'];

/**
 * Domains the panel opens besides ours (through `openUrl`), each with why: the crisis line's chat (the referral checklist,
 * shared/models/referral.ts) and meeting links. A domain missing here leaves the link dead in the Zoom client.
 */
export const ZOOM_EXTERNAL_DOMAINS = [
  { domain: '113.nl', explanation: 'Crisis line chat (113 Zelfmoordpreventie), linked from the referral checklist.' },
  { domain: 'zoom.us', explanation: 'Join links of the Zoom meetings booked for coaching sessions.' },
];

/**
 * The manifest: the home URL is our Zoom panel, the domain allow list holds our host (the SDK is bundled, not loaded from
 * Zoom's CDN) and the domains the panel opens (ZOOM_EXTERNAL_DOMAINS); in-client OAuth redirects back to the same page (PKCE
 * `plain`, PLATFORMS.md 4.2). A Marketplace install in a web browser ends on `/zoom/installed`, which deep-links back into
 * Zoom; the web sign-in and Zoom connect callbacks are on the OAuth allow list too.
 * @see https://developers.zoom.us/docs/build-flow/manifests/schema/
 * @see https://developers.zoom.us/docs/build-flow/manifests/schema/in-client-app-features/
 * @see https://developers.zoom.us/docs/zoom-apps/authentication/
 * @param {{ base: string, hostname: string }} o
 */
export function zoomManifest(o) {
  const home = `${o.base}/panel/zoom`;
  const installed = `${o.base}/zoom/installed`;
  const en = TEXTS.en;
  return {
    display_information: { display_name: en.shortName, description: en.shortDescription, long_description: en.fullDescription },
    oauth_information: {
      usage: 'USER_OPERATION',
      development_redirect_uri: installed,
      production_redirect_uri: installed,
      oauth_allow_list: [home, installed, `${o.base}/auth/zoom/callback`, `${o.base}/oauth/zoom/callback`],
      strict_mode: true,
      subdomain_strict_mode: true,
      scopes: ZOOM_SCOPES.map((scope) => ({ scope, optional: false })),
    },
    features: {
      products: ['ZOOM_MEETING'],
      development_home_uri: home,
      production_home_uri: home,
      domain_allow_list: [{ domain: o.hostname, explanation: en.domainReason }, ...ZOOM_EXTERNAL_DOMAINS],
      in_client_feature: {
        zoom_app_api: { enable: true, zoom_app_apis: ZOOM_APIS },
        in_client_oauth: { enable: true },
        guest_mode: { enable: false, enable_test_guest_mode: false },
        collaborate_mode: { enable: false, enable_screen_sharing: false, enable_play_together: false },
      },
    },
  };
}
