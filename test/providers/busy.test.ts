/** Free/busy helpers: range chunking and interval normalisation. */
import { describe, expect, it } from 'vitest';
import { chunkRange, isEmptyRange, normalizeBusy } from '../../worker/providers/busy';

describe('chunkRange', () => {
  it('covers the range with consecutive pieces no longer than the maximum', () => {
    expect(chunkRange({ fromMs: 0, toMs: 25 }, 10)).toEqual([
      { fromMs: 0, toMs: 10 },
      { fromMs: 10, toMs: 20 },
      { fromMs: 20, toMs: 25 },
    ]);
    expect(chunkRange({ fromMs: 5, toMs: 15 }, 10)).toEqual([{ fromMs: 5, toMs: 15 }]);
    expect(chunkRange({ fromMs: 5, toMs: 5 }, 10)).toEqual([]);
  });
});

describe('normalizeBusy', () => {
  it('clips to the range, drops what falls outside, sorts and merges overlapping or touching intervals', () => {
    const busy = [
      { startMs: 50, endMs: 60 },
      { startMs: 0, endMs: 15 },
      { startMs: 12, endMs: 20 },
      { startMs: 20, endMs: 25 },
      { startMs: 40, endMs: 45 },
      { startMs: 95, endMs: 200 },
      { startMs: 200, endMs: 300 },
      { startMs: 30, endMs: 30 },
    ];
    expect(normalizeBusy(busy, { fromMs: 10, toMs: 100 })).toEqual([
      { startMs: 10, endMs: 25 },
      { startMs: 40, endMs: 45 },
      { startMs: 50, endMs: 60 },
      { startMs: 95, endMs: 100 },
    ]);
  });

  it('does not change its input', () => {
    const busy = [{ startMs: 0, endMs: 10 }, { startMs: 5, endMs: 20 }];
    normalizeBusy(busy, { fromMs: 0, toMs: 100 });
    expect(busy).toEqual([{ startMs: 0, endMs: 10 }, { startMs: 5, endMs: 20 }]);
  });
});

describe('isEmptyRange', () => {
  it('treats reversed, empty and non-finite ranges as empty', () => {
    expect(isEmptyRange({ fromMs: 10, toMs: 10 })).toBe(true);
    expect(isEmptyRange({ fromMs: 10, toMs: 5 })).toBe(true);
    expect(isEmptyRange({ fromMs: Number.NaN, toMs: 5 })).toBe(true);
    expect(isEmptyRange({ fromMs: 0, toMs: 1 })).toBe(false);
  });
});
