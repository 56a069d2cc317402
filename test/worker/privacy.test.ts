/** Confidentiality: notes are stored only as AES-GCM ciphertext and never reach the invite or the coachee. */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, setup } from './helpers';

const SECRET = 'Privé: slaapt slecht sinds de reorganisatie';

describe('private notes', () => {
  it('are encrypted at rest with a key id, and never in invite, coachee view or link-only invite', async () => {
    const { token, session, coachee } = await setup();
    await call('POST', `/api/sessions/${session.id}/agenda`, { token, body: { title: 'Werkdruk' } });
    expect((await call('PUT', `/api/sessions/${session.id}/notes`, { token, body: { text: SECRET } })).status).toBe(200);

    const row = await env.DB.prepare('SELECT * FROM notes WHERE session_id = ?').bind(session.id).first<Record<string, string>>();
    expect(row?.key_id).toBe('k1');
    expect(JSON.stringify(row)).not.toContain('slaapt');
    const dump = await env.DB.prepare('SELECT group_concat(ciphertext) AS c FROM notes').first<{ c: string }>();
    expect(atob(dump!.c.split(',')[0]!)).not.toContain('slaapt');

    const panel = (await call('GET', `/api/sessions/${session.id}/panel`, { token })).body;
    expect(panel.state.notes).toBe(SECRET);
    expect(JSON.stringify(panel.invite)).not.toContain('slaapt');

    const invite = (await call('GET', `/api/sessions/${session.id}/invite`, { token })).body;
    expect(invite.text).toContain('Werkdruk');
    expect(JSON.stringify(invite)).not.toContain('slaapt');

    const link = invite.coacheeUrl.split('/c/')[1];
    expect(JSON.stringify((await call('GET', `/api/c/${link}`)).body)).not.toContain('slaapt');

    await call('PATCH', `/api/coachees/${coachee.id}`, { token, body: { inviteMode: 'link_only' } });
    const linkOnly = (await call('GET', `/api/sessions/${session.id}/invite`, { token })).body;
    expect(linkOnly.mode).toBe('link_only');
    expect(linkOnly.text).toContain(linkOnly.coacheeUrl);
    expect(linkOnly.text).not.toContain('Werkdruk');
  });
});
