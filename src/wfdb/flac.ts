/**
 * FLAC-compressed WFDB signal files (formats 508, 516, 524): one FLAC stream per file,
 * one FLAC channel per signal, each holding that signal's samples in order.
 */
import { readFile } from 'node:fs/promises';
import { FLACDecoder } from '@wasm-audio-decoders/flac';
import { FileError, NotImplementedError } from '../util/errors.js';
import { missingFile } from './header.js';
import type { SignalSpec } from './types.js';

/**
 * Decodes a whole FLAC signal file into ADC counts in file (frame) order.
 * @param path the signal file
 * @param signals the signal lines stored in the file, in header order
 * @param toFrame frames the caller needs; a file with fewer is truncated
 * @returns samples interleaved as an uncompressed file would hold them
 * @throws FileError when the file is missing, not a FLAC stream, or decodes to fewer
 *   frames than needed; NotImplementedError when the signals
 *   of one file have different samples per frame (WFDB does not allow it either)
 * @remarks The decoder (`@wasm-audio-decoders/flac`, libFLAC compiled to wasm) returns
 *   float32 samples divided by 2^(bits - 1) - 1; multiplying back and rounding recovers
 *   every 8-, 16- and 24-bit integer exactly (checked for all of them).
 */
export async function decodeFlacFile(
  path: string,
  signals: SignalSpec[],
  toFrame: number,
): Promise<Int32Array> {
  const spf = signals[0].samplesPerFrame;
  if (signals.some((s) => s.samplesPerFrame !== spf)) {
    throw new NotImplementedError(
      `FLAC file ${path} with different samples per frame per signal`,
      'WFDB requires the same samples per frame for every signal of a FLAC file',
    );
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw missingFile(path, error, 'signal');
  }

  const decoder = new FLACDecoder();
  await decoder.ready;
  let decoded;
  try {
    decoded = await decoder.decodeFile(new Uint8Array(bytes));
  } finally {
    decoder.free();
  }
  if (decoded.channelData.length !== signals.length || decoded.errors.length > 0) {
    throw new FileError(
      path,
      `not a FLAC stream of ${signals.length} channels (decoded ` +
        `${decoded.channelData.length} channels, ${decoded.errors.length} errors)`,
    );
  }

  // Undo the decoder's scaling (it divides by 2^(bits-1) - 1) and interleave by frame.
  const scale = 2 ** (decoded.bitDepth - 1) - 1;
  const frames = Math.floor(decoded.samplesDecoded / spf);
  if (frames < toFrame) {
    throw new FileError(
      path,
      `truncated: the FLAC stream holds ${frames} frames but ${toFrame} are needed; ` +
        'fetch the file again',
      'FILE_TRUNCATED',
    );
  }
  const out = new Int32Array(frames * spf * signals.length);
  let i = 0;
  for (let f = 0; f < frames; f++) {
    for (const channel of decoded.channelData) {
      for (let k = 0; k < spf; k++) out[i++] = Math.round(channel[f * spf + k] * scale);
    }
  }
  return out;
}
