/**
 * Magnitude and phase of a complex frequency response, with numpy's conventions.
 */

/**
 * Unwraps a phase sequence: whenever two neighbours differ by more than pi, adds the
 * multiple of 2 pi that brings the step back into [-pi, pi].
 * @param phaseRad wrapped phase, radians
 * @returns a new array, radians, equal to `numpy.unwrap(phaseRad)` (discont = pi)
 * @remarks A step of exactly pi is kept as +pi when the raw step is positive, as numpy
 * does. NaN propagates to every later element, as in numpy.
 */
export function unwrapPhase(phaseRad: ArrayLike<number>): Float64Array {
  const unwrapped = new Float64Array(phaseRad.length);
  if (phaseRad.length === 0) return unwrapped;
  unwrapped[0] = phaseRad[0];
  let correction = 0;

  for (let i = 1; i < phaseRad.length; i++) {
    const step = phaseRad[i] - phaseRad[i - 1];
    // Floor modulo, as numpy's mod: result carries the sign of the divisor.
    let wrapped =
      step + Math.PI - 2 * Math.PI * Math.floor((step + Math.PI) / (2 * Math.PI));
    wrapped -= Math.PI;
    if (wrapped === -Math.PI && step > 0) wrapped = Math.PI;
    if (Math.abs(step) >= Math.PI) correction += wrapped - step;
    unwrapped[i] = phaseRad[i] + correction;
  }
  return unwrapped;
}

/**
 * Magnitude in decibels, 20 log10 |h|, floored at `floorDb` so that exact zeros of the
 * response stay drawable.
 * @param real real parts of h
 * @param imag imaginary parts of h, same length
 * @param floorDb lowest value returned, dB (default -300, below any float64 response)
 * @returns a new array in dB
 */
export function magnitudeDb(
  real: ArrayLike<number>,
  imag: ArrayLike<number>,
  floorDb = -300,
): Float64Array {
  const out = new Float64Array(real.length);
  for (let i = 0; i < real.length; i++) {
    const db = 20 * Math.log10(Math.hypot(real[i], imag[i]));
    out[i] = db < floorDb ? floorDb : db;
  }
  return out;
}

/** Angle of each complex value, radians in (-pi, pi], as `numpy.angle`. */
export function angleRad(real: ArrayLike<number>, imag: ArrayLike<number>): Float64Array {
  const out = new Float64Array(real.length);
  for (let i = 0; i < real.length; i++) out[i] = Math.atan2(imag[i], real[i]);
  return out;
}
