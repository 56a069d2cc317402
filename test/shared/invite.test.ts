/** Tests of the invite block: rendering (text, HTML, escaping, modes) and the marked block inside descriptions. */
import { describe, expect, it } from 'vitest';
import type { AgendaItem, Agreement } from '../../shared/protocol';
import { BLOCK_MARKERS, LEGACY_BEGIN, LEGACY_END, extractBlock, isHtmlDescription, removeBlock, replaceBlock } from '../../shared/invite/block';
import { escapeHtml, safeHref } from '../../shared/invite/escape-html';
import { renderInviteBlock, type InviteInput } from '../../shared/invite/render';

const item = (id: string, title: string, position: number, done = false): AgendaItem => ({ id, title, position, done, proposedBy: 'coach' });
const agreement = (id: string, extra: Partial<Agreement>): Agreement => ({
  id, sessionId: 'session-0002', who: 'coachee', what: 'Sends the proposal', due: null, status: 'open', carriedOver: false, updatedAt: '2027-03-01T10:00:00Z', ...extra,
});

const input: InviteInput = {
  mode: 'full',
  coachName: 'Marieke Jansen',
  coacheeName: 'Sanne de Vries',
  startsAtMs: Date.UTC(2027, 2, 30, 11),
  endsAtMs: Date.UTC(2027, 2, 30, 12),
  timeZone: 'Europe/Amsterdam',
  agenda: [item('item-bbbb', 'Feedback geven aan Joost', 2), item('item-aaaa', 'Terugblik teamoverleg', 1, true)],
  agreements: [
    agreement('agr-done1', { who: 'coach', what: 'deelt artikel', status: 'done' }),
    agreement('agr-carry', { what: 'oefent het gesprek', due: '2027-04-02', carriedOver: true, sessionId: 'session-0001' }),
    agreement('agr-named', { who: { name: 'Piet' }, what: 'plant overleg', due: '2027-04-02T15:00:00Z' }),
    agreement('agr-drop1', { what: 'iets dat niet meer hoeft', status: 'dropped' }),
  ],
  coacheeUrl: 'https://companion.test/c/tok-123?lang=nl&x=1',
  goal: 'Meer rust in het werk',
};

