/** The host panels' shell: runs the boot in the page with the host's theme and language, then mounts the panel for the session found. */
import { render } from 'preact';
import { mountPanel } from '../../panel/shell/mount-panel';
import type { HostPort } from '../host-port';
import { paintBootView } from './boot-view';
import { createBoot } from './host-boot';

/**
 * Mounts a host panel into `root` (which holds the shell's loader): the boot view until a session is known (`label` names
 * the host in "open this inside …"), then the panel for that session, which follows the host's theme from then on.
 */
export function mountHostPanel(host: HostPort, root: HTMLElement, label: string, win: Window = window): void {
  const html = win.document.documentElement;
  const boot = createBoot({ host, fetch: win.fetch.bind(win), now: Date.now, language: win.navigator.language });
  const stop = boot.state.subscribe((state) => {
    html.lang = boot.locale();
    html.dataset.theme = host.theme();
    if (state.kind === 'open')
      queueMicrotask(() => {
        stop();
        render(null, root);
        mountPanel({ ...host, sessionId: () => state.sessionId }, root, win);
      });
  });
  // The boot view paints once the strings of the boot's language have arrived; the boot itself starts at once.
  paintBootView(boot, root, label, win);
  void boot.run();
}
