/** Renders the invite block (agenda, agreements, link) as plain text and HTML for calendar event descriptions. */
import type { InviteStrings } from '../i18n/invite-strings';
import { INVITE_STRINGS } from '../i18n/invite-strings';
import type { Locale } from '../schemas/common';
import type { AgendaItem, Agreement } from '../schemas/session';
import { parseDate } from '../time/calendar-date';
import { LOCALE_TAGS, epochToLocal, formatInstant, zoneInWords } from '../time/zone';
import { beginLine, endLine, neutraliseMarkers, type RenderedBlock } from './block';
import { escapeHtml, safeHref } from './escape-html';

/**
 * What the invite may show. Deliberately no notes, prompts or model: only what the coachee may see.
 * `timeZone` is the reader's zone (usually the coachee's).
 */
export type InviteInput = {
  mode: 'full' | 'link_only';
  coachName: string;
  coacheeName: string;
  startsAtMs: number;
  endsAtMs: number;
  timeZone: string;
  agenda: AgendaItem[];
  agreements: Agreement[];
  coacheeUrl: string;
  goal?: string;
};

type Line = { text: string; html: string };
type Section = { heading?: string; lines: Line[]; list?: boolean };

/**
 * The invite block, between the edges of block.ts (user text neutralised so it never reads as an edge). `full` shows time (with the zone
 * in words), goal, agenda, agreements (open first, carried-over ones marked, done ones ticked,
 * dropped ones left out) and the coachee's link; `link_only` shows one short line and the link.
 * Every user text is HTML-escaped in `html`.
 */
export function renderInviteBlock(input: InviteInput, locale: Locale): RenderedBlock {
  const s = INVITE_STRINGS[locale];
  input = userTextNeutralised(input);
  const sections = input.mode === 'link_only' ? linkOnlySections(input, s) : fullSections(input, s, locale);
  const textParts = sections.map((section) => [section.heading, ...section.lines.map((l) => l.text)].filter((x) => x !== undefined).join('\n'));
  const text = [beginLine(locale), textParts.join('\n\n'), endLine(locale)].join('\n');
  const htmlParts = sections.map((section) => {
    const heading = section.heading ? `<p><b>${escapeHtml(section.heading)}</b></p>` : '';
    if (section.list) return `${heading}<ul>${section.lines.map((l) => `<li>${l.html}</li>`).join('')}</ul>`;
    return `${heading}${section.lines.map((l) => `<p>${l.html}</p>`).join('')}`;
  });
  const html = `<div data-cc="invite"><p>${escapeHtml(beginLine(locale))}</p>${htmlParts.join('')}<p>${escapeHtml(endLine(locale))}</p></div>`;
  return { text, html };
}

/** The input with every text a person typed passed through `neutraliseMarkers`, so none of it can read as a block edge. */
function userTextNeutralised(input: InviteInput): InviteInput {
  const n = neutraliseMarkers;
  return {
    ...input,
    coachName: n(input.coachName),
    coacheeName: n(input.coacheeName),
    ...(input.goal === undefined ? {} : { goal: n(input.goal) }),
    agenda: input.agenda.map((item) => ({ ...item, title: n(item.title) })),
    agreements: input.agreements.map((a) => ({ ...a, what: n(a.what), who: typeof a.who === 'string' ? a.who : { name: n(a.who.name) } })),
  };
}

function linkOnlySections(input: InviteInput, s: InviteStrings): Section[] {
  return [{ lines: [plain(s.linkOnly(input.coachName)), link(input.coacheeUrl, s.linkLabel)] }];
}

