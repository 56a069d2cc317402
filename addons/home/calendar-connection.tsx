/** The calendar card's connections on /app: connect Google Calendar, Outlook or Zoom by consent, reconnect a refused grant, disconnect. */
import { useEffect, useState } from 'preact/hooks';
import type { Locale } from '../../shared/protocol';
import type { HomeModelInstance } from './home-model';

type Provider = 'google' | 'microsoft' | 'zoom';
const NAMES: Record<Provider, string> = { google: 'Google Agenda', microsoft: 'Outlook', zoom: 'Zoom' };

const nl = {
  reconnect: (name: string) => `De koppeling met ${name} werkt niet meer (ingetrokken of verlopen). Sessies wachten tot je opnieuw koppelt.`,
  reconnectButton: (name: string) => `${name} opnieuw koppelen`,
  connect: (name: string) => `${name} koppelen`,
  connectZoom: 'Zoom koppelen voor vergaderingen',
  disconnect: (name: string) => `${name} ontkoppelen`,
  disconnectConfirm: (name: string) =>
    `${name} ontkoppelen? Komende sessies gaan naar de ingebouwde agenda en de toestemming wordt bij ${name} ingetrokken zodra wat we daar maakten is opgeruimd.`,
  disconnected: 'Ontkoppeld.',
  hint: 'Koppelen gaat via de toestemmingspagina van de aanbieder; we vragen alleen wat nodig is om sessies in je agenda te zetten en te zien wanneer je vrij bent.',
};
const en: typeof nl = {
  reconnect: (name) => `The connection with ${name} stopped working (revoked or expired). Sessions wait until you reconnect.`,
  reconnectButton: (name) => `Reconnect ${name}`,
  connect: (name) => `Connect ${name}`,
  connectZoom: 'Connect Zoom for meetings',
  disconnect: (name) => `Disconnect ${name}`,
  disconnectConfirm: (name) => `Disconnect ${name}? Upcoming sessions move to the built-in calendar and the permission is revoked at ${name} once what we made there is cleaned up.`,
  disconnected: 'Disconnected.',
  hint: "Connecting goes through the provider's consent page; we ask only what it takes to put sessions in your calendar and see when you are free.",
};

/**
 * The providers this deployment has (the same ones `/app` offers for sign-in, `GET /api/auth/methods`), as buttons that ask for
 * the single-use consent URL (`POST /api/me/calendar/connect`) and open it in this tab; the consent ends on a page that links back
 * here. A refused grant (`calendar.reconnect` in `GET /api/me`) shows first, with its reconnect button.
 */
export function CalendarConnection({ home, locale }: { home: HomeModelInstance; locale: Locale }) {
  const t = locale === 'en' ? en : nl;
  const me = home.me.value!;
  const [offered, setOffered] = useState<Provider[]>([]);
  useEffect(() => {
    fetch('/api/auth/methods', { headers: { accept: 'application/json' } })
      .then((r) => (r.ok ? (r.json() as Promise<{ methods: { id: string; kind: string }[] }>) : { methods: [] }))
      .then((r) => setOffered(r.methods.filter((m) => m.kind === 'redirect' && m.id in NAMES).map((m) => m.id as Provider)))
      .catch(() => setOffered([]));
  }, []);
  const connect = async (provider: Provider) => {
    const url = await home.connectUrl(provider);
    if (url) window.location.assign(url);
  };
  const disconnect = (which: 'calendar' | 'zoom', name: string) => window.confirm(t.disconnectConfirm(name)) && void home.disconnect(which, t.disconnected);
  const calendar = me.calendar.provider === 'local' ? null : me.calendar.provider;
  const button = (label: string, onClick: () => void, primary = false) => (
    <button type="button" class={`btn btn-small${primary ? ' btn-primary' : ''}`} onClick={onClick}>
      {label}
    </button>
  );
  return (
    <div class="stack" data-testid="calendar-connection">
      {(me.calendar.reconnect ?? []).map((p) => (
        <div key={p} class="note" role="alert" data-reconnect={p}>
          <p>{t.reconnect(NAMES[p])}</p>
          {button(t.reconnectButton(NAMES[p]), () => void connect(p), true)}
        </div>
      ))}
      <div class="add-row">
        {calendar
          ? button(t.disconnect(NAMES[calendar]), () => disconnect('calendar', NAMES[calendar]))
          : offered.filter((p) => p !== 'zoom').map((p) => <span key={p}>{button(t.connect(NAMES[p]), () => void connect(p))}</span>)}
        {offered.includes('zoom') && (me.calendar.zoom ? button(t.disconnect('Zoom'), () => disconnect('zoom', 'Zoom')) : button(t.connectZoom, () => void connect('zoom')))}
      </div>
      {offered.length > 0 && <p class="hint">{t.hint}</p>}
    </div>
  );
}
