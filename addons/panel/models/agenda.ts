/** Agenda actions for one session: add, rename, tick, reorder and remove items, as live ops. */
import { computed, createModel } from '@preact/signals';
import { positionBetween } from '../../../shared/reducers/agenda';
import type { AgendaItem } from '../../../shared/protocol';
import type { NewId } from '../../common/ports';
import type { LiveSyncModel } from '../../common/models/live-sync';

/** Titles are trimmed and capped like the wire schema (`LIMITS.title`, shared/schemas/common.ts). */
export const TITLE_MAX = 200;

/**
 * The agenda model. Items arrive sorted by position from the shared reducer; moving an item
 * gives it a position between its new neighbours (fractional indexing), so one op moves one item
 * and concurrent moves by coach and coachee cannot corrupt the order.
 */
export const Agenda = createModel((live: LiveSyncModel, newId: NewId) => {
  const items = computed<AgendaItem[]>(() => live.view.value?.agenda ?? []);

  function move(id: string, by: -1 | 1): void {
    const list = items.value;
    const from = list.findIndex((item) => item.id === id);
    const to = from + by;
    if (from < 0 || to < 0 || to >= list.length) return;
    const rest = list.filter((item) => item.id !== id);
    const before = rest[to - 1]?.position;
    const after = rest[to]?.position;
    live.submit({ opId: newId(), kind: 'agenda.update', id, patch: { position: positionBetween(before, after) } });
  }

  return {
    items,
    /** How many items are ticked, for the tab label. */
    openCount: computed(() => items.value.filter((item) => !item.done).length),

    /** Adds an item at the end; answers false for an empty title. */
    add(title: string): boolean {
      const clean = title.trim().slice(0, TITLE_MAX);
      if (!clean) return false;
      return live.submit({ opId: newId(), kind: 'agenda.add', id: newId(), title: clean });
    },
    rename(id: string, title: string): boolean {
      const clean = title.trim().slice(0, TITLE_MAX);
      const item = items.value.find((i) => i.id === id);
      if (!clean || !item) return false;
      if (clean === item.title) return true;
      return live.submit({ opId: newId(), kind: 'agenda.update', id, patch: { title: clean } });
    },
    setDone(id: string, done: boolean): void {
      live.submit({ opId: newId(), kind: 'agenda.update', id, patch: { done } });
    },
    moveUp(id: string): void {
      move(id, -1);
    },
    moveDown(id: string): void {
      move(id, 1);
    },
    remove(id: string): void {
      live.submit({ opId: newId(), kind: 'agenda.remove', id });
    },
  };
});

export type AgendaModel = InstanceType<typeof Agenda>;
