/** Shows whether edits are live, on their way, or queued while offline. */
import type { SyncState } from '../../common/models/live-sync';
import { useStrings } from '../i18n/strings';

/** A small status pill; its text is in a polite live region so a change of state is heard. */
export function SyncBadge({ state, queued }: { state: SyncState; queued: number }) {
  const t = useStrings();
  const text = state === 'offline' ? t.sync.offline(queued) : t.sync[state];
  return (
    <span class={`sync sync-${state}`} role="status" aria-live="polite" title={state === 'offline' ? t.sync.offlineHelp : undefined} data-sync={state}>
      <span class="sync-dot" aria-hidden="true" />
      <span class="sr-only">{t.sync.label}: </span>
      {text}
    </span>
  );
}
