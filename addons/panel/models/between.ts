/** What came in between sessions, for the open panel: answers since the previous session, and the coachee's unread alerts, polled while the panel shows them. */
import { signal } from '@preact/signals';
import type { Alert, BetweenSessions } from '../../../shared/protocol';
import type { Clock } from '../../common/ports';
import type { PanelApi } from '../ports';

/** How often an open panel asks for new alerts: a low check-in shows within this time (one small indexed query per poll). */
export const ALERT_POLL_MS = 10_000;

/** The model; `start` begins polling and answers the function that stops it. */
export function createBetweenWatch(deps: { api: Pick<PanelApi, 'between' | 'alerts' | 'readAlert'>; clock: Clock; sessionId: string; engagementId: string }) {
  const data = signal<BetweenSessions | null>(null);
  const alerts = signal<Alert[]>([]);
  let stopped = true;
  let cancel: (() => void) | null = null;

  async function refresh(): Promise<void> {
    const [between, list] = await Promise.all([deps.api.between?.(deps.sessionId).catch(() => null) ?? null, deps.api.alerts?.().catch(() => null) ?? null]);
    if (between) data.value = between;
    if (list) alerts.value = list.alerts.filter((a) => a.engagementId === deps.engagementId && a.readAt === null);
  }

  function loop(): void {
    if (stopped) return;
    cancel = deps.clock.schedule(() => void refresh().finally(loop), ALERT_POLL_MS);
  }

  return {
    data,
    alerts,
    refresh,
    start(): () => void {
      stopped = false;
      void refresh().finally(loop);
      return () => {
        stopped = true;
        cancel?.();
      };
    },
    async read(alertId: string): Promise<void> {
      alerts.value = alerts.value.filter((a) => a.id !== alertId);
      await deps.api.readAlert?.(alertId).catch(() => undefined);
    },
  };
}

/** The between-sessions model of one open session. */
export type BetweenWatch = ReturnType<typeof createBetweenWatch>;
