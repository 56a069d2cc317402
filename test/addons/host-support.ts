/** Test support for the host adapters: an in-memory stand-in for the API v1 routes the boot calls, answering as the Worker does (JSON, problem+json, bearer tokens). */
import { Coachee, Session } from '../../shared/protocol';
import { memoryStore } from './support';

/** A token shaped like ours (a JWT whose `exp` the panel reads), for `coachId`, valid for `seconds`. */
export function coachToken(coachId: string, seconds = 7200, now = Date.now()): string {
  const part = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: coachId, exp: Math.floor(now / 1000) + seconds })}.c2lnbmF0dXJl`;
}

type Problem = { status: number; type: string };
/** What a sign-in route answers: the coach signed in, or a problem. */
export type SignInAnswer = { coach: string } | Problem;

const problem = (status: number, type: string, detail = type) =>
  new Response(JSON.stringify({ type, title: status === 401 ? 'Unauthorized' : 'Not found', status, detail }), { status, headers: { 'content-type': 'application/problem+json' } });
const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });

/** A session as the API answers it, checked against the wire schema. */
export const session = (id: string, coacheeId: string, startsAt: string, endsAt: string): Session =>
  Session.parse({ id, engagementId: `eng-${coacheeId}`, coacheeId, startsAt, endsAt, modelId: 'builtin-coaching', calendarStatus: 'synced', meetingUrl: null, createdAt: '2027-01-01T09:00:00Z' });

/** A coachee as the API answers it, checked against the wire schema. */
export const coachee = (id: string, name: string): Coachee =>
  Coachee.parse({ id, name, email: null, locale: 'nl', timeZone: 'Europe/Amsterdam', inviteMode: null, createdAt: '2027-01-01T09:00:00Z' });

/**
 * A fake of the routes the boot uses: `POST /api/auth/{teams,zoom,google}` (answers decided per test by `signIn`),
 * `GET /api/sessions/by-meeting` (from `meetings`: `${host}:${meetingId}` → session id, else 404),
 * `GET /api/sessions?from=` (sessions not ended at `from`, newest first, as the Worker lists them) and `GET /api/coachees`.
 * Every request is recorded; requests other than sign-in need a token it issued (else 401).
 */
export function fakeApi(o: { signIn: (provider: string, body: Record<string, string>) => SignInAnswer; sessions?: Session[]; coachees?: Coachee[]; meetings?: Record<string, string> }) {
  const issued = new Set<string>();
  const requests: { method: string; path: string; body: Record<string, string> | null; bearer: string | null }[] = [];
  let offline = false;
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    if (offline) throw new TypeError('Failed to fetch');
    const url = new URL(String(input), 'https://coach.example');
    const method = init.method ?? 'GET';
    const headers = new Headers(init.headers);
    const bearer = headers.get('authorization')?.replace(/^Bearer /, '') ?? null;
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as Record<string, string>) : null;
    requests.push({ method, path: url.pathname + url.search, body, bearer });
    const auth = /^\/api\/auth\/(teams|zoom|google)$/.exec(url.pathname);
    if (auth && method === 'POST') {
      const answer = o.signIn(auth[1]!, body ?? {});
      if ('status' in answer) return problem(answer.status, answer.type);
      const token = coachToken(answer.coach);
      issued.add(token);
      return json({ token });
    }
    if (!bearer || !issued.has(bearer)) return problem(401, '/problems/unauthorized');
    if (url.pathname === '/api/sessions/by-meeting') {
      const id = o.meetings?.[`${url.searchParams.get('host')}:${url.searchParams.get('meetingId')}`];
      const found = o.sessions?.find((s) => s.id === id);
      return found ? json(found) : problem(404, '/problems/not-found', 'Session for this meeting not found');
    }
    if (url.pathname === '/api/sessions' && method === 'GET') {
      const from = Date.parse(url.searchParams.get('from') ?? '');
      return json((o.sessions ?? []).filter((s) => Date.parse(s.endsAt) > from).sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt)));
    }
    if (url.pathname === '/api/coachees') return json(o.coachees ?? []);
    return problem(404, '/problems/not-found');
  };
  return {
    fetch: fetch as typeof globalThis.fetch,
    requests,
    /** Our tokens handed out so far. */
    issued,
    /** Makes every later request fail as a dropped network does. */
    goOffline: () => void (offline = true),
    /** Forgets every token, as after a secret rotation: the next request with one answers 401. */
    revokeAll: () => issued.clear(),
  };
}

export { memoryStore };

/** Waits until `check` holds (polling the microtask and timer queues), or fails after `ms`. */
export async function until(check: () => boolean, ms = 2_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 2));
  }
}

/** A promise with its resolve function, for SDK calls a test settles by hand. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}
