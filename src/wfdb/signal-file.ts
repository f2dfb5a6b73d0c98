/**
 * Reads a run of frames from one signal file, touching only the bytes those frames use
 * (except for format 8, a difference format, and the FLAC formats, which are decoded
 * from the start).
 */
import { open } from 'node:fs/promises';
import { FileError } from '../util/errors.js';
import { missingFile } from './header.js';
import { TruncatedFileError } from './errors.js';
import { FORMATS, bytesForSamples, decodeSamples } from './formats.js';
import { decodeFlacFile } from './flac.js';
import type { SignalSpec } from './types.js';

/** The samples of frames `[fromFrame, toFrame)` of one file, in file order. */
export interface FileFrames {
  /** ADC counts; frame `f` starts at `(f - fromFrame) * frameSamples`. */
  samples: Int32Array;
  fromFrame: number;
  toFrame: number;
  /** Samples of all the file's signals in one frame. */
  frameSamples: number;
}

/**
 * Reads frames `[fromFrame, toFrame)` of the file that holds `signals`.
 * @param path the signal file
 * @param signals every signal line of the header stored in this file, in header order
 * @param fromFrame first frame, inclusive
 * @param toFrame last frame, exclusive
 * @throws FileError when the file is missing or is a directory; TruncatedFileError when
 *   it is shorter than the frames need (the message gives the file's real size)
 */
export async function readFileFrames(
  path: string,
  signals: SignalSpec[],
  fromFrame: number,
  toFrame: number,
): Promise<FileFrames> {
  const format = signals[0].format;
  const spec = FORMATS[format];
  const frameSamples = signals.reduce((sum, s) => sum + s.samplesPerFrame, 0);
  const frames = Math.max(0, toFrame - fromFrame);
  if (spec.isFlac) {
    const all = await decodeFlacFile(path, signals, toFrame);
    const samples = all.subarray(fromFrame * frameSamples, toFrame * frameSamples);
    return { samples, fromFrame, toFrame, frameSamples };
  }

  // Start on the group (212: 2 samples, 310/311: 3) that holds the first sample needed;
  // the difference format 8 must start at the beginning of the file.
  const firstSample = fromFrame * frameSamples;
  const startGroup = spec.isDifference
    ? 0
    : Math.floor(firstSample / spec.samplesPerGroup);
  const lead = firstSample - startGroup * spec.samplesPerGroup;
  const sampleCount = lead + frames * frameSamples;
  const startByte = signals[0].byteOffset + startGroup * spec.bytesPerGroup;
  const neededBytes = bytesForSamples(spec, sampleCount);

  const bytes = await readBytes(path, startByte, neededBytes);
  const decoded = decodeSamples(
    format,
    bytes,
    sampleCount,
    signals.map((s) => s.samplesPerFrame),
    signals.map((s) => s.initialValue),
  );
  return { samples: decoded.subarray(lead), fromFrame, toFrame, frameSamples };
}

async function readBytes(
  path: string,
  position: number,
  length: number,
): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw missingFile(path, error, 'signal');
  }
  try {
    // Check the size before allocating: a header may promise more bytes than any file
    // (or any typed array) can hold.
    const stats = await handle.stat();
    if (stats.isDirectory()) {
      throw new FileError(
        path,
        'is a directory, but the header names it as a signal file; put the ' +
          "record's .dat file at this path",
        'FILE_NOT_REGULAR',
      );
    }
    if (position + length > stats.size) {
      const what =
        position >= stats.size
          ? `the requested range starts at byte ${position}, past the end of the file, and`
          : 'the requested samples';
      throw new TruncatedFileError(path, position + length, stats.size, what);
    }

    const bytes = new Uint8Array(length);
    let done = 0;
    while (done < length) {
      const { bytesRead } = await handle.read(
        bytes,
        done,
        length - done,
        position + done,
      );
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    if (done < length) {
      throw new TruncatedFileError(
        path,
        position + length,
        position + done,
        'the requested samples',
      );
    }
    return bytes;
  } finally {
    await handle.close();
  }
}
