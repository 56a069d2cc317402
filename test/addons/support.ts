/** Test support for the DOM-free add-on models: in-memory ports (store, clock, ids) and contract-checked fixtures. */
import { findBuiltInModel } from '../../shared/models/builtin';
import { PanelData } from '../../shared/protocol';
import type { AgendaItem, Agreement, LiveState, Op, ServerMessage } from '../../shared/protocol';
import type { Clock, KeyValueStore, LiveLink } from '../../addons/common/ports';

/** A `KeyValueStore` on a Map; `dump()` shows what would be in localStorage. */
export function memoryStore(): KeyValueStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, get: (k) => map.get(k) ?? null, set: (k, v) => void map.set(k, v), remove: (k) => void map.delete(k) };
}

/** A clock the test moves by hand; scheduled callbacks run when their time is passed. */
export function manualClock(startMs: number): Clock & { advance(ms: number): void; set(ms: number): void } {
  let now = startMs;
  let tasks: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 0;
  const run = () => {
    for (;;) {
      const due = tasks.filter((t) => t.at <= now).sort((a, b) => a.at - b.at)[0];
      if (!due) return;
      tasks = tasks.filter((t) => t !== due);
      due.fn();
    }
  };
  return {
    now: () => now,
    schedule(fn, ms) {
      const id = nextId++;
      tasks.push({ at: now + ms, fn, id });
      return () => void (tasks = tasks.filter((t) => t.id !== id));
    },
    advance(ms) {
      now += ms;
      run();
    },
    set(ms) {
      now = ms;
      run();
    },
  };
}

/** Sequential ids that satisfy the wire `Id` shape. */
export function idSource(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}-${String(++n).padStart(6, '0')}`;
}

/** A live link that records what the model sends. */
export function recordingLink(): LiveLink & { sent: Op[]; hellos: number } {
  const link = {
    sent: [] as Op[],
    hellos: 0,
    send(message: { type: string; op?: Op }) {
      if (message.type === 'op' && message.op) link.sent.push(message.op);
      else link.hellos++;
    },
    resync() {
      link.hellos++;
    },
  };
  return link as LiveLink & { sent: Op[]; hellos: number };
}

export const SESSION_ID = 'session-0000001';
export const T0 = Date.parse('2027-03-28T09:00:00+02:00');

export const agendaItem = (id: string, title: string, position: number, proposedBy: 'coach' | 'coachee' = 'coach'): AgendaItem => ({ id, title, done: false, position, proposedBy });

export const agreement = (id: string, over: Partial<Agreement> = {}): Agreement => ({
  id,
  sessionId: SESSION_ID,
  who: 'coachee',
  what: `Agreement ${id}`,
  due: null,
  status: 'open',
  carriedOver: false,
  updatedAt: new Date(T0).toISOString(),
  ...over,
});

export const liveState = (over: Partial<LiveState> = {}): LiveState => ({
  agenda: [agendaItem('agenda-0001', 'Eerste punt', 1), agendaItem('agenda-0002', 'Tweede punt', 2, 'coachee')],
  agreements: [agreement('agr-old-001', { carriedOver: true, sessionId: 'session-earlier' }), agreement('agr-coach-01', { who: 'coach' })],
  progress: { phase: null, phaseStartedAt: null, spentMs: {} },
  notes: 'Geheime notitie',
  ...over,
});

/** A PanelData payload, checked against the wire schema so fixtures cannot drift from the contract. */
export function panelData(over: Partial<PanelData> = {}): PanelData {
  const model = findBuiltInModel('builtin-coaching', 'nl')!;
  const data: PanelData = {
    coach: { id: 'coach-0000001', name: 'Marieke Visser', locale: 'nl', timeZone: 'Europe/Amsterdam' },
    session: {
      id: SESSION_ID,
      engagementId: 'engagement-001',
      coacheeId: 'coachee-00001',
      startsAt: '2027-03-28T09:00:00+02:00',
      endsAt: '2027-03-28T10:00:00+02:00',
      modelId: model.id,
      calendarStatus: 'none',
      meetingUrl: null,
      createdAt: '2027-03-01T09:00:00+01:00',
    },
    engagement: { id: 'engagement-001', coacheeId: 'coachee-00001', goal: 'Grenzen aangeven', modelId: model.id, sessionMinutes: 60, status: 'active', createdAt: '2027-03-01T09:00:00+01:00', welcome: '', intakeQuestions: null, touchpoints: null, consentAt: null, closedAt: null },
    coachee: { id: 'coachee-00001', name: 'Sanne de Vries', email: null, locale: 'nl', timeZone: 'Europe/Amsterdam', inviteMode: null, createdAt: '2027-03-01T09:00:00+01:00' },
    model: structuredClone(model),
    models: [{ id: model.id, name: model.name, locale: 'nl', builtIn: true }],
    state: liveState(),
    seq: 4,
    invite: { sessionId: SESSION_ID, mode: 'full', locale: 'nl', coacheeUrl: 'http://localhost/c/abc', text: 'Agenda\n• Eerste punt', html: '<p>Agenda</p>' },
    previousSession: null,
    nextSession: null,
    liveUrl: `ws://localhost/api/sessions/${SESSION_ID}/live`,
    serverTime: '2027-03-28T09:05:00+02:00',
    ...over,
  };
  return PanelData.parse(data);
}

/** The room's `applied` message for an op, as the SessionRoom sends it. */
export const applied = (seq: number, op: Op, actor: 'coach' | 'coachee', atMs: number): ServerMessage => ({ type: 'applied', seq, op, actor, at: new Date(atMs).toISOString() });

/** The parts of a coachee view for a coachee past their onboarding, with no other sessions and the default booking limits. */
export const onboardedCoachee = {
  onboarding: { welcome: '', consentGiven: true, intake: { questions: [], answers: [] } },
  closed: false,
  upcoming: [],
  history: [],
  booking: { openBookings: 0, maxOpenBookings: 1, horizonDays: 90, cancellationNoticeHours: 24 },
};
