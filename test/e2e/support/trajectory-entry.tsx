/** Test page for the coach's between-session views (addons/home): alerts and one trajectory's chart and timeline, on the real API with a dev token from the URL fragment. */
import { render } from 'preact';
import type { AlertList } from '../../../shared/protocol';
import { createJsonFetch } from '../../../addons/common/shell/http';
import { AlertsList, createAlerts } from '../../../addons/home/alerts/alerts-list';
import { trajectoryOn } from '../../../addons/home/trajectory/between-extra';
import { TrajectoryView } from '../../../addons/home/trajectory/trajectory-view';

const q = new URLSearchParams(location.hash.slice(1));
const token = q.get('token');
const engagementId = q.get('engagement') ?? '';
const locale = q.get('locale') === 'en' ? 'en' : 'nl';
const json = createJsonFetch(() => token, window.fetch.bind(window));
const trajectory = trajectoryOn(json, engagementId);
const alerts = createAlerts({ list: () => json<AlertList>('GET', '/api/alerts'), read: (id) => json('POST', `/api/alerts/${id}/read`) });
document.documentElement.lang = locale;
const root = document.getElementById('app')!;
root.textContent = '';
render(
  <main class="home" style="max-width:640px;margin:0 auto;padding:12px">
    <AlertsList model={alerts} locale={locale} zone="Europe/Amsterdam" />
    <TrajectoryView model={trajectory} locale={locale} zone="Europe/Amsterdam" />
  </main>,
  root,
);
