/** Boots a host panel up to its session (DOM-free): start the SDK with a time limit, sign in through the host, find the meeting's session or let the coach pick one. */
import { signal } from '@preact/signals';
import type { ReadonlySignal } from '@preact/signals';
import type { Coachee, Engagement, Locale, MeetingLink, Session } from '../../../shared/protocol';
import { ApiError, createJsonFetch } from '../../common/shell/http';
import { tokenExpiry } from '../../common/shell/token-refresh';
import { localeOf } from '../host-kit';
import type { HostPort, MeetingAttendee, MeetingDetails } from '../host-port';
import type { createFirstRun, NewCoachee, TrajectoryItem } from './first-run';
import { isNotLinked } from './sign-in-problems';

/** One of the coach's sessions to choose from. */
export type PickItem = { id: string; name: string; startsAt: string };
/** Why the panel cannot go on yet; each comes with a retry. */
export type BootFailure = 'not-linked' | 'unauthorized' | 'offline' | 'error';
/** Where the boot is: the view shows each state; `open` hands over to the panel. */
export type BootState =
  | { kind: 'starting' }
  | { kind: 'sign-in' }
  | { kind: 'outside' }
  | { kind: 'failed'; reason: BootFailure }
  | { kind: 'pick'; inMeeting: boolean; sessions: PickItem[]; firstRun?: FirstRunOffer }
  | { kind: 'open'; sessionId: string };

/**
 * In a meeting no session knows: besides linking an upcoming session, start one in a trajectory or with a new coachee
 * (`suggestions`: the meeting's attendees other than the coach, to prefill). `busy` while a write runs; `error` is the
 * detail of the last one that failed (what the coach typed stays in the form).
 */
export type FirstRunOffer = { trajectories: TrajectoryItem[]; suggestions: MeetingAttendee[]; busy: boolean; error: string | null };

/** What the boot needs from the page: the host, `fetch` on our origin, the clock and the browser's language. */
export type BootDeps = {
  host: HostPort;
  fetch: typeof fetch;
  now(): number;
  /** The browser's language (`navigator.language`), for the texts shown before the host says which. */
  language: string;
  /** After this long without a started SDK the panel says to open it inside the host (and still goes on if it starts later). */
  startTimeoutMs?: number;
};

/** The upcoming sessions shown when the meeting has none. */
const PICK_LIMIT = 8;
const enc = encodeURIComponent;

/**
 * How a failed sign-in or lookup reads to the coach: no network, an identity of no coach, a refused identity (401, or the
 * host's own sign-in call failing, e.g. Teams SSO without consent), or anything else the API answered.
 */
const failure = (err: unknown): BootFailure =>
  isNotLinked(err) ? 'not-linked' : err instanceof TypeError ? 'offline' : err instanceof ApiError && err.status !== 401 ? 'error' : 'unauthorized';

/**
 * The boot model. `run()` goes: start (once; after `startTimeoutMs` the state says "outside the host" while it keeps
 * waiting) → our token (a fresh one kept from before, or `host.signIn`, exchanged at `POST /api/auth/{provider}`) → the
 * session: the page's `?session=`, else the first meeting id `GET /api/sessions/by-meeting` knows, else `pick` with the
 * coach's upcoming sessions (`GET /api/sessions?from=now` and the coachees' names). State `open` hands over to the panel.
 * Every failure offers `run()` again; a refused sign-in or a 401 drops the kept token, so the retry signs in anew.
 * @see /work/shared/DESIGN.md (Identity; `GET /api/sessions/by-meeting`)
 */
