/** Bundle entry for the browser panel beside a meeting (`/panel?meeting=…` or `?joinUrl=…`): finds the meeting's session, or offers to make one, then opens the panel for it. */
import { createBoot } from '../hosts/boot/host-boot';
import { paintBootView } from '../hosts/boot/boot-view';
import { createBrowserHost } from '../hosts/browser/browser-host';

const root = document.getElementById('app');
const host = createBrowserHost(window);

/**
 * Runs the boot only (sign-in from the fragment, the meeting's session or the first run); once the session is known the tab
 * goes on to `/panel?session=…`, the browser panel's own bundle, keeping `?lang=` and `?theme=`. The token stays in this tab's
 * session storage, so the panel is signed in there.
 */
function start(el: HTMLElement): void {
  const boot = createBoot({ host, fetch: window.fetch.bind(window), now: Date.now, language: navigator.language });
  const here = new URL(location.href);
  boot.state.subscribe((state) => {
    document.documentElement.lang = boot.locale();
    document.documentElement.dataset.theme = host.theme();
    if (state.kind !== 'open') return;
    const next = new URL('/panel', here);
    next.searchParams.set('session', state.sessionId);
    for (const keep of ['lang', 'theme']) if (here.searchParams.has(keep)) next.searchParams.set(keep, here.searchParams.get(keep)!);
    location.replace(next.toString());
  });
  paintBootView(boot, el, document.title);
  void boot.run();
}

// The shell (loader) is painted first: the boot waits for the frame after it.
if (root) requestAnimationFrame(() => setTimeout(() => start(root)));
