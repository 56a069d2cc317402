/** The coachee page model, the socket-frame guard and the Intl formatters. */
import { describe, expect, it } from 'vitest';
import { CoacheePage } from '../../addons/coachee/coachee-model';
import { tokenFromPath } from '../../addons/coachee/mount-coachee';
import { dateInZone, formatClock, formatDue, minutesUp } from '../../addons/common/format';
import { parseServerMessage } from '../../addons/common/models/server-message';
import { toWebSocketUrl } from '../../addons/common/shell/live-socket';
import type { LoadFailure } from '../../addons/common/ports';
import { CoacheeView } from '../../shared/protocol';
import { SESSION_ID, T0, agendaItem, agreement, applied, idSource, manualClock, memoryStore, recordingLink, onboardedCoachee } from './support';

function view(): CoacheeView {
  return CoacheeView.parse({
    coachName: 'Marieke Visser',
    coacheeName: 'Sanne de Vries',
    locale: 'nl',
    timeZone: 'Europe/Amsterdam',
    goal: 'Grenzen aangeven',
    session: { id: SESSION_ID, startsAt: '2027-03-28T09:00:00+02:00', endsAt: '2027-03-28T10:00:00+02:00', meetingUrl: null },
    nextSession: null,
    agenda: [agendaItem('agenda-0001', 'Van de coach', 1)],
    agreements: [agreement('agr-mine-001'), agreement('agr-coach-01', { who: 'coach' }), agreement('agr-drop-001', { status: 'dropped' })],
    seq: 7,
    expiresAt: '2027-12-31T00:00:00+01:00',
    inviteFiles: true,
    ...onboardedCoachee,
  });
}

function page(answer: () => CoacheeView | LoadFailure, store = memoryStore()) {
  return new CoacheePage({
    api: {
      async load() {
        const a = answer();
        if (typeof a === 'string') throw a;
        return structuredClone(a);
      },
      // Booking has its own tests (booking.test.ts); here the network is away for it.
      slots: () => Promise.reject({ title: 'offline', detail: '' }),
      book: () => Promise.reject({ title: 'offline', detail: '' }),
    },
    clock: manualClock(T0),
    store,
    newId: idSource('c'),
    cacheKey: 'view:tok',
    online: () => true,
  });
}

describe('CoacheePage', () => {
  it('proposes topics and ticks only their own agreements', async () => {
    const p = page(view);
    await p.load();
    const live = p.live.value!;
    const link = recordingLink();
    live.opened(link);
    live.received({ type: 'snapshot', seq: 7, state: { agenda: view().agenda, agreements: view().agreements, progress: { phase: null, phaseStartedAt: null, spentMs: {} }, notes: null } });

    expect(p.propose('  Mijn onderwerp ')).toBe(true);
    expect(p.agenda.value.at(-1)).toMatchObject({ title: 'Mijn onderwerp', proposedBy: 'coachee' });
    p.setDone('agr-mine-001', true);
    expect(p.agreements.value.find((a) => a.id === 'agr-mine-001')?.status).toBe('done');
    p.setDone('agr-coach-01', true);
    expect(p.agreements.value.find((a) => a.id === 'agr-coach-01')?.status).toBe('open');
    expect(live.problem.value?.status).toBe(403);
    expect(link.sent.map((op) => op.kind)).toEqual(['agenda.add', 'agreement.update']);
    expect(p.agreements.value.map((a) => a.id)).not.toContain('agr-drop-001');

    // The coach's edits arrive live.
    live.received(applied(8, { opId: 'op-coach001', kind: 'agenda.add', id: 'agenda-0009', title: 'Nieuw van coach' }, 'coach', T0));
    expect(p.agenda.value.map((i) => i.title)).toContain('Nieuw van coach');
  });

  it('falls back on the saved page when offline, and explains a dead link', async () => {
    const store = memoryStore();
    await page(view, store).load();
    const offline = page(() => 'offline', store);
    await offline.load();
    expect(offline.status.value).toBe('ready');
    expect(offline.view.value?.coachName).toBe('Marieke Visser');
    const dead = page(() => 'not-found');
    await dead.load();
    expect(dead.status.value).toBe('not-found');
  });

  it('reads the token from the page path', () => {
    expect(tokenFromPath('/c/abc.DEF-_1')).toBe('abc.DEF-_1');
    expect(tokenFromPath('/c/')).toBeNull();
    expect(tokenFromPath('/panel')).toBeNull();
  });
});

