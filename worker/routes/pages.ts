/** The HTML pages of the add-ons: the browser side panel (`/panel`), the dev-only demo meeting (`/demo`) and the coachee page (`/c/:token`). */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../env';
import { issueCoachToken } from '../auth/tokens';
import { devOnly } from '../http/dev-only';
import { findDemoSessionId, findSessionCoach } from '../storage/demo';
import { escapeHtml } from '../../shared/invite/escape-html';
import { shellResponse } from './page-shell';

/** Page routes, mounted at `/`. */
export const pageRoutes = new Hono<AppEnv>();

const langOf = (c: Context<AppEnv>): 'nl' | 'en' => (c.req.query('lang') === 'en' ? 'en' : 'nl');
const themeOf = (c: Context<AppEnv>): 'light' | 'dark' | null => {
  const theme = c.req.query('theme');
  return theme === 'light' || theme === 'dark' ? theme : null;
};

/** The side panel in a plain browser tab or frame of our own origin; the bearer token comes in the URL fragment. */
pageRoutes.get('/panel', (c) =>
  shellResponse(c, { entry: 'panel-browser', frameAncestors: "'self'", lang: langOf(c), theme: themeOf(c), title: langOf(c) === 'en' ? 'Coaching panel' : 'Coachingpaneel' }),
);

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
  const sessionId = c.req.query('session') || (await findDemoSessionId(c.env.DB));
  const coachId = sessionId ? await findSessionCoach(c.env.DB, sessionId) : null;
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
