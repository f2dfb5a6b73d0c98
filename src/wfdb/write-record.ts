/**
 * Writes single-segment WFDB records (a `.hea` and one `.dat` in format 16 or 212), so
 * that what cardiokit or wfdb reads back is what was written.
 */
import { basename } from 'node:path';
import { ParameterError } from '../util/errors.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { FORMATS } from './formats.js';

/** Storage formats the writer produces. */
export type WritableFormat = 16 | 212;

/** What {@link writeRecord} writes. */
export interface WriteRecordOptions {
  /** One name per signal (the header's description), for example `['MLII', 'V5']`. */
  signalNames: string[];
  /** Physical units per signal (default `mV`). */
  units?: string[];
  /** Sampling rate of every signal, Hz (> 0). */
  samplingRateHz: number;
  /** Physical values per signal, all the same length; NaN is written as invalid. */
  physical?: Float64Array[];
  /** Digital values per signal instead of `physical`; must fit the format. */
  digital?: Int32Array[];
  /** Storage format of the `.dat` file. */
  format: WritableFormat;
  /** ADC units per physical unit per signal; default from {@link adcGainForRange}. */
  adcGain?: number[];
  /** ADC value of physical 0 per signal; default from {@link adcGainForRange}. */
  baseline?: number[];
  /** Header comment lines, without `#`. */
  comments?: string[];
}

/** Smallest and largest valid digital values of each writable format (the invalid sentinel excluded). */
export const DIGITAL_RANGE: Readonly<Record<WritableFormat, [number, number]>> = {
  16: [-32767, 32767],
  212: [-2047, 2047],
};

/** ADC resolution written for each format, in bits. */
const RESOLUTION_BITS: Readonly<Record<WritableFormat, number>> = { 16: 16, 212: 12 };

/**
 * Chooses a gain and baseline that map a signal's physical range onto the format's
 * digital range: gain = (dmax - dmin) / (pmax - pmin), baseline = dmin - pmin * gain
 * rounded toward the middle so every value fits.
 * @param physical the values (NaN ignored)
 * @param format 16 or 212
 * @returns `adcGain` (ADC units per physical unit, > 0) and integer `baseline`
 * @remarks A constant (or all-NaN) signal gets gain 1 and the baseline that maps its
 *   value (or 0) to ADC 0, clamped to the range.
 */
export function adcGainForRange(
  physical: Float64Array,
  format: WritableFormat,
): { adcGain: number; baseline: number } {
  const [dmin, dmax] = DIGITAL_RANGE[format];
  let pmin = Infinity;
  let pmax = -Infinity;
  for (const v of physical) {
    if (Number.isNaN(v)) continue;
    pmin = Math.min(pmin, v);
    pmax = Math.max(pmax, v);
  }
  if (!(pmax > pmin)) {
    const value = Number.isFinite(pmin) ? pmin : 0;
    return { adcGain: 1, baseline: Math.max(dmin, Math.min(dmax, -Math.round(value))) };
  }

  // Keep one ADC unit of margin at each end so rounding never leaves the range.
  const adcGain = (dmax - dmin - 2) / (pmax - pmin);
  const baseline = Math.round(dmin + 1 - pmin * adcGain);
  return { adcGain, baseline };
}

/**
 * Writes a record as `<recordPath>.hea` and `<recordPath>.dat`, each atomically.
 * @param recordPath path without extension; its base name is the record name
 * @param options signals, rate, values and format; see {@link WriteRecordOptions}
 * @returns the paths written
 * @throws ParameterError for mismatched lengths, a rate <= 0, a digital value outside
 *   the format's range, or a record name wfdb would not accept
 * @remarks Digital values are round(physical * gain + baseline); NaN becomes the
 *   format's invalid value. The header carries each signal's initial value and checksum,
 *   so wfdb and cardiokit check the data on reading.
 *
 *   Limitations: one `.dat` file, single segment, one sampling rate (no samples per
 *   frame > 1), formats 16 and 212 only.
 * @example
 * await writeRecord('out/demo', {
 *   signalNames: ['II'], samplingRateHz: 500, format: 16,
 *   physical: [Float64Array.from({ length: 5000 }, (_, i) => Math.sin(i / 50))],
 * });
 */
