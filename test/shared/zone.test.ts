/** Tests of the time-zone maths: offsets, local ↔ epoch across DST gaps and overlaps, formatting in words. */
import { describe, expect, it } from 'vitest';
import { Instant } from '../../shared/protocol';
import { addDays, daysBetween, formatDate, isValidDate, parseDate } from '../../shared/time/calendar-date';
import { epochToLocal, formatInstant, isoWeekday, localDateString, localToEpoch, toIsoWithOffset, zoneInWords, zoneOffsetMs } from '../../shared/time/zone';

const AMS = 'Europe/Amsterdam';
const NY = 'America/New_York';
const H = 3_600_000;

describe('offsets and conversions', () => {
  it('knows Amsterdam is UTC+1 in winter and UTC+2 in summer, New York −5/−4, Kolkata +5:30', () => {
    expect(zoneOffsetMs(AMS, Date.UTC(2027, 0, 15, 12))).toBe(1 * H);
    expect(zoneOffsetMs(AMS, Date.UTC(2027, 6, 15, 12))).toBe(2 * H);
    expect(zoneOffsetMs(NY, Date.UTC(2027, 0, 15, 12))).toBe(-5 * H);
    expect(zoneOffsetMs(NY, Date.UTC(2027, 6, 15, 12))).toBe(-4 * H);
    expect(zoneOffsetMs('Asia/Kolkata', Date.UTC(2027, 6, 15, 12))).toBe(5.5 * H);
  });

  it('switches exactly at 01:00 UTC on the Amsterdam DST days of 2027', () => {
    expect(zoneOffsetMs(AMS, Date.UTC(2027, 2, 28, 0, 59, 59))).toBe(1 * H);
    expect(zoneOffsetMs(AMS, Date.UTC(2027, 2, 28, 1))).toBe(2 * H);
    expect(zoneOffsetMs(AMS, Date.UTC(2027, 9, 31, 0, 59, 59))).toBe(2 * H);
    expect(zoneOffsetMs(AMS, Date.UTC(2027, 9, 31, 1))).toBe(1 * H);
  });

  it('converts wall-clock times to instants on both sides of a DST change', () => {
    expect(localToEpoch(AMS, { y: 2027, m: 3, d: 28, hh: 1, mm: 30 })).toBe(Date.UTC(2027, 2, 28, 0, 30));
    expect(localToEpoch(AMS, { y: 2027, m: 3, d: 28, hh: 13, mm: 0 })).toBe(Date.UTC(2027, 2, 28, 11));
    expect(localToEpoch(AMS, { y: 2027, m: 10, d: 31, hh: 13, mm: 0 })).toBe(Date.UTC(2027, 9, 31, 12));
    expect(localToEpoch(AMS, { y: 2027, m: 3, d: 27, hh: 24, mm: 0 })).toBe(Date.UTC(2027, 2, 27, 23));
  });

  it('takes the later reading in a gap and the earlier instant in an overlap', () => {
    // 02:30 does not exist on 28 March: it becomes 03:30 CEST
    expect(localToEpoch(AMS, { y: 2027, m: 3, d: 28, hh: 2, mm: 30 })).toBe(Date.UTC(2027, 2, 28, 1, 30));
    // 02:30 exists twice on 31 October: the first one, still in CEST
    expect(localToEpoch(AMS, { y: 2027, m: 10, d: 31, hh: 2, mm: 30 })).toBe(Date.UTC(2027, 9, 31, 0, 30));
    expect(localToEpoch(NY, { y: 2027, m: 3, d: 14, hh: 2, mm: 15 })).toBe(Date.UTC(2027, 2, 14, 7, 15));
    expect(localToEpoch(NY, { y: 2027, m: 11, d: 7, hh: 1, mm: 30 })).toBe(Date.UTC(2027, 10, 7, 5, 30));
  });

  it('round-trips every quarter hour of a DST year outside the gaps', () => {
    for (let t = Date.UTC(2027, 0, 1); t < Date.UTC(2028, 0, 1); t += 15 * 60_000) {
      const local = epochToLocal(AMS, t);
      const back = localToEpoch(AMS, local);
      // in the repeated hour the earlier instant wins, so the later one maps back an hour early
      if (back !== t) expect(t - back).toBe(H);
    }
  });

  it('gives the local date and ISO weekday', () => {
    const t = Date.UTC(2027, 2, 28, 22, 30); // 00:30 on Monday 29 March in Amsterdam
    expect(localDateString(AMS, t)).toBe('2027-03-29');
    expect(isoWeekday(epochToLocal(AMS, t))).toBe(1);
    expect(isoWeekday({ y: 2027, m: 3, d: 28 })).toBe(7);
  });
});

describe('calendar dates', () => {
  it('adds days across months and years and checks validity', () => {
    expect(formatDate(addDays({ y: 2027, m: 12, d: 30 }, 3))).toBe('2028-01-02');
    expect(formatDate(addDays({ y: 2028, m: 3, d: 1 }, -1))).toBe('2028-02-29');
    expect(daysBetween({ y: 2027, m: 3, d: 27 }, { y: 2027, m: 3, d: 29 })).toBe(2);
    expect(parseDate('2027-02-29')).toBeNull();
    expect(parseDate('2027-3-1')).toBeNull();
    expect(isValidDate({ y: 2028, m: 2, d: 29 })).toBe(true);
  });
});

describe('formatting', () => {
  it('writes ISO instants with the zone offset, valid for the wire schema', () => {
    expect(toIsoWithOffset(Date.UTC(2027, 2, 28, 7), AMS)).toBe('2027-03-28T09:00:00+02:00');
    expect(toIsoWithOffset(Date.UTC(2027, 0, 5, 8, 0, 0, 250), NY)).toBe('2027-01-05T03:00:00.250-05:00');
    expect(toIsoWithOffset(0, 'Asia/Kolkata')).toBe('1970-01-01T05:30:00+05:30');
    const iso = toIsoWithOffset(Date.UTC(2027, 9, 31, 1, 30), AMS);
    expect(Instant.parse(iso)).toBe(iso);
    expect(Date.parse(iso)).toBe(Date.UTC(2027, 9, 31, 1, 30));
  });

  it('formats an instant for people in the reader’s zone and language', () => {
    const t = Date.UTC(2027, 2, 30, 11);
    const nl = formatInstant(t, AMS, 'nl');
    expect(nl).toContain('dinsdag');
    expect(nl).toContain('30 maart 2027');
    expect(nl).toContain('13:00');
    const en = formatInstant(t, NY, 'en');
    expect(en).toContain('Tuesday');
    expect(en).toContain('07:00');
    expect(formatInstant(t, AMS, 'en', 'time')).toBe('13:00');
  });

  it('names the zone in words with abbreviation and offset', () => {
    expect(zoneInWords(AMS, 'nl', Date.UTC(2027, 0, 1))).toBe('Nederlandse tijd (CET, UTC+1)');
    expect(zoneInWords(AMS, 'en', Date.UTC(2027, 6, 1))).toBe('Amsterdam time (CEST, UTC+02:00)');
    expect(zoneInWords(NY, 'nl', Date.UTC(2027, 0, 1))).toBe('tijd in New York (EST, UTC-5)');
    expect(zoneInWords('Asia/Kolkata', 'en', Date.UTC(2027, 0, 1))).toBe('Kolkata time (UTC+05:30)');
    expect(zoneInWords('Asia/Kolkata', 'nl', Date.UTC(2027, 0, 1))).toBe('tijd in Kolkata (UTC+5:30)');
  });
});
