/** iCalendar output (RFC 5545 / RFC 5546) built with ical.js: the local calendar's subscription feed and e-mail invites. */
import ICAL from 'ical.js';
import type { LocalEvent } from './local';
import type { Attendee } from './types';

const PRODID = '-//Coaching Companion//Calendar 1.0//NL';

/** One event as iCalendar needs it; times in epoch ms, written in UTC. */
export interface IcsEvent {
  /** Globally unique and stable across updates, e.g. `<event id>@<our host>`. */
  uid: string;
  title: string;
  /** Plain text. */
  description: string;
  location?: string;
  /** A link shown with the event (e.g. the session page). */
  url?: string;
  startMs: number;
  endMs: number;
  /** RFC 5545 SEQUENCE; must grow with every update the attendees should apply. */
  sequence: number;
  status: 'confirmed' | 'cancelled';
  /** When the event last changed: the DTSTAMP of a feed entry. */
  updatedMs: number;
}

/**
 * The iCalendar view of a local calendar event. `uidHost` (our public host name) makes the UID globally unique;
 * the UID never changes for the event, SEQUENCE follows the stored sequence.
 * @see https://www.rfc-editor.org/rfc/rfc5545#section-3.8.4.7
 */
export function icsFromLocal(event: LocalEvent, uidHost: string, url?: string): IcsEvent {
  return {
    uid: `${event.id}@${uidHost}`,
    title: event.title,
    description: event.description,
    ...(event.location === undefined ? {} : { location: event.location }),
    ...(url === undefined ? {} : { url }),
    startMs: event.startMs,
    endMs: event.endMs,
    sequence: event.sequence,
    status: event.status,
    updatedMs: event.updatedMs,
  };
}

/**
 * Plain text as ical.js should see it: CRLF and lone CR become LF (ical.js escapes LF as `\n` but would write a CR raw,
 * which lenient clients read as a new property), other C0 controls and DEL are dropped; tabs stay.
 * @see https://www.rfc-editor.org/rfc/rfc5545#section-3.3.11
 */
export function icalText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '');
}

/** A one-line value (a parameter such as CN, or an X- property ical.js writes unescaped): `icalText` with line breaks as spaces. */
export function icalLine(value: string): string {
  return icalText(value).replace(/\n/g, ' ');
}

function utc(ms: number): ICAL.Time {
  return ICAL.Time.fromJSDate(new Date(ms), true);
}

function person(name: 'organizer' | 'attendee', who: Attendee): ICAL.Property {
  const prop = new ICAL.Property(name);
  prop.setValue(`mailto:${icalLine(who.email).replace(/\s/g, '')}`);
  if (who.name) prop.setParameter('cn', icalLine(who.name));
  if (name === 'attendee') {
    prop.setParameter('role', 'REQ-PARTICIPANT');
    prop.setParameter('partstat', 'NEEDS-ACTION');
    prop.setParameter('rsvp', 'TRUE');
  }
  return prop;
}

function vevent(event: IcsEvent, stampMs: number): ICAL.Component {
  const component = new ICAL.Component('vevent');
  component.updatePropertyWithValue('uid', event.uid);
  component.updatePropertyWithValue('dtstamp', utc(stampMs));
  component.updatePropertyWithValue('dtstart', utc(event.startMs));
  component.updatePropertyWithValue('dtend', utc(event.endMs));
  component.updatePropertyWithValue('sequence', event.sequence);
  component.updatePropertyWithValue('status', event.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED');
  component.updatePropertyWithValue('summary', icalText(event.title));
  const description = icalText(event.description);
  if (description) component.updatePropertyWithValue('description', description);
  const location = event.location === undefined ? '' : icalText(event.location);
  if (location) component.updatePropertyWithValue('location', location);
  if (event.url) component.updatePropertyWithValue('url', event.url);
  component.updatePropertyWithValue('transp', 'OPAQUE');
  return component;
}

function vcalendar(extra: Record<string, string>): ICAL.Component {
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.updatePropertyWithValue('prodid', PRODID);
  calendar.updatePropertyWithValue('version', '2.0');
  calendar.updatePropertyWithValue('calscale', 'GREGORIAN');
  for (const [name, value] of Object.entries(extra)) calendar.updatePropertyWithValue(name, icalLine(value));
  return calendar;
}

/**
 * Serialises with CRLF after every line, the last one included (ical.js leaves it open). ical.js folds after
 * `foldLength` octets and then adds the leading space, so 74 keeps every line within RFC 5545's 75 octets.
 * @see https://www.rfc-editor.org/rfc/rfc5545#section-3.1
 */
function serialise(calendar: ICAL.Component): string {
  const previous = ICAL.foldLength;
  ICAL.foldLength = 74;
  try {
    const text = calendar.toString();
    return text.endsWith('\r\n') ? text : `${text}\r\n`;
  } finally {
    ICAL.foldLength = previous;
  }
}

/**
 * A subscription feed (no METHOD): one VEVENT per event with a stable UID, SEQUENCE and DTSTAMP = last change.
 * `X-WR-CALNAME` / `X-WR-TIMEZONE` name the calendar and the zone clients should show it in.
 * @see https://www.rfc-editor.org/rfc/rfc5545#section-3.6.1
 */
export function buildCalendarFeed(events: readonly IcsEvent[], options: { name: string; timeZone: string }): string {
  const calendar = vcalendar({ 'x-wr-calname': options.name, 'x-wr-timezone': options.timeZone });
  for (const event of events) calendar.addSubcomponent(vevent(event, event.updatedMs));
  return serialise(calendar);
}

/**
 * An iTIP invite for e-mail (`text/calendar; method=…`): METHOD:REQUEST for new or changed events, METHOD:CANCEL
 * (STATUS:CANCELLED, SEQUENCE raised by the caller) to withdraw one. `stampMs` is when the message is made.
 * @see https://www.rfc-editor.org/rfc/rfc5546#section-3.2
 */
export function buildInvite(
  event: IcsEvent,
  options: { method: 'REQUEST' | 'CANCEL'; organizer: Attendee; attendees: readonly Attendee[]; stampMs: number },
): string {
  const calendar = vcalendar({ method: options.method });
  const component = vevent(options.method === 'CANCEL' ? { ...event, status: 'cancelled' } : event, options.stampMs);
  component.addProperty(person('organizer', options.organizer));
  for (const attendee of options.attendees) component.addProperty(person('attendee', attendee));
  calendar.addSubcomponent(component);
  return serialise(calendar);
}
