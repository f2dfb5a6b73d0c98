import { ParameterError } from '../util/errors.js';
import { centredMovingMean, secondsToSamples } from './moving-sum.js';

/** Options of {@link beatQuality}; durations in s. */
export interface QualityOptions {
  /** Template window before each R peak, s; default 0.2. */
  beforeSec?: number;
  /** Template window after each R peak, s; default 0.4. */
  afterSec?: number;
  /** Mean correlation at or above which a segment is acceptable; default 0.66. */
  acceptableCorrelation?: number;
}

/** Defaults of {@link QualityOptions} (threshold from Orphanidou et al. 2015). */
export const QUALITY_DEFAULTS: Required<QualityOptions> = {
  beforeSec: 0.2,
  afterSec: 0.4,
  acceptableCorrelation: 0.66,
};

/** Signal-quality index of a segment, per beat and overall. */
export interface SignalQuality {
  /**
   * Pearson correlation of each beat with the segment's median beat, in [-1, 1]; NaN for
   * a beat whose window crosses the segment's edge or is flat.
   */
  beatCorrelation: Float64Array;
  /** Mean of the finite beat correlations; NaN with fewer than two beats. */
  meanCorrelation: number;
  /** True when `meanCorrelation >= acceptableCorrelation`. */
  acceptable: boolean;
}

/**
 * Template-matching signal-quality index: every beat window (0.2 s before to 0.4 s
 * after its R peak, baseline removed) is correlated with the median beat of the segment.
 * Clean, regular ECG scores near 1; noise, artefact and false detections score low.
 * @param millivolts one lead, mV
 * @param rPeakIndices 0-based samples, ascending
 * @param samplingRateHz > 0 Hz
 * @param options window and threshold (defaults 0.2 s, 0.4 s, 0.66)
 * @returns per-beat correlations, their mean, and whether the segment is acceptable
 * @throws ParameterError for a rate that is not positive
 * @remarks Ectopic beats (for example ventricular beats among normal ones) differ from
 * the median beat and lower the index although the signal is clean: read it as "how
 * much each beat looks like the typical beat", and judge quality over a segment of
 * about 10 s. The baseline is a 0.6 s moving mean.
 * @see Orphanidou C, Bonnici T, Charlton P, Clifton D, Vallance D, Tarassenko L.
 * Signal-quality indices for the electrocardiogram and photoplethysmogram: derivation
 * and applications to wireless monitoring. IEEE Journal of Biomedical and Health
 * Informatics 2015;19(3):832-838. https://doi.org/10.1109/JBHI.2014.2338351
 * @example
 * const { meanCorrelation, acceptable } = beatQuality(lead, peaks, 500);
 */
export function beatQuality(
  millivolts: ArrayLike<number>,
  rPeakIndices: ArrayLike<number>,
  samplingRateHz: number,
  options: QualityOptions = {},
): SignalQuality {
  const p = { ...QUALITY_DEFAULTS, ...options };
  if (!(samplingRateHz > 0))
    throw new ParameterError('samplingRateHz', '> 0', samplingRateHz);
  const before = Math.round(p.beforeSec * samplingRateHz);
  const after = Math.round(p.afterSec * samplingRateHz);
  const length = before + after + 1;
  const signal = Float64Array.from(millivolts);
  const baseline = centredMovingMean(signal, secondsToSamples(0.6, samplingRateHz));

  // Baseline-removed windows of the beats that lie wholly inside the segment.
  const windows: Array<Float64Array | undefined> = [];
  for (let b = 0; b < rPeakIndices.length; b++) {
    const from = rPeakIndices[b] - before;
    if (from < 0 || from + length > signal.length) {
      windows.push(undefined);
      continue;
    }
    windows.push(
      Float64Array.from({ length }, (_, i) => signal[from + i] - baseline[from + i]),
    );
  }

  // Median beat, sample by sample, over the complete windows.
  const complete = windows.filter((w): w is Float64Array => w !== undefined);
  const template = new Float64Array(length);
  for (let i = 0; i < length && complete.length > 0; i++) {
    const column = complete.map((w) => w[i]).sort((a, b) => a - b);
    const mid = column.length >> 1;
    template[i] = column.length % 2 ? column[mid] : (column[mid - 1] + column[mid]) / 2;
  }

  const beatCorrelation = Float64Array.from(windows, (w) =>
    w === undefined || complete.length < 2 ? NaN : pearson(w, template),
  );
  const finite = Array.from(beatCorrelation).filter(Number.isFinite);
  const meanCorrelation =
    finite.length > 0 ? finite.reduce((a, b) => a + b, 0) / finite.length : NaN;
  return {
    beatCorrelation,
    meanCorrelation,
    acceptable: meanCorrelation >= p.acceptableCorrelation,
  };
}

function pearson(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  let meanA = 0;
  let meanB = 0;
  for (let i = 0; i < n; i++) {
    meanA += a[i] / n;
    meanB += b[i] / n;
  }
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < n; i++) {
    ab += (a[i] - meanA) * (b[i] - meanB);
    aa += (a[i] - meanA) ** 2;
    bb += (b[i] - meanB) ** 2;
  }
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : NaN;
}
