import { CardiokitError } from '../util/errors.js';

/** A file could not be fetched: names the URL, what the server said, and the fix. */
export class DownloadError extends CardiokitError {
  readonly url: string;

  constructor(url: string, message: string) {
    super('DOWNLOAD', `${url}: ${message}`);
    this.url = url;
  }
}

/** A downloaded file does not match its SHA-256 sum; the file was not kept. */
export class ChecksumError extends CardiokitError {
  readonly file: string;
  readonly expectedSha256: string;
  readonly actualSha256: string;

  constructor(file: string, expectedSha256: string, actualSha256: string) {
    super(
      'CHECKSUM',
      `${file}: SHA-256 ${actualSha256} does not match ${expectedSha256} from SHA256SUMS.txt; ` +
        'the download was deleted, run the command again to fetch it afresh',
    );
    this.file = file;
    this.expectedSha256 = expectedSha256;
    this.actualSha256 = actualSha256;
  }
}

/** Some files of a download failed; the others were kept and verified. */
export class DownloadFailuresError extends CardiokitError {
  readonly failures: { file: string; message: string }[];

  constructor(failures: { file: string; message: string }[], totalFiles: number) {
    const shown = failures.slice(0, 5).map((f) => `  ${f.message}`);
    const more = failures.length > 5 ? [`  ... and ${failures.length - 5} more`] : [];
    super(
      'DOWNLOAD',
      [
        `${failures.length} of ${totalFiles} files failed; verified files were kept, ` +
          'run the same command again to resume:',
        ...shown,
        ...more,
      ].join('\n'),
    );
    this.failures = failures;
  }
}
