import { ParameterError } from '../util/errors.js';
import { secondsToSamples } from './moving-sum.js';
import { detectRPeaks, type DetectRPeaksOptions } from './detect-r-peaks.js';

/** Options of {@link detectRPeaksMultiLead}. */
export interface MultiLeadOptions extends DetectRPeaksOptions {
  /** Detections of different leads closer than this belong to one beat, s; default 0.1. */
  toleranceSec?: number;
  /**
   * Fraction of the leads with any beat that must agree on a beat, in (0, 1];
   * default 0.5 (at least half).
   */
  minAgreement?: number;
}

/** Beats of a record: the fused train and what each lead found. */
export interface MultiLeadPeaks {
  /** Fused R peaks, 0-based samples, ascending. */
  rPeakIndices: Int32Array;
  /** R peaks found on each lead alone. */
  perLead: Int32Array[];
  /** Number of leads that voted for each fused beat. */
  votes: Int32Array;
}

/**
 * Detects R peaks on every lead and fuses them into one beat train: detections of
 * different leads within `toleranceSec` form one beat, kept when at least `minAgreement`
 * of the leads that found any beat voted for it; its position is the median of the
 * votes.
 * @param leads one array per lead, mV, all of the same length
 * @param samplingRateHz 100 to 2000 Hz
 * @returns the fused beats, the per-lead beats and the votes per fused beat
 * @throws ParameterError for no leads, leads of different lengths, or a bad agreement
 * @remarks A flat or missing lead finds no beat and so does not vote against the others.
 *
 * Limitations: with two leads, half is one lead, so a beat seen on either lead is kept
 * (a union); raise `minAgreement` to 1 to keep only beats both leads found.
 * @example
 * const { rPeakIndices } = detectRPeaksMultiLead(record.physical, record.samplingRateHz);
 */
export function detectRPeaksMultiLead(
  leads: ArrayLike<number>[],
  samplingRateHz: number,
  options: MultiLeadOptions = {},
): MultiLeadPeaks {
  const { toleranceSec = 0.1, minAgreement = 0.5, ...detectOptions } = options;
  if (leads.length === 0) throw new ParameterError('leads', 'at least one lead', 0);
  if (leads.some((lead) => lead.length !== leads[0].length)) {
    throw new ParameterError(
      'leads',
      'arrays of one length',
      leads.map((l) => l.length).join('/'),
    );
  }
  if (!(minAgreement > 0 && minAgreement <= 1)) {
    throw new ParameterError('minAgreement', 'in (0, 1]', minAgreement);
  }

  const perLead = leads.map((lead) => detectRPeaks(lead, samplingRateHz, detectOptions));
  const voters = perLead.filter((peaks) => peaks.length > 0).length;
  const needed = Math.max(1, Math.ceil(minAgreement * voters - 1e-9));

  // Pool every detection with its lead, in time order, and cluster by tolerance.
  const pooled: Array<[number, number]> = [];
  perLead.forEach((peaks, lead) => peaks.forEach((index) => pooled.push([index, lead])));
  pooled.sort((a, b) => a[0] - b[0]);
  const tolerance = secondsToSamples(toleranceSec, samplingRateHz);
  const fused: number[] = [];
  const votes: number[] = [];
  let cluster: Array<[number, number]> = [];
  const close = () => {
    const leadsVoting = new Set(cluster.map(([, lead]) => lead)).size;
    if (cluster.length > 0 && leadsVoting >= needed) {
      fused.push(cluster[Math.floor((cluster.length - 1) / 2)][0]);
      votes.push(leadsVoting);
    }
    cluster = [];
  };
  for (const detection of pooled) {
    if (cluster.length > 0 && detection[0] - cluster[0][0] > tolerance) close();
    cluster.push(detection);
  }
  close();

  return { rPeakIndices: Int32Array.from(fused), perLead, votes: Int32Array.from(votes) };
}
