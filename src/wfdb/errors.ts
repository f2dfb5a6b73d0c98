/**
 * Errors of the WFDB reader, built from the offending file and field.
 */
import { FileError, ParseError } from '../util/errors.js';

/** A signal or annotation file ends before the samples the header promises. */
export class TruncatedFileError extends FileError {
  readonly neededBytes: number;
  readonly actualBytes: number;

  constructor(file: string, neededBytes: number, actualBytes: number, what: string) {
    super(
      file,
      `truncated: ${what} needs ${neededBytes} bytes but the file has ${actualBytes}; ` +
        'the download may be incomplete, fetch the file again',
      'FILE_TRUNCATED',
    );
    this.neededBytes = neededBytes;
    this.actualBytes = actualBytes;
  }
}

/** A header names a storage format that WFDB does not define. */
export class UnknownFormatError extends ParseError {
  readonly format: string;

  constructor(file: string, line: number, format: string) {
    super(
      file,
      `unknown WFDB storage format '${format}' (known: 0, 8, 16, 24, 32, 61, 80, 160, 212, ` +
        '310, 311, 508, 516, 524); check the signal line',
      { line, field: 'format' },
      'WFDB_FORMAT',
    );
    this.format = format;
  }
}
