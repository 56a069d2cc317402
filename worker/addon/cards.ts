/** Card JSON of the Google Workspace add-on: the coach's upcoming sessions, one session's agenda and agreements, and short notices. */
import { escapeHtml } from '../../shared/invite/escape-html';
import type { AgendaItem, Agreement, Locale, Session } from '../../shared/protocol';
import { parseDate } from '../../shared/time/calendar-date';
import { LOCALE_TAGS, formatInstant } from '../../shared/time/zone';
import type { AddonStrings } from './strings';

/** A click: open one of our pages (under `openLinkUrlPrefixes`), or call one of our endpoints with parameters. */
type OnClick = { openLink: { url: string } } | { action: { function: string; parameters: { key: string; value: string }[] } };
type Button = { text: string; onClick: OnClick; type?: 'FILLED' | 'OUTLINED' | 'BORDERLESS' };
type Widget =
  | { textParagraph: { text: string } }
  | { decoratedText: { topLabel?: string; text: string; bottomLabel?: string; wrapText?: boolean; startIcon?: { knownIcon: string }; button?: Button } }
  | { buttonList: { buttons: Button[] } };
type Section = { header?: string; widgets: Widget[] };

/**
 * A card (Google Workspace add-on card JSON). Text fields accept a little HTML, so every text of ours or the user's is escaped.
 * @see https://developers.google.com/workspace/add-ons/reference/rpc/google.apps.card.v1
 */
export type Card = { header: { title: string; subtitle?: string }; sections: Section[] };

/** The response to a homepage or contextual trigger: show this card. @see https://developers.google.com/workspace/add-ons/guides/alternate-runtimes */
export const pushCard = (card: Card) => ({ action: { navigations: [{ pushCard: card }] } });

/** The response to a button's action: replace the shown card and say what happened. */
export const updateCard = (card: Card, notification: string) => ({ renderActions: { action: { navigations: [{ updateCard: card }], notification: { text: notification } } } });

/** The response to a button's action that changes nothing on screen. */
export const notify = (notification: string) => ({ renderActions: { action: { notification: { text: notification } } } });

/** Most items listed per section; the rest is counted. */
const MAX_ITEMS = 25;

const paragraph = (html: string): Widget => ({ textParagraph: { text: html } });

/** A card with one short message. */
export function messageCard(title: string, text: string): Card {
  return { header: { title: escapeHtml(title) }, sections: [{ widgets: [paragraph(escapeHtml(text))] }] };
}

/** One upcoming session on the homepage. */
export type UpcomingView = { id: string; coacheeName: string; startsAtMs: number; endsAtMs: number; calendarStatus: Session['calendarStatus'] };

/** What the cards need to know about the reader and where links go. */
export type CardContext = { s: AddonStrings; locale: Locale; zone: string; panelUrl: (sessionId: string) => string };

function when(c: CardContext, startsAtMs: number, endsAtMs: number): string {
  return `${formatInstant(startsAtMs, c.zone, c.locale, 'full')}–${formatInstant(endsAtMs, c.zone, c.locale, 'time')}`;
}

/** The homepage: the coach's next sessions, each with a button that opens its panel. */
export function homeCard(c: CardContext, coachName: string, sessions: UpcomingView[]): Card {
  const widgets: Widget[] = sessions.map((session) => ({
    decoratedText: {
      topLabel: escapeHtml(when(c, session.startsAtMs, session.endsAtMs)),
      text: escapeHtml(session.coacheeName),
      bottomLabel: escapeHtml(c.s.status[session.calendarStatus]),
      wrapText: true,
      startIcon: { knownIcon: 'CLOCK' },
      button: { text: c.s.open, onClick: { openLink: { url: c.panelUrl(session.id) } } },
    },
  }));
  return {
    header: { title: escapeHtml(c.s.homeTitle), subtitle: escapeHtml(c.s.homeSubtitle(coachName)) },
    sections: [{ widgets: widgets.length ? widgets : [paragraph(escapeHtml(c.s.noUpcoming))] }],
  };
}

/** One session as the event card shows it: agenda, open agreements and calendar status, never notes. */
export type SessionView = {
  id: string;
  coacheeName: string;
  startsAtMs: number;
  endsAtMs: number;
  calendarStatus: Session['calendarStatus'];
  agenda: AgendaItem[];
  agreements: Agreement[];
};

const dueFormatters = new Map<Locale, Intl.DateTimeFormat>();

/** A due date as "vr 2 apr" / "Fri 2 Apr"; a due instant with its time in the reader's zone. */
function formatDue(c: CardContext, due: string): string {
  const date = parseDate(due);
  if (date) {
    let formatter = dueFormatters.get(c.locale);
    if (!formatter) {
      formatter = new Intl.DateTimeFormat(LOCALE_TAGS[c.locale], { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
      dueFormatters.set(c.locale, formatter);
    }
    return formatter.format(Date.UTC(date.y, date.m - 1, date.d));
  }
  const at = Date.parse(due);
  return Number.isNaN(at) ? due : `${formatInstant(at, c.zone, c.locale, 'day')}, ${formatInstant(at, c.zone, c.locale, 'time')}`;
}

/** Lines joined for a text paragraph, at most MAX_ITEMS and a count of the rest. */
function lines(c: CardContext, items: string[]): string {
  const shown = items.slice(0, MAX_ITEMS);
  if (items.length > MAX_ITEMS) shown.push(escapeHtml(c.s.more(items.length - MAX_ITEMS)));
  return shown.join('<br>');
}

/** The event card: the session's agenda, its open agreements (who does what by when), the invite's status and what to do. */
export function sessionCard(c: CardContext, view: SessionView, publishUrl: string): Card {
  const agenda = [...view.agenda].sort((a, b) => a.position - b.position).map((item) => `${item.done ? '✓' : '•'} ${escapeHtml(item.title)}`);
  const open = view.agreements.filter((a) => a.status === 'open');
  const agreements = open.map((a) => {
    const who = a.who === 'coachee' ? view.coacheeName : a.who === 'coach' ? c.s.you : a.who.name;
    const extras = [a.due ? c.s.due(formatDue(c, a.due)) : null, a.carriedOver ? c.s.fromLastTime : null].filter((x) => x !== null);
    return `<b>${escapeHtml(who)}</b>: ${escapeHtml(a.what)}${extras.length ? ` (${escapeHtml(extras.join(', '))})` : ''}`;
  });
  const publish: Button = { text: c.s.publish, type: 'FILLED', onClick: { action: { function: publishUrl, parameters: [{ key: 'sessionId', value: view.id }] } } };
  const panel: Button = { text: c.s.openPanel, onClick: { openLink: { url: c.panelUrl(view.id) } } };
  return {
    header: { title: escapeHtml(c.s.sessionWith(view.coacheeName)), subtitle: escapeHtml(when(c, view.startsAtMs, view.endsAtMs)) },
    sections: [
      { header: escapeHtml(c.s.agenda), widgets: [paragraph(agenda.length ? lines(c, agenda) : escapeHtml(c.s.emptyAgenda))] },
      { header: escapeHtml(c.s.agreements), widgets: [paragraph(agreements.length ? lines(c, agreements) : escapeHtml(c.s.noAgreements))] },
      {
        widgets: [
          { decoratedText: { topLabel: escapeHtml(c.s.invite), text: escapeHtml(c.s.status[view.calendarStatus]), startIcon: { knownIcon: 'INVITE' }, wrapText: true } },
          { buttonList: { buttons: [publish, panel] } },
          paragraph(`<i>${escapeHtml(c.s.notesPrivate)}</i>`),
        ],
      },
    ],
  };
}
