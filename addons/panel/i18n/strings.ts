/** Picks the panel's UI strings for a locale and hands them to components through one signal (no context: fewer bytes in the panel bundle). */
import { signal } from '@preact/signals';
import type { Locale } from '../../../shared/protocol';
import en from './en';
import nl from './nl';
import type { PanelStrings } from './nl';

export type { PanelStrings };

/** The strings for a locale; Dutch is the default. */
export const panelStrings = (locale: Locale): PanelStrings => (locale === 'en' ? en : nl);

const current = signal<PanelStrings>(nl);

/** Switches every component to the strings of `locale` (the shell follows the panel's locale). */
export const setLocaleStrings = (locale: Locale): void => {
  current.value = panelStrings(locale);
};

/**
 * The current UI strings; reading them in a component subscribes it, so it re-renders when the locale changes.
 * @see https://preactjs.com/guide/v10/signals/ (signals read during render)
 */
export const useStrings = (): PanelStrings => current.value;
