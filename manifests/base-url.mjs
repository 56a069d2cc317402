/** Checks the base URL every manifest is generated for: absolute https (http only for localhost), an origin without wildcards, path or query. */

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A base URL that cannot be used, with the reason in words. */
export class BaseUrlError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'BaseUrlError';
  }
}

/**
 * Parses and checks `--base-url`. Hosts (Teams `validDomains`, Meet `addOnOrigins`, Zoom's domain allow list) need one exact,
 * owned origin: wildcards are refused (Meet rejects them on shared domains), so are credentials, paths, queries and fragments
 * (the Worker serves its routes at the root).
 * @see https://developers.google.com/workspace/meet/add-ons/guides/add-on-security
 * @param {string | undefined} input
 * @returns {{ base: string, origin: string, host: string, hostname: string }}
 */
export function parseBaseUrl(input) {
  const raw = (input ?? '').trim();
  if (!raw) throw new BaseUrlError('--base-url is required, e.g. --base-url https://coach.example.org');
  if (raw.includes('*')) throw new BaseUrlError(`--base-url must name one exact host; wildcards are not allowed: ${raw}`);
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new BaseUrlError(`--base-url must be an absolute URL such as https://coach.example.org, got: ${raw}`);
  }
  const local = LOCAL_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new BaseUrlError(`--base-url must use https (http is accepted for localhost only), got: ${raw}`);
  }
  if (url.username || url.password) throw new BaseUrlError(`--base-url must not contain credentials: ${url.host}`);
  if (url.pathname !== '/') throw new BaseUrlError(`--base-url must be an origin without a path (the Worker serves its routes at /), got path ${url.pathname}`);
  if (url.search || url.hash || raw.endsWith('?') || raw.endsWith('#')) throw new BaseUrlError(`--base-url must not have a query or fragment: ${raw}`);
  if (!local && !url.hostname.includes('.')) throw new BaseUrlError(`--base-url needs a fully qualified host name, got: ${url.hostname}`);
  return { base: url.origin, origin: url.origin, host: url.host, hostname: url.hostname };
}
