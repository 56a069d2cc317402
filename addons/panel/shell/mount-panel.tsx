/** The panel's one shell: all DOM and host work — ports on browser APIs, rendering, the live socket, the clock tick and the N key. */
import { effect } from '@preact/signals';
import { render } from 'preact';
import type { HostPort } from '../../hosts/host-port';
import { App } from '../components/app';
import { Panel } from '../models/panel';
import type { PanelModel } from '../models/panel';
import { loadPanelStrings, panelStrings, setLocaleStrings } from '../i18n/strings';
import { createClock } from '../../common/shell/clock';
import { createJsonFetch } from '../../common/shell/http';
import { keepLive, toWebSocketUrl } from '../../common/shell/live-socket';
import { createPanelApi } from './panel-api';
import { newId } from '../../common/shell/new-id';
import { keepTokenFresh } from '../../common/shell/token-refresh';

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT');

/** N moves to the next phase, unless the coach is typing or a modifier is held. */
function onKey(panel: PanelModel, e: KeyboardEvent): void {
  if (e.key !== 'n' && e.key !== 'N') return;
  if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented || isTyping(e.target)) return;
  const session = panel.session.value;
  if (!session || session.referralOpen.value) return;
  e.preventDefault();
  session.timer.next();
}

/**
 * Mounts the coach's panel for a host into `root` (which holds the HTML shell's loader until
 * the first render). Exposes nothing globally.
 */
export function mountPanel(host: HostPort, root: HTMLElement, win: Window = window): PanelModel {
  const clock = createClock();
  const json = createJsonFetch(() => host.bearerToken(), win.fetch.bind(win));
  const panel = new Panel({
    api: createPanelApi(json),
    clock,
    store: host.store,
    newId,
    hostLocale: host.locale(),
    hostTheme: host.theme(),
    syncClock: clock.sync,
    online: () => win.navigator.onLine,
  });
  const doc = win.document;
  keepTokenFresh(host, json);

  host.onThemeChange((theme) => panel.hostThemeChanged(theme));

  // One live connection per open session; a new session (retry after failure) replaces it.
  effect(() => {
    const session = panel.session.value;
    if (!session) return;
    const base = session.data.peek().liveUrl;
    const live = keepLive(session.live, () => {
      const url = new URL(toWebSocketUrl(base, win.location.href));
      const token = host.bearerToken();
      if (token) url.searchParams.set('token', token);
      return url.toString();
    }, win);
    return () => live.stop();
  });

  win.setInterval(() => panel.session.peek()?.timer.tick(clock.now()), 1000);
  doc.addEventListener('keydown', (e) => onKey(panel, e));

  // The first paint waits for the strings of the panel's language (their chunk loads alongside the session); offline, it waits for the connection.
  const paint = (): Promise<void> =>
    loadPanelStrings(panel.locale.peek()).then(
      () => {
        effect(() => {
          const locale = panel.locale.value;
          setLocaleStrings(locale);
          doc.documentElement.lang = locale;
          doc.documentElement.dataset.theme = panel.theme.value;
          doc.title = panel.session.value ? `${panel.session.value.data.value.coachee.name} · ${panelStrings(locale).app.title}` : panelStrings(locale).app.title;
        });
        root.textContent = '';
        render(<App panel={panel} />, root);
      },
      () => win.addEventListener('online', () => void paint(), { once: true }),
    );
  void paint();

  const sessionId = host.sessionId();
  if (sessionId) void panel.load(sessionId);
  else panel.fail('not-found');
  return panel;
}
