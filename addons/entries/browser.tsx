/** Bundle entry for the plain-browser panel (`/panel`, and the panel inside `/demo`). */
import { createBrowserHost } from '../hosts/browser/browser-host';
import { mountHostPanel } from '../hosts/boot/mount-host-panel';
import { mountPanel } from '../panel/shell/mount-panel';

const root = document.getElementById('app');
const host = createBrowserHost(window);
const params = new URL(window.location.href).searchParams;
// Beside a meeting (`?meeting=` or `?joinUrl=`, no `?session=`) the panel first finds the meeting's session, or offers to make one.
const beside = !params.has('session') && (params.has('meeting') || params.has('joinUrl'));
// The shell (loader) is painted first: mounting waits for the frame after it, then signs in and loads the session.
if (root)
  requestAnimationFrame(() =>
    setTimeout(() => (beside ? mountHostPanel(host, root, document.title) : void Promise.resolve(host.start?.()).finally(() => mountPanel(host, root)))),
  );
