/** Bundle entry for the Microsoft Teams panel (`/panel/teams`) and its tab configuration frame (`/panel/teams?frame=config`). */
import { app, authentication, pages } from '@microsoft/teams-js';
import { mountHostPanel } from '../hosts/boot/mount-host-panel';
import { createLocalStore } from '../common/shell/local-store';
import { mountTeamsConfig } from '../hosts/teams/mount-teams-config';
import { createTeamsHost } from '../hosts/teams/teams-host';

const root = document.getElementById('app');
if (root && new URLSearchParams(location.search).get('frame') === 'config') mountTeamsConfig({ app, pages }, root);
else if (root) mountHostPanel(createTeamsHost({ app, authentication }, { url: location.href, store: createLocalStore('coaching'), open: (url) => window.open(url, '_blank', 'noopener,noreferrer') }), root, 'Microsoft Teams');