describe('parseServerMessage', () => {
  it('accepts the three message types of the contract', () => {
    expect(parseServerMessage(JSON.stringify({ type: 'snapshot', seq: 1, state: { agenda: [], agreements: [], progress: { phase: null, phaseStartedAt: null, spentMs: {} }, notes: null } }))?.type).toBe('snapshot');
    expect(parseServerMessage(JSON.stringify({ type: 'applied', seq: 2, op: { opId: 'op-1234567', kind: 'notes.set', text: '' }, actor: 'coach', at: '2027-03-28T07:00:00.000Z' }))?.type).toBe('applied');
    expect(parseServerMessage(JSON.stringify({ type: 'rejected', opId: null, status: 422, title: 'Invalid op', detail: 'x' }))?.type).toBe('rejected');
  });

  it('ignores anything else', () => {
    for (const frame of [
      'not json',
      '[]',
      JSON.stringify({ type: 'snapshot', seq: 1.5, state: {} }),
      JSON.stringify({ type: 'applied', seq: 2, op: { opId: 'x', kind: 'drop.table' }, actor: 'coach', at: 'now' }),
      JSON.stringify({ type: 'applied', seq: 2, op: { opId: 'x', kind: 'notes.set' }, actor: 'admin', at: 'now' }),
      JSON.stringify({ type: 'rejected', opId: 3, status: 422, title: 'x', detail: 'y' }),
      JSON.stringify({ type: 'hello' }),
    ]) {
      expect(parseServerMessage(frame)).toBeNull();
    }
  });
});

describe('format', () => {
  it('finds the local date around DST changes', () => {
    expect(dateInZone(Date.parse('2027-03-27T23:30:00Z'), 'Europe/Amsterdam')).toBe('2027-03-28');
    expect(dateInZone(Date.parse('2027-10-30T22:30:00Z'), 'Europe/Amsterdam')).toBe('2027-10-31');
    expect(dateInZone(Date.parse('2027-10-30T21:30:00Z'), 'Europe/Amsterdam')).toBe('2027-10-30');
  });

  it('formats due dates without shifting them, and durations', () => {
    expect(formatDue('2027-04-02', 'Pacific/Auckland', 'nl')).toBe('vr 2 apr');
    expect(formatDue('2027-04-02', 'America/Los_Angeles', 'en')).toBe('Fri 2 Apr');
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(61_999)).toBe('1:01');
    expect(formatClock(3_600_000 + 5_000)).toBe('1:00:05');
    expect(minutesUp(1)).toBe(1);
    expect(minutesUp(-5)).toBe(0);
  });
});

describe('toWebSocketUrl', () => {
  it("keeps the live path on the page's own origin and scheme", () => {
    expect(toWebSocketUrl('ws://localhost:8787/api/sessions/s1/live', 'http://127.0.0.1:8787/panel?session=s1')).toBe('ws://127.0.0.1:8787/api/sessions/s1/live');
    expect(toWebSocketUrl('/api/c/tok/live', 'https://app.example.com/c/tok')).toBe('wss://app.example.com/api/c/tok/live');
    expect(toWebSocketUrl('wss://app.example.com/api/sessions/s1/live?x=1', 'https://app.example.com/panel')).toBe('wss://app.example.com/api/sessions/s1/live?x=1');
  });
});
