/** The coach's alerts for /app: low check-in scores first and marked, answers that came in, each marked read with one click. */
import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { AlertList, Locale } from '../../../shared/protocol';
import { trajectoryStrings } from '../trajectory/trajectory-strings';

/** How often an open /app asks for new alerts. */
export const ALERTS_POLL_MS = 20_000;

/** The API v1 calls of the list (`GET /api/alerts`, `POST /api/alerts/:id/read`). */
export type AlertsApi = { list(): Promise<AlertList>; read(id: string): Promise<unknown> };

/** The alerts model. */
export function createAlerts(api: AlertsApi) {
  const data = signal<AlertList | null>(null);
  const load = async () => {
    data.value = await api.list().catch(() => data.value);
  };
  return {
    data,
    load,
    async read(id: string): Promise<void> {
      await api.read(id);
      await load();
    },
  };
}

export type AlertsModel = ReturnType<typeof createAlerts>;

/** The list; `onOpen` opens the alert's trajectory. */
export function AlertsList({ model, locale, zone, onOpen }: { model: AlertsModel; locale: Locale; zone: string; onOpen?: (engagementId: string) => void }) {
  const t = trajectoryStrings(locale);
  // New alerts show while /app is open: one small indexed query every 20 s.
  useEffect(() => {
    void model.load();
    const timer = setInterval(() => void model.load(), ALERTS_POLL_MS);
    return () => clearInterval(timer);
  }, [model]);
  const list = model.data.value;
  const fmt = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  return (
    <section class="alerts" aria-labelledby="alerts-h" data-testid="alerts">
      <h2 id="alerts-h" class="section-h">
        {t.alerts} {list && list.unread > 0 && <span class="tag">{t.unread(list.unread)}</span>}
      </h2>
      {!list || list.alerts.length === 0 ? (
        <p class="hint">{t.noAlerts}</p>
      ) : (
        <ul class="alert-list">
          {list.alerts.map((a) => (
            <li class={`${a.kind === 'low_score' ? 'alert-low' : 'alert-answer'}${a.readAt ? ' alert-read' : ''}`}>
              <div>
                <p>
                  {onOpen ? (
                    <a href={`#engagement-${a.engagementId}`} onClick={(e) => (e.preventDefault(), onOpen(a.engagementId))}>
                      {a.kind === 'low_score' ? t.lowScore(a.coacheeName, a.score ?? 0, a.previousScore) : t.answered(a.coacheeName, t.kinds[a.touchpointKind] ?? a.touchpointKind)}
                    </a>
                  ) : a.kind === 'low_score' ? (
                    t.lowScore(a.coacheeName, a.score ?? 0, a.previousScore)
                  ) : (
                    t.answered(a.coacheeName, t.kinds[a.touchpointKind] ?? a.touchpointKind)
                  )}
                </p>
                {a.comment && <p class="hint">“{a.comment}”</p>}
                <p class="hint">
                  <time dateTime={a.createdAt}>{fmt.format(Date.parse(a.createdAt))}</time>
                </p>
              </div>
              {!a.readAt && (
                <button type="button" class="btn btn-small" onClick={() => void model.read(a.id)}>
                  {t.markRead}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
