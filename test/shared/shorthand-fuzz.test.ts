/** Property tests of the WWW shorthand parser: any input gives a valid draft, and 10 KB inputs take time linear in their length. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseShorthand } from '../../shared/agreements/shorthand';
import { LIMITS } from '../../shared/schemas/limits';

const OPTIONS = { today: '2027-03-01', locale: 'nl' as const, coacheeName: 'Sanne de Vries' };

/** Pieces the parser's patterns care about, mixed with arbitrary characters. */
const piece = fc.oneof(
  fc.constantFrom('-', ' ', ',', ';', ':', '–', '—', 'voor ', 'vóór ', 'by ', 'in ', 'over ', '3', '-3', '/', '3 maart', 'next week', 'volgende ', 'vrijdag', 'Sanne: ', 'ik:', 'https://', '\n', '\t'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 }),
);
const text = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));

/** Milliseconds per call in one round: repeated until 10 ms have passed, so fast inputs are not lost in timer noise. */
function perCall(input: string): number {
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    parseShorthand(input, OPTIONS);
    calls++;
    elapsed = performance.now() - start;
  } while (elapsed < 10);
  return elapsed / calls;
}

/**
 * How much longer the large input takes than the small one: the best of five interleaved rounds for each, so a moment in
 * which a busy machine takes the core away from one size does not count against it.
 */
function growth(small: string, large: string): number {
  let [bestSmall, bestLarge] = [Infinity, Infinity];
  for (let round = 0; round < 5; round++) {
    bestSmall = Math.min(bestSmall, perCall(small));
    bestLarge = Math.min(bestLarge, perCall(large));
  }
  return bestLarge / bestSmall;
}

describe('parseShorthand for any input', () => {
  it('gives a valid draft: who, a bounded what, and a real date or none', () => {
    fc.assert(
      fc.property(text, (input) => {
        const draft = parseShorthand(input, OPTIONS);
        expect(draft.what.length).toBeLessThanOrEqual(LIMITS.what);
        expect(draft.what).toBe(draft.what.trim());
        if (typeof draft.who === 'object') expect(draft.who.name.length).toBeGreaterThan(0);
        else expect(['coach', 'coachee']).toContain(draft.who);
        if (draft.due !== null) expect(new Date(`${draft.due}T00:00:00Z`).toISOString().slice(0, 10)).toBe(draft.due);
      }),
      { numRuns: 500 },
    );
  });

  it('answers a 10 KB input in time linear in its length (8× the input, well under 64× the time)', () => {
    fc.assert(
      fc.property(text, piece, text, (head, unit, tail) => {
        const sized = (bytes: number) => `${head}${unit.repeat(Math.ceil(bytes / unit.length))}${tail}`.slice(0, bytes + head.length + tail.length);
        // Linear work grows 8×, quadratic 64×; the margin absorbs a busy machine.
        expect(growth(sized(1_250), sized(10_000)), `ratio for ${JSON.stringify(unit)}`).toBeLessThan(24);
      }),
      { numRuns: 25, examples: [['x', '-', 'x'], ['x', ' ,', 'x'], ['Sanne: ', ';', '.']] },
    );
  });
});
