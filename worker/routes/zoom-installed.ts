/** Where a Zoom Marketplace install ends when it ran in a web browser: what to do next, and a deep link back into the Zoom client. */
import { Hono } from 'hono';
import { escapeHtml } from '../../shared/invite/escape-html';
import type { AppEnv } from '../env';
import { notFound } from '../http/problem';
import { shellResponse } from './page-shell';

/** `GET /zoom/installed`. */
export const zoomInstalledRoutes = new Hono<AppEnv>();

const nl = {
  title: 'Coaching companion staat in Zoom',
  steps: [
    'De app is aan je Zoom-account toegevoegd.',
    'Start of open je coachgesprek in de Zoom-app en kies bij Apps voor Coaching companion: het paneel opent naast het gesprek.',
    'De eerste keer meld je je aan met je Zoom-account; een gesprek dat nog geen sessie is, maak je daar meteen tot sessie.',
  ],
  open: 'Open in Zoom',
  home: 'Naar je overzicht in de browser',
};
const en: typeof nl = {
  title: 'Coaching companion is in Zoom',
  steps: [
    'The app has been added to your Zoom account.',
    'Start or open your coaching call in the Zoom app and choose Coaching companion under Apps: the panel opens beside the call.',
    'The first time you sign in with your Zoom account; a meeting that is not a session yet becomes one right there.',
  ],
  open: 'Open in Zoom',
  home: 'To your overview in the browser',
};

/**
 * The page Zoom's redirect URL points at (manifests/zoom.mjs). Adding the app from the Marketplace website ends here in a plain
 * browser, with the authorization code in the query; nothing is done with it (the panel signs in inside Zoom, with in-client
 * OAuth), and the page is `no-referrer`, so it goes nowhere. The button is Zoom's deep link that opens the app in a meeting of
 * the Zoom desktop client. Answers 404 without a Zoom app configured.
 * @see https://developers.zoom.us/docs/zoom-apps/guides/open-zoom-apps-from-native-web-apps/
 */
zoomInstalledRoutes.get('/zoom/installed', (c) => {
  const clientId = c.env.ZOOM_CLIENT_ID;
  if (!clientId) throw notFound('Route');
  const lang = c.req.query('lang') === 'en' || (!c.req.query('lang') && /^en\b/i.test(c.req.header('accept-language') ?? '')) ? 'en' : 'nl';
  const t = lang === 'en' ? en : nl;
  const deepLink = `https://marketplace.zoom.us/zoomapp/${encodeURIComponent(clientId)}/context/meeting/target/launch/deeplink`;
  const body =
    `<main class="status-view zoom-installed"><h1>${escapeHtml(t.title)}</h1><ol>${t.steps.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ol>` +
    `<a class="btn btn-primary" href="${escapeHtml(deepLink)}">${escapeHtml(t.open)}</a> <a class="btn btn-quiet" href="/app">${escapeHtml(t.home)}</a></main>`;
  return shellResponse(c, { entry: null, frameAncestors: "'none'", lang, theme: null, title: t.title, body });
});
