/**
 * In-place radix-2 complex FFT on separate real and imaginary arrays, with the twiddle
 * factors and bit-reversal permutation of one size computed once. Used for FFT
 * convolution of long FIR filters.
 */

/** A planned FFT of one power-of-two size. */
export interface FftPlan {
  size: number;
  /** Twiddles of each stage, contiguous: stage with half-length h starts at h - 1. */
  cos: Float64Array;
  sin: Float64Array;
  /** Pairs (i, j), i < j, to swap for the bit-reversed order. */
  swaps: Uint32Array;
}

/** Plans an FFT of `size` points (a power of two, >= 4). */
export function planFft(size: number): FftPlan {
  const bits = Math.round(Math.log2(size));
  const cos = new Float64Array(size);
  const sin = new Float64Array(size);
  for (let half = 1; half < size; half <<= 1) {
    for (let k = 0; k < half; k++) {
      cos[half - 1 + k] = Math.cos((Math.PI * k) / half);
      sin[half - 1 + k] = Math.sin((Math.PI * k) / half);
    }
  }
  const swaps: number[] = [];
  for (let i = 0; i < size; i++) {
    let r = 0;
    for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
    if (r > i) swaps.push(i, r);
  }
  return { size, cos, sin, swaps: Uint32Array.from(swaps) };
}

/**
 * Transforms (re, im) in place: X[k] = sum x[n] e^(-2 pi i k n / N), or with `inverse`
 * the unscaled inverse sum x[n] = sum X[k] e^(+2 pi i k n / N) (divide by N yourself).
 */
export function fftInPlace(
  plan: FftPlan,
  re: Float64Array,
  im: Float64Array,
  inverse: boolean,
): void {
  const { size, cos, sin, swaps } = plan;
  for (let s = 0; s < swaps.length; s += 2) {
    const i = swaps[s];
    const j = swaps[s + 1];
    let t = re[i];
    re[i] = re[j];
    re[j] = t;
    t = im[i];
    im[i] = im[j];
    im[j] = t;
  }

  // First two stages together as radix-4 butterflies (twiddles 1 and -+i).
  const sign = inverse ? 1 : -1;
  for (let a = 0; a < size; a += 4) {
    const r0 = re[a] + re[a + 1];
    const i0 = im[a] + im[a + 1];
    const r1 = re[a] - re[a + 1];
    const i1 = im[a] - im[a + 1];
    const r2 = re[a + 2] + re[a + 3];
    const i2 = im[a + 2] + im[a + 3];
    // (x2 - x3) times -i (forward) or +i (inverse).
    const r3 = -sign * (im[a + 2] - im[a + 3]);
    const i3 = sign * (re[a + 2] - re[a + 3]);
    re[a] = r0 + r2;
    im[a] = i0 + i2;
    re[a + 2] = r0 - r2;
    im[a + 2] = i0 - i2;
    re[a + 1] = r1 + r3;
    im[a + 1] = i1 + i3;
    re[a + 3] = r1 - r3;
    im[a + 3] = i1 - i3;
  }

  // Remaining stages two at a time: half-lengths h and 2h in one pass over memory.
  let half = 4;
  for (; half * 2 < size; half <<= 2) {
    const quarter = half << 2;
    for (let start = 0; start < size; start += quarter) {
      for (let k = 0; k < half; k++) {
        const w1r = cos[half - 1 + k];
        const w1i = sign * sin[half - 1 + k];
        const w2r = cos[2 * half - 1 + k];
        const w2i = sign * sin[2 * half - 1 + k];
        const a0 = start + k;
        const a1 = a0 + half;
        const a2 = a1 + half;
        const a3 = a2 + half;
        // Stage with half-length h: (x0, x1) and (x2, x3), twiddle w1.
        let tr = re[a1] * w1r - im[a1] * w1i;
        let ti = re[a1] * w1i + im[a1] * w1r;
        const x0r = re[a0] + tr;
        const x0i = im[a0] + ti;
        const x1r = re[a0] - tr;
        const x1i = im[a0] - ti;
        tr = re[a3] * w1r - im[a3] * w1i;
        ti = re[a3] * w1i + im[a3] * w1r;
        const x2r = re[a2] + tr;
        const x2i = im[a2] + ti;
        const x3r = re[a2] - tr;
        const x3i = im[a2] - ti;
        // Stage with half-length 2h: (x0, x2) twiddle w2, (x1, x3) twiddle w2 times -+i.
        tr = x2r * w2r - x2i * w2i;
        ti = x2r * w2i + x2i * w2r;
        re[a0] = x0r + tr;
        im[a0] = x0i + ti;
        re[a2] = x0r - tr;
        im[a2] = x0i - ti;
        const vr = x3r * w2r - x3i * w2i;
        const vi = x3r * w2i + x3i * w2r;
        tr = -sign * vi;
        ti = sign * vr;
        re[a1] = x1r + tr;
        im[a1] = x1i + ti;
        re[a3] = x1r - tr;
        im[a3] = x1i - ti;
      }
    }
  }

  // A last single stage when the number of stages left is odd.
  if (half < size) {
    for (let k = 0; k < half; k++) {
      const wr = cos[half - 1 + k];
      const wi = sign * sin[half - 1 + k];
      const a = k;
      const b = a + half;
      const tr = re[b] * wr - im[b] * wi;
      const ti = re[b] * wi + im[b] * wr;
      re[b] = re[a] - tr;
      im[b] = im[a] - ti;
      re[a] += tr;
      im[a] += ti;
    }
  }
}
