/** Picks the panel's UI strings for a locale and hands them to components through context. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Locale } from '../../../shared/protocol';
import en from './en';
import nl from './nl';
import type { PanelStrings } from './nl';

export type { PanelStrings };

/** The strings for a locale; Dutch is the default. */
export const panelStrings = (locale: Locale): PanelStrings => (locale === 'en' ? en : nl);

/** Context carrying the current strings; the app root provides it from the locale signal. */
export const StringsContext = createContext<PanelStrings>(nl);

/** The current UI strings (re-renders when the locale changes). */
export const useStrings = (): PanelStrings => useContext(StringsContext);
