/** Bundle entry for the plain-browser panel (`/panel`, and the panel inside `/demo`). */
import { createBrowserHost } from '../hosts/browser/browser-host';
import { mountPanel } from '../panel/shell/mount-panel';

const root = document.getElementById('app');
const host = createBrowserHost(window);
// The shell (loader) is painted first: mounting waits for the frame after it, then signs in and loads the session.
if (root) requestAnimationFrame(() => setTimeout(() => void Promise.resolve(host.start?.()).finally(() => mountPanel(host, root))));