describe('renderInviteBlock', () => {
  it('shows time with the zone in words, goal, agenda in order, agreements open-first, and the link (nl)', () => {
    const { text } = renderInviteBlock(input, 'nl');
    const lines = text.split('\n');
    expect(lines[0]).toBe('——— Je coachingsessie (Coaching companion) ———');
    expect(lines.at(-1)).toBe('——— Einde (Coaching companion) ———');
    expect(text).toContain('Sanne de Vries');
    expect(text).toContain('30 maart 2027');
    expect(text).toContain('13:00–14:00');
    expect(text).toContain('Nederlandse tijd (CEST, UTC+2)');
    expect(text).toContain('Doel: Meer rust in het werk');
    expect(text.indexOf('✓ Terugblik teamoverleg')).toBeLessThan(text.indexOf('• Feedback geven aan Joost'));
    expect(text).toContain('☐ Sanne de Vries: oefent het gesprek (uiterlijk vr 2 apr, van vorige keer)');
    expect(text).toContain('☐ Piet: plant overleg (uiterlijk vr 2 apr, 17:00)');
    expect(text.indexOf('☐ Piet')).toBeLessThan(text.indexOf('☑ Marieke Jansen: deelt artikel'));
    expect(text).not.toContain('niet meer hoeft');
    expect(text).toContain('https://companion.test/c/tok-123?lang=nl&x=1');
  });

  it('speaks English with English dates and the coachee’s zone', () => {
    const { text } = renderInviteBlock({ ...input, timeZone: 'America/New_York' }, 'en');
    expect(text).toContain('30 March 2027');
    expect(text).toContain('07:00–08:00');
    expect(text).toContain('New York time (EDT, UTC-04:00)');
    expect(text).toContain('(by Fri 2 Apr, from last time)');
    expect(text).toContain('(by Fri 2 Apr, 11:00)');
    expect(text).toContain('——— Your coaching session (Coaching companion) ———');
    expect(text).toContain('——— End (Coaching companion) ———');
  });

  it('adds the year to a due date in another year than the session', () => {
    const { text } = renderInviteBlock({ ...input, agreements: [agreement('agr-later', { due: '2028-01-07' })] }, 'en');
    expect(text).toMatch(/by Fri,? 7 Jan 2028/);
  });

  it('shows only a short line and the link in link_only mode', () => {
    const { text, html } = renderInviteBlock({ ...input, mode: 'link_only' }, 'nl');
    expect(text.split('\n')).toHaveLength(4);
    expect(text).toContain('Marieke Jansen');
    expect(text).toContain(input.coacheeUrl);
    for (const hidden of ['Terugblik', 'oefent', 'Meer rust', 'Sanne']) {
      expect(text).not.toContain(hidden);
      expect(html).not.toContain(hidden);
    }
  });

  it('escapes every user text in HTML and refuses non-http links', () => {
    const evil = '<script>alert("x")</script>';
    const { html, text } = renderInviteBlock(
      { ...input, coachName: evil, coacheeName: `Sanne "&" ${evil}`, goal: evil, agenda: [item('item-evil', evil, 1)], agreements: [agreement('agr-evil', { who: { name: evil }, what: evil })], coacheeUrl: 'javascript:alert(1)' },
      'en',
    );
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('Sanne &quot;&amp;&quot;');
    expect(html).toContain('href="#"');
    expect(text).toContain(evil);
    expect(html.startsWith('<div data-cc="invite">')).toBe(true);
    expect(html).toContain(BLOCK_MARKERS.en.begin);
    expect(html).toContain(BLOCK_MARKERS.en.end);
  });

  it('shows markers a person typed, broken up so they never read as the block’s edges', () => {
    const typed = `[cc:end] ${BLOCK_MARKERS.nl.end} ${LEGACY_BEGIN}`;
    const { text } = renderInviteBlock({ ...input, agenda: [item('item-typed', typed, 1)] }, 'nl');
    expect(text).toContain('• [cc: end] Einde (Coaching-companion) [cc: begin]');
    expect(extractBlock(`Voor\n${text}\nNa`)?.block).toBe(text);
  });

  it('says there are no topics yet and leaves out an empty agreements list', () => {
    const { text } = renderInviteBlock({ ...input, agenda: [], agreements: [] }, 'nl');
    expect(text).toContain('Nog geen onderwerpen');
    expect(text).not.toContain('Afspraken');
  });

  it('has no field for notes or prompts', () => {
    // @ts-expect-error notes are not part of the invite input
    const withNotes: InviteInput = { ...input, notes: 'private' };
    expect(renderInviteBlock(withNotes, 'nl').text).not.toContain('private');
  });
});

describe('escape helpers', () => {
  it('escapes the five HTML-special characters and filters hrefs', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(safeHref('https://a.test/?a=1&b=2')).toBe('https://a.test/?a=1&amp;b=2');
    expect(safeHref(' data:text/html,hi')).toBe('#');
  });
});

