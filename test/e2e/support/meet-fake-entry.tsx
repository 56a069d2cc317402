/** A test bundle for `/panel/meet`: the real Meet adapter and host panel mount, with a stand-in for the Meet add-ons SDK (closed source, it only starts inside Meet). */
import { mountHostPanel } from '../../../addons/hosts/boot/mount-host-panel';
import { createMeetHost, type MeetAddonSdk } from '../../../addons/hosts/meet/meet-host';
import { createLocalStore } from '../../../addons/common/shell/local-store';

/** The SDK as Meet answers inside a meeting whose code no session has. */
const addon: MeetAddonSdk = {
  createAddonSession: async () => ({ createSidePanelClient: async () => ({ getMeetingInfo: async () => ({ meetingId: 'spaces/e2eUnlinked', meetingCode: 'zzz-yyyy-xxx' }) }) }),
};

const root = document.getElementById('app');
if (root)
  mountHostPanel(
    createMeetHost(addon, {
      url: location.href,
      store: createLocalStore('coaching'),
      cloudProjectNumber: root.dataset.cloudProject ?? '',
      clientId: root.dataset.googleClient ?? '',
      loadGoogleIdentity: () => Promise.reject(new TypeError('not in this test')),
      tokenStore: createLocalStore('coaching', sessionStorage),
      open: (url) => window.open(url, '_blank', 'noopener,noreferrer'),
    }),
    root,
    'Google Meet',
  );
