/** The Teams configuration frame's page: a loader, then "select Save" in the Teams language, or "open this inside Teams" outside it. */
import { render, type JSX } from 'preact';
import { Loader } from '../../common/components/loader';
import { StatusView } from '../../common/components/status-view';
import { loadPanelStrings } from '../../panel/i18n/strings';
import { bootStrings } from '../boot/boot-strings';
import { localeOf } from '../host-kit';
import { configureTeamsTab, type TeamsConfigSdk } from './teams-config';
import { teamsTheme } from './teams-host';

/** What the frame says once Teams is ready, Dutch first. */
const CONFIGURE = { nl: 'Kies Opslaan om het coachingpaneel toe te voegen.', en: 'Select Save to add the coaching panel.' };

/** Runs the configuration frame in `root`; after `timeoutMs` without TeamsJS it says to open the app inside Teams (and still goes on). */
export function mountTeamsConfig(sdk: TeamsConfigSdk, root: HTMLElement, win: Window = window, timeoutMs = 4_000): void {
  const html = win.document.documentElement;
  const t = () => bootStrings(html.lang === 'en' ? 'en' : 'nl');
  let said = false;
  let shown = false;
  const show = (view: JSX.Element) => {
    if (!shown) root.textContent = '';
    shown = true;
    render(view, root);
  };
  const say = (message: string) => {
    show(<StatusView message={message} retryLabel={null} onRetry={() => undefined} />);
    said = true;
  };
  let done = false;
  const outside = () => done || say(t().outside('Microsoft Teams'));
  const timer = setTimeout(outside, timeoutMs);
  // The shell's loader stays until the panel's strings arrive, then the same loader is labelled in the frame's language.
  void loadPanelStrings(html.lang === 'en' ? 'en' : 'nl').then((s) => said || show(<Loader label={s.app.loading} />), () => undefined);
  configureTeamsTab(sdk, win.location.href).then((ctx) => {
    done = true;
    clearTimeout(timer);
    html.lang = localeOf(ctx.app.locale) ?? html.lang;
    html.dataset.theme = teamsTheme(ctx.app.theme);
    say(CONFIGURE[html.lang === 'en' ? 'en' : 'nl']);
  }, outside);
}
