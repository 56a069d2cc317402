/** The coachee page's shell: all DOM work — API and socket on the capability link, storage, theme, rendering. */
import { effect } from '@preact/signals';
import { render } from 'preact';
import type { CoacheePrefs, CoacheeTouchpoint, CoacheeTouchpointList, CoacheeView, Onboarding, Session, SlotList, TouchpointAnswer } from '../../shared/protocol';
import { ApiError } from '../common/shell/http';
import { asProblem, createJsonFetch, failureOf } from '../common/shell/http';
import { FINAL_CLOSE_CODES, keepLive, toWebSocketUrl } from '../common/shell/live-socket';
import { createLocalStore } from '../common/shell/local-store';
import { createClock } from '../common/shell/clock';
import { newId } from '../common/shell/new-id';
import { createBetween, openedFrom } from './between/between-model';
import { BetweenSection } from './between/between-section';
import { mountPreferences } from './between/mount-preferences';
import { CoacheeApp } from './coachee-app';
import { CoacheePage } from './coachee-model';
import { coacheeStrings } from './i18n';
import { OnboardingFlow } from './onboarding-model';

/** The capability token from a `/c/:token` path. */
export const tokenFromPath = (pathname: string): string | null => /^\/c\/([^/]+)\/?$/.exec(pathname)?.[1] ?? null;

/**
 * Mounts the coachee page. The capability token in the path is the only credential: no cookies,
 * no bearer; `Referrer-Policy: no-referrer` (set by the Worker) keeps it out of other sites' logs.
 */
export function mountCoachee(root: HTMLElement, win: Window = window): void {
  if (win.location.pathname.startsWith('/p/')) return mountPreferences(root, win);
  const token = tokenFromPath(win.location.pathname);
  const json = createJsonFetch(() => null, win.fetch.bind(win));
  const base = `/api/c/${token}`;
  const inviteUrl = (sessionId: string) => `${base}/sessions/${encodeURIComponent(sessionId)}/invite.ics`;
  const enc = encodeURIComponent;
  const api = {
    async load() {
      try {
        return await json<CoacheeView>('GET', base);
      } catch (err) {
        throw failureOf(err);
      }
    },
    slots: (from: string, to: string) => asProblem(json<SlotList>('GET', `${base}/slots?from=${enc(from)}&to=${enc(to)}`)),
    book: (startsAt: string, key: string) => asProblem(json<Session>('POST', `${base}/book`, { startsAt }, { 'idempotency-key': key })),
  };
  const clock = createClock();
  const store = createLocalStore('coaching-c');
  const page = new CoacheePage({ api, clock, store, newId, cacheKey: `view:${token}`, online: () => win.navigator.onLine });
  const flow = new OnboardingFlow({
    api: { consent: () => json<Onboarding>('POST', `${base}/consent`), saveIntake: (answers) => json<Onboarding>('PUT', `${base}/intake`, { answers }) },
    clock,
    store,
    storeKey: `onboarding:${token}`,
  });
  effect(() => {
    const view = page.view.value;
    if (view && flow.data.peek() === null) flow.start(view.onboarding, !view.history.some((s) => s.status === 'held'));
  });
  // A booking changes the planned sessions and the booking limits: read the view again.
  effect(() => {
    if (page.booking.result.value?.kind === 'booked') void page.load();
  });
  /** Cancels one of the coachee's sessions; answers null, or the problem type that refused it. */
  const cancel = async (id: string): Promise<string | null> => {
    try {
      await json('POST', `${base}/sessions/${enc(id)}/cancel`, {});
      await page.cancelled(id);
      return null;
    } catch (err) {
      return err instanceof ApiError ? (err.type ?? 'error') : 'error';
    }
  };
  const dark = win.matchMedia('(prefers-color-scheme: dark)');
  const themeParam = new URL(win.location.href).searchParams.get('theme');
  const applyTheme = () => (win.document.documentElement.dataset.theme = themeParam === 'dark' || themeParam === 'light' ? themeParam : dark.matches ? 'dark' : 'light');
  applyTheme();
  dark.addEventListener('change', applyTheme);

  effect(() => {
    win.document.documentElement.lang = page.locale.value;
    win.document.title = coacheeStrings(page.locale.value).title;
  });
  effect(() => {
    const live = page.live.value;
    if (!live) return;
    // A link that is no longer valid (4401) will not become valid by reconnecting.
    const socket = keepLive(live, () => toWebSocketUrl(`/api/c/${token}/live`, win.location.href), win, [4401, ...FINAL_CLOSE_CODES]);
    return () => socket.stop();
  });

  const between = createBetween(
    {
      list: () => json<CoacheeTouchpointList>('GET', `${base}/touchpoints`),
      get: (id) => json<CoacheeTouchpoint>('GET', `${base}/touchpoints/${enc(id)}`),
      answer: (id, body: TouchpointAnswer) => json<CoacheeTouchpoint>('POST', `${base}/touchpoints/${enc(id)}/answer`, body),
      markDone: (agreementId) => json('PATCH', `${base}/agreements/${enc(agreementId)}`, { status: 'done' }),
      savePrefs: (patch) => json<CoacheePrefs>('PATCH', `${base}/preferences`, patch),
    },
    openedFrom(win.location.search),
  );
  const betweenView = () => <BetweenSection model={between} locale={page.locale.value} zone={page.view.value?.timeZone ?? 'Europe/Amsterdam'} now={() => Date.now()} />;

  root.textContent = '';
  render(<CoacheeApp page={page} flow={flow} inviteUrl={inviteUrl} cancel={cancel} between={betweenView} />, root);
  if (token) void Promise.all([page.load(), between.load()]);
  else page.fail('not-found');
}
