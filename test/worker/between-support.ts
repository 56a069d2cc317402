/** Helpers for between-session tests: the scheduler at a test clock, the dev mailbox, the coachee's link from a mail. */
import { expect } from 'vitest';
import { call } from './helpers';

/** Runs the scheduler as of `now` and answers what it did. */
export async function runAt(now: string): Promise<{ id: string; kind: string; outcome: string; mailed: boolean }[]> {
  const r = await call('POST', '/api/dev/scheduler/run', { body: { now } });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.sent;
}

/** Mail the local mailer delivered to one address, newest first. */
export async function mailTo(to: string): Promise<{ id: string; to: string; subject: string; text: string; html: string; headers: Record<string, string> }[]> {
  const r = await call('GET', `/api/dev/mailbox?to=${encodeURIComponent(to)}`);
  expect(r.status).toBe(200);
  return r.body.messages;
}

/** The coachee page link in a mail's text part (`http://…/c/<token>?tp=…`), split into token and query. */
export function pageLink(text: string): { token: string; tp: string | null; params: URLSearchParams } {
  const m = /https?:\/\/[^\s]+\/c\/([^?\s]+)(\?[^\s]*)?/.exec(text);
  expect(m, text).not.toBeNull();
  const params = new URLSearchParams(m![2] ?? '');
  return { token: m![1]!, tp: params.get('tp'), params };
}

/** The trajectory's timeline. */
export async function timeline(token: string, engagementId: string): Promise<{ id: string; kind: string; dueAt: string; status: string; sessionId?: string; score?: number }[]> {
  const r = await call('GET', `/api/engagements/${engagementId}/timeline`, { token });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.items;
}

/** Polls until `check` passes (for work a Durable Object finishes after answering). */
export async function eventually<T>(check: () => Promise<T>, tries = 40): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await check();
    } catch (e) {
      if (i >= tries) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
