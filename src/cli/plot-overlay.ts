/**
 * The filtered overlay of `cardiokit plot`: the range drawn is filtered together with the
 * samples around it, so that the overlay shows no edge effects of the filter.
 */
import { applyFilterChain, type FilterStage } from '../dsp/index.js';
import type { Logger } from '../util/logger.js';
import { readHeader, readRecord } from '../wfdb/index.js';

/** Shortest context read on each side of the range drawn, s. */
export const OVERLAY_CONTEXT_MIN_SEC = 10;

/** Time constants of the lowest cutoff read on each side: 5 / cutoff seconds. */
const CUTOFF_PERIODS = 5;

/**
 * Samples of context to filter on each side of a range: at least 10 s, at least five
 * periods of the lowest cutoff (10 s for a 0.5 Hz high-pass, 100 s for 0.05 Hz), and at
 * least three times the longest FIR.
 * @param stages the filter chain
 * @param samplingRateHz sampling rate of the record, Hz
 * @returns a count of samples, >= 0
 */
export function overlayContextSamples(
  stages: readonly FilterStage[],
  samplingRateHz: number,
): number {
  const cutoffsHz = stages.flatMap((stage) => stage.cutoffHz);
  const lowestHz = Math.min(...cutoffsHz);
  const contextSec = Math.max(OVERLAY_CONTEXT_MIN_SEC, CUTOFF_PERIODS / lowestHz);
  const firSamples = Math.max(0, ...stages.map((s) => ('b' in s ? 3 * s.b.length : 0)));
  return Math.max(Math.ceil(contextSec * samplingRateHz), firSamples);
}

/**
 * Filters a range of a record with zero phase, reading as much of the record around the
 * range as {@link overlayContextSamples} asks for (less at the record's ends), then cuts
 * the result to the range.
 * @param recordPath WFDB record path without extension
 * @param stages filter chain from `designFilterChain`
 * @param range `fromSample` (inclusive) and `lengthSamples` of the range, 0-based
 * @param logger receives the reader's warnings
 * @returns one Float64Array per channel, `lengthSamples` long, in millivolts
 * @throws SignalLengthError when the samples read are fewer than a stage's pad length
 * @remarks Agrees with filtering the whole record and cutting it to the range to about
 * 1e-6 mV (MIT-BIH 100, 60 to 70 s, Butterworth 0.5-40 Hz); within one context of the record's first or last
 * sample the overlay carries the same edge effects as a whole-record filter.
 */
export async function filterRangeWithContext(
  recordPath: string,
  stages: readonly FilterStage[],
  range: { fromSample: number; lengthSamples: number },
  logger: Logger,
): Promise<Float64Array[]> {
  const header = await readHeader(recordPath);
  const contextSamples = overlayContextSamples(stages, header.samplingFrequencyHz);

  // The range plus its context, clipped to the record.
  const toSample = range.fromSample + range.lengthSamples;
  const recordLength = header.lengthSamples ?? toSample;
  const padded = await readRecord(recordPath, {
    fromSample: Math.max(0, range.fromSample - contextSamples),
    toSample: Math.min(recordLength, toSample + contextSamples),
    logger,
  });

  // Filter the padded channels, then keep the range drawn.
  const offset = range.fromSample - padded.fromSample;
  return padded.physical.map((channel) =>
    applyFilterChain(stages, channel).slice(offset, offset + range.lengthSamples),
  );
}
