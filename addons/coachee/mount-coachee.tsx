/** The coachee page's shell: all DOM work — API and socket on the capability link, storage, theme, rendering. */
import { effect } from '@preact/signals';
import { render } from 'preact';
import type { CoacheeView } from '../../shared/protocol';
import { createJsonFetch, failureOf } from '../panel/shell/http';
import { keepLive, toWebSocketUrl } from '../panel/shell/live-socket';
import { createLocalStore } from '../panel/shell/local-store';
import { createClock } from '../panel/shell/clock';
import { newId } from '../panel/shell/new-id';
import { CoacheeApp } from './coachee-app';
import { CoacheePage } from './coachee-model';
import { coacheeStrings } from './i18n';

/** The capability token from a `/c/:token` path. */
export const tokenFromPath = (pathname: string): string | null => /^\/c\/([^/]+)\/?$/.exec(pathname)?.[1] ?? null;

/**
 * Mounts the coachee page. The capability token in the path is the only credential: no cookies,
 * no bearer; `Referrer-Policy: no-referrer` (set by the Worker) keeps it out of other sites' logs.
 */
export function mountCoachee(root: HTMLElement, win: Window = window): void {
  const token = tokenFromPath(win.location.pathname);
  const json = createJsonFetch(() => null, win.fetch.bind(win));
  const api = {
    async load() {
      try {
        return await json<CoacheeView>('GET', `/api/c/${token}`);
      } catch (err) {
        throw failureOf(err);
      }
    },
  };
  const page = new CoacheePage({ api, clock: createClock(), store: createLocalStore('coaching-c'), newId, cacheKey: `view:${token}` });
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
    const socket = keepLive(live, () => toWebSocketUrl(`/api/c/${token}/live`, win.location.href), win);
    return () => socket.stop();
  });

  root.textContent = '';
  render(<CoacheeApp page={page} />, root);
  if (token) void page.load();
  else page.fail('not-found');
}
