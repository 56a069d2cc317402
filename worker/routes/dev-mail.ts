/** Dev only (`DEV_LOGIN=true`): the local mailer's mailbox (`/api/dev/mailbox`, `/dev/mailbox`) and the scheduler at a test clock (`/api/dev/scheduler/run`). */
import { Hono } from 'hono';
import { z } from 'zod';
import { DevMailbox, Instant } from '../../shared/protocol';
import { escapeHtml } from '../../shared/invite/escape-html';
import type { AppEnv, Env } from '../env';
import { devOnly } from '../http/dev-only';
import { endpoint } from '../http/endpoint';
import { claimAndEnqueue, runDueNow } from '../between/scheduler';
import { allCoachDbs } from '../storage/databases';
import { all, first, sql } from '../storage/sql';
import { iso } from '../storage/time';

/** Routes mounted at `/`. */
export const devMailRoutes = new Hono<AppEnv>();
devMailRoutes.use('/api/dev/*', devOnly);
devMailRoutes.use('/dev/*', devOnly);

type MailRow = { id: string; to_addr: string; subject: string; text_body: string | null; html_body: string | null; headers: string; sent_at: number };

async function mailbox(env: Env, limit: number) {
  const rows: MailRow[] = [];
  for (const db of allCoachDbs(env)) {
    rows.push(...(await all<MailRow>(sql(db)`SELECT id, to_addr, subject, text_body, html_body, headers, sent_at FROM mails WHERE transport = 'local' ORDER BY sent_at DESC LIMIT ${limit}`)));
  }
  return rows
    .sort((a, b) => b.sent_at - a.sent_at)
    .slice(0, limit)
    .map((r) => ({ id: r.id, to: r.to_addr, subject: r.subject, text: r.text_body ?? '', html: r.html_body ?? '', sentAt: iso(r.sent_at), headers: JSON.parse(r.headers) as Record<string, string> }));
}

endpoint(devMailRoutes, '', { method: 'get', path: '/api/dev/mailbox', tag: 'dev', auth: 'none', summary: 'Dev only: mail the local mailer delivered, newest first.', query: z.strictObject({ to: z.string().max(254).optional() }), response: DevMailbox }, async (c, { query }) => {
  const messages = (await mailbox(c.env, 200)).filter((m) => !query.to || m.to === query.to);
  return c.json({ messages } satisfies z.infer<typeof DevMailbox>);
});

endpoint(
  devMailRoutes,
  '',
  { method: 'post', path: '/api/dev/scheduler/run', tag: 'dev', auth: 'none', summary: 'Dev only: runs every touchpoint due at `now` (a test clock) and answers what it sent.', body: z.strictObject({ now: Instant.optional() }), response: z.object({ now: Instant, sent: z.array(z.object({ id: z.string(), kind: z.string(), outcome: z.string(), mailed: z.boolean() })) }) },
  async (c, { body }) => {
    const nowMs = body.now ? Date.parse(body.now) : Date.now();
    return c.json({ now: iso(nowMs), sent: await runDueNow(c.env, nowMs) });
  },
);

endpoint(
  devMailRoutes,
  '',
  { method: 'post', path: '/api/dev/scheduler/claim', tag: 'dev', auth: 'none', summary: 'Dev only: one cron run\'s claim + enqueue as of `now`, timed (for `npm run bench`).', body: z.strictObject({ now: Instant.optional() }), response: z.object({ claimed: z.int(), ms: z.number() }) },
  async (c, { body }) => {
    const started = performance.now();
    const claimed = await claimAndEnqueue(c.env, body.now ? Date.parse(body.now) : Date.now());
    return c.json({ claimed, ms: performance.now() - started });
  },
);

/** Headers of the dev mailbox pages: no scripts at all; inline styles (mail HTML is styled inline); framed only by the mailbox itself. */
const pageHeaders = (frameAncestors: string) => ({
  'content-security-policy': `default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors ${frameAncestors}`,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
});

/** One mail's HTML part, as a mail client would show it. */
devMailRoutes.get('/dev/mailbox/:id', async (c) => {
  for (const db of allCoachDbs(c.env)) {
    const row = await first<{ html_body: string | null }>(sql(db)`SELECT html_body FROM mails WHERE id = ${c.req.param('id')} AND transport = 'local'`);
    // Links open in a new tab, as from a mail client (the mailbox frames this page).
    if (row?.html_body) return c.html(row.html_body.replaceAll('<a href=', '<a target="_blank" rel="noopener" href='), 200, pageHeaders("'self'"));
  }
  return c.notFound();
});

/** The dev mailbox: newest first, each mail's HTML part in a sandboxed frame, its text part below. */
devMailRoutes.get('/dev/mailbox', async (c) => {
  const mails = await mailbox(c.env, 50);
  const items = mails
    .map(
      (m) => `<article class="mail" aria-labelledby="m-${m.id}"><h2 id="m-${m.id}">${escapeHtml(m.subject)}</h2>
<p class="meta">${escapeHtml(m.to)} · <time datetime="${m.sentAt}">${m.sentAt.replace('T', ' ').slice(0, 16)} UTC</time></p>
<iframe title="${escapeHtml(m.subject)}" sandbox="allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation" src="/dev/mailbox/${encodeURIComponent(m.id)}"></iframe>
<details><summary>Text</summary><pre>${escapeHtml(m.text)}</pre></details></article>`,
    )
    .join('\n');
  return c.html(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Dev mailbox</title>
<style>body{margin:0;font:15px/1.4 system-ui,sans-serif}.mailbox{max-width:760px;margin:0 auto;padding:16px}.mail{border:1px solid #ccd;border-radius:8px;padding:12px;margin:0 0 16px}.mail h2{font-size:17px;margin:0}.meta{color:#555;margin:4px 0 8px}.mail iframe{width:100%;height:420px;border:1px solid #eee}pre{white-space:pre-wrap}</style></head>
<body><main class="mailbox"><h1>Dev mailbox</h1>${items || '<p>No mail yet.</p>'}</main></body></html>`,
    200,
    pageHeaders("'none'"),
  );
});
