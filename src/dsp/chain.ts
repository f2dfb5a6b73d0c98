/**
 * A chain of zero-phase filters built from the command line's flags: high-pass, low-pass
 * and notch, designed as Butterworth IIR or windowed-sinc FIR filters.
 */
import { butter } from './butter.js';
import { firwin } from './firwin.js';
import { iirnotch } from './notch.js';
import { filtfilt, sosfiltfilt } from './filtfilt.js';
import { freqz, sosfreqz, type FrequencyResponse } from './freqz.js';
import { type Complex, mul } from './complex.js';
import { toSignal, withDefaults } from './validate.js';
import { ParameterError } from '../util/errors.js';
import { type Logger, silentLogger } from '../util/logger.js';

/** What to filter out: cutoffs in Hz, the design family and its size. */
export interface FilterChainSpec {
  /** Low-pass cutoff, Hz. */
  lowpassHz?: number;
  /** High-pass cutoff, Hz (baseline wander: about 0.5 Hz). */
  highpassHz?: number;
  /** Mains frequency to notch out, Hz. */
  notchHz?: number;
  /** Quality factor of the notch; default 30. */
  notchQ?: number;
  /** 'butter' (IIR, sosfiltfilt) or 'fir' (firwin, filtfilt); default 'butter'. */
  design?: 'butter' | 'fir';
  /** Butterworth order; default 4. */
  order?: number;
  /** FIR length in taps; default 255 (odd, so a high-pass is possible). */
  taps?: number;
  /** Receives the warning about an FIR too short for its lowest cutoff; default silent. */
  logger?: Logger;
}

/** Transition width of a Hamming-window FIR, in units of fs / taps (the usual rule of thumb). */
export const HAMMING_TRANSITION_FS_PER_TAP = 3.3;

/** Defaults of {@link FilterChainSpec}. */
export const FILTER_CHAIN_DEFAULTS = {
  notchQ: 30,
  design: 'butter',
  order: 4,
  taps: 255,
} as const;

/** One designed stage: sections for IIR, taps (b, a = [1]) for FIR and the notch. */
export type FilterStage =
  | { label: string; cutoffHz: number | number[]; sos: number[][] }
  | { label: string; cutoffHz: number | number[]; b: number[]; a: number[] };

/**
 * Designs the stages of a filter chain at a sampling rate.
 * @param spec cutoffs in Hz, design, order, taps; at least one of low-pass, high-pass, notch
 * @param samplingRateHz sampling rate of the signal, Hz
 * @returns the stages in the order they are applied: high-pass, low-pass (one band-pass
 *   stage for FIR when both are given), notch
 * @throws CutoffFrequencyError when a cutoff is not below Nyquist
 * @throws ParameterError when no filter is asked for, or high-pass >= low-pass
 * @remarks Limitations: a Hamming-window FIR's transition band is about 3.3 fs / taps wide
 * (13 Hz for 255 taps at 1000 Hz), so an FIR high-pass cannot remove baseline wander below
 * 1 Hz; use the Butterworth design for that, or many more taps. When that width exceeds
 * the FIR's lowest cutoff, `spec.logger` receives a warning with the gain at 0 Hz and the
 * number of taps that would be needed; the stage is still designed as asked.
 * @example
 * const stages = designFilterChain({ lowpassHz: 50, design: 'fir' }, 1000);
 */
export function designFilterChain(
  spec: FilterChainSpec,
  samplingRateHz: number,
): FilterStage[] {
  const { notchQ, design, order, taps } = withDefaults(FILTER_CHAIN_DEFAULTS, spec);
  const { lowpassHz, highpassHz, notchHz } = spec;
  const fs = samplingRateHz;
  if (lowpassHz === undefined && highpassHz === undefined && notchHz === undefined) {
    throw new ParameterError(
      'filter',
      'at least one of low-pass, high-pass or notch',
      'none',
    );
  }
  if (lowpassHz !== undefined && highpassHz !== undefined && !(highpassHz < lowpassHz)) {
    throw new ParameterError(
      'high-pass cutoff',
      `below the low-pass cutoff ${lowpassHz} Hz`,
      highpassHz,
    );
  }
  if (design !== 'butter' && design !== 'fir') {
    throw new ParameterError('design', "'butter' or 'fir'", design);
  }

  const stages: FilterStage[] = [];
  if (design === 'butter') {
    if (highpassHz !== undefined) {
      const sos = butter(order, highpassHz, { btype: 'highpass', fs, output: 'sos' });
      stages.push({
        label: `Butterworth order ${order}, high-pass ${highpassHz} Hz`,
        cutoffHz: highpassHz,
        sos,
      });
    }
    if (lowpassHz !== undefined) {
      const sos = butter(order, lowpassHz, { btype: 'lowpass', fs, output: 'sos' });
      stages.push({
        label: `Butterworth order ${order}, low-pass ${lowpassHz} Hz`,
        cutoffHz: lowpassHz,
        sos,
      });
    }
  } else if (highpassHz !== undefined && lowpassHz !== undefined) {
    const b = firwin(taps, [highpassHz, lowpassHz], { fs, passZero: 'bandpass' });
    const label = `FIR ${taps} taps (Hamming), band-pass ${highpassHz}-${lowpassHz} Hz`;
    stages.push({ label, cutoffHz: [highpassHz, lowpassHz], b, a: [1] });
  } else if (highpassHz !== undefined) {
    const b = firwin(taps, highpassHz, { fs, passZero: 'highpass' });
    stages.push({
      label: `FIR ${taps} taps (Hamming), high-pass ${highpassHz} Hz`,
      cutoffHz: highpassHz,
      b,
      a: [1],
    });
  } else if (lowpassHz !== undefined) {
    const b = firwin(taps, lowpassHz, { fs });
    stages.push({
      label: `FIR ${taps} taps (Hamming), low-pass ${lowpassHz} Hz`,
      cutoffHz: lowpassHz,
      b,
      a: [1],
    });
  }
  if (notchHz !== undefined) {
    const { b, a } = iirnotch(notchHz, notchQ, fs);
    stages.push({ label: `notch ${notchHz} Hz, Q ${notchQ}`, cutoffHz: notchHz, b, a });
  }
  if (design === 'fir') warnIfFirTooShort(spec, taps, fs);
  return stages;
}

