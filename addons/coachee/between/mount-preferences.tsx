/** The preferences page (`/p/:token`, every mail's footer link): only the coachee's mail preferences, through the preferences token. */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { CoacheePrefs, Locale } from '../../../shared/protocol';
import { createJsonFetch } from '../../common/shell/http';
import { betweenStrings } from './between-strings';
import { PreferencesForm } from './preferences-form';

/** The preferences token from a `/p/:token` path. */
export const prefsTokenFromPath = (pathname: string): string | null => /^\/p\/([^/]+)\/?$/.exec(pathname)?.[1] ?? null;

function PreferencesPage({ token, locale, win }: { token: string | null; locale: Locale; win: Window }) {
  const t = betweenStrings(locale);
  const json = createJsonFetch(() => null, win.fetch.bind(win));
  const [prefs, setPrefs] = useState<CoacheePrefs | null>(null);
  const [state, setState] = useState<'loading' | 'idle' | 'saving' | 'saved' | 'error' | 'invalid'>('loading');
  useEffect(() => {
    if (!token) return setState('invalid');
    json<CoacheePrefs>('GET', `/api/p/${token}`).then(
      (p) => (setPrefs(p), setState('idle')),
      () => setState('invalid'),
    );
  }, []);
  const save = (patch: Partial<CoacheePrefs>) => {
    setState('saving');
    json<CoacheePrefs>('PATCH', `/api/p/${token}`, patch).then(
      (p) => (setPrefs(p), setState('saved')),
      () => setState('error'),
    );
  };
  return (
    <main class="coachee">
      <h1 class="hdr-name">{t.prefsTitle}</h1>
      {state === 'invalid' ? <p role="alert">{t.linkInvalid}</p> : prefs && <PreferencesForm prefs={prefs} t={t} locale={locale} zone={Intl.DateTimeFormat().resolvedOptions().timeZone} save={save} state={state} now={() => Date.now()} />}
    </main>
  );
}

/** Mounts the preferences page; the language follows `<html lang>` (set from `?lang=` by the Worker). */
export function mountPreferences(root: HTMLElement, win: Window = window): void {
  const locale: Locale = win.document.documentElement.lang === 'en' ? 'en' : 'nl';
  root.textContent = '';
  render(<PreferencesPage token={prefsTokenFromPath(win.location.pathname)} locale={locale} win={win} />, root);
}
