import { join, resolve } from 'node:path';
import { CardiokitError, DatasetError } from '../util/errors.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { silentLogger, type Logger } from '../util/logger.js';
import { DownloadError, DownloadFailuresError } from './errors.js';
import { fetchVerifiedFile, networkReason, type FetchOutcome } from './fetch-verified.js';
import { databaseUrl, physionetDatabase, PHYSIONET_FILES_URL } from './physionet.js';
import { parseSha256Sums, type ChecksumEntry } from './sha256sums.js';

/** Progress of a download, reported after each chunk and each file. */
export interface DownloadProgress {
  /** File being fetched, relative to the database folder. */
  file: string;
  /** 0-based index of that file among the files to fetch. */
  fileIndex: number;
  fileCount: number;
  /** Bytes of that file on disk so far, and its size when the server says it. */
  receivedBytes: number;
  totalBytes: number | undefined;
}

/** Options of {@link downloadDatabase}. */
export interface DownloadOptions {
  /** Folder to write into; created if needed. Files keep their paths in the database. */
  toDir: string;
  /** Files root of the server; the database is at `<baseUrl>/<slug>/<version>/`. */
  baseUrl: string;
  /** Database version; default the one in {@link PHYSIONET_DATABASES}. */
  version: string | undefined;
  /** Fetch only files whose path starts with one of these; empty = every file. */
  include: string[];
  /** Stop at the first failed file instead of trying the others first. */
  stopOnError: boolean;
  logger: Logger;
  onProgress?: (progress: DownloadProgress) => void;
}

export const DOWNLOAD_DEFAULTS: Omit<DownloadOptions, 'toDir' | 'logger'> = {
  baseUrl: PHYSIONET_FILES_URL,
  version: undefined,
  include: [],
  stopOnError: false,
};

/** What a download did. */
export interface DownloadSummary {
  database: string;
  url: string;
  toDir: string;
  /** Files fetched now (whole or resumed), and files that were already there and verified. */
  downloaded: string[];
  resumed: string[];
  alreadyVerified: string[];
}

/**
 * Downloads a PhysioNet database, verifying every file against the database's
 * `SHA256SUMS.txt`.
 * @param name `ptbdb`, `ptbxl` or `mitdb`
 * @param options target folder, server, version, file filter, progress callback
 * @returns which files were fetched, resumed, or already verified
 * @throws ParameterError for an unknown database; DownloadError when `SHA256SUMS.txt`
 * cannot be fetched; DownloadFailuresError listing every file that failed (the others
 * are kept); DatasetError when `include` matches no file
 * @remarks
 * Each file goes to `<file>.part` and is renamed to its name only once its SHA-256
 * matches, so a file under its own name is always a verified one. Running the command
 * again skips verified files and resumes partial ones with an HTTP Range request. The
 * list of files is `SHA256SUMS.txt` itself, which is written to the folder too.
 *
 * Limitations: files are fetched one at a time; `SHA256SUMS.txt` is trusted as served
 * (it is the root of the checks).
 * @example
 * await downloadDatabase('ptbxl', { toDir: 'ptbxl', include: ['records100/', 'ptbxl_database.csv', 'scp_statements.csv'] });
 */
export async function downloadDatabase(
  name: string,
  options: Partial<DownloadOptions> & { toDir: string },
): Promise<DownloadSummary> {
  const settings = { ...DOWNLOAD_DEFAULTS, logger: silentLogger, ...options };
  const database = physionetDatabase(name);
  const url = databaseUrl(database, settings.version, settings.baseUrl);
  const toDir = resolve(settings.toDir);
  const logger = settings.logger;

  // The checksum list names every file of the database.
  const checksums = await fetchChecksums(url);
  const wanted = selectFiles(checksums, settings.include, url);
  logger.info(
    `${database.title} (${database.licence}): ${wanted.length} files from ${url}`,
  );

  // Keep the list beside the files, so that `sha256sum -c` can check them later.
  await writeFileAtomic(join(toDir, 'SHA256SUMS.txt'), checksums.text);

  const summary: DownloadSummary = {
    database: name,
    url,
    toDir,
    downloaded: [],
    resumed: [],
    alreadyVerified: [],
  };
  const listOf: Record<FetchOutcome, string[]> = {
    downloaded: summary.downloaded,
    resumed: summary.resumed,
    'already-verified': summary.alreadyVerified,
  };
  const failures: { file: string; message: string }[] = [];
  for (const [fileIndex, { file, sha256 }] of wanted.entries()) {
    const report = (receivedBytes: number, totalBytes: number | undefined) =>
      settings.onProgress?.({
        file,
        fileIndex,
        fileCount: wanted.length,
        receivedBytes,
        totalBytes,
      });
    report(0, undefined);
    let outcome: FetchOutcome;
    try {
      outcome = await fetchVerifiedFile({
        url: url + file.split('/').map(encodeURIComponent).join('/'),
        target: join(toDir, file),
        sha256,
        onBytes: report,
      });
    } catch (error) {
      if (!(error instanceof CardiokitError) || settings.stopOnError) throw error;
      logger.error(error.message);
      failures.push({ file, message: error.message });
      continue;
    }
    logger.debug(`${file}: ${outcome}`);
    listOf[outcome].push(file);
  }
  if (failures.length > 0) throw new DownloadFailuresError(failures, wanted.length);
  return summary;
}

async function fetchChecksums(
  url: string,
): Promise<{ text: string; entries: ChecksumEntry[] }> {
  const sumsUrl = `${url}SHA256SUMS.txt`;
  let response: Response;
  try {
    response = await fetch(sumsUrl);
  } catch (error) {
    throw new DownloadError(
      sumsUrl,
      `cannot connect (${networkReason(error)}); check the network or --base-url`,
    );
  }
  if (!response.ok) {
    throw new DownloadError(
      sumsUrl,
      `server answered HTTP ${response.status} ${response.statusText}; check the version (--db-version) and --base-url`,
    );
  }
  const text = await response.text();
  return { text, entries: parseSha256Sums(text, sumsUrl) };
}

function selectFiles(
  checksums: { entries: ChecksumEntry[] },
  include: string[],
  url: string,
): ChecksumEntry[] {
  const wanted =
    include.length === 0
      ? checksums.entries
      : checksums.entries.filter(({ file }) =>
          include.some((prefix) => file.startsWith(prefix)),
        );
  if (wanted.length === 0) {
    throw new DatasetError(
      `${url}SHA256SUMS.txt: no file matches --include ${include.join(', ')} ` +
        `(it lists ${checksums.entries.length} files, e.g. ${checksums.entries[0]?.file ?? 'none'})`,
    );
  }
  return wanted;
}
