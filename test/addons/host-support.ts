/** Test support for the host adapters: an in-memory stand-in for the API v1 routes the boot calls, answering as the Worker does (JSON, problem+json, bearer tokens). */
import { Coachee, Engagement, Session } from '../../shared/protocol';
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
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A session as the API answers it, checked against the wire schema. */
export const session = (id: string, coacheeId: string, startsAt: string, endsAt: string): Session =>
  Session.parse({ id, engagementId: `eng-${coacheeId}`, coacheeId, startsAt, endsAt, modelId: 'builtin-coaching', calendarStatus: 'synced', meetingUrl: null, createdAt: '2027-01-01T09:00:00Z' });

/** A coachee as the API answers it, checked against the wire schema. */
export const coachee = (id: string, name: string): Coachee =>
  Coachee.parse({ id, name, email: null, locale: 'nl', timeZone: 'Europe/Amsterdam', inviteMode: null, createdAt: '2027-01-01T09:00:00Z' });

/** A trajectory as the API answers it, checked against the wire schema. */
export const engagement = (id: string, coacheeId: string, createdAt = '2027-01-01T09:00:00Z'): Engagement =>
  Engagement.parse({ id, coacheeId, goal: '', modelId: 'builtin-coaching', sessionMinutes: 60, status: 'active', createdAt, welcome: '', intakeQuestions: null, touchpoints: null, consentAt: null, closedAt: null });

/**
 * A fake of the routes the boot uses: `POST /api/auth/{teams,zoom,google}` (answers decided per test by `signIn`),
 * `GET /api/sessions/by-meeting` (from `meetings`: `${host}:${meetingId}` → session id, else 404),
 * `GET /api/sessions?from=` (sessions not ended at `from`, newest first, as the Worker lists them) and `GET /api/coachees`.
 * Every request is recorded; requests other than sign-in need a token it issued (else 401).
 */
export function fakeApi(o: {
  signIn: (provider: string, body: Record<string, string>) => SignInAnswer;
  sessions?: Session[];
  coachees?: Coachee[];
  engagements?: Engagement[];
  meetings?: Record<string, string>;
  /** Answers a write with this problem instead (once per entry), e.g. `{ 'POST /api/sessions': 409 }`. */
  failWrites?: Record<string, number>;
}) {
  const sessions = (o.sessions ??= []);
  const coachees = (o.coachees ??= []);
  const engagements = (o.engagements ??= []);
  const meetings = (o.meetings ??= {});
  let counter = 0;
  const newId = (kind: string) => `${kind}-new-${String(++counter).padStart(4, '0')}`;
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
      const q = url.searchParams;
      const id = meetings[`${q.get('host')}:${q.get('meetingId')}`] ?? (q.get('joinUrl') ? meetings[`url:${q.get('joinUrl')}`] : undefined);
      const found = sessions.find((s) => s.id === id);
      return found ? json(found) : problem(404, '/problems/not-found', 'Session for this meeting not found');
    }
    const failure = o.failWrites?.[`${method} ${url.pathname}`];
    if (failure) {
      delete o.failWrites![`${method} ${url.pathname}`];
      return problem(failure, '/problems/conflict', 'refused by the test');
    }
    if (url.pathname === '/api/sessions' && method === 'GET') {
      const from = Date.parse(url.searchParams.get('from') ?? '');
      return json(sessions.filter((s) => Date.parse(s.endsAt) > from).sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt)));
    }
    if (url.pathname === '/api/coachees' && method === 'GET') return json(coachees);
    if (url.pathname === '/api/engagements' && method === 'GET') return json(engagements);
    if (url.pathname === '/api/coachees' && method === 'POST') {
      const made = Coachee.parse({ id: newId('coachee'), name: body!.name, email: body!.email ?? null, locale: body!.locale ?? 'nl', timeZone: 'Europe/Amsterdam', inviteMode: null, createdAt: new Date().toISOString() });
      coachees.push(made);
      return json(made, 201);
    }
    if (url.pathname === '/api/engagements' && method === 'POST') {
      const made = engagement(newId('engagement'), body!.coacheeId!, new Date().toISOString());
      engagements.push(made);
      return json(made, 201);
    }
    if (url.pathname === '/api/sessions' && method === 'POST') {
      const eng = engagements.find((e) => e.id === body!.engagementId);
      if (!eng) return problem(404, '/problems/not-found');
      const made = Session.parse({ ...session(newId('session'), eng.coacheeId, body!.startsAt!, body!.endsAt!), engagementId: eng.id });
      sessions.push(made);
      return json(made, 201);
    }
    const link = /^\/api\/sessions\/([^/]+)\/meeting$/.exec(url.pathname);
    if (link && method === 'POST') {
      const linked = sessions.find((s) => s.id === decodeURIComponent(link[1]!));
      if (!linked) return problem(404, '/problems/not-found');
      if (body!.meetingId) meetings[`${body!.host}:${body!.meetingId}`] = linked.id;
      if (body!.joinUrl) meetings[`url:${body!.joinUrl}`] = linked.id;
      return json(linked);
    }
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