/** Warns when the Hamming transition band (3.3 fs / taps) is wider than the lowest cutoff. */
function warnIfFirTooShort(spec: FilterChainSpec, taps: number, fs: number): void {
  const { lowpassHz, highpassHz } = spec;
  const lowestHz = highpassHz ?? lowpassHz;
  if (lowestHz === undefined) return;
  const transitionHz = (HAMMING_TRANSITION_FS_PER_TAP * fs) / taps;
  if (!(transitionHz > lowestHz)) return;

  // Taps for a transition band no wider than the cutoff, odd so that a high-pass exists.
  const neededTaps =
    2 * Math.ceil((HAMMING_TRANSITION_FS_PER_TAP * fs) / lowestHz / 2) + 1;
  const kind = highpassHz === undefined ? 'low-pass' : 'high-pass';
  let leak = '';
  if (highpassHz !== undefined) {
    const bands = lowpassHz === undefined ? highpassHz : [highpassHz, lowpassHz];
    const b = firwin(taps, bands, {
      fs,
      passZero: lowpassHz === undefined ? 'highpass' : 'bandpass',
    });
    const dcGain = Math.abs(b.reduce((sum, tap) => sum + tap, 0));
    leak = `, so baseline wander passes (gain at 0 Hz ${(20 * Math.log10(dcGain)).toFixed(1)} dB per pass)`;
  }
  (spec.logger ?? silentLogger).warn(
    `FIR ${taps} taps at ${fs} Hz: its transition band, about ${transitionHz.toFixed(1)} Hz ` +
      `(3.3 fs / taps, Hamming), is wider than the ${lowestHz} Hz ${kind} cutoff${leak}; ` +
      `use at least ${neededTaps} taps or the Butterworth design (--design butter)`,
  );
}

/**
 * Applies every stage with zero phase: `sosfiltfilt` for sections, `filtfilt` otherwise.
 * @returns a new Float64Array, same length
 * @throws SignalLengthError when the signal is shorter than a stage's default pad
 */
export function applyFilterChain(
  stages: readonly FilterStage[],
  x: ArrayLike<number>,
): Float64Array {
  let y: Float64Array = toSignal(x);
  for (const stage of stages)
    y = 'sos' in stage ? sosfiltfilt(stage.sos, y) : filtfilt(stage.b, stage.a, y);
  return y;
}

/**
 * Frequency response of each stage and of the whole chain (their product), in Hz. The
 * chain runs forward and backward, so its magnitude is |h|^2 with zero phase; the
 * responses here are those of one forward pass, as scipy's `freqz` gives them.
 */
export function filterChainResponse(
  stages: readonly FilterStage[],
  samplingRateHz: number,
  worN = 2048,
): {
  stages: Array<FrequencyResponse & { label: string; cutoffHz: number | number[] }>;
  combined: FrequencyResponse;
} {
  const options = { worN, fs: samplingRateHz };
  const responses = stages.map((stage) => ({
    label: stage.label,
    cutoffHz: stage.cutoffHz,
    ...('sos' in stage ? sosfreqz(stage.sos, options) : freqz(stage.b, stage.a, options)),
  }));
  const h: Complex[] = responses[0].h.map((_, i) =>
    responses.reduce((p, r) => mul(p, r.h[i]), { re: 1, im: 0 }),
  );
  return { stages: responses, combined: { w: responses[0].w, h } };
}
