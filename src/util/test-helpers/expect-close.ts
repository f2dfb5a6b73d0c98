/**
 * Element-by-element comparison of numeric arrays for tests:
 * |actual - expected| <= atol + rtol * |expected| must hold at every index.
 */

export interface CloseOptions {
  /** Relative tolerance; default 1e-7. */
  rtol?: number;
  /** Absolute tolerance; default 0. */
  atol?: number;
}

/**
 * Throws an Error naming the first index where `actual` and `expected` differ by more
 * than `atol + rtol * |expected|`, with both values; also when the lengths differ or
 * exactly one of the two is NaN.
 */
export function expectAllClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  { rtol = 1e-7, atol = 0 }: CloseOptions = {},
): void {
  if (actual.length !== expected.length) {
    throw new Error(
      `length differs: actual ${actual.length}, expected ${expected.length}`,
    );
  }
  for (let index = 0; index < expected.length; index++) {
    const a = actual[index];
    const e = expected[index];
    if (Number.isNaN(a) && Number.isNaN(e)) continue;
    const bound = atol + rtol * Math.abs(e);
    if (!(Math.abs(a - e) <= bound)) {
      throw new Error(
        `arrays differ first at index ${index}: actual ${a}, expected ${e} ` +
          `(|diff| ${Math.abs(a - e)} > atol ${atol} + rtol ${rtol} * |expected|)`,
      );
    }
  }
}
