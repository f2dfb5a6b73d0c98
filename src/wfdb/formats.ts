/**
 * WFDB storage formats kept as data (signal(5) of the WFDB Software Package), and the
 * decoders that turn a file's bytes into ADC counts.
 */

/** How one storage format lays out its samples. */
export interface FormatSpec {
  /** Samples that share one indivisible group of bytes (2 for 212, 3 for 310/311). */
  samplesPerGroup: number;
  /** Bytes of one such group. */
  bytesPerGroup: number;
  /** ADC value that marks an invalid sample, or undefined when the format has none. */
  invalidValue: number | undefined;
  /** Difference formats depend on every earlier sample, so a range starts at sample 0. */
  isDifference: boolean;
  /** FLAC formats are compressed: the whole file is decoded. */
  isFlac: boolean;
}

const plain = (bytes: number, invalidValue: number | undefined): FormatSpec => ({
  samplesPerGroup: 1,
  bytesPerGroup: bytes,
  invalidValue,
  isDifference: false,
  isFlac: false,
});

const flac = (invalidValue: number): FormatSpec => ({
  samplesPerGroup: 1,
  bytesPerGroup: 0,
  invalidValue,
  isDifference: false,
  isFlac: true,
});

/** Every format cardiokit reads, with its invalid-sample sentinel (as wfdb-python). */
export const FORMATS: Readonly<Record<number, FormatSpec>> = {
  8: { ...plain(1, undefined), isDifference: true },
  16: plain(2, -32768),
  24: plain(3, -(2 ** 23)),
  32: plain(4, -(2 ** 31)),
  61: plain(2, -32768),
  80: plain(1, -128),
  160: plain(2, -32768),
  212: { ...plain(3, -2048), samplesPerGroup: 2 },
  310: { ...plain(4, -512), samplesPerGroup: 3 },
  311: { ...plain(4, -512), samplesPerGroup: 3 },
  508: flac(-128),
  516: flac(-32768),
  524: flac(-(2 ** 23)),
};

/** Bits per sample of each FLAC format. */
export const FLAC_BITS: Readonly<Record<number, number>> = { 508: 8, 516: 16, 524: 24 };

/** Bytes needed to hold `count` samples of a packed stream that starts on a group. */
export function bytesForSamples(spec: FormatSpec, count: number): number {
  const whole = Math.floor(count / spec.samplesPerGroup) * spec.bytesPerGroup;
  const rest = count % spec.samplesPerGroup;
  if (rest === 0) return whole;
  // A partial group keeps only the bytes its samples touch (212: 2 bytes for 1 sample;
  // 310: 2 or 4 bytes; 311: 2 or 3 bytes).
  return whole + partialGroupBytes(spec, rest);
}

function partialGroupBytes(spec: FormatSpec, rest: number): number {
  if (spec.bytesPerGroup === 3) return 2;
  if (spec === FORMATS[310]) return rest === 1 ? 2 : 4;
  return rest === 1 ? 2 : 3;
}

/**
 * Decodes `count` samples of a non-FLAC format from `bytes`, which start on a group
 * boundary. Bytes missing at the end of a partial group read as zero.
 * @param format WFDB format number (not a FLAC format)
 * @param bytes the file bytes, starting at the first group to decode
 * @param count samples to decode
 * @param samplesPerFrame samples of each signal in one frame of this file, in file order
 *   (used only by the difference format 8, which keeps one running value per signal)
 * @param initialValues initial value of each signal of the file (format 8 only)
 * @returns the samples in file order, as ADC counts
 */
