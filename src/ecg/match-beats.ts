import { ParameterError } from '../util/errors.js';

/**
 * MIT-BIH annotation symbols that mark a heartbeat (normal, bundle branch block,
 * supraventricular, ventricular, fusion, paced, escape and unclassifiable beats).
 * Rhythm, noise, artefact and comment annotations (`+ ~ | x [ ] ! " =` and others) are
 * not beats; ventricular flutter waves (`!`) are left out as in ANSI/AAMI EC57, which
 * excludes ventricular flutter episodes from QRS detection statistics.
 */
export const BEAT_SYMBOLS: ReadonlySet<string> = new Set([
  'N',
  'L',
  'R',
  'B',
  'A',
  'a',
  'J',
  'S',
  'V',
  'r',
  'F',
  'e',
  'j',
  'n',
  'E',
  '/',
  'f',
  'Q',
  '?',
]);

/** Counts of a beat-by-beat comparison. */
export interface BeatMatch {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** TP / (TP + FN); NaN when there is no reference beat. */
  sensitivity: number;
  /** TP / (TP + FP), positive predictive value; NaN when nothing was detected. */
  positivePredictivity: number;
  /** 0-based indices of detections that matched no reference beat. */
  falsePositiveSamples: number[];
  /** 0-based indices of reference beats that no detection matched. */
  falseNegativeSamples: number[];
}

/** Options of {@link matchBeats}. */
export interface MatchOptions {
  /** Largest distance between a detection and its reference beat, s; default 0.15. */
  windowSec?: number;
  /**
   * Sample ranges [from, to) left out of the comparison on both sides (for example
   * ventricular flutter episodes); default none.
   */
  excludedRanges?: Array<[number, number]>;
}

/**
 * Matches detected beats to reference beats one-to-one: each pair lies within the match
 * window and closer pairs are matched first, as in ANSI/AAMI EC57 beat-by-beat comparison.
 * @param detectedSamples detected beat positions, 0-based samples
 * @param referenceSamples annotated beat positions, 0-based samples (beats only)
 * @param samplingRateHz rate of both, Hz
 * @returns TP, FP, FN, sensitivity and positive predictivity, with the unmatched samples
 * @throws ParameterError for a rate or window that is not positive
 * @example
 * const m = matchBeats(peaks, beatSamples(ann), 360); // m.sensitivity, m.positivePredictivity
 */
export function matchBeats(
  detectedSamples: ArrayLike<number>,
  referenceSamples: ArrayLike<number>,
  samplingRateHz: number,
  options: MatchOptions = {},
): BeatMatch {
  const { windowSec = 0.15, excludedRanges = [] } = options;
  if (!(samplingRateHz > 0))
    throw new ParameterError('samplingRateHz', '> 0', samplingRateHz);
  if (!(windowSec > 0)) throw new ParameterError('windowSec', '> 0 s', windowSec);
  const window = windowSec * samplingRateHz;
  const kept = (s: number) => !excludedRanges.some(([from, to]) => s >= from && s < to);
  const detected = Array.from(detectedSamples)
    .filter(kept)
    .sort((a, b) => a - b);
  const reference = Array.from(referenceSamples)
    .filter(kept)
    .sort((a, b) => a - b);

  // Every pair within the window, closest first; greedy one-to-one assignment.
  const pairs: Array<[number, number, number]> = [];
  let first = 0;
  for (let r = 0; r < reference.length; r++) {
    while (first < detected.length && detected[first] < reference[r] - window) first++;
    for (
      let d = first;
      d < detected.length && detected[d] <= reference[r] + window;
      d++
    ) {
      pairs.push([Math.abs(detected[d] - reference[r]), r, d]);
    }
  }
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const referenceMatched = new Uint8Array(reference.length);
  const detectedMatched = new Uint8Array(detected.length);
  let truePositives = 0;
  for (const [, r, d] of pairs) {
    if (referenceMatched[r] || detectedMatched[d]) continue;
    referenceMatched[r] = 1;
    detectedMatched[d] = 1;
    truePositives++;
  }

  const falsePositiveSamples = detected.filter((_, d) => !detectedMatched[d]);
  const falseNegativeSamples = reference.filter((_, r) => !referenceMatched[r]);
  return summarise(truePositives, falsePositiveSamples, falseNegativeSamples);
}

/**
 * Adds per-record matches into database totals (gross statistics: every beat counts
 * once). The unmatched sample lists of the total are empty: they belong to records.
 */
export function totalBeatMatch(matches: BeatMatch[]): BeatMatch {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const m of matches) {
    tp += m.truePositives;
    fp += m.falsePositives;
    fn += m.falseNegatives;
  }
  return {
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    sensitivity: tp / (tp + fn),
    positivePredictivity: tp / (tp + fp),
    falsePositiveSamples: [],
    falseNegativeSamples: [],
  };
}

/**
 * Picks the beat annotations out of an annotation list and the sample ranges to exclude
 * (ventricular flutter episodes between `[` and `]`; an open episode runs to the end).
 */
export function beatReference(
  samples: ArrayLike<number>,
  symbols: ArrayLike<string>,
): { beatSamples: number[]; excludedRanges: Array<[number, number]> } {
  const beatSamples: number[] = [];
  const excludedRanges: Array<[number, number]> = [];
  let open = -1;
  for (let i = 0; i < samples.length; i++) {
    if (BEAT_SYMBOLS.has(symbols[i])) beatSamples.push(samples[i]);
    if (symbols[i] === '[' && open < 0) open = samples[i];
    if (symbols[i] === ']' && open >= 0) {
      excludedRanges.push([open, samples[i] + 1]);
      open = -1;
    }
  }
  if (open >= 0) excludedRanges.push([open, Number.POSITIVE_INFINITY]);
  return { beatSamples, excludedRanges };
}

function summarise(tp: number, fp: number[], fn: number[]): BeatMatch {
  return {
    truePositives: tp,
    falsePositives: fp.length,
    falseNegatives: fn.length,
    sensitivity: tp / (tp + fn.length),
    positivePredictivity: tp / (tp + fp.length),
    falsePositiveSamples: fp,
    falseNegativeSamples: fn,
  };
}
