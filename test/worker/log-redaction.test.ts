/** Logs never hold a bearer token, a coachee link or a feed address: failures are logged masked, whatever they carried. */
import { Hono } from 'hono';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeError, redact } from '../../worker/http/log';
import { onError } from '../../worker/http/problem';
import { call, setup } from './helpers';

afterEach(() => vi.restoreAllMocks());

async function secrets() {
  const { token, engagement } = await setup();
  const link = (await call('GET', `/api/engagements/${engagement.id}/link`, { token })).body.url as string;
  const feed = (await call('GET', '/api/me', { token })).body.calendar.icsUrl as string;
  const linkToken = link.split('/c/')[1]!;
  const feedToken = feed.split('/ics/')[1]!.replace(/\.ics$/, '');
  return { token, link, feed, linkToken, feedToken };
}

describe('log redaction', () => {
  it('masks coach tokens, coachee links, feed addresses and token parameters', async () => {
    const s = await secrets();
    const line = redact(`GET ${s.link}/live failed; feed ${s.feed}; ws ?token=${s.token}&x=1; Authorization: Bearer ${s.token}; raw ${s.token}`);
    for (const secret of [s.token, s.linkToken, s.feedToken]) expect(line).not.toContain(secret);
    expect(line).toContain('/c/<link>');
    expect(line).toContain('/ics/<feed>');
    expect(line).toContain('?token=<redacted>&x=1');
  });

  it('an unhandled failure on a coachee route is logged with method and path, masked', async () => {
    const s = await secrets();
    const lines: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      lines.push(args.map(String).join(' '));
    });
    const app = new Hono();
    app.onError(onError);
    app.get('/api/c/:token/boom', () => {
      throw new Error(`upstream refused ${s.link} with Bearer ${s.token}`, { cause: new Error(`feed ${s.feed}`) });
    });
    const res = await app.request(`/api/c/${s.linkToken}/boom`);
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain(s.linkToken);
    const logged = lines.join('\n');
    expect(logged).toContain('unhandled GET /api/c/<link>');
    for (const secret of [s.token, s.linkToken, s.feedToken]) expect(logged).not.toContain(secret);
    expect(describeError('plain')).toBe('plain');
  });
});
