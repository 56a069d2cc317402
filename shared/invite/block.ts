/** Our marked block inside a calendar event description: find it, replace it, remove it, leaving the coach's text alone. */
import type { Locale } from '../schemas/common';

/**
 * The block's edges: a sentence per locale that reads naturally at the top and bottom of an invite and ends in
 * "(Coaching companion)", plain ASCII so it survives plain text, HTML and the rewriting Google Calendar and Outlook do.
 * Rendered between dashes (`beginLine`/`endLine`); the parser knows every locale's edges, so a block written in Dutch
 * is found after the coachee switched to English.
 */
export const BLOCK_MARKERS: Record<Locale, { begin: string; end: string }> = {
  nl: { begin: 'Je coachingsessie (Coaching companion)', end: 'Einde (Coaching companion)' },
  en: { begin: 'Your coaching session (Coaching companion)', end: 'End (Coaching companion)' },
};

/** The edges of blocks written before: `[cc:begin] ——— … ———` and `——— … ——— [cc:end]`, still found and replaced in existing events. */
export const LEGACY_BEGIN = '[cc:begin]';
export const LEGACY_END = '[cc:end]';

const BEGINS = [LEGACY_BEGIN, ...Object.values(BLOCK_MARKERS).map((m) => m.begin)];
const ENDS = [LEGACY_END, ...Object.values(BLOCK_MARKERS).map((m) => m.end)];

/**
 * User text as the block may show it: anything that would read as one of our edges is broken up ("[cc:" gets a space,
 * "(Coaching companion)" a hyphen), so what a coach or coachee types can never open or close a block.
 */
export function neutraliseMarkers(text: string): string {
  return text.replace(/\[cc:/g, '[cc: ').replace(/\(Coaching companion\)/g, '(Coaching-companion)');
}

/** A rendered invite block in both description formats (see render.ts). */
export type RenderedBlock = { text: string; html: string };
/** Where our first block sits in a description, as `description.slice(start, end)`. */
export type FoundBlock = { start: number; end: number; block: string };

type Span = { start: number; end: number; complete: boolean };

const HTML_HINT = /<\/?(?:p|div|br|span|a|b|i|u|ul|ol|li|html|body|strong|em|font)\b[^>]*>/i;
const VOID_TAGS = new Set(['br', 'hr', 'img', 'wbr', 'meta', 'link', 'input']);

/** The first line of a block, e.g. `——— Je coachingsessie (Coaching companion) ———`. */
export function beginLine(locale: Locale): string {
  return `——— ${BLOCK_MARKERS[locale].begin} ———`;
}

/** The last line of a block, e.g. `——— Einde (Coaching companion) ———`. */
export function endLine(locale: Locale): string {
  return `——— ${BLOCK_MARKERS[locale].end} ———`;
}

/** Whether a description is HTML (Google Calendar and Graph bodies often are) rather than plain text. */
export function isHtmlDescription(description: string): boolean {
  return HTML_HINT.test(description);
}

/** Our first complete block in the description, including HTML wrapper elements we wrote around it; `null` if none. */
export function extractBlock(description: string): FoundBlock | null {
  const first = findSpans(description).find((s) => s.complete);
  return first ? { start: first.start, end: first.end, block: description.slice(first.start, first.end) } : null;
}

/**
 * Puts `block` in place of our first block and drops any further blocks and stray tokens (a
 * corrupted description). Text before and after our block is kept byte-for-byte. Without a block
 * yet, the block is appended after a blank line (in HTML: before `</body>` if there is one).
 * Given both formats, the one matching the description is used (`format` overrides, e.g. for an
 * empty HTML body); a text block follows the description's CRLF line ends.
 */
export function replaceBlock(description: string, block: string | RenderedBlock, format?: 'text' | 'html'): string {
  const html = format ? format === 'html' : isHtmlDescription(description);
  let chosen = typeof block === 'string' ? block : html ? block.html : block.text;
  if (!html && description.includes('\r\n')) chosen = chosen.replace(/\r?\n/g, '\r\n');
  const spans = findSpans(description);
  const first = spans.find((s) => s.complete);
  if (first) {
    return cut(description, spans, first, chosen);
  }
  const cleaned = cut(description, spans, null, '');
  return html ? appendHtml(cleaned, chosen) : appendText(cleaned, chosen);
}

/** The description without our block(s): the whitespace a trailing block leaves behind is trimmed. */
export function removeBlock(description: string): string {
  const spans = findSpans(description);
  if (spans.length === 0) return description;
  return cut(description, spans, null, '');
}

/**
 * Replaces `keep` with `replacement` and removes every other span (with the line break right after
 * it); when a removed span was last, the blank space it leaves at the end goes too.
 */
function cut(description: string, spans: Span[], keep: Span | null, replacement: string): string {
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += description.slice(at, span.start);
    if (span === keep) {
      out += replacement;
      at = span.end;
    } else {
      at = span.end + (/^(?:\r?\n|<br\s*\/?>)/i.exec(description.slice(span.end))?.[0].length ?? 0);
    }
  }
  const rest = description.slice(at);
  const lastRemoved = spans[spans.length - 1] !== keep;
  if (lastRemoved && /^(?:\s|<br\s*\/?>)*$/i.test(rest)) return out.replace(/(?:\s|<br\s*\/?>)+$/i, '');
  return out + rest;
}

