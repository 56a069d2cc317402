/** Log lines without secrets: observability keeps what we log, so bearer tokens and capability links are masked first. */

/** What a token or capability looks like where it can turn up in an error message, a URL or a stack. */
const SECRETS: [RegExp, string][] = [
  [/\/c\/[A-Za-z0-9_.~%-]+/g, '/c/<link>'],
  [/\/ics\/[A-Za-z0-9_.~%-]+/g, '/ics/<feed>'],
  [/\/p\/[A-Za-z0-9_.~%-]+/g, '/p/<prefs>'],
  [/([?&#](?:token|code|access_token|refresh_token|id_token|client_secret)=)[^&\s"'<>]+/gi, '$1<redacted>'],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, '$1 <redacted>'],
  [/\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, '<jwt>'],
];

/** `text` with every bearer token, JWT, coachee or preferences link, feed address and token-bearing query parameter masked. */
export function redact(text: string): string {
  return SECRETS.reduce((out, [pattern, mask]) => out.replace(pattern, mask), text);
}

/** An error as one masked line plus its masked stack: what failed and where, never the secret it carried. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return redact(typeof error === 'string' ? error : typeof error);
  const cause = error.cause instanceof Error ? ` (cause: ${error.cause.name}: ${error.cause.message})` : '';
  return redact(`${error.name}: ${error.message}${cause}\n${error.stack?.split('\n').slice(1, 8).join('\n') ?? ''}`);
}

/**
 * `console.error` for failures: `what` names the step (a fixed text), `error` is masked by `describeError`, and `context`
 * takes only ids that are not capabilities (session ids, job kinds).
 * @see https://developers.cloudflare.com/workers/observability/logs/workers-logs/
 */
export function logError(what: string, error: unknown, ...context: string[]): void {
  console.error(what, ...context.map(redact), describeError(error));
}
