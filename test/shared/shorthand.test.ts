/** Tests of the agreement shorthand parser: who prefixes and Dutch/English due phrases. */
import { describe, expect, it } from 'vitest';
import { parseShorthand, type ShorthandOptions } from '../../shared/agreements/shorthand';
import { isoWeekday, parseDate } from '../../shared/time/calendar-date';

// Wednesday 24 March 2027
const nl: ShorthandOptions = { today: '2027-03-24', locale: 'nl' };
const en: ShorthandOptions = { today: '2027-03-24', locale: 'en' };

describe('parseShorthand: who', () => {
  it('reads a name prefix as someone named, and strips the due phrase from what', () => {
    expect(parseShorthand('Sanne: stuurt voorstel naar teamleider vóór vrijdag', nl)).toEqual({
      who: { name: 'Sanne' },
      what: 'stuurt voorstel naar teamleider',
      due: '2027-03-26',
    });
  });

  it('maps the coachee’s own (first) name, "coachee" and no prefix to the coachee', () => {
    const opts = { ...nl, coacheeName: 'Sanne de Vries' };
    expect(parseShorthand('Sanne: stuurt voorstel', opts).who).toBe('coachee');
    expect(parseShorthand('sanne de vries: stuurt voorstel', opts).who).toBe('coachee');
    expect(parseShorthand('coachee: stuurt voorstel', nl).who).toBe('coachee');
    expect(parseShorthand('oefent het gesprek met Joost', nl)).toEqual({ who: 'coachee', what: 'oefent het gesprek met Joost', due: null });
  });

  it('maps "ik", "coach" and "I" to the coach', () => {
    expect(parseShorthand('ik: deelt artikel over feedback morgen', nl)).toEqual({ who: 'coach', what: 'deelt artikel over feedback', due: '2027-03-25' });
    expect(parseShorthand('Coach: belt de teamleider', nl).who).toBe('coach');
    expect(parseShorthand('I: share the article by Friday', en)).toEqual({ who: 'coach', what: 'share the article', due: '2027-03-26' });
  });

  it('does not take a URL scheme or a time for a name', () => {
    expect(parseShorthand('https://example.org/artikel lezen', nl).who).toBe('coachee');
    expect(parseShorthand('om 10:30 bellen met HR', nl)).toMatchObject({ who: 'coachee', what: 'om 10:30 bellen met HR' });
  });
});

describe('parseShorthand: due', () => {
  const due = (text: string, opts: ShorthandOptions = nl) => parseShorthand(text, opts).due;

  it('reads weekdays as the next such day after today, a week later on the same weekday', () => {
    expect(due('mailt HR uiterlijk maandag')).toBe('2027-03-29');
    expect(due('mailt HR voor woensdag')).toBe('2027-03-31');
    expect(due('mails HR before Thursday', en)).toBe('2027-03-25');
    expect(due('mailt HR op donderdag')).toBe('2027-03-25');
    expect(due('mailt HR vóór vr')).toBe('2027-03-26');
    expect(due('mails HR by fri', en)).toBe('2027-03-26');
    expect(due('mails HR by vr', en)).toBeNull();
    for (const d of ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag']) {
      const date = parseDate(due(`klaar ${d}`) ?? '');
      expect(date && isoWeekday(date)).toBe(['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'].indexOf(d) + 1);
    }
  });

  it('reads relative words', () => {
    expect(due('belt vandaag')).toBe('2027-03-24');
    expect(due('belt morgen')).toBe('2027-03-25');
    expect(due('calls tomorrow', en)).toBe('2027-03-25');
    expect(due('belt overmorgen')).toBe('2027-03-26');
    expect(due('plant het gesprek volgende week')).toBe('2027-04-02');
    expect(due('plans the talk next week', en)).toBe('2027-04-02');
    expect(due('plans the talk next week Tuesday', en)).toBe('2027-03-30');
    expect(due('rondt af deze week')).toBe('2027-03-26');
    expect(due('rondt af deze week', { ...nl, today: '2027-03-27' })).toBe('2027-03-27');
    expect(due('levert in eind van de maand')).toBe('2027-03-31');
  });

  it('reads "over N weken" / "in N weeks" and friends', () => {
    expect(due('evalueert over 2 weken')).toBe('2027-04-07');
    expect(due('evalueert over twee weken')).toBe('2027-04-07');
    expect(due('evaluates in 2 weeks', en)).toBe('2027-04-07');
    expect(due('evaluates in a week', en)).toBe('2027-03-31');
    expect(due('evalueert binnen 3 dagen')).toBe('2027-03-27');
    expect(due('evalueert over een maand', { ...nl, today: '2027-01-31' })).toBe('2027-02-28');
  });

  it('reads explicit dates: ISO, d mmm, mmm d, dd-mm; a date without a year is the next one', () => {
    expect(due('stuurt verslag 2027-05-01')).toBe('2027-05-01');
    expect(due('stuurt verslag vóór 3 april')).toBe('2027-04-03');
    expect(due('stuurt verslag vóór 3 maart')).toBe('2028-03-03');
    expect(due('stuurt verslag vóór 24 mrt')).toBe('2027-03-24');
    expect(due('sends the report by 3 March 2027', en)).toBe('2027-03-03');
    expect(due('sends the report by April 3rd', en)).toBe('2027-04-03');
    expect(due('stuurt verslag 15-04')).toBe('2027-04-15');
    expect(due('stuurt verslag 15/4/2027')).toBe('2027-04-15');
    expect(due('stuurt verslag 1-2-28')).toBe('2028-02-01');
    expect(due('stuurt verslag 31-02')).toBeNull();
  });

  it('removes the phrase wherever it is and tidies the gap', () => {
    expect(parseShorthand('Sanne: uiterlijk 3 april: verslag schrijven', nl)).toEqual({ who: { name: 'Sanne' }, what: 'verslag schrijven', due: '2027-04-03' });
    expect(parseShorthand('Piet: morgen, bel de klant', nl).what).toBe('bel de klant');
    expect(parseShorthand('schrijft  vóór vrijdag het plan', nl).what).toBe('schrijft het plan');
  });

  it('leaves look-alike words alone', () => {
    expect(parseShorthand('Maartje: doet een voorstel voor het team', nl)).toEqual({ who: { name: 'Maartje' }, what: 'doet een voorstel voor het team', due: null });
    expect(due('bespreekt de morgens met het team')).toBeNull();
    expect(due('I do the planning', en)).toBeNull();
  });

  it('refuses a malformed today', () => {
    expect(() => parseShorthand('x morgen', { today: '24-03-2027', locale: 'nl' })).toThrow(RangeError);
  });
});