describe('marked block in descriptions', () => {
  const block = renderInviteBlock(input, 'nl');
  const newer = renderInviteBlock({ ...input, goal: 'Nieuw doel' }, 'nl');

  it('appends after a blank line when there is no block yet, and finds it again', () => {
    expect(replaceBlock('', block)).toBe(block.text);
    const once = replaceBlock('Zoom: https://zoom.test/j/1', block);
    expect(once).toBe(`Zoom: https://zoom.test/j/1\n\n${block.text}`);
    expect(replaceBlock('Eigen tekst\n', block)).toBe(`Eigen tekst\n\n${block.text}`);
    expect(extractBlock(once)?.block).toBe(block.text);
    expect(extractBlock('Geen blok hier')).toBeNull();
  });

  it('replaces only our block, keeping the coach’s text before and after byte-for-byte', () => {
    const before = 'Hoi Sanne,  \n\tTot dinsdag!\n\n';
    const after = '\n\nPS: neem je notitieboek mee 🙂\n';
    const description = `${before}${block.text}${after}`;
    const replaced = replaceBlock(description, newer);
    expect(replaced).toBe(`${before}${newer.text}${after}`);
    expect(replaced).toContain('Nieuw doel');
    expect(replaceBlock(replaced, newer)).toBe(replaced);
  });

  it('keeps CRLF descriptions CRLF', () => {
    const description = `Eerste regel\r\nTweede regel`;
    const once = replaceBlock(description, block);
    expect(once.startsWith('Eerste regel\r\nTweede regel\r\n\r\n')).toBe(true);
    expect(once.replace(/\r\n/g, '').includes('\n')).toBe(false);
    const twice = replaceBlock(`${once}\r\nNa het blok`, newer);
    expect(twice).toBe(`Eerste regel\r\nTweede regel\r\n\r\n${newer.text.replace(/\n/g, '\r\n')}\r\nNa het blok`);
  });

  it('uses the HTML block in an HTML description and finds it after the host rewrote our markup', () => {
    const html = '<p>Agenda volgt.</p><p><a href="https://meet.test/x">Meet</a></p>';
    expect(isHtmlDescription(html)).toBe(true);
    const once = replaceBlock(html, block);
    expect(once).toBe(`${html}<br>${block.html}`);
    expect(replaceBlock(once, newer)).toBe(`${html}<br>${newer.html}`);
    // Google Calendar drops attributes and turns paragraphs into line breaks
    const rewritten = `${html}<br><div>[cc:begin] ——— Coaching companion · begin ———<br>oud<br>——— Coaching companion · einde ——— [cc:end]</div><br>Na het blok`;
    expect(replaceBlock(rewritten, newer)).toBe(`${html}<br>${newer.html}<br>Na het blok`);
  });

  it('leaves the coach’s own wrapping element alone', () => {
    const description = '<div>Mijn tekst<br>[cc:begin] x<br>y [cc:end]</div>';
    expect(replaceBlock(description, 'NEW')).toBe('<div>Mijn tekst<br>NEW</div>');
  });

  it('inserts before </body> in a full HTML document (Outlook)', () => {
    const doc = '<html><head></head><body><p>Hallo</p></body></html>';
    expect(replaceBlock(doc, block)).toBe(`<html><head></head><body><p>Hallo</p><br>${block.html}</body></html>`);
  });

  it('writes HTML into an empty body when asked', () => {
    expect(replaceBlock('', block, 'html')).toBe(block.html);
  });

  it('repairs a corrupted description: replaces the first block, drops duplicates and stray tokens', () => {
    const description = `Intro\n\n${block.text}\nMidden\n\n${block.text}\n`;
    expect(replaceBlock(description, newer)).toBe(`Intro\n\n${newer.text}\nMidden`);
    const stray = `Intro\n${LEGACY_BEGIN} ——— Coaching companion · begin ———\nlosse tekst`;
    expect(replaceBlock(stray, newer)).toBe(`Intro\nlosse tekst\n\n${newer.text}`);
    const strayEnd = `Intro\n——— Coaching companion · einde ——— ${LEGACY_END}\nlosse tekst`;
    expect(removeBlock(strayEnd)).toBe('Intro\nlosse tekst');
    const twoBegins = `A\n${LEGACY_BEGIN} ——— x ———\nB\n${block.text}`;
    expect(replaceBlock(twoBegins, newer)).toBe(`A\nB\n${newer.text}`);
    const strayCurrent = `Intro\n——— ${BLOCK_MARKERS.en.end} ———\nlosse tekst`;
    expect(removeBlock(strayCurrent)).toBe('Intro\nlosse tekst');
  });

  it('replaces a block written in the earlier [cc:begin] … [cc:end] format, in text and HTML', () => {
    const legacy = `Eigen tekst\n\n${LEGACY_BEGIN} ——— Coaching companion · begin ———\nAgenda\n• oud\n——— Coaching companion · einde ——— ${LEGACY_END}\n\nNa afloop`;
    expect(replaceBlock(legacy, newer)).toBe(`Eigen tekst\n\n${newer.text}\n\nNa afloop`);
    const legacyHtml = `<p>Hallo</p><br><div data-cc="invite"><p>${LEGACY_BEGIN} ——— Coaching companion · begin ———</p><p>oud</p><p>——— Coaching companion · end ——— ${LEGACY_END}</p></div>`;
    expect(replaceBlock(legacyHtml, newer)).toBe(`<p>Hallo</p><br>${newer.html}`);
  });

  it('keeps finding a Dutch block after the coachee switched to English', () => {
    const english = renderInviteBlock(input, 'en');
    expect(replaceBlock(`Voor\n\n${block.text}\n\nNa`, english)).toBe(`Voor\n\n${english.text}\n\nNa`);
  });

  it('removes the block and the blank line it was appended with', () => {
    for (const coachText of ['Zoom: https://zoom.test/j/1', 'Regel 1\r\nRegel 2', '<p>Hallo</p>']) {
      expect(removeBlock(replaceBlock(coachText, block))).toBe(coachText);
    }
    expect(removeBlock(`Voor\n${block.text}\nNa`)).toBe('Voor\nNa');
    expect(removeBlock('Niets van ons')).toBe('Niets van ons');
  });
});
