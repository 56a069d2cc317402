/** HTML shells for the add-on pages: inline critical CSS and a loader that paint at once, the bundle, and per-page security headers. */
import { escapeHtml } from '../../shared/invite/escape-html';
import type { Context } from 'hono';
import type { AppEnv } from '../env';

/** What a shell loads and who may frame it. */
export type ShellOptions = {
  /** Bundle name under /assets/ (addons/build.mjs `ENTRIES`), or null for a page without script. */
  entry: string | null;
  /** CSP `frame-ancestors` sources (PLATFORMS.md per host; `'self'` for the browser panel and /demo, `'none'` for coachee pages). */
  frameAncestors: string;
  /** CSP `frame-src` sources, for pages that embed the panel (/demo) or whose identity library draws its own frames (Meet). */
  frameSrc?: string;
  /** Extra CSP sources beyond our own origin, for a host's identity library loaded from its vendor (Meet: Google Identity Services). */
  extraSrc?: { script?: string; style?: string; connect?: string };
  /** Boot data for the bundle, as `data-*` attributes of `#app` (names in kebab case, values escaped). */
  boot?: Record<string, string>;
  /** `Referrer-Policy`; `no-referrer` unless a page's identity library checks the origin it is embedded in (Google Sign-In). */
  referrerPolicy?: 'no-referrer' | 'strict-origin-when-cross-origin';
  lang: 'nl' | 'en';
  theme: 'light' | 'dark' | null;
  title: string;
  /** The page's body; defaults to the loader the bundle replaces. */
  body?: string;
  /** Extra `<body>` class. */
  bodyClass?: string;
};

const LOADING = { nl: 'Laden…', en: 'Loading…' };

/** Critical CSS: colours for both themes and the loader, so the first paint is right before app.css or any script arrives. */
const CRITICAL_CSS =
  ':root{color-scheme:light dark;--bg:#fff;--text:#1b1f24;--muted:#56606b;--line:#d3d9e0;--accent:#1f6b57}' +
  '@media (prefers-color-scheme:dark){:root:not([data-theme=light]){--bg:#15181d;--text:#e8ebef;--muted:#a7b0bb;--line:#3a424d;--accent:#5cc8a6}}' +
  ':root[data-theme=dark]{--bg:#15181d;--text:#e8ebef;--muted:#a7b0bb;--line:#3a424d;--accent:#5cc8a6}' +
  'html,body{margin:0;background:var(--bg);color:var(--text);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}' +
  '.boot{display:flex;gap:10px;align-items:center;justify-content:center;min-height:60vh;color:var(--muted)}' +
  '.spinner{width:18px;height:18px;border-radius:50%;border:2px solid var(--line);border-top-color:var(--accent);animation:spin .8s linear infinite}' +
  '@keyframes spin{to{transform:rotate(360deg)}}';


function nonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

const extra = (sources: string | undefined) => (sources ? ` ${sources}` : '');
const bootAttributes = (boot: Record<string, string> = {}) =>
  Object.entries(boot)
    .map(([name, value]) => ` data-${name}="${escapeHtml(value)}"`)
    .join('');

/** The loader markup shared by every shell (the same classes the bundles render while loading). */
export const loaderHtml = (lang: 'nl' | 'en') =>
  `<div class="boot" role="status" aria-live="polite"><span class="spinner" aria-hidden="true"></span><span>${LOADING[lang]}</span></div>`;

/**
 * Renders a shell with its headers: a per-response CSP (nonce for the one inline style; scripts
 * only from our origin; sockets only to our origin), HSTS, `nosniff`, `no-referrer` (coachee
 * links carry their capability in the path) and `no-store`. No cookies are ever set.
 * @see https://developers.zoom.us/docs/build-flow/security/owasp/ (the four headers every HTML page needs)
 * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Content-Security-Policy/frame-ancestors
 */
export function shellResponse(c: Context<AppEnv>, o: ShellOptions): Response {
  const n = nonce();
  const url = new URL(c.req.url);
  const wsOrigin = `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`;
  const csp = [
    "default-src 'none'",
    o.entry ? `script-src 'self'${extra(o.extraSrc?.script)}` : "script-src 'none'",
    `style-src 'self' 'nonce-${n}'${extra(o.extraSrc?.style)}`,
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${wsOrigin}${extra(o.extraSrc?.connect)}`,
    o.frameSrc ? `frame-src ${o.frameSrc}` : null,
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${o.frameAncestors}`,
  ]
    .filter(Boolean)
    .join('; ');
  const html = `<!doctype html>
<html lang="${o.lang}"${o.theme ? ` data-theme="${o.theme}"` : ''}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<link rel="icon" href="data:,">
<title>${escapeHtml(o.title)}</title>
<style nonce="${n}">${CRITICAL_CSS}</style>
<link rel="stylesheet" href="/assets/app.css">
${o.entry ? `<script type="module" src="/assets/${o.entry}.js"></script>\n` : ''}</head>
<body${o.bodyClass ? ` class="${o.bodyClass}"` : ''}>
${o.body ?? `<div id="app"${bootAttributes(o.boot)}>${loaderHtml(o.lang)}</div>`}
</body>
</html>`;
  return c.html(html, 200, {
    'content-security-policy': csp,
    'strict-transport-security': 'max-age=31536000; includeSubDomains',
    'x-content-type-options': 'nosniff',
    'referrer-policy': o.referrerPolicy ?? 'no-referrer',
    'cache-control': 'no-store',
  });
}
