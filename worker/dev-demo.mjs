/** What `npm run dev` does to the seeded demo once the Worker answers, through the product's own routes only. */

/**
 * Logs in as the demo coach, writes the seeded demo sessions into the local calendar (the publish route, and so the outbox),
 * then plans the demo trajectory's between-session touchpoints through the settings route: an empty change keeps whatever
 * settings are stored and replans, so /app shows a timeline at once and a second start changes nothing.
 * @param {string} base the Worker's origin, e.g. http://127.0.0.1:8787
 */
export async function prepareDemo(base) {
  const login = await fetch(`${base}/api/auth/dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'coach@demo.local' }) });
  if (!login.ok) throw new Error(`dev login answered ${login.status}`);
  const { token } = await login.json();
  const auth = { authorization: `Bearer ${token}` };
  for (const id of ['demo-session-past1', 'demo-session-today']) {
    const res = await fetch(`${base}/api/sessions/${id}/publish`, { method: 'POST', headers: auth });
    if (!res.ok) console.warn(`Could not put ${id} in the local calendar: ${res.status}`);
  }
  const plan = await fetch(`${base}/api/engagements/demo-engagement-01/touchpoints`, { method: 'PATCH', headers: { ...auth, 'content-type': 'application/json' }, body: '{}' });
  if (!plan.ok) throw new Error(`planning the demo touchpoints answered ${plan.status}: ${await plan.text()}`);
}
