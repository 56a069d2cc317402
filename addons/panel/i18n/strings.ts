/** The panel's UI strings, one language per chunk (a page fetches only the language it shows), handed to components through signals (no context: fewer bytes). */
import { signal } from '@preact/signals';
import type { Locale } from '../../../shared/protocol';
import type { PanelStrings } from './nl';

export type { PanelStrings };

const loaded = signal<Partial<Record<Locale, PanelStrings>>>({});
const pending = new Map<Locale, Promise<PanelStrings>>();
const current = signal<Locale>('nl');

/**
 * Fetches the strings of `locale` once (a dynamic `import()`, its own chunk); a failed fetch is tried again on the next call.
 * The shells await it for their first language before they render.
 * @see https://esbuild.github.io/api/#splitting
 */
export function loadPanelStrings(locale: Locale): Promise<PanelStrings> {
  let load = pending.get(locale);
  if (!load) {
    load = (locale === 'en' ? import('./en') : import('./nl')).then((m) => {
      loaded.value = { ...loaded.peek(), [locale]: m.default };
      return m.default;
    });
    load.catch(() => pending.delete(locale));
    pending.set(locale, load);
  }
  return load;
}

/**
 * The strings for a locale; until they have arrived (they are fetched now), those of a language already loaded, so no text
 * goes missing. Reading them in a component or effect subscribes it to their arrival. Dutch is the default.
 */
export const panelStrings = (locale: Locale): PanelStrings => {
  const all = loaded.value;
  if (!all[locale]) loadPanelStrings(locale).catch(() => undefined);
  return (all[locale] ?? all.nl ?? all.en)!;
};

/** Switches every component to the strings of `locale` (the shell follows the panel's locale). */
export const setLocaleStrings = (locale: Locale): void => {
  current.value = locale;
};

/**
 * The current UI strings; reading them in a component subscribes it, so it re-renders when the locale changes.
 * @see https://preactjs.com/guide/v10/signals/ (signals read during render)
 */
export const useStrings = (): PanelStrings => panelStrings(current.value);
