/** How a chaos scenario reports its row: one `CHAOS-ROW {json}` line on stdout, which `npm run chaos` (run.mjs) gathers into its table. */

/** One row of the chaos table: what was done, what it promises, the measured figures and whether the promise held. */
export interface ChaosRow {
  /** Short name, e.g. "Provider faults". */
  row: string;
  /** What was thrown at the product. */
  load: string;
  /** The figures measured, e.g. "500/500 in calendar once · 0 lost · 0 doubled". */
  figures: string;
  /** Whether the guarantee held. */
  pass: boolean;
}

/**
 * Prints the row for run.mjs (works in workerd and in Node: console only), then waits a moment: workerd forwards console output
 * asynchronously, and a failing assertion right after must not overtake it.
 */
export async function reportRow(row: ChaosRow): Promise<void> {
  console.log(`CHAOS-ROW ${JSON.stringify(row)}`);
  await new Promise((r) => setTimeout(r, 250));
}

/** A small seeded PRNG (mulberry32), so a failing run can be replayed with the same `CHAOS_SEED`. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
