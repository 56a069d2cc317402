/** The Google Workspace add-on HTTP deployment: Calendar cards served by the Worker and the Meet side panel. */
import { TEXTS } from './texts.mjs';

/**
 * OAuth scopes, each one used: run in Calendar and read/write the open event (eventOpenTrigger with READ_WRITE), the user's
 * e-mail in `userIdToken` (to find the coach), the user's locale for the cards (`useLocaleFromApp`), and Calendar events
 * (the invite text is written through the Calendar API, which the add-on markup cannot do).
 * @see https://developers.google.com/workspace/add-ons/concepts/workspace-manifests
 * @see https://developers.google.com/workspace/add-ons/guides/access-user-locale-timezone
 */
export const GOOGLE_SCOPES = [
  'https://www.googleapis.com/auth/calendar.addons.execute',
  'https://www.googleapis.com/auth/calendar.addons.current.event.read',
  'https://www.googleapis.com/auth/calendar.addons.current.event.write',
  'https://www.googleapis.com/auth/userinfo.email',
  'https://www.googleapis.com/auth/script.locale',
  'https://www.googleapis.com/auth/calendar.events',
];

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
        currentEventAccess: 'READ_WRITE',
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
