/** iCalendar output: what buildCalendarFeed and buildInvite write, read back with ical.js. */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendarFeed, buildInvite, type IcsEvent } from '../../worker/providers/ical';

const START = Date.UTC(2027, 9, 31, 12, 0);
const event: IcsEvent = {
  uid: 'bk_7f3a9c@coaching.example',
  title: 'Coachgesprek 2; Sam, de Vries',
  description: `Agenda:\n- grenzen stellen; oefenen, evalueren\n- afspraken: ${'lang '.repeat(30)}`,
  location: 'Praktijk, Utrecht',
  url: 'https://coaching.example/s/abc',
  startMs: START,
  endMs: START + 50 * 60_000,
  sequence: 3,
  status: 'confirmed',
  updatedMs: Date.UTC(2027, 9, 1, 9, 15, 30),
};

function parse(text: string): ICAL.Component {
  return new ICAL.Component(ICAL.parse(text));
}

function timeOf(component: ICAL.Component, name: string): number {
  return (component.getFirstPropertyValue(name) as ICAL.Time).toJSDate().getTime();
}

describe('buildCalendarFeed', () => {
  it('writes one VEVENT per event that reads back unchanged', () => {
    const text = buildCalendarFeed([event, { ...event, uid: 'bk_2@coaching.example', startMs: START + 86_400_000, endMs: START + 86_400_000 + 3_600_000, sequence: 0 }], { name: 'Coachagenda Anna', timeZone: 'Europe/Amsterdam' });
    const calendar = parse(text);
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('method')).toBeNull();
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Coachagenda Anna');
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Amsterdam');
    const [first, second] = calendar.getAllSubcomponents('vevent');
    const read = new ICAL.Event(first);
    expect(read.uid).toBe(event.uid);
    expect(read.summary).toBe(event.title);
    expect(read.description).toBe(event.description);
    expect(read.location).toBe(event.location);
    expect(read.startDate.toJSDate().getTime()).toBe(START);
    expect(read.endDate.toJSDate().getTime()).toBe(event.endMs);
    expect(read.sequence).toBe(3);
    expect(first?.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(first?.getFirstPropertyValue('url')).toBe(event.url);
    expect(timeOf(first!, 'dtstamp')).toBe(event.updatedMs);
    expect(new ICAL.Event(second).uid).toBe('bk_2@coaching.example');
  });

  it('writes UTC times, CRLF line ends and folds lines at 75 octets', () => {
    const text = buildCalendarFeed([event], { name: 'Coachagenda', timeZone: 'Europe/Amsterdam' });
    expect(text).toContain('DTSTART:20271031T120000Z\r\n');
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const lines = text.split('\r\n').slice(0, -1);
    expect(lines.every((line) => !line.includes('\n'))).toBe(true);
    expect(Math.max(...lines.map((line) => new TextEncoder().encode(line).length))).toBeLessThanOrEqual(75);
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
  });

  it('writes an empty calendar when there are no events', () => {
    const calendar = parse(buildCalendarFeed([], { name: 'Leeg', timeZone: 'UTC' }));
    expect(calendar.getAllSubcomponents('vevent')).toHaveLength(0);
  });
});

describe('buildInvite', () => {
  const organizer = { email: 'anna@coaching.example', name: 'Anna Jansen, coach' };
  const attendees = [{ email: 'sam@example.org', name: 'Sam de Vries' }, { email: 'hr@example.org' }];
  const stampMs = Date.UTC(2027, 9, 20, 8, 0);

  it('writes METHOD:REQUEST with organizer and attendees awaiting a reply', () => {
    const calendar = parse(buildInvite(event, { method: 'REQUEST', organizer, attendees, stampMs }));
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    const vevent = calendar.getFirstSubcomponent('vevent')!;
    expect(timeOf(vevent, 'dtstamp')).toBe(stampMs);
    expect(vevent.getFirstPropertyValue('sequence')).toBe(3);
    const org = vevent.getFirstProperty('organizer')!;
    expect(org.getFirstValue()).toBe('mailto:anna@coaching.example');
    expect(org.getParameter('cn')).toBe('Anna Jansen, coach');
    const people = vevent.getAllProperties('attendee');
    expect(people.map((p) => p.getFirstValue())).toEqual(['mailto:sam@example.org', 'mailto:hr@example.org']);
    expect(people[0]?.getParameter('cn')).toBe('Sam de Vries');
    expect(people[1]?.getParameter('cn')).toBeUndefined();
    expect(people.map((p) => [p.getParameter('partstat'), p.getParameter('rsvp'), p.getParameter('role')])).toEqual([
      ['NEEDS-ACTION', 'TRUE', 'REQ-PARTICIPANT'],
      ['NEEDS-ACTION', 'TRUE', 'REQ-PARTICIPANT'],
    ]);
  });

  it('writes METHOD:CANCEL with the same UID, STATUS:CANCELLED and the given sequence', () => {
    const calendar = parse(buildInvite({ ...event, sequence: 4 }, { method: 'CANCEL', organizer, attendees, stampMs }));
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    const vevent = calendar.getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('uid')).toBe(event.uid);
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(vevent.getFirstPropertyValue('sequence')).toBe(4);
  });
});