function appendText(description: string, block: string): string {
  if (description.length === 0) return block;
  const nl = description.includes('\r\n') ? '\r\n' : '\n';
  const separator = description.endsWith(nl + nl) ? '' : description.endsWith(nl) ? nl : nl + nl;
  return description + separator + block;
}

function appendHtml(description: string, block: string): string {
  if (description.trim().length === 0) return block;
  const bodyEnd = description.search(/<\/body\s*>/i);
  if (bodyEnd >= 0) return `${description.slice(0, bodyEnd)}<br>${block}${description.slice(bodyEnd)}`;
  return `${description}<br>${block}`;
}

/** All our blocks and stray tokens, in order. A begin token without an end (or before another begin) is stray. */
function findSpans(description: string): Span[] {
  const tokens: { at: number; length: number; begin: boolean }[] = [];
  for (const [list, begin] of [[BEGINS, true], [ENDS, false]] as const) {
    for (const token of list) {
      for (let i = description.indexOf(token); i >= 0; i = description.indexOf(token, i + token.length)) tokens.push({ at: i, length: token.length, begin });
    }
  }
  tokens.sort((a, b) => a.at - b.at);
  const spans: Span[] = [];
  let open: (typeof tokens)[number] | null = null;
  for (const token of tokens) {
    if (token.begin) {
      if (open !== null) spans.push(stray(description, open.at, open.length));
      open = token;
    } else if (open !== null) {
      const edges = stray(description, open.at, open.length).start;
      spans.push(widenToWrappers(description, edges, stray(description, token.at, token.length).end));
      open = null;
    } else {
      spans.push(stray(description, token.at, token.length));
    }
  }
  if (open !== null) spans.push(stray(description, open.at, open.length));
  return spans;
}

/**
 * A token with the dashed decoration around it on the same line: `——— ` before and ` ———` after a current edge, the
 * marker text after a legacy begin token, before a legacy end token.
 */
function stray(description: string, at: number, length: number): Span {
  const token = description.slice(at, at + length);
  const head = description.slice(Math.max(0, at - 200), at);
  const tail = description.slice(at + length, at + length + 200);
  const before = token === LEGACY_BEGIN ? null : token === LEGACY_END ? /———[^\n<>\]]*———\s*$/.exec(head) : /———[ \t]?$/.exec(head);
  const after = token === LEGACY_END ? null : token === LEGACY_BEGIN ? /^\s*———[^\n<>[]*———/.exec(tail) : /^[ \t]?———/.exec(tail);
  return { start: at - (before?.[0].length ?? 0), end: at + length + (after?.[0].length ?? 0), complete: false };
}

/**
 * Widens a block to the HTML elements we wrapped it in: opening tags right before the begin token
 * paired, innermost first, with the same closing tags right after the end token. Tags that are not
 * paired (the coach's own) are left alone.
 */
function widenToWrappers(description: string, start: number, end: number): Span {
  const openings: { name: string; start: number }[] = [];
  let s = start;
  for (;;) {
    const m = /<([a-z][a-z0-9]*)\b[^<>]*>\s*$/i.exec(description.slice(Math.max(0, s - 500), s));
    if (!m?.[1] || VOID_TAGS.has(m[1].toLowerCase())) break;
    s = Math.max(0, s - 500) + m.index;
    openings.push({ name: m[1].toLowerCase(), start: s });
  }
  let e = end;
  let newStart = start;
  for (const opening of openings) {
    const m = /^\s*<\/([a-z][a-z0-9]*)\s*>/i.exec(description.slice(e));
    if (!m?.[1] || m[1].toLowerCase() !== opening.name) break;
    e += m[0].length;
    newStart = opening.start;
  }
  return { start: newStart, end: e, complete: true };
}
