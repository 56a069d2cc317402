/** The panel's tabs (agenda, agreements, notes, share, model) following the WAI-ARIA tabs pattern. */
import { TABS } from '../models/panel';
import type { TabId } from '../models/panel';
import { useStrings } from '../i18n/strings';

export type TabBarProps = { current: TabId; onSelect: (tab: TabId) => void; counts: Partial<Record<TabId, number>> };

/**
 * Tabs with automatic activation: arrow keys, Home and End move and select; only the current tab
 * is in the tab order.
 * @see https://www.w3.org/WAI/ARIA/apg/patterns/tabs/
 */
export function TabBar({ current, onSelect, counts }: TabBarProps) {
  const t = useStrings();
  const onKeyDown = (e: KeyboardEvent) => {
    const i = TABS.indexOf(current);
    const next = e.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length] : e.key === 'ArrowLeft' ? TABS[(i + TABS.length - 1) % TABS.length] : e.key === 'Home' ? TABS[0] : e.key === 'End' ? TABS[TABS.length - 1] : undefined;
    if (!next) return;
    e.preventDefault();
    onSelect(next);
    const list = e.currentTarget as HTMLElement;
    list.querySelector<HTMLElement>(`#tab-${next}`)?.focus();
  };
  return (
    <div class="tabs" role="tablist" aria-label={t.tabs.label} onKeyDown={onKeyDown}>
      {TABS.map((id) => {
        const count = counts[id];
        return (
          <button
            key={id}
            type="button"
            role="tab"
            id={`tab-${id}`}
            class="tab"
            aria-selected={id === current}
            aria-controls={`tabpanel-${id}`}
            tabIndex={id === current ? 0 : -1}
            onClick={() => onSelect(id)}
          >
            {t.tabs[id]}
            {count ? <span class="tab-count"> {count}</span> : null}
          </button>
        );
      })}
    </div>
  );
}
