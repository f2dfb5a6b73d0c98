/**
 * Preprocessing of one record for the networks, in order: lead selection, optional
 * zero-phase Butterworth filter, resampling to the target rate, standardisation per
 * lead with statistics from the training split.
 */
import { butter, resamplePoly, sosfiltfilt } from '../dsp/index.js';
import type { EcgRecord } from '../wfdb/types.js';
import { readHeader, readRecord, STANDARD_LEADS } from '../wfdb/index.js';
import { DatasetError, ParameterError } from '../util/errors.js';

/** How a record becomes network input; stored in the run's `preprocessing.json`. */
export interface PreprocessingConfig {
  /** Lead names to keep, in this order (matched case-insensitively). */
  leads: string[];
  /** Low-pass cutoff in Hz (zero-phase Butterworth); undefined for none. */
  lowpassHz: number | undefined;
  /** High-pass cutoff in Hz; both cutoffs together make a band-pass. */
  highpassHz: number | undefined;
  /** Butterworth order of the filter before zero-phase doubling. */
  filterOrder: number;
  /** Rate the network sees, Hz; records at other rates are resampled. */
  targetRateHz: number;
}

export const PREPROCESSING_DEFAULTS: PreprocessingConfig = {
  leads: [...STANDARD_LEADS],
  lowpassHz: undefined,
  highpassHz: undefined,
  filterOrder: 4,
  targetRateHz: 100,
};

/** Per-lead standardisation: x' = (x - mean) / std. */
export interface LeadStatistics {
  mean: number[];
  std: number[];
}

/** Indices of the wanted leads among a record's signal names. */
export function selectLeadIndices(
  signalNames: readonly string[],
  leads: readonly string[],
  recordId: string,
  hint = 'choose leads it has with --leads',
): number[] {
  const names = signalNames.map((name) => name.trim().toUpperCase());
  return leads.map((lead) => {
    const index = names.indexOf(lead.trim().toUpperCase());
    if (index < 0) {
      throw new DatasetError(
        `record ${recordId}: no lead '${lead}' (it has ${signalNames.join(', ')}); ${hint}`,
      );
    }
    return index;
  });
}

/** Greatest common divisor, for the up/down factors of polyphase resampling. */
function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * Applies lead selection, filter and resampling to a record already read.
 * @returns one Float32Array per selected lead at `targetRateHz`
 * @throws DatasetError when a lead is missing; ParameterError when a rate is not an
 * integer number of Hz (polyphase resampling needs integer up/down factors)
 * @remarks Invalid samples (NaN) are replaced by 0 mV before filtering. The filter is
 * `sosfiltfilt(butter(order, cutoff, {fs, output: 'sos'}), x)` as in scipy, applied at
 * the record's own rate; resampling is `resamplePoly(x, up, down)` with up/down the
 * reduced ratio of target and source rates.
 */
export function preprocessSignals(
  record: EcgRecord,
  config: PreprocessingConfig,
  recordId: string,
): Float32Array[] {
  const sourceRateHz = record.samplingRateHz;
  for (const [name, rate] of [
    ['record sampling rate', sourceRateHz],
    ['targetRateHz', config.targetRateHz],
  ] as const) {
    if (!(Number.isInteger(rate) && rate > 0)) {
      throw new ParameterError(name, 'a positive whole number of Hz', rate, recordId);
    }
  }
  const indices = selectLeadIndices(record.signalNames, config.leads, recordId);
  const sos = designFilter(config, sourceRateHz);
  const divisor = gcd(config.targetRateHz, sourceRateHz);
  const up = config.targetRateHz / divisor;
  const down = sourceRateHz / divisor;

  return indices.map((index) => {
    // Invalid samples become 0 mV so that the filter does not spread NaN.
    const millivolts = Float64Array.from(record.physical[index], (v) =>
      Number.isNaN(v) ? 0 : v,
    );
    const filtered = sos ? sosfiltfilt(sos, millivolts) : millivolts;
    const resampled =
      up === 1 && down === 1 ? filtered : resamplePoly(filtered, up, down);
    return Float32Array.from(resampled);
  });
}

function designFilter(config: PreprocessingConfig, fs: number): number[][] | undefined {
  const { lowpassHz, highpassHz, filterOrder } = config;
  if (lowpassHz !== undefined && highpassHz !== undefined) {
    return butter(filterOrder, [highpassHz, lowpassHz], {
      btype: 'bandpass',
      fs,
      output: 'sos',
    });
  }
  if (lowpassHz !== undefined) {
    return butter(filterOrder, lowpassHz, { btype: 'lowpass', fs, output: 'sos' });
  }
  if (highpassHz !== undefined) {
    return butter(filterOrder, highpassHz, { btype: 'highpass', fs, output: 'sos' });
  }
  return undefined;
}

/**
 * Reads the wanted leads of a record (and only those) and preprocesses them.
 * @param recordPath record path without extension, as `readRecord` takes it
 */
export async function loadPreprocessed(
  recordPath: string,
  config: PreprocessingConfig,
  recordId: string,
): Promise<Float32Array[]> {
  const record = await readLeads(recordPath, config.leads, recordId);
  return preprocessSignals(record, config, recordId);
}

/** Reads only the channels of the wanted leads, found by name in the header. */
export async function readLeads(
  recordPath: string,
  leads: readonly string[],
  recordId: string,
  hint?: string,
): Promise<EcgRecord> {
  const header = await readHeader(recordPath);
  const names = header.signals.map((signal) => signal.description);
  const channels = selectLeadIndices(names, leads, recordId, hint);
  return readRecord(recordPath, { channels });
}

/**
 * Mean and standard deviation of each lead over all samples of the given records.
 * @param records preprocessed records (training split only, to keep test data unseen)
 * @returns per-lead statistics; a std of 0 is replaced by 1 so that a flat lead stays 0
 */
export function leadStatistics(
  records: Iterable<readonly Float32Array[]>,
): LeadStatistics {
  let sums: number[] = [];
  let squares: number[] = [];
  let count = 0;
  for (const leads of records) {
    if (sums.length === 0) {
      sums = leads.map(() => 0);
      squares = leads.map(() => 0);
    }
    leads.forEach((signal, lead) => {
      for (let t = 0; t < signal.length; t++) {
        sums[lead] += signal[t];
        squares[lead] += signal[t] * signal[t];
      }
    });
    count += leads[0]?.length ?? 0;
  }
  if (count === 0)
    throw new DatasetError('no training samples to compute lead statistics from');
  const mean = sums.map((sum) => sum / count);
  const std = squares.map((square, lead) => {
    const variance = square / count - mean[lead] * mean[lead];
    return variance > 0 ? Math.sqrt(variance) : 1;
  });
  return { mean, std };
}

/** Returns standardised copies of the leads: (x - mean) / std per lead. */
export function standardise(
  leads: readonly Float32Array[],
  stats: LeadStatistics,
): Float32Array[] {
  return leads.map((signal, lead) => {
    const mean = stats.mean[lead];
    const std = stats.std[lead];
    return Float32Array.from(signal, (v) => (v - mean) / std);
  });
}