export function decodeSamples(
  format: number,
  bytes: Uint8Array,
  count: number,
  samplesPerFrame: number[] = [1],
  initialValues: number[] = [0],
): Int32Array {
  const out = new Int32Array(count);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = (i: number) => (i < bytes.length ? bytes[i] : 0);

  switch (format) {
    case 8:
      decodeDifference8(bytes, out, samplesPerFrame, initialValues);
      break;
    case 16:
      for (let i = 0; i < count; i++) out[i] = view.getInt16(2 * i, true);
      break;
    case 61:
      for (let i = 0; i < count; i++) out[i] = view.getInt16(2 * i, false);
      break;
    case 80:
      for (let i = 0; i < count; i++) out[i] = bytes[i] - 128;
      break;
    case 160:
      for (let i = 0; i < count; i++) out[i] = view.getUint16(2 * i, true) - 32768;
      break;
    case 24:
      for (let i = 0; i < count; i++) {
        const v = bytes[3 * i] | (bytes[3 * i + 1] << 8) | (bytes[3 * i + 2] << 16);
        out[i] = (v << 8) >> 8;
      }
      break;
    case 32:
      for (let i = 0; i < count; i++) out[i] = view.getInt32(4 * i, true);
      break;
    case 212:
      decode212(at, bytes, out);
      break;
    case 310:
      decode310(at, out);
      break;
    case 311:
      decode311(at, out);
      break;
    default:
      throw new RangeError(`decodeSamples: format ${format} is not a plain format`);
  }
  return out;
}

// Format 212: two 12-bit samples in three bytes; the middle byte holds the high nibble
// of the first sample (low 4 bits) and of the second (high 4 bits).
function decode212(at: (i: number) => number, bytes: Uint8Array, out: Int32Array): void {
  const pairs = Math.min(out.length >> 1, Math.floor(bytes.length / 3));
  for (let p = 0, b = 0; p < pairs; p++, b += 3) {
    const middle = bytes[b + 1];
    out[2 * p] = ((bytes[b] | ((middle & 0x0f) << 8)) << 20) >> 20;
    out[2 * p + 1] = ((bytes[b + 2] | ((middle & 0xf0) << 4)) << 20) >> 20;
  }
  // The tail (an odd last sample, or bytes missing at the end) goes sample by sample.
  for (let i = 2 * pairs; i < out.length; i++) {
    const base = 3 * (i >> 1);
    const middle = at(base + 1);
    const raw =
      (i & 1) === 0
        ? at(base) | ((middle & 0x0f) << 8)
        : at(base + 2) | ((middle & 0xf0) << 4);
    out[i] = (raw << 20) >> 20;
  }
}

// Format 310: three 10-bit samples in two little-endian 16-bit words; bits 1-10 of each
// word hold samples 0 and 1, and the top 5 bits of both words together hold sample 2.
function decode310(at: (i: number) => number, out: Int32Array): void {
  for (let i = 0; i < out.length; i++) {
    const base = 4 * Math.floor(i / 3);
    const w0 = at(base) | (at(base + 1) << 8);
    const w1 = at(base + 2) | (at(base + 3) << 8);
    const k = i % 3;
    const raw =
      k === 0
        ? (w0 >> 1) & 0x3ff
        : k === 1
          ? (w1 >> 1) & 0x3ff
          : (w0 >> 11) | ((w1 >> 11) << 5);
    out[i] = (raw << 22) >> 22;
  }
}

// Format 311: three 10-bit samples in one little-endian 32-bit word, at bits 0, 10, 20.
function decode311(at: (i: number) => number, out: Int32Array): void {
  for (let i = 0; i < out.length; i++) {
    const base = 4 * Math.floor(i / 3);
    const word =
      at(base) | (at(base + 1) << 8) | (at(base + 2) << 16) | (at(base + 3) << 24);
    const raw = (word >>> (10 * (i % 3))) & 0x3ff;
    out[i] = (raw << 22) >> 22;
  }
}

// Format 8: each byte is the signed difference from the previous sample of the same
// signal; the first sample of each signal is its initial value plus the first byte.
function decodeDifference8(
  bytes: Uint8Array,
  out: Int32Array,
  samplesPerFrame: number[],
  initialValues: number[],
): void {
  const running = initialValues.slice();
  let signal = 0;
  let inFrame = 0;
  for (let i = 0; i < out.length; i++) {
    const delta = (bytes[i] << 24) >> 24;
    running[signal] += delta;
    out[i] = running[signal];
    inFrame++;
    if (inFrame === samplesPerFrame[signal]) {
      inFrame = 0;
      signal = (signal + 1) % samplesPerFrame.length;
    }
  }
}
