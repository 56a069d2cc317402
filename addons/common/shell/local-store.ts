/** The `KeyValueStore` port on `localStorage`, namespaced, falling back to memory where storage is blocked (some third-party frames). */
import type { KeyValueStore } from '../ports';

/**
 * A namespaced store on `window.localStorage`. Hosts that partition or block storage in their
 * frames make `localStorage` throw; then the panel keeps working with an in-memory map.
 * @see https://developer.mozilla.org/en-US/docs/Web/API/Window/localStorage
 */
export function createLocalStore(namespace: string, storage: Storage | null = safeLocalStorage()): KeyValueStore {
  const memory = new Map<string, string>();
  const key = (k: string) => `${namespace}:${k}`;
  return {
    get(k) {
      try {
        return storage ? storage.getItem(key(k)) : (memory.get(k) ?? null);
      } catch {
        return memory.get(k) ?? null;
      }
    },
    set(k, value) {
      memory.set(k, value);
      try {
        storage?.setItem(key(k), value);
      } catch {
        // Quota or privacy mode: the in-memory copy still serves this page's life.
      }
    },
    remove(k) {
      memory.delete(k);
      try {
        storage?.removeItem(key(k));
      } catch {
        // As above.
      }
    },
  };
}

function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
