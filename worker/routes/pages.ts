/** The HTML pages of the add-ons: the side panel in a browser (`/panel`) and per host (`/panel/{zoom,meet,teams}`), the dev-only demo meeting (`/demo`) and the coachee page (`/c/:token`). */
import { Hono, type Context } from 'hono';
import type { AppEnv, Env } from '../env';
import { issueCoachToken } from '../auth/tokens';
import { devOnly } from '../http/dev-only';
import { findDemoSessionId, findSessionCoach } from '../storage/demo';
import { escapeHtml } from '../../shared/invite/escape-html';
import { shellResponse, type ShellOptions } from './page-shell';
import { directoryDb } from '../storage/databases';

/** Page routes, mounted at `/`. */
export const pageRoutes = new Hono<AppEnv>();

const langOf = (c: Context<AppEnv>): 'nl' | 'en' => (c.req.query('lang') === 'en' ? 'en' : 'nl');
const themeOf = (c: Context<AppEnv>): 'light' | 'dark' | null => {
  const theme = c.req.query('theme');
  return theme === 'light' || theme === 'dark' ? theme : null;
};

/** The side panel in a plain browser tab or frame of our own origin; the bearer token comes in the URL fragment. */
// Beside a meeting (`?meeting=` or `?joinUrl=`, no `?session=`) the panel first finds or makes the meeting's session.
const besideMeeting = (c: Context<AppEnv>) => !c.req.query('session') && !!(c.req.query('meeting') || c.req.query('joinUrl'));
pageRoutes.get('/panel', (c) =>
  shellResponse(c, { entry: besideMeeting(c) ? 'panel-beside' : 'panel-browser', frameAncestors: "'self'", lang: langOf(c), theme: themeOf(c), title: langOf(c) === 'en' ? 'Coaching panel' : 'Coachingpaneel' }),
);

/**
 * Settings of the host pages not (yet) declared in worker/env.ts: the Google Cloud project number of the Meet add-on, which
 * the Meet SDK needs to start (`createAddonSession`).
 */

/** Who may frame each host panel and what else its page loads (CSP), from PLATFORMS.md 1.5, 4.4–4.5 and 5.3. */
type HostPage = Pick<ShellOptions, 'frameAncestors' | 'frameSrc' | 'extraSrc' | 'referrerPolicy'> & { boot?(env: Env): Record<string, string> | null };

/** Google Identity Services, loaded by the Meet panel to sign in (its script, styles, frames and requests). @see https://developers.google.com/identity/gsi/web/guides/get-google-api-clientid#content_security_policy */
const GSI = 'https://accounts.google.com/gsi/';

/** The host panels' pages: `GET /panel/{name}` loads bundle `panel-{name}` (addons/build.mjs) under this CSP. */
export const HOST_PAGES: Record<'zoom' | 'meet' | 'teams', HostPage> = {
  /**
   * Teams tabs (and the Outlook / Microsoft 365 hosts); TeamsJS may fetch its current list of host origins from Microsoft's CDN.
   * @see https://learn.microsoft.com/en-us/microsoftteams/platform/tabs/how-to/tab-requirements
   */
  teams: {
    frameAncestors:
      'https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft https://*.microsoft365.com https://*.office.com https://outlook.office.com https://outlook.office365.com',
    extraSrc: { connect: 'https://res.cdn.office.net/teams-js/validDomains/json/validDomains.json' },
  },
  /**
   * The Meet side panel; the add-on SDK is bundled, Google Sign-In comes from Google. Its button checks the origin it is
   * drawn for, so cross-origin requests carry our origin (never a path). Served only when both the project number and our
   * OAuth client id are set.
   * @see https://developers.google.com/workspace/meet/add-ons/guides/add-on-security
   */
  meet: {
    frameAncestors: 'https://meet.google.com',
    frameSrc: GSI,
    extraSrc: { script: `${GSI}client`, style: `${GSI}style`, connect: GSI },
    referrerPolicy: 'strict-origin-when-cross-origin',
    boot: (env) => (env.GOOGLE_CLOUD_PROJECT_NUMBER && env.GOOGLE_CLIENT_ID ? { 'cloud-project': env.GOOGLE_CLOUD_PROJECT_NUMBER, 'google-client': env.GOOGLE_CLIENT_ID } : null),
  },
  /**
   * Zoom's embedded browser opens the home URL itself; the Zoom web client frames it. The Apps SDK is bundled, so no CDN script.
   * @see https://developers.zoom.us/docs/build-flow/security/owasp/
   */
  zoom: { frameAncestors: "'self' https://*.zoom.us https://*.zoom.com" },
};

/** A host page's language: `?lang=`, else the browser's first choice when it is English, else Dutch. */
const hostLang = (c: Context<AppEnv>): 'nl' | 'en' =>
  c.req.query('lang') ? langOf(c) : /^en\b/i.test(c.req.header('accept-language') ?? '') ? 'en' : 'nl';

for (const [name, page] of Object.entries(HOST_PAGES)) {
  /** The side panel inside a host: the shell paints a loader at once, then the host's bundle starts its SDK and signs in. */
  pageRoutes.get(`/panel/${name}`, (c) => {
    const boot = page.boot ? page.boot(c.env as Env) : {};
    if (!boot) return c.notFound();
    const lang = hostLang(c);
    const { boot: _, ...csp } = page;
    return shellResponse(c, { ...csp, entry: `panel-${name}`, boot, lang, theme: themeOf(c), title: lang === 'en' ? 'Coaching panel' : 'Coachingpaneel' });
  });
}

/** The coachee's page; the capability token in the path is read by the bundle, never written into the HTML. */
pageRoutes.get('/c/:token', (c) =>
  shellResponse(c, { entry: 'coachee', frameAncestors: "'none'", lang: langOf(c), theme: themeOf(c), title: langOf(c) === 'en' ? 'Your coaching session' : 'Jouw coachingsessie' }),
);

/**
 * Dev only (`DEV_LOGIN=true`): a pretend meeting with the panel beside it, signed in as the
 * session's coach; without `?session=` it opens the seeded demo session. The token travels in
 * the frame's URL fragment, so it never reaches a server log or a Referer header.
 */
pageRoutes.use('/demo', devOnly);
pageRoutes.get('/demo', async (c) => {
  const lang = langOf(c);
  const sessionId = c.req.query('session') || (await findDemoSessionId(directoryDb(c.env)));
  const coachId = sessionId ? await findSessionCoach(directoryDb(c.env), sessionId) : null;
  if (!sessionId || !coachId) return c.notFound();
  const token = await issueCoachToken(c.env, coachId);
  const query = new URLSearchParams({ session: sessionId });
  if (c.req.query('lang')) query.set('lang', lang);
  const theme = themeOf(c);
  if (theme) query.set('theme', theme);
  const src = `/panel?${query.toString()}#token=${encodeURIComponent(token)}`;
  const [coach, coachee, title] = lang === 'en' ? ['Coach', 'Coachee', 'Demo meeting'] : ['Coach', 'Gecoachte', 'Demovergadering'];
  const body = `<div class="demo">
<main class="demo-stage" aria-label="${title}"><div class="demo-tile">${coach}</div><div class="demo-tile">${coachee}</div></main>
<iframe class="demo-panel" title="${lang === 'en' ? 'Coaching panel' : 'Coachingpaneel'}" src="${escapeHtml(src)}"></iframe>
</div>`;
  return shellResponse(c, { entry: null, frameAncestors: "'self'", frameSrc: "'self'", lang, theme, title, body });
});
