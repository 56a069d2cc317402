/** The Google Workspace add-on HTTP deployment: Calendar cards served by the Worker and the Meet side panel. */
import { TEXTS } from './texts.mjs';

/**
 * OAuth scopes, each one used and no more: run in Calendar (`calendar.addons.execute`); read the open event's id
 * (`currentEventAccess: READ`, which needs `calendar.addons.current.event.read`); the user's e-mail in `userIdToken`, by
 * which the Worker finds the coach (`userinfo.email`); the user's language and zone for the cards (`useLocaleFromApp`,
 * `script.locale`). No write scope: the cards never change the open event (no `hostAppAction`), and the invite text reaches
 * the calendar through the coach's own calendar connection, never through the add-on's `userOAuthToken`.
 * test/manifests/manifests.test.ts derives this list from what worker/addon reads and answers.
 * @see https://developers.google.com/workspace/add-ons/concepts/workspace-manifests
 * @see https://developers.google.com/workspace/add-ons/guides/access-user-locale-timezone
 * @see https://developers.google.com/workspace/add-ons/reference/rpc/google.apps.script.type/calendar (EventAccess)
 */
export const GOOGLE_SCOPES = [
  'https://www.googleapis.com/auth/calendar.addons.execute',
  'https://www.googleapis.com/auth/calendar.addons.current.event.read',
  'https://www.googleapis.com/auth/userinfo.email',
  'https://www.googleapis.com/auth/script.locale',
];

/** How much of the open event Calendar sends: READ (the add-on reads the event id; it never acts on the event). */
export const GOOGLE_EVENT_ACCESS = 'READ';

/** Paths of the add-on endpoints on the Worker (worker/routes/google-addon.ts). */
export const GOOGLE_PATHS = { home: '/addons/google/home', eventOpen: '/addons/google/event-open', logo: '/addons/google/logo.png', meetPanel: '/panel/meet' };

/**
 * The deployment resource for `gcloud workspace-add-ons deployments create|replace --deployment-file`. Requests carry a
 * system ID token whose audience is the endpoint URL (`SYSTEM_ID_TOKEN`); links may only open under our base URL.
 * @see https://developers.google.com/workspace/add-ons/reference/rest/v1/projects.deployments
 * @see https://developers.google.com/apps-script/manifest/meet-addons
 * @see https://developers.google.com/workspace/add-ons/reference/rpc/google.apps.script.type/calendar
 * @param {{ base: string, origin: string }} o
 */
export function googleDeployment(o) {
  const logoUrl = `${o.base}${GOOGLE_PATHS.logo}`;
  return {
    oauthScopes: GOOGLE_SCOPES,
    addOns: {
      common: {
        name: TEXTS.en.shortName,
        logoUrl,
        useLocaleFromApp: true,
        homepageTrigger: { runFunction: `${o.base}${GOOGLE_PATHS.home}`, enabled: true },
        openLinkUrlPrefixes: [`${o.base}/`],
      },
      calendar: {
        currentEventAccess: GOOGLE_EVENT_ACCESS,
        eventOpenTrigger: { runFunction: `${o.base}${GOOGLE_PATHS.eventOpen}` },
      },
      meet: {
        web: {
          sidePanelUrl: `${o.base}${GOOGLE_PATHS.meetPanel}`,
          supportsScreenSharing: false,
          addOnOrigins: [o.origin],
          logoUrl,
        },
      },
      httpOptions: { authorizationHeader: 'SYSTEM_ID_TOKEN' },
    },
  };
}
