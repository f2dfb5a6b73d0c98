/**
 * FLAC-compressed WFDB signal files (formats 508, 516, 524).
 */
import { NotImplementedError } from '../util/errors.js';
import type { SignalSpec } from './types.js';

/**
 * Decodes a whole FLAC signal file into ADC counts in file (frame) order.
 * @param path the signal file
 * @param signals the signal lines stored in the file
 * @param _toFrame frames needed
 * @throws NotImplementedError naming the format
 */
export async function decodeFlacFile(
  path: string,
  signals: SignalSpec[],
  _toFrame: number,
): Promise<Int32Array> {
  throw new NotImplementedError(
    `WFDB format ${signals[0].format} (FLAC) in ${path}`,
    'convert the record to format 16 with wfdb-python or the WFDB tools first',
  );
}
