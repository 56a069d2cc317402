/** The panel's root component: loader, failure or the open session (the shell keeps the strings on the panel's language). */
import type { PanelModel } from '../models/panel';
import { useStrings } from '../i18n/strings';
import { Loader } from '../../common/components/loader';
import { SessionView } from './session-view';
import { StatusView } from '../../common/components/status-view';

/** Renders the whole panel from its root model. */
export function App({ panel }: { panel: PanelModel }) {
  const strings = useStrings();
  const session = panel.session.value;
  const status = panel.status.value;
  return session ? (
    <SessionView panel={panel} session={session} />
  ) : status === 'ready' ? null : (
    <main class="panel">
      {status === 'loading' ? (
        <Loader label={strings.app.loading} />
      ) : (
        <StatusView message={strings.app.failed[status]} retryLabel={status === 'not-found' ? null : strings.app.retry} onRetry={panel.retry} />
      )}
    </main>
  );
}
