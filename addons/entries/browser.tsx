/** Bundle entry for the plain-browser panel (`/panel`, and the panel inside `/demo`). */
import { createBrowserHost } from '../hosts/browser/browser-host';
import { mountPanel } from '../panel/shell/mount-panel';

const root = document.getElementById('app');
if (root) mountPanel(createBrowserHost(window), root);
