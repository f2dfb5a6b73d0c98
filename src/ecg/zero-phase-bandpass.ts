/**
 * The zero-phase Butterworth band-pass that Elgendi's detector starts with (order 3,
 * 8-20 Hz): designed by the bilinear transform with pre-warped band edges, run forwards
 * and backwards over an odd (point-symmetric) extension of the signal, each section
 * starting in the steady state of its first input, so that the edges carry no start-up
 * transient.
 */

type Complex = [number, number];

/** One second-order section: b0, b1, b2, a1, a2 (a0 = 1). */
type Section = [number, number, number, number, number];

/**
 * Designs the second-order sections of an order-`order` Butterworth band-pass.
 * Every section has its zeros at z = 1 and z = -1; the gain is 1 at the centre frequency.
 * Internal helper: callers pass 0 < lowHz < highHz < samplingRateHz / 2 and a band whose
 * warped edges differ by less than a factor 5.8 (so that every pole pair is complex).
 */
export function butterworthBandpassSections(
  order: number,
  lowHz: number,
  highHz: number,
  samplingRateHz: number,
): Section[] {
  const twoFs = 2 * samplingRateHz;
  const lowWarped = twoFs * Math.tan((Math.PI * lowHz) / samplingRateHz);
  const highWarped = twoFs * Math.tan((Math.PI * highHz) / samplingRateHz);
  const bandwidth = highWarped - lowWarped;
  const centreSquared = lowWarped * highWarped;

  // Analog low-pass prototype poles on the left half of the unit circle; keep one of each
  // conjugate pair (imaginary part >= 0), since the band-pass poles come in pairs anyway.
  const sections: Section[] = [];
  for (let k = 0; k < order; k++) {
    const angle = (Math.PI * (2 * k + order + 1)) / (2 * order);
    const prototype: Complex = [Math.cos(angle), Math.sin(angle)];
    if (prototype[1] < -1e-12) continue;
    // Low-pass to band-pass: s = p*bw/2 +- sqrt((p*bw/2)^2 - w0^2).
    const half: Complex = [
      (prototype[0] * bandwidth) / 2,
      (prototype[1] * bandwidth) / 2,
    ];
    const root = csqrt(csub(cmul(half, half), [centreSquared, 0]));
    const analogPoles: Complex[] = [cadd(half, root), csub(half, root)];
    for (const analog of analogPoles) {
      // A real prototype pole gives a conjugate pair: keep the upper one only.
      if (prototype[1] <= 1e-12 && analog[1] < 0) continue;
      const z = cdiv([twoFs + analog[0], analog[1]], [twoFs - analog[0], -analog[1]]);
      sections.push([1, 0, -1, -2 * z[0], z[0] * z[0] + z[1] * z[1]]);
    }
  }

  // Unity gain at the digital centre frequency.
  const omega = 2 * Math.atan(Math.sqrt(centreSquared) / twoFs);
  let gain = 1;
  for (const section of sections) gain *= sectionMagnitude(section, omega);
  const first = sections[0];
  sections[0] = [first[0] / gain, first[1] / gain, first[2] / gain, first[3], first[4]];
  return sections;
}

/**
 * Filters `values` forwards and backwards with `sections`, after extending both ends by
 * `padSamples` (odd extension), and returns a new array of the same length.
 */
export function filterZeroPhase(
  values: Float64Array,
  sections: Section[],
  padSamples: number,
): Float64Array {
  const n = values.length;
  const pad = Math.min(padSamples, n - 1);
  const extended = new Float64Array(n + 2 * pad);
  for (let i = 0; i < pad; i++) {
    extended[i] = 2 * values[0] - values[pad - i];
    extended[n + pad + i] = 2 * values[n - 1] - values[n - 2 - i];
  }
  extended.set(values, pad);

  for (const section of sections) runSection(extended, section, false);
  for (const section of sections) runSection(extended, section, true);
  return extended.slice(pad, pad + n);
}

/**
 * Direct form II transposed, in place. The state starts as if the first input value had
 * been applied forever: a section with zeros at z = 1 and z = -1 then outputs 0, with
 * states -b0 x0 and b2 x0, so a signal's offset leaves no start-up transient.
 */
function runSection(data: Float64Array, [b0, b1, b2, a1, a2]: Section, reverse: boolean) {
  const n = data.length;
  const first = data[reverse ? n - 1 : 0];
  let s1 = -b0 * first;
  let s2 = b2 * first;
  for (let k = 0; k < n; k++) {
    const i = reverse ? n - 1 - k : k;
    const x = data[i];
    const y = b0 * x + s1;
    s1 = b1 * x - a1 * y + s2;
    s2 = b2 * x - a2 * y;
    data[i] = y;
  }
}

function sectionMagnitude([b0, b1, b2, a1, a2]: Section, omega: number): number {
  const c1 = Math.cos(omega);
  const s1 = Math.sin(omega);
  const c2 = Math.cos(2 * omega);
  const s2 = Math.sin(2 * omega);
  const num = Math.hypot(b0 + b1 * c1 + b2 * c2, -(b1 * s1 + b2 * s2));
  const den = Math.hypot(1 + a1 * c1 + a2 * c2, -(a1 * s1 + a2 * s2));
  return num / den;
}

const cadd = (a: Complex, b: Complex): Complex => [a[0] + b[0], a[1] + b[1]];
const csub = (a: Complex, b: Complex): Complex => [a[0] - b[0], a[1] - b[1]];
const cmul = (a: Complex, b: Complex): Complex => [
  a[0] * b[0] - a[1] * b[1],
  a[0] * b[1] + a[1] * b[0],
];
function cdiv(a: Complex, b: Complex): Complex {
  const d = b[0] * b[0] + b[1] * b[1];
  return [(a[0] * b[0] + a[1] * b[1]) / d, (a[1] * b[0] - a[0] * b[1]) / d];
}
function csqrt([re, im]: Complex): Complex {
  const r = Math.hypot(re, im);
  const real = Math.sqrt((r + re) / 2);
  const imag = Math.sign(im || 1) * Math.sqrt(Math.max(0, (r - re) / 2));
  return [real, imag];
}