export async function writeRecord(
  recordPath: string,
  options: WriteRecordOptions,
): Promise<{ headerPath: string; dataPath: string }> {
  const recordName = basename(recordPath);
  const { digital, adcGain, baseline } = digitize(options);
  const lengthSamples = digital[0]?.length ?? 0;
  validate(recordName, options, digital);

  const dataName = `${recordName}.dat`;
  const bytes = encodeFrames(digital, options.format);
  const lines = [
    `${recordName} ${digital.length} ${options.samplingRateHz} ${lengthSamples}`,
    ...digital.map((d, i) => {
      const units = options.units?.[i] ?? 'mV';
      const gain = `${adcGain[i]}(${baseline[i]})/${units}`;
      const resolution = RESOLUTION_BITS[options.format];
      const initial = d.length > 0 ? d[0] : 0;
      return `${dataName} ${options.format} ${gain} ${resolution} 0 ${initial} ${checksum(d)} 0 ${options.signalNames[i]}`;
    }),
    ...(options.comments ?? []).map((c) => `# ${c}`),
  ];

  const headerPath = `${recordPath}.hea`;
  const dataPath = `${recordPath}.dat`;
  await writeFileAtomic(dataPath, bytes);
  await writeFileAtomic(headerPath, `${lines.join('\n')}\n`);
  return { headerPath, dataPath };
}

function digitize(options: WriteRecordOptions): {
  digital: Int32Array[];
  adcGain: number[];
  baseline: number[];
} {
  const count = options.signalNames.length;
  if (options.digital !== undefined) {
    return {
      digital: options.digital,
      adcGain: options.adcGain ?? new Array<number>(count).fill(200),
      baseline: options.baseline ?? new Array<number>(count).fill(0),
    };
  }
  if (options.physical === undefined) {
    throw new ParameterError(
      'physical',
      'given (or digital)',
      undefined,
      'nothing to write',
    );
  }
  const physical = options.physical;
  const auto = physical.map((p) => adcGainForRange(p, options.format));
  const adcGain = options.adcGain ?? auto.map((a) => a.adcGain);
  const baseline = options.baseline ?? auto.map((a) => a.baseline);
  const invalid = FORMATS[options.format].invalidValue ?? 0;
  const digital = physical.map((p, i) =>
    Int32Array.from(p, (v) =>
      Number.isNaN(v) ? invalid : Math.round(v * adcGain[i] + baseline[i]),
    ),
  );
  return { digital, adcGain, baseline };
}

function validate(
  recordName: string,
  options: WriteRecordOptions,
  digital: Int32Array[],
): void {
  if (!/^[-\w]+$/.test(recordName)) {
    throw new ParameterError(
      'recordPath',
      'a name of letters, digits, _ and -',
      recordName,
    );
  }
  if (!(options.samplingRateHz > 0)) {
    throw new ParameterError('samplingRateHz', '> 0', options.samplingRateHz);
  }
  if (digital.length !== options.signalNames.length || digital.length === 0) {
    throw new ParameterError(
      'signalNames',
      `one name per signal (${digital.length} signals)`,
      options.signalNames.length,
    );
  }
  const [dmin, dmax] = DIGITAL_RANGE[options.format];
  const invalid = FORMATS[options.format].invalidValue;
  digital.forEach((d, i) => {
    if (d.length !== digital[0].length) {
      throw new ParameterError(
        `signal ${i} length`,
        `${digital[0].length} samples`,
        d.length,
      );
    }
    const bad = d.findIndex((v) => v !== invalid && (v < dmin || v > dmax));
    if (bad >= 0) {
      throw new ParameterError(
        `signal ${i} ('${options.signalNames[i]}') sample ${bad}`,
        `within ${dmin}..${dmax} for format ${options.format}`,
        d[bad],
        'choose a smaller adcGain or another baseline',
      );
    }
  });
}

// 16-bit sum of all samples, written as a signed value as wfdb writes it.
function checksum(digital: Int32Array): number {
  let sum = 0;
  for (const v of digital) sum = (sum + v) | 0;
  return ((sum & 0xffff) << 16) >> 16;
}

// Interleave frame by frame, then pack in the storage format.
function encodeFrames(digital: Int32Array[], format: WritableFormat): Uint8Array {
  const n = digital[0]?.length ?? 0;
  const stream = new Int32Array(n * digital.length);
  for (let t = 0; t < n; t++) {
    for (let s = 0; s < digital.length; s++)
      stream[t * digital.length + s] = digital[s][t];
  }
  if (format === 16) {
    const bytes = new Uint8Array(2 * stream.length);
    const view = new DataView(bytes.buffer);
    stream.forEach((v, i) => view.setInt16(2 * i, v, true));
    return bytes;
  }
  return encode212(stream);
}

// Format 212: two 12-bit samples in three bytes; an odd last sample takes two bytes.
function encode212(stream: Int32Array): Uint8Array {
  const bytes = new Uint8Array(
    Math.floor(stream.length / 2) * 3 + (stream.length % 2) * 2,
  );
  for (let i = 0; i < stream.length; i += 2) {
    const a = stream[i] & 0xfff;
    const base = (i / 2) * 3;
    bytes[base] = a & 0xff;
    bytes[base + 1] = a >> 8;
    if (i + 1 < stream.length) {
      const b = stream[i + 1] & 0xfff;
      bytes[base + 1] |= (b >> 8) << 4;
      bytes[base + 2] = b & 0xff;
    }
  }
  return bytes;
}
