import { silentLogger } from '../util/logger.js';
import { centredMovingMean, secondsToSamples } from './moving-sum.js';
import { checkSamplingRate, prepareSignal } from './prepare-signal.js';
import { refinePeaks } from './refine-peaks.js';
import type { DetectorOptions } from './types.js';
import { butterworthBandpassSections, filterZeroPhase } from './zero-phase-bandpass.js';

/** Parameters of the two-moving-average detector; durations in s, frequencies in Hz. */
export interface Elgendi2010Options extends DetectorOptions {
  /** Lower edge of the order-3 Butterworth band-pass, Hz. */
  lowHz?: number;
  /** Upper edge of the band-pass, Hz. */
  highHz?: number;
  /** Window of the moving average that follows the QRS energy (W1), s. */
  qrsWindowSec?: number;
  /** Window of the moving average that follows the beat energy (W2), s. */
  beatWindowSec?: number;
  /** Offset of the threshold, as a fraction of the mean squared signal (beta). */
  offsetFraction?: number;
  /** Shortest block of interest that counts as a QRS complex, s. */
  minQrsSec?: number;
  /** Shortest interval between two beats, s. */
  refractorySec?: number;
}

/** Defaults from Elgendi (2013), table of optimised parameters. */
export const ELGENDI_2010_DEFAULTS: Required<Omit<Elgendi2010Options, 'logger'>> = {
  lowHz: 8,
  highHz: 20,
  qrsWindowSec: 0.097,
  beatWindowSec: 0.611,
  offsetFraction: 0.08,
  minQrsSec: 0.097,
  refractorySec: 0.25,
};

/**
 * Finds R peaks with Elgendi's two-moving-average method: the band-passed, squared ECG
 * is averaged over a QRS-long and a beat-long window; where the first exceeds the second
 * plus an offset, a block of interest opens, and blocks at least a QRS wide hold a beat.
 * @param millivolts one lead, mV (any polarity); NaN samples are interpolated
 * @param samplingRateHz 100 to 2000 Hz
 * @returns 0-based sample indices of the R peaks, ascending
 * @throws ParameterError when the rate is outside 100-2000 Hz
 * @remarks The peak is placed on the sample of largest deviation from the local baseline
 * (0.2 s moving mean) within 60 ms of the block's energy maximum. Empty, flat, all-NaN
 * input or input shorter than 0.5 s gives no beats.
 *
 * Limitations: offline only; the threshold offset is 0.08 x the mean energy of the whole
 * signal, so a long loud artefact raises it everywhere: detect on windows of a few
 * minutes for such recordings. Two beats closer than `refractorySec` (0.25 s, 240 bpm)
 * count as one.
 * @see Elgendi M, Jonkman M, De Boer F. Frequency bands effects on QRS detection.
 * Proceedings of the 3rd International Conference on Bio-inspired Systems and Signal
 * Processing (BIOSIGNALS 2010), pp. 428-431.
 * @see Elgendi M. Fast QRS detection with an optimized knowledge-based method: evaluation
 * on 11 standard ECG databases. PLoS ONE 2013;8(9):e73557. https://doi.org/10.1371/journal.pone.0073557
 * @example
 * const peaks = detectElgendi2010(record.physical[0], record.samplingRateHz);
 */
export function detectElgendi2010(
  millivolts: ArrayLike<number>,
  samplingRateHz: number,
  options: Elgendi2010Options = {},
): Int32Array {
  const { logger = silentLogger, ...rest } = options;
  const p = { ...ELGENDI_2010_DEFAULTS, ...rest };
  checkSamplingRate(samplingRateHz);
  const clean = prepareSignal(millivolts, samplingRateHz, logger);
  if (clean === undefined) return new Int32Array(0);

  // Band-pass (zero phase) and square: the energy of the QRS band.
  const sections = butterworthBandpassSections(3, p.lowHz, p.highHz, samplingRateHz);
  const filtered = filterZeroPhase(clean, sections, Math.round(samplingRateHz));
  const energy = filtered.map((v) => v * v);

  // Two moving averages and the offset threshold (mean energy times beta).
  const qrsMean = centredMovingMean(
    energy,
    secondsToSamples(p.qrsWindowSec, samplingRateHz),
  );
  const beatMean = centredMovingMean(
    energy,
    secondsToSamples(p.beatWindowSec, samplingRateHz),
  );
  let meanEnergy = 0;
  for (const v of energy) meanEnergy += v / energy.length;
  const offset = p.offsetFraction * meanEnergy;

  // Blocks of interest at least a QRS wide; the energy maximum of each is a candidate.
  const minWidth = secondsToSamples(p.minQrsSec, samplingRateHz);
  const candidates: number[] = [];
  let start = -1;
  for (let i = 0; i <= energy.length; i++) {
    const inside = i < energy.length && qrsMean[i] > beatMean[i] + offset;
    if (inside && start < 0) start = i;
    if (!inside && start >= 0) {
      if (i - start >= minWidth) candidates.push(argmax(energy, start, i));
      start = -1;
    }
  }

  return refinePeaks(clean, candidates, samplingRateHz, {
    searchSec: 0.06,
    baselineSec: 0.2,
    minDistanceSec: p.refractorySec,
  });
}

function argmax(values: Float64Array, from: number, to: number): number {
  let best = from;
  for (let i = from + 1; i < to; i++) if (values[i] > values[best]) best = i;
  return best;
}