function fullSections(input: InviteInput, s: InviteStrings, locale: Locale): Section[] {
  const sections: Section[] = [{ lines: [strong(s.heading(input.coacheeName, input.coachName)), plain(when(input, locale))] }];
  const goal = input.goal?.trim();
  if (goal) sections.push({ lines: [{ text: `${s.goal}: ${goal}`, html: `<b>${escapeHtml(s.goal)}:</b> ${escapeHtml(goal)}` }] });
  const agenda = [...input.agenda].sort((a, b) => a.position - b.position);
  sections.push(
    agenda.length
      ? { heading: s.agenda, list: true, lines: agenda.map((item) => ({ text: `${item.done ? '✓' : '•'} ${item.title}`, html: escapeHtml(item.done ? `✓ ${item.title}` : item.title) })) }
      : { heading: s.agenda, lines: [plain(s.emptyAgenda)] },
  );
  const shown = [...input.agreements.filter((a) => a.status === 'open'), ...input.agreements.filter((a) => a.status === 'done')];
  if (shown.length) sections.push({ heading: s.agreements, list: true, lines: shown.map((a) => plain(agreementLine(a, input, s, locale))) });
  sections.push({ lines: [plain(s.linkIntro), link(input.coacheeUrl, s.linkLabel)] });
  return sections;
}

/** "dinsdag 30 maart 2027, 13:00–14:00 (Nederlandse tijd (CEST, UTC+2))" — the end with its date when it falls on another day. */
function when(input: InviteInput, locale: Locale): string {
  const { startsAtMs, endsAtMs, timeZone } = input;
  const sameDay = sameLocalDay(timeZone, startsAtMs, endsAtMs);
  const start = `${formatInstant(startsAtMs, timeZone, locale, 'date')}, ${formatInstant(startsAtMs, timeZone, locale, 'time')}`;
  const end = sameDay ? formatInstant(endsAtMs, timeZone, locale, 'time') : formatInstant(endsAtMs, timeZone, locale, 'full');
  return `${start}–${end} · ${zoneInWords(timeZone, locale, startsAtMs)}`;
}

function agreementLine(a: Agreement, input: InviteInput, s: InviteStrings, locale: Locale): string {
  const who = a.who === 'coachee' ? input.coacheeName : a.who === 'coach' ? input.coachName : a.who.name;
  const box = a.status === 'done' ? '☑' : '☐';
  const extras = [a.due ? s.due(formatDue(a.due, input, locale)) : null, a.carriedOver ? s.fromLastTime : null].filter((x) => x !== null);
  return `${box} ${who}: ${a.what}${extras.length ? ` (${extras.join(', ')})` : ''}`;
}

const dueDateFormatters = new Map<string, Intl.DateTimeFormat>();

/** A due date as "vr 2 apr" / "Fri 2 Apr" (with the year when not the session's); a due instant adds the time in the reader's zone. */
function formatDue(due: string, input: InviteInput, locale: Locale): string {
  const sessionYear = epochToLocal(input.timeZone, input.startsAtMs).y;
  const date = parseDate(due);
  if (date) {
    const withYear = date.y !== sessionYear;
    const key = `${locale}|${withYear}`;
    let formatter = dueDateFormatters.get(key);
    if (!formatter) {
      formatter = new Intl.DateTimeFormat(LOCALE_TAGS[locale], { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}) });
      dueDateFormatters.set(key, formatter);
    }
    return formatter.format(Date.UTC(date.y, date.m - 1, date.d));
  }
  const at = Date.parse(due);
  if (Number.isNaN(at)) return due;
  return `${formatInstant(at, input.timeZone, locale, 'day')}, ${formatInstant(at, input.timeZone, locale, 'time')}`;
}

function sameLocalDay(zone: string, a: number, b: number): boolean {
  const x = epochToLocal(zone, a);
  const y = epochToLocal(zone, b - 1);
  return x.y === y.y && x.m === y.m && x.d === y.d;
}

function plain(text: string): Line {
  return { text, html: escapeHtml(text) };
}

function strong(text: string): Line {
  return { text, html: `<b>${escapeHtml(text)}</b>` };
}

function link(url: string, label: string): Line {
  return { text: url, html: `<a href="${safeHref(url)}">${escapeHtml(label)}</a>` };
}
