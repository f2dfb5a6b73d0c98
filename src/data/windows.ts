/**
 * Fixed-length windows of a multi-lead record. Positions are 0-based sample indices;
 * a window covers `fromSample` (inclusive) to `fromSample + windowSamples` (exclusive).
 */
import { ParameterError, SignalLengthError } from '../util/errors.js';
import { randomInt, type RandomSource } from './random.js';

/** Converts a duration to a whole number of samples at a rate (rounded to nearest). */
export function secondsToSamples(durationSec: number, samplingRateHz: number): number {
  return Math.round(durationSec * samplingRateHz);
}

/**
 * Start indices of sliding windows that fit inside a signal.
 * @param lengthSamples samples of the signal
 * @param windowSamples samples per window, >= 1
 * @param strideSamples samples between window starts, >= 1
 * @returns starts 0, stride, 2 stride, ... while the window fits; when the last window
 * does not reach the end, one more window aligned to the end is added, so that every
 * sample is covered
 * @throws SignalLengthError when the signal is shorter than one window
 */
export function slidingWindowStarts(
  lengthSamples: number,
  windowSamples: number,
  strideSamples: number,
): number[] {
  if (!(Number.isInteger(windowSamples) && windowSamples >= 1)) {
    throw new ParameterError('windowSamples', 'an integer >= 1', windowSamples);
  }
  if (!(Number.isInteger(strideSamples) && strideSamples >= 1)) {
    throw new ParameterError('strideSamples', 'an integer >= 1', strideSamples);
  }
  if (lengthSamples < windowSamples) {
    throw new SignalLengthError(
      `a ${windowSamples}-sample window`,
      windowSamples - 1,
      lengthSamples,
      'use a shorter --window-sec',
    );
  }
  const starts: number[] = [];
  for (let start = 0; start + windowSamples <= lengthSamples; start += strideSamples) {
    starts.push(start);
  }
  const last = lengthSamples - windowSamples;
  if (starts[starts.length - 1] !== last) starts.push(last);
  return starts;
}

/** A uniformly random window start, for training crops. */
export function randomCropStart(
  lengthSamples: number,
  windowSamples: number,
  random: RandomSource,
): number {
  if (lengthSamples < windowSamples) {
    throw new SignalLengthError(
      `a ${windowSamples}-sample crop`,
      windowSamples - 1,
      lengthSamples,
    );
  }
  return randomInt(random, lengthSamples - windowSamples + 1);
}

/**
 * Copies one window of every lead into `target` in time-major (channels-last) order:
 * `target[offset + t * leads + lead]`, the layout a 1D convolution over time expects.
 */
export function copyWindow(
  leads: readonly Float32Array[],
  fromSample: number,
  windowSamples: number,
  target: Float32Array,
  offset: number,
): void {
  const leadCount = leads.length;
  for (let lead = 0; lead < leadCount; lead++) {
    const signal = leads[lead];
    for (let t = 0; t < windowSamples; t++) {
      target[offset + t * leadCount + lead] = signal[fromSample + t];
    }
  }
}
