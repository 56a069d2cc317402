/** The page a coach lands on after connecting a calendar or Zoom (top-level, in the tab or pop-up the consent opened): what happened, and the way on. */
import type { Context } from 'hono';
import { escapeHtml } from '../../shared/invite/escape-html';
import type { FlowFailure } from '../auth/web-oauth/flow';
import type { Vendor } from '../auth/web-oauth/vendors';
import type { AppEnv } from '../env';
import { shellResponse } from './page-shell';

const NAMES: Record<Vendor, string> = { google: 'Google Agenda', microsoft: 'Outlook', zoom: 'Zoom' };

const nl = {
  connected: (name: string) => `${name} is gekoppeld. Je sessies komen nu in je agenda; dit venster mag dicht.`,
  failed: {
    denied: 'Je hebt geen toestemming gegeven; er is niets gekoppeld.',
    state: 'Deze koppellink is verlopen of al gebruikt. Begin opnieuw vanuit de app.',
    browser: 'De koppeling is in een andere browser begonnen. Begin opnieuw in deze browser.',
    code: 'De aanbieder weigerde de koppeling af te ronden. Probeer het opnieuw.',
    scopes: 'Niet alle gevraagde rechten zijn aangevinkt. Probeer het opnieuw en laat ze aangevinkt: we vragen alleen wat nodig is om je sessies in je agenda te zetten en je beschikbaarheid te zien.',
    unavailable: 'De aanbieder is nu niet bereikbaar. Probeer het over een paar minuten opnieuw.',
  } satisfies Record<FlowFailure, string>,
  back: 'Naar je overzicht',
};
const en: typeof nl = {
  connected: (name) => `${name} is connected. Your sessions now go into your calendar; you can close this window.`,
  failed: {
    denied: 'You did not give consent; nothing was connected.',
    state: 'This connect link has expired or was used already. Start again from the app.',
    browser: 'The connection was started in another browser. Start again in this browser.',
    code: 'The provider refused to complete the connection. Please try again.',
    scopes: 'Not every permission was ticked. Please try again and leave them ticked: we ask only what it takes to put your sessions in your calendar and see when you are free.',
    unavailable: 'The provider cannot be reached right now. Please try again in a few minutes.',
  },
  back: 'To your overview',
};

/** Renders the outcome in the browser's language (Dutch unless it prefers English); never framed. */
export function connectPage(c: Context<AppEnv>, outcome: 'connected' | 'failed', reason: FlowFailure | null, vendor: Vendor): Response {
  const lang = /^en\b/i.test(c.req.header('accept-language') ?? '') ? 'en' : 'nl';
  const t = lang === 'en' ? en : nl;
  const message = outcome === 'connected' ? t.connected(NAMES[vendor]) : t.failed[reason ?? 'state'];
  const body = `<main class="status-view" data-outcome="${outcome}"${reason ? ` data-reason="${reason}"` : ''}><p role="${outcome === 'failed' ? 'alert' : 'status'}">${escapeHtml(message)}</p><a class="btn" href="/app">${escapeHtml(t.back)}</a></main>`;
  return shellResponse(c, { entry: null, frameAncestors: "'none'", lang, theme: null, title: NAMES[vendor], body });
}
