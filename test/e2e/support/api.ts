/** Sets up coaches, coachees and sessions through API v1 (dev login), as an integrator would. */

export type Json = Record<string, unknown>;

/** A small client for one coach, signed in with the dev login. */
export async function devCoach(baseUrl: string, email: string, name: string) {
  const login = await fetch(`${baseUrl}/api/auth/dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, name }) });
  if (!login.ok) throw new Error(`dev login: ${login.status} ${await login.text()}`);
  const { token } = (await login.json()) as { token: string };
  const call = async <T = Json>(method: string, path: string, body?: unknown, bearer: string | null = token): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  };
  const ok = async <T = Json>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await call<T>(method, path, body);
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  return { token, call, ok };
}

export type Coach = Awaited<ReturnType<typeof devCoach>>;

/**
 * A trajectory with a session two weeks ago (one agreement left open, so it carries over) and a
 * session running now (started five minutes ago, one hour long); the coachee has agreed to the privacy statement.
 */
export async function sessionWithHistory(coach: Coach, coacheeName: string, goal: string) {
  const coachee = await coach.ok<{ id: string }>('POST', '/api/coachees', { name: coacheeName, locale: 'nl' });
  const engagement = await coach.ok<{ id: string }>('POST', '/api/engagements', { coacheeId: coachee.id, goal, sessionMinutes: 60 });
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  const past = await coach.ok<{ id: string }>('POST', '/api/sessions', { engagementId: engagement.id, startsAt: iso(now - 14 * 86_400_000), endsAt: iso(now - 14 * 86_400_000 + 3_600_000) });
  await coach.ok('POST', `/api/sessions/${past.id}/agreements`, { who: 'coachee', what: 'Schrijft op wat energie kost' });
  const session = await coach.ok<{ id: string }>('POST', '/api/sessions', { engagementId: engagement.id, startsAt: iso(now - 5 * 60_000), endsAt: iso(now + 55 * 60_000) });
  const invite = await coach.ok<{ coacheeUrl: string }>('GET', `/api/sessions/${session.id}/invite`);
  // The coachee agreed to the privacy statement on their first visit (the invitation's walk is tested in first-week.test.ts).
  await coach.ok('POST', `/api/c/${new URL(invite.coacheeUrl).pathname.split('/').pop()}/consent`);
  return { coacheeId: coachee.id, engagementId: engagement.id, pastSessionId: past.id, sessionId: session.id, coacheeUrl: invite.coacheeUrl };
}
