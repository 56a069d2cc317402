/** Boots a host panel up to its session (DOM-free): start the SDK with a time limit, sign in through the host, find the meeting's session or let the coach pick one. */
import { signal } from '@preact/signals';
import type { ReadonlySignal } from '@preact/signals';
import type { Coachee, Locale, Session } from '../../../shared/protocol';
import { ApiError, createJsonFetch } from '../../common/shell/http';
import { tokenExpiry } from '../../common/shell/token-refresh';
import { localeOf } from '../host-kit';
import type { HostPort } from '../host-port';
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
  | { kind: 'pick'; inMeeting: boolean; sessions: PickItem[] }
  | { kind: 'open'; sessionId: string };

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

  async function find(): Promise<BootState> {
    const explicit = host.sessionId();
    if (explicit) return { kind: 'open', sessionId: explicit };
    const ids = await host.meetingIds().catch(() => []);
    const found = await Promise.all(
      ids.map((id) => get<Session>(`/api/sessions/by-meeting?host=${host.name}&meetingId=${enc(id)}`).catch((err: ApiError) => (err.status === 404 ? null : Promise.reject(err)))),
    );
    const session = found.find(Boolean);
    if (session) return { kind: 'open', sessionId: session.id };
    // Sessions that have not ended yet, newest first: the soonest come last.
    const [sessions, coachees] = await Promise.all([get<Session[]>(`/api/sessions?from=${enc(new Date(now()).toISOString())}`), get<Coachee[]>('/api/coachees')]);
    return {
      kind: 'pick',
      inMeeting: ids.length > 0,
      sessions: sessions
        .reverse()
        .slice(0, PICK_LIMIT)
        .map((s) => ({ id: s.id, name: coachees.find((c) => c.id === s.coacheeId)?.name ?? '', startsAt: s.startsAt })),
    };
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
    /** Opens a session the coach picked. */
    pick(sessionId: string): void {
      state.value = { kind: 'open', sessionId };
    },
    /** The view hands over the element for Google's sign-in button once it is on screen. */
    slotReady(el: HTMLElement | null): void {
      if (el) slotReady(el);
    },
  };
}

/** The boot model `createBoot` answers. */
export type BootModel = ReturnType<typeof createBoot>;
