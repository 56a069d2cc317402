/** The mail port: `local` (the embedded default, delivered into D1 and read at the dev mailbox) and `cloudflare` (Email Service `send_email` binding); each mail is sent once per dedupe key. */
import type { Env } from '../env';
import { coachDb } from '../storage/databases';
import { first, run, sql } from '../storage/sql';

/** A rendered mail. */
export type OutgoingMail = { to: string; subject: string; text: string; html: string; headers: Record<string, string>; replyTo?: string | null };

/** What a mail is about: the coach it belongs to, the trajectory (for erasure) and its idempotency key. */
export type MailRecord = { coachId: string; engagementId: string | null; dedupeKey: string; recipient: 'coach' | 'coachee' };

/** A `sending` row older than this belongs to an attempt that died; the next attempt sends again. */
export const SENDING_LEASE_MS = 10 * 60_000;

/** Which transport this deployment uses: `cloudflare` when `MAIL_TRANSPORT=cloudflare` and the binding is there, else `local`. */
export const mailTransport = (env: Env): 'local' | 'cloudflare' => (env.MAIL_TRANSPORT === 'cloudflare' && env.EMAIL ? 'cloudflare' : 'local');

const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ').trim();

/**
 * Sends a mail once per (coach, dedupe key): a redelivered job, a double click or a second scheduler run finds the record
 * and sends nothing. `local` delivers by inserting the record (with its content), so it is exactly once; `cloudflare` writes
 * a `sending` record first, sends, then marks it `sent` — a crash in between may send twice after the lease, never zero times.
 * @returns whether this call sent the mail
 * @see https://developers.cloudflare.com/email-service/api/send-emails/workers-api/
 */
export async function sendOnce(env: Env, rec: MailRecord, mail: OutgoingMail, nowMs: number): Promise<boolean> {
  const db = coachDb(env, rec.coachId);
  const transport = mailTransport(env);
  const headers = { ...mail.headers, ...(mail.replyTo ? { 'Reply-To': mail.replyTo } : {}) };
  const keepBody = transport === 'local';
  const inserted = await first<{ id: string }>(sql(db)`INSERT INTO mails (id, coach_id, engagement_id, dedupe_key, recipient, to_addr, subject, text_body, html_body, headers, transport, status, sent_at)
    VALUES (${crypto.randomUUID()}, ${rec.coachId}, ${rec.engagementId}, ${rec.dedupeKey}, ${rec.recipient}, ${mail.to}, ${oneLine(mail.subject)}, ${keepBody ? mail.text : null}, ${keepBody ? mail.html : null},
      ${JSON.stringify(headers)}, ${transport}, ${keepBody ? 'sent' : 'sending'}, ${nowMs})
    ON CONFLICT (coach_id, dedupe_key) DO NOTHING RETURNING id`);
  if (transport === 'local') return inserted !== null;
  if (!inserted) {
    const retaken = await first<{ id: string }>(sql(db)`UPDATE mails SET status = 'sending', sent_at = ${nowMs}
      WHERE coach_id = ${rec.coachId} AND dedupe_key = ${rec.dedupeKey} AND (status = 'failed' OR (status = 'sending' AND sent_at < ${nowMs - SENDING_LEASE_MS})) RETURNING id`);
    if (!retaken) return false;
  }
  try {
    await env.EMAIL!.send({
      from: { email: env.MAIL_FROM ?? '', name: env.MAIL_FROM_NAME ?? 'Coaching' },
      to: mail.to,
      subject: oneLine(mail.subject),
      text: mail.text,
      html: mail.html,
      headers: mail.headers,
      ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
    });
  } catch (error) {
    await run(sql(db)`UPDATE mails SET status = 'failed' WHERE coach_id = ${rec.coachId} AND dedupe_key = ${rec.dedupeKey}`);
    throw error;
  }
  await run(sql(db)`UPDATE mails SET status = 'sent' WHERE coach_id = ${rec.coachId} AND dedupe_key = ${rec.dedupeKey}`);
  return true;
}
