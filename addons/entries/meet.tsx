/** Bundle entry for the Google Meet side panel (`/panel/meet`); the shell's `#app` carries the project number and OAuth client id. */
import { meet } from '@googleworkspace/meet-addons';
import { mountHostPanel } from '../hosts/boot/mount-host-panel';
import { loadGoogleIdentity } from '../hosts/meet/google-identity';
import { createMeetHost } from '../hosts/meet/meet-host';
import { createLocalStore } from '../common/shell/local-store';

const root = document.getElementById('app');
/** The frame's session storage, or null where the browser blocks it (the token then lives in memory). */
const session = () => {
  try {
    return sessionStorage;
  } catch {
    return null;
  }
};
if (root)
  mountHostPanel(
    createMeetHost(meet.addon, {
      url: location.href,
      store: createLocalStore('coaching'),
      cloudProjectNumber: root.dataset.cloudProject ?? '',
      clientId: root.dataset.googleClient ?? '',
      loadGoogleIdentity: () => loadGoogleIdentity(window),
      tokenStore: createLocalStore('coaching', session()),
      open: (url) => window.open(url, '_blank', 'noopener,noreferrer'),
    }),
    root,
    'Google Meet',
  );