export function createBoot(deps: BootDeps) {
  const { host, now } = deps;
  const state = signal<BootState>({ kind: 'starting' });
  let token: string | null = null;
  let started: Promise<void> | undefined;
  let slotReady: (el: HTMLElement) => void;
  const json = createJsonFetch(() => token, deps.fetch);
  const get = <T>(path: string) => json<T>('GET', path);
  /** The first run's writes, made once its code has loaded (`find` loads it when the meeting has no session). */
  let firstRun: ReturnType<typeof createFirstRun> | null = null;
  /** The current meeting as the panel links it, once `find` has looked it up and found no session. */
  let meeting: MeetingLink | null = null;

  async function find(): Promise<BootState> {
    const explicit = host.sessionId();
    if (explicit) return { kind: 'open', sessionId: explicit };
    const [ids, details] = await Promise.all([host.meetingIds().catch(() => []), host.meetingDetails?.().catch(() => null) ?? null]);
    const lookups = ids.map((id) => `meetingId=${enc(id)}`);
    if (details?.joinUrl) lookups.push(`joinUrl=${enc(details.joinUrl)}`);
    const found = await Promise.all(
      lookups.map((q) => get<Session>(`/api/sessions/by-meeting?host=${host.name}&${q}`).catch((err: ApiError) => (err.status === 404 ? null : Promise.reject(err)))),
    );
    const session = found.find(Boolean);
    if (session) return { kind: 'open', sessionId: session.id };
    const flow = await import('./first-run-on-demand');
    firstRun ??= flow.createFirstRun(json, now);
    meeting = flow.meetingLinkOf(host.name, ids, details);
    // Sessions that have not ended yet, newest first: the soonest come last.
    const [sessions, coachees, engagements] = await Promise.all([
      get<Session[]>(`/api/sessions?from=${enc(new Date(now()).toISOString())}`),
      get<Coachee[]>('/api/coachees'),
      meeting ? get<Engagement[]>('/api/engagements') : [],
    ]);
    return {
      kind: 'pick',
      inMeeting: meeting !== null,
      sessions: sessions
        .reverse()
        .slice(0, PICK_LIMIT)
        .map((s) => ({ id: s.id, name: coachees.find((c) => c.id === s.coacheeId)?.name ?? '', startsAt: s.startsAt })),
      ...(meeting ? { firstRun: { trajectories: flow.trajectoriesOf(engagements, coachees), suggestions: suggestionsOf(details, coachees), busy: false, error: null } } : {}),
    };
  }

  /** Runs one first-run write; the session it answers opens, a failure stays in the offer with its detail. */
  async function firstRunWrite(write: (meeting: MeetingLink) => Promise<string>): Promise<void> {
    const s = state.peek();
    if (s.kind !== 'pick' || !s.firstRun || s.firstRun.busy || !meeting) return;
    const offer = (patch: Partial<FirstRunOffer>): BootState => ({ ...s, firstRun: { ...s.firstRun!, error: null, ...patch } });
    state.value = offer({ busy: true });
    try {
      state.value = { kind: 'open', sessionId: await write(meeting) };
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        token = '';
        state.value = { kind: 'failed', reason: 'unauthorized' };
        return;
      }
      state.value = offer({ busy: false, error: err instanceof ApiError ? err.message : '' });
    }
  }

  async function run(): Promise<void> {
    state.value = { kind: 'starting' };
    const timer = setTimeout(() => state.peek().kind === 'starting' && (state.value = { kind: 'outside' }), deps.startTimeoutMs ?? 4_000);
    try {
      await (started ??= host.start?.());
    } catch {
      state.value = { kind: 'outside' };
      return;
    } finally {
      clearTimeout(timer);
    }
    try {
      const kept = token ?? host.bearerToken();
      token = kept && (tokenExpiry(kept) ?? 0) > now() + 60_000 ? kept : null;
      if (!token) {
        token = (await host.signIn?.(
          (provider, body) => json<{ token: string }>('POST', `/api/auth/${provider}`, body).then((r) => r.token),
          {
            slot: () => {
              state.value = { kind: 'sign-in' };
              return new Promise((resolve) => (slotReady = resolve));
            },
          },
        )) ?? null;
        if (!token) throw new ApiError(401, '', 'no host identity');
        host.rememberBearerToken?.(token);
        state.value = { kind: 'starting' };
      }
      state.value = await find();
    } catch (err) {
      const reason = failure(err);
      if (reason === 'unauthorized' || reason === 'not-linked') token = '';
      state.value = { kind: 'failed', reason };
    }
  }

  return {
    state: state as ReadonlySignal<BootState>,
    /** The language of the boot texts: the host's once started, else the browser's. */
    locale: (): Locale => host.locale() ?? localeOf(deps.language) ?? 'nl',
    run,
    /** Opens a session the coach picked; in a meeting, links the meeting to it first, so the panel opens it there next time. */
    async pick(sessionId: string): Promise<void> {
      const s = state.peek();
      if (s.kind === 'pick' && s.firstRun) return firstRunWrite((m) => firstRun!.link(sessionId, m));
      state.value = { kind: 'open', sessionId };
    },
    /** Makes this meeting a new session of the trajectory, from now. */
    startFor: (item: TrajectoryItem): Promise<void> => firstRunWrite((m) => firstRun!.startFor(item, m)),
    /** Adds a coachee (with a trajectory) and makes this meeting their first session. */
    addCoachee: (input: NewCoachee): Promise<void> => firstRunWrite((m) => firstRun!.addCoachee(input, host.locale() ?? localeOf(deps.language) ?? 'nl', m)),
    /** The view hands over the element for Google's sign-in button once it is on screen. */
    slotReady(el: HTMLElement | null): void {
      if (el) slotReady(el);
    },
  };
}

/** The meeting's attendees worth offering as the new coachee: named, not already a coachee of this coach (by e-mail or name). */
function suggestionsOf(details: MeetingDetails | null, coachees: readonly Coachee[]): MeetingAttendee[] {
  const known = (a: MeetingAttendee) => coachees.some((c) => (a.email && c.email?.toLowerCase() === a.email.toLowerCase()) || c.name.trim().toLowerCase() === a.name.trim().toLowerCase());
  return (details?.attendees ?? []).filter((a) => a.name.trim() && !known(a)).slice(0, PICK_LIMIT);
}

/** The boot model `createBoot` answers. */
export type BootModel = ReturnType<typeof createBoot>;
