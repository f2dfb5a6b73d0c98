/**
 * A small seeded pseudo-random generator (mulberry32) so that splits, crops, shuffles and
 * bootstrap resamples are reproducible from one integer seed.
 */

/** Returns uniform numbers in [0, 1), fully determined by `seed`. */
export type RandomSource = () => number;

/**
 * Creates a seeded generator of uniform numbers in [0, 1).
 * @param seed any integer; the same seed gives the same sequence on every machine
 * @returns a function that returns the next number each call
 * @remarks mulberry32: 32-bit state, period 2^32, enough for shuffling and resampling;
 * not for cryptography.
 */
export function createRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform integer in [0, bound). */
export function randomInt(random: RandomSource, bound: number): number {
  return Math.floor(random() * bound);
}

/** Returns a shuffled copy of `items` (Fisher-Yates); the input is not changed. */
export function shuffled<T>(items: readonly T[], random: RandomSource): T[] {
  const copy = items.slice();
  for (let index = copy.length - 1; index > 0; index--) {
    const other = randomInt(random, index + 1);
    [copy[index], copy[other]] = [copy[other], copy[index]];
  }
  return copy;
}

/** Derives a new seed from a seed and a purpose, so that streams do not overlap. */
export function deriveSeed(seed: number, purpose: string): number {
  let hash = (seed >>> 0) ^ 0x9e3779b9;
  for (let index = 0; index < purpose.length; index++) {
    hash = Math.imul(hash ^ purpose.charCodeAt(index), 0x01000193) >>> 0;
  }
  return hash >>> 0;
}
