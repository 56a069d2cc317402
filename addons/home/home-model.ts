/** The coach's home as data: profile, coachees, trajectories, upcoming and cancelled sessions, refreshed while the page is open. */
import { computed, createModel, signal } from '@preact/signals';
import type { ReadonlySignal } from '@preact/signals';
import type { CancelledSession, Coach, Coachee, ConversationModel, Engagement, Locale, Session } from '../../shared/protocol';
import type { Clock, Problem } from '../common/ports';

/** The REST calls of the home (API v1); `json` rejects with an `ApiError` from addons/common/shell/http. */
export type HomeJson = <T>(method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<T>;

/** How often the lists are read again while the page is open, so a coachee's booking or cancellation shows within seconds. */
export const REFRESH_MS = 4_000;
const DAY = 86_400_000;

export const HomeModel = createModel((deps: { json: HomeJson; clock: Clock; newId: () => string }) => {
  const me = signal<Coach | null>(null);
  const coachees = signal<Coachee[]>([]);
  const engagements = signal<Engagement[]>([]);
  const sessions = signal<Session[]>([]);
  const cancelled = signal<CancelledSession[]>([]);
  const models = signal<ConversationModel[]>([]);
  const status = signal<'loading' | 'ready' | 'failed'>('loading');
  const notice = signal<{ text: string; problem?: Problem } | null>(null);
  let stopRefresh: (() => void) | null = null;

  async function refreshLists(): Promise<void> {
    const from = new Date(deps.clock.now() - DAY).toISOString();
    const [c, e, s, x] = await Promise.all([
      deps.json<Coachee[]>('GET', '/api/coachees'),
      deps.json<Engagement[]>('GET', '/api/engagements'),
      deps.json<Session[]>('GET', `/api/sessions?from=${encodeURIComponent(from)}`),
      deps.json<CancelledSession[]>('GET', `/api/cancellations?from=${encodeURIComponent(from)}`),
    ]);
    coachees.value = c;
    engagements.value = e;
    sessions.value = [...s].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
    cancelled.value = x;
  }

  function scheduleRefresh(): void {
    stopRefresh = deps.clock.schedule(async () => {
      try {
        await refreshLists();
      } catch {
        // offline for a moment: the next round tries again
      }
      scheduleRefresh();
    }, REFRESH_MS);
  }

  /** Runs a change and reloads the lists; failures become the notice (with the API's problem). */
  async function act<T>(fn: () => Promise<T>, done?: string): Promise<T | null> {
    try {
      const out = await fn();
      await refreshLists();
      notice.value = done ? { text: done } : null;
      return out;
    } catch (err) {
      const e = err as { title?: string; message?: string; status?: number };
      notice.value = { text: '', problem: { title: e.title ?? 'Error', detail: e.message ?? String(err), ...(e.status ? { status: e.status } : {}) } };
      return null;
    }
  }

  return {
    me: me as ReadonlySignal<Coach | null>,
    coachees: coachees as ReadonlySignal<Coachee[]>,
    engagements: engagements as ReadonlySignal<Engagement[]>,
    sessions: sessions as ReadonlySignal<Session[]>,
    cancelled: cancelled as ReadonlySignal<CancelledSession[]>,
    models: models as ReadonlySignal<ConversationModel[]>,
    status: status as ReadonlySignal<'loading' | 'ready' | 'failed'>,
    notice: notice as ReadonlySignal<{ text: string; problem?: Problem } | null>,
    locale: computed<Locale>(() => me.value?.locale ?? 'nl'),
    upcoming: computed(() => sessions.value.filter((s) => Date.parse(s.endsAt) > deps.clock.now())),
    coacheeOf: (id: string) => coachees.value.find((c) => c.id === id) ?? null,

    async load(): Promise<void> {
      status.value = 'loading';
      try {
        me.value = await deps.json<Coach>('GET', '/api/me');
        const [, m] = await Promise.all([refreshLists(), deps.json<ConversationModel[]>('GET', `/api/models?locale=${me.value.locale}`)]);
        models.value = m;
        status.value = 'ready';
        if (!stopRefresh) scheduleRefresh();
      } catch {
        status.value = 'failed';
      }
    },
    stop(): void {
      stopRefresh?.();
      stopRefresh = null;
    },
    dismiss(): void {
      notice.value = null;
    },
    act,
    /** `PATCH /api/me`; the profile signal follows. */
    saveMe: (patch: Record<string, unknown>, done: string) => act(async () => (me.value = await deps.json<Coach>('PATCH', '/api/me', patch)), done),
    replaceFeed: (done: string) => act(async () => (me.value = await deps.json<Coach>('POST', '/api/me/calendar/feed')), done),
    /** `POST /api/me/calendar/connect`: the single-use consent URL the page opens top-level (null when refused, with the notice). */
    connectUrl: (provider: 'google' | 'microsoft' | 'zoom') => act(async () => (await deps.json<{ url: string }>('POST', '/api/me/calendar/connect', { provider })).url),
    /** `DELETE /api/me/calendar` (or `?provider=zoom`): back to the local calendar, the grant revoked at the provider. */
    disconnect: (which: 'calendar' | 'zoom', done: string) =>
      act(async () => (me.value = await deps.json<Coach>('DELETE', `/api/me/calendar${which === 'zoom' ? '?provider=zoom' : ''}`)), done),
    addCoachee: (body: Record<string, unknown>, done: string) => act(() => deps.json<Coachee>('POST', '/api/coachees', body), done),
    editCoachee: (id: string, body: Record<string, unknown>, done: string) => act(() => deps.json<Coachee>('PATCH', `/api/coachees/${id}`, body), done),
    eraseCoachee: (id: string, done: string) => act(() => deps.json('DELETE', `/api/coachees/${id}`), done),
    exportCoachee: (id: string) => deps.json<unknown>('GET', `/api/coachees/${id}/export`),
    startTrajectory: (body: Record<string, unknown>, done: string) => act(() => deps.json<Engagement>('POST', '/api/engagements', body), done),
    patchTrajectory: (id: string, body: Record<string, unknown>, done: string) => act(() => deps.json<Engagement>('PATCH', `/api/engagements/${id}`, body), done),
    link: (id: string, renew = false) => deps.json<{ url: string; expiresAt: string }>(renew ? 'POST' : 'GET', `/api/engagements/${id}/link`),
    intake: (id: string) => deps.json<{ welcome: string; consentAt: string | null; intake: { questions: { id: string; text: string }[]; answers: { questionId: string; text: string }[] } }>('GET', `/api/engagements/${id}/intake`),
    plan: (engagementId: string, startsAt: string, endsAt: string, done: string) => act(() => deps.json<Session>('POST', '/api/sessions', { engagementId, startsAt, endsAt }), done),
    cancel: (id: string, done: string) => act(() => deps.json('POST', `/api/sessions/${id}/cancel`, {}), done),
    move: (id: string, startsAt: string, done: string) => act(() => deps.json<Session>('POST', `/api/sessions/${id}/reschedule`, { startsAt }, { 'idempotency-key': deps.newId() }), done),
  };
});

export type HomeModelInstance = InstanceType<typeof HomeModel>;
