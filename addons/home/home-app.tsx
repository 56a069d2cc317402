/** The coach's home: header with language and sign-out, three sections (sessions, coachees, settings), and one notice line. */
import { useMemo, useState } from 'preact/hooks';
import { Loader } from '../common/components/loader';
import { StatusView } from '../common/components/status-view';
import { AlertsList, createAlerts } from './alerts/alerts-list';
import { CoacheesView } from './coachees-view';
import type { HomeJson, HomeModelInstance } from './home-model';
import { homeStrings } from './home-strings';
import { SessionsView } from './sessions-view';
import { SettingsView } from './settings-view';

type Section = 'sessions' | 'coachees' | 'settings';

export type HomeShell = { json: HomeJson; panelUrl: (sessionId: string) => string; download: (name: string, data: unknown) => void; signOut: () => void };

export function HomeApp({ home, shell }: { home: HomeModelInstance; shell: HomeShell }) {
  const [section, setSection] = useState<Section>('sessions');
  const alerts = useMemo(() => createAlerts({ list: () => shell.json('GET', '/api/alerts'), read: (id) => shell.json('POST', `/api/alerts/${encodeURIComponent(id)}/read`) }), [shell]);
  const locale = home.locale.value;
  const t = homeStrings(locale);
  const me = home.me.value;
  if (home.status.value !== 'ready' || !me) return home.status.value === 'failed' ? <StatusView message={t.failed} retryLabel={t.retry} onRetry={home.load} /> : <Loader label={t.loading} />;
  const notice = home.notice.value;
  return (
    <div class="home">
      <header class="home-hdr">
        <h1 class="home-title">{t.title}</h1>
        <span class="hint">{me.name}</span>
        <button type="button" class="btn-icon" lang={locale === 'nl' ? 'en' : 'nl'} aria-label={`${t.switchLocale} · ${t.switchLocaleLabel}`} onClick={() => void home.saveMe({ locale: locale === 'nl' ? 'en' : 'nl' }, '')}>
          {t.switchLocale}
        </button>
        <button type="button" class="btn btn-small btn-quiet" onClick={shell.signOut}>
          {t.signOut}
        </button>
      </header>
      <nav class="home-nav" aria-label={t.navLabel}>
        {(['sessions', 'coachees', 'settings'] as const).map((s) => (
          <button key={s} type="button" class={`tab${section === s ? ' tab-on' : ''}`} aria-current={section === s ? 'page' : undefined} onClick={() => setSection(s)}>
            {t.nav[s]}
          </button>
        ))}
      </nav>
      <div role="status" aria-live="polite" class="home-notice">
        {notice && (
          <p class={notice.problem ? 'toast' : 'note'} data-testid="notice">
            {notice.problem ? (
              <>
                <strong>{t.problem}:</strong> {notice.problem.detail}
              </>
            ) : (
              notice.text
            )}
            <button type="button" class="btn-icon" aria-label={t.close} onClick={home.dismiss}>
              <span aria-hidden="true">✕</span>
            </button>
          </p>
        )}
      </div>
      <main class="home-main">
        {section === 'sessions' && <AlertsList model={alerts} locale={locale} zone={me.timeZone} />}
        {section === 'sessions' && <SessionsView home={home} t={t} panelUrl={shell.panelUrl} json={shell.json} />}
        {section === 'coachees' && <CoacheesView home={home} t={t} json={shell.json} download={shell.download} />}
        {section === 'settings' && <SettingsView home={home} t={t} />}
      </main>
    </div>
  );
}
