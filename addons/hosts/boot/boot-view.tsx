/** What a host panel shows before its session opens: progress, "open this inside the host", sign-in, failures, and the session picker. */
import { formatWhen } from '../../common/format';
import { Loader } from '../../common/components/loader';
import { StatusView } from '../../common/components/status-view';
import { render } from 'preact';
import { loadPanelStrings, panelStrings } from '../../panel/i18n/strings';
import { bootStrings } from './boot-strings';
import { onDemand } from '../../common/components/on-demand';
import type { BootModel } from './host-boot';

/** The first-run offer's view: its chunk is already loaded when the offer shows (the boot loaded it to make the offer). */
const FirstRunView = onDemand(() => import('./first-run-on-demand').then((m) => m.FirstRunView), () => null);

/**
 * The boot states (`label` names the host: "Microsoft Teams"). Failures reuse the panel's texts; the session picker lists
 * upcoming sessions in the device's time zone, with a way to look again.
 */
export function BootView({ boot, label }: { boot: BootModel; label: string }) {
  const s = boot.state.value;
  const locale = boot.locale();
  const t = bootStrings(locale);
  const app = panelStrings(locale).app;
  if (s.kind === 'outside' || s.kind === 'failed')
    return (
      <StatusView
        message={s.kind === 'outside' ? t.outside(label) : s.reason === 'not-linked' ? t.notLinked : app.failed[s.reason]}
        retryLabel={s.kind === 'failed' ? app.retry : null}
        onRetry={boot.run}
      />
    );
  if (s.kind !== 'pick' && s.kind !== 'sign-in') return <Loader label={app.loading} />;
  const pick = s.kind === 'pick' && s;
  return (
    <div class="status-view">
      <p>{pick ? (pick.inMeeting ? t.noSession : t.choose) : t.signIn}</p>
      {pick && pick.firstRun && <p class="hint">{t.linkHint}</p>}
      {pick ? (pick.inMeeting || !pick.sessions.length) && <p class="hint">{pick.sessions.length ? t.choose : t.none}</p> : <div ref={boot.slotReady} />}
      {pick &&
        pick.sessions.map((item) => (
          <button key={item.id} type="button" class="btn" disabled={pick.firstRun?.busy} onClick={() => void boot.pick(item.id)}>
            {item.name} · {formatWhen(item.startsAt, Intl.DateTimeFormat().resolvedOptions().timeZone, locale)}
          </button>
        ))}
      {pick && pick.firstRun && <FirstRunView boot={boot} offer={pick.firstRun} t={t} />}
      {pick && (
        <button type="button" class="btn btn-quiet" onClick={boot.run}>
          {t.lookAgain}
        </button>
      )}
    </div>
  );
}

/**
 * Paints the boot view into `root` (replacing the shell's loader) once the panel's strings in the boot's language have
 * arrived (their own chunk); offline, it waits for the connection. Nothing is painted once the boot has opened a session.
 */
export function paintBootView(boot: BootModel, root: HTMLElement, label: string, win: Window = window): void {
  const paint = (): Promise<void> =>
    loadPanelStrings(boot.locale()).then(
      () => {
        if (boot.state.peek().kind === 'open') return;
        root.textContent = '';
        render(<BootView boot={boot} label={label} />, root);
      },
      () => win.addEventListener('online', () => void paint(), { once: true }),
    );
  void paint();
}
