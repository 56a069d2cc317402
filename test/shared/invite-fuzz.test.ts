/** Property tests of the invite block: whatever coach and coachee type, render → find/replace finds exactly our block and keeps the coach's text. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AgendaItem, Agreement } from '../../shared/protocol';
import { BLOCK_MARKERS, extractBlock, removeBlock, replaceBlock } from '../../shared/invite/block';
import { renderInviteBlock, type InviteInput } from '../../shared/invite/render';

/** Every marker we ever wrote, old and new, as a user might paste it. */
const MARKERS = ['[cc:begin]', '[cc:end]', '[cc:begin] ——— Coaching companion · begin ———', '——— Coaching companion · einde ——— [cc:end]', '———',
  ...Object.values(BLOCK_MARKERS).flatMap((m) => [m.begin, m.end, `——— ${m.begin} ———`, `——— ${m.end} ———`])];

/** User text: arbitrary Unicode with markers, HTML and line breaks mixed in. */
const userText = fc.string({
  unit: fc.oneof(fc.constantFrom(...MARKERS, '<br>', '<p>', '</div>', '&', '\n', ' ', '[', ']', 'cc:'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })),
  minLength: 1,
  maxLength: 40,
});

/** The coach's own text around the block: plain words and line breaks, no markers of ours. */
const coachText = fc.string({ unit: fc.constantFrom('Hoi', ' ', '\n', 'Zoom: https://zoom.test/j/1', '.', 'tot dan', '🙂'), maxLength: 12 });

const input = fc.record({
  coachName: userText,
  coacheeName: userText,
  goal: userText,
  titles: fc.array(userText, { maxLength: 4 }),
  whats: fc.array(fc.tuple(userText, userText), { maxLength: 3 }),
  locale: fc.constantFrom('nl' as const, 'en' as const),
  mode: fc.constantFrom('full' as const, 'link_only' as const),
});

type Drawn = typeof input extends fc.Arbitrary<infer T> ? T : never;

function inviteOf(v: Drawn, version: number): InviteInput {
  const agenda: AgendaItem[] = v.titles.map((title, i) => ({ id: `item-${i}-abcdef`, title, done: i % 2 === 0, position: i, proposedBy: 'coachee' }));
  const agreements: Agreement[] = v.whats.map(([what, name], i) => ({
    id: `agr-${i}-abcdef`, sessionId: 'session-000001', who: i % 2 ? { name } : 'coachee', what, due: null, status: 'open', carriedOver: false, updatedAt: '2027-03-01T10:00:00Z',
  }));
  return {
    mode: v.mode, coachName: v.coachName, coacheeName: v.coacheeName, goal: `${v.goal} v${version}`, agenda, agreements,
    startsAtMs: Date.UTC(2027, 2, 30, 11), endsAtMs: Date.UTC(2027, 2, 30, 12), timeZone: 'Europe/Amsterdam', coacheeUrl: 'https://companion.test/c/tok-123',
  };
}

describe('invite block round trip for any user text', () => {
  for (const format of ['text', 'html'] as const) {
    it(`finds and replaces exactly our block (${format})`, () => {
      fc.assert(
        fc.property(input, coachText, coachText, (v, before, after) => {
          const first = renderInviteBlock(inviteOf(v, 1), v.locale);
          const second = renderInviteBlock(inviteOf(v, 2), v.locale);
          const sep = format === 'html' ? '<br>' : '\n';
          const written = replaceBlock(before, first, format);
          expect(extractBlock(written)?.block).toBe(first[format]);
          const edited = `${written}${sep}${after}`;
          const synced = replaceBlock(edited, second, format);
          expect(extractBlock(synced)?.block).toBe(second[format]);
          expect(synced).toBe(edited.replace(first[format], () => second[format]));
          expect(replaceBlock(synced, second, format)).toBe(synced);
          expect(removeBlock(synced)).toBe(removeBlock(edited));
          expect(removeBlock(synced)).not.toContain(" v2");
        }),
        { numRuns: 300 },
      );
    });
  }
});
