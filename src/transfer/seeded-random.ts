/**
 * A small seeded generator (mulberry32) so that shuffles, subsamples and bootstrap draws
 * repeat exactly for a given seed.
 */

/** Returns a function that yields uniform numbers in [0, 1), fixed by `seed`. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shuffles `values` in place (Fisher-Yates) with `random`; returns the same array. */
export function shuffleInPlace<T extends { length: number; [index: number]: number }>(
  values: T,
  random: () => number,
): T {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const kept = values[i];
    values[i] = values[j];
    values[j] = kept;
  }
  return values;
}
