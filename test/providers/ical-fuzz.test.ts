/** Property tests of the iCalendar output: any text a user can type reads back, with ical.js and with a lenient line splitter, as exactly the properties we wrote. */
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendarFeed, buildInvite, icalLine, icalText, type IcsEvent } from '../../worker/providers/ical';

/** Text with the characters that matter to iCalendar mixed into arbitrary Unicode. */
const nasty = fc.string({
  unit: fc.oneof(
    fc.constantFrom('\r', '\n', '\r\n', '\t', '\u0000', '\u000b', '\u000c', '\u001b', '\u007f', ';', ',', ':', '"', '\\', '^', ' ', 'ATTENDEE:mailto:x@evil.test', 'END:VEVENT'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 120,
});

const START = Date.UTC(2027, 9, 31, 12, 0);

function eventWith(title: string, description: string, location: string): IcsEvent {
  return { uid: 'ev-1@coaching.example', title, description, location, startMs: START, endMs: START + 3_600_000, sequence: 1, status: 'confirmed', updatedMs: START - 86_400_000 };
}

/**
 * The property names a lenient client sees: it unfolds RFC 5545 continuation lines, then treats CR, LF or CRLF as a line end
 * (several calendar clients do), so a raw CR inside a value would start a new property.
 */
function lenientNames(ics: string): string[] {
  return ics
    .replace(/\r\n[ \t]/g, '')
    .split(/\r\n|\r|\n/)
    .filter((line) => line.length > 0)
    .map((line) => (/^[A-Za-z0-9-]+/.exec(line)?.[0] ?? `<${line.slice(0, 20)}>`).toUpperCase());
}

const EVENT_NAMES = ['BEGIN', 'UID', 'DTSTAMP', 'DTSTART', 'DTEND', 'SEQUENCE', 'STATUS', 'SUMMARY', 'TRANSP', 'END'];

describe('iCalendar output for any user text', () => {
  it('the feed reads back as exactly the properties written, values normalised', () => {
    fc.assert(
      fc.property(nasty, nasty, nasty, nasty, (title, description, location, calName) => {
        const ics = buildCalendarFeed([eventWith(title, description, location)], { name: calName, timeZone: 'Europe/Amsterdam' });
        const names = lenientNames(ics);
        const expected = ['BEGIN', 'PRODID', 'VERSION', 'CALSCALE', 'X-WR-CALNAME', 'X-WR-TIMEZONE', ...EVENT_NAMES, 'END'];
        if (icalText(description)) expected.splice(expected.indexOf('SUMMARY') + 1, 0, 'DESCRIPTION');
        if (icalText(location)) expected.splice(expected.indexOf('TRANSP'), 0, 'LOCATION');
        expect([...names].sort()).toEqual([...expected].sort());
        const calendar = new ICAL.Component(ICAL.parse(ics));
        expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(icalLine(calName));
        const [vevent, ...more] = calendar.getAllSubcomponents('vevent');
        expect(more).toHaveLength(0);
        const read = new ICAL.Event(vevent);
        expect(read.summary).toBe(icalText(title));
        expect(vevent!.getFirstPropertyValue('description') ?? '').toBe(icalText(description));
        expect(vevent!.getFirstPropertyValue('location') ?? '').toBe(icalText(location));
        expect(read.attendees).toHaveLength(0);
      }),
      { numRuns: 300 },
    );
  });

  it('an invite keeps exactly its organizer and attendees, names and all', () => {
    fc.assert(
      // ical.js reads parameter values with TEXT unescaping (RFC 5545 §3.2 has none), so names here carry no backslash.
      fc.property(nasty, nasty, nasty.map((n) => n.replace(/\\/g, '/')), (title, description, name) => {
        const ics = buildInvite(eventWith(title, description, ''), {
          method: 'REQUEST',
          organizer: { email: 'coach@coaching.example', name },
          attendees: [{ email: 'sam@example.org', name }],
          stampMs: START,
        });
        const names = lenientNames(ics);
        expect(names.filter((n) => n === 'ATTENDEE')).toHaveLength(1);
        expect(names.filter((n) => n === 'ORGANIZER')).toHaveLength(1);
        expect(names.filter((n) => n === 'BEGIN')).toHaveLength(2);
        const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
        const attendees = vevent.getAllProperties('attendee');
        expect(attendees.map((a) => a.getFirstValue())).toEqual(['mailto:sam@example.org']);
        const cn = icalLine(name);
        expect(attendees[0]!.getParameter('cn') ?? '').toBe(cn);
        expect(vevent.getFirstProperty('organizer')!.getParameter('cn') ?? '').toBe(cn);
        expect(vevent.getFirstPropertyValue('summary')).toBe(icalText(title));
      }),
      { numRuns: 300 },
    );
  });

  it('normalises line ends to LF and drops other control characters', () => {
    expect(icalText('a\r\nb\rc\nd\te\u0000f\u001bg\u007f')).toBe('a\nb\nc\nd\tefg');
  });
});
