/** Bundle entry for the Zoom panel (`/panel/zoom`, the app's home URL in Zoom's embedded browser). */
import zoomSdk from '@zoom/appssdk';
import { mountHostPanel } from '../hosts/boot/mount-host-panel';
import { createZoomHost } from '../hosts/zoom/zoom-host';
import { openLinksThroughHost } from '../hosts/zoom/zoom-links';
import { createLocalStore } from '../common/shell/local-store';

const root = document.getElementById('app');
if (root) {
  const host = createZoomHost(zoomSdk, { url: location.href, store: createLocalStore('coaching'), dark: matchMedia('(prefers-color-scheme: dark)').matches });
  openLinksThroughHost(host, document);
  mountHostPanel(host, root, 'Zoom');
}
