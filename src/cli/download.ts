import { Argument } from 'commander';
import { SingleBar } from 'cli-progress';
import {
  downloadDatabase,
  PHYSIONET_DATABASES,
  PHYSIONET_FILES_URL,
  type DownloadProgress,
} from '../datasets/index.js';
import type { Logger } from '../util/logger.js';
import { action, type RegisterCommand } from './context.js';

interface DownloadCliOptions {
  to: string;
  baseUrl: string;
  dbVersion?: string;
  include: string[];
  stopOnError?: boolean;
  json?: boolean;
}

/** Shortest interval between two progress updates on a terminal, ms. */
const PROGRESS_INTERVAL_MS = 200;

/** `cardiokit download`: fetch a PhysioNet database with resume and SHA-256 checks. */
export const registerDownload: RegisterCommand = (program) => {
  program
    .command('download')
    .description(
      'download a PhysioNet database, resuming partial files and checking SHA-256',
    )
    .addArgument(
      new Argument('<database>', 'database to fetch').choices(
        Object.keys(PHYSIONET_DATABASES),
      ),
    )
    .requiredOption('--to <dir>', 'folder to write the database into (created if needed)')
    .option('--base-url <url>', 'files root of the server', PHYSIONET_FILES_URL)
    .option(
      '--db-version <version>',
      'database version (default: ptbdb 1.0.0, ptbxl 1.0.3, mitdb 1.0.0)',
    )
    .option(
      '--include <prefix...>',
      'fetch only files whose path starts with one of these prefixes',
      [],
    )
    .option(
      '--stop-on-error',
      'stop at the first failed file instead of trying the others',
    )
    .option(
      '--json',
      'print the summary (files fetched, resumed, already verified) as JSON',
    )
    .addHelpText(
      'after',
      `
Examples:
  cardiokit download mitdb --to data/mitdb
  cardiokit download ptbxl --to data/ptb-xl --include records100/ ptbxl_database.csv scp_statements.csv
  cardiokit download ptbdb --to mirror/ptbdb --base-url http://mirror.example.org/files

Files come from <base-url>/<slug>/<version>/ (slugs: ptbdb, ptb-xl, mitdb), as listed in
that folder's SHA256SUMS.txt. Each file is written as <file>.part and renamed only when
its SHA-256 matches; running the command again skips verified files and resumes partial
ones. Progress goes to stderr. (The database version is --db-version, since --version
prints cardiokit's own.)`,
    )
    .action(
      action(async (context, database: string, options: DownloadCliOptions) => {
        const progress = createProgress(context.logger);
        try {
          const summary = await downloadDatabase(database, {
            toDir: options.to,
            baseUrl: options.baseUrl,
            version: options.dbVersion,
            include: options.include,
            stopOnError: Boolean(options.stopOnError),
            logger: context.logger,
            onProgress: progress.update,
          });
          progress.stop();
          if (options.json) {
            context.out(JSON.stringify(summary, null, 2));
          } else {
            context.out(
              `${summary.database}: ${summary.downloaded.length} downloaded, ` +
                `${summary.resumed.length} resumed, ${summary.alreadyVerified.length} already ` +
                `verified, in ${summary.toDir}`,
            );
          }
        } finally {
          progress.stop();
        }
      }),
    );
};

/**
 * Progress on stderr: a throttled bar on a terminal, otherwise one log line per file.
 * @param logger where the per-file lines go when stderr is not a terminal
 */
function createProgress(logger: Logger): {
  update: (progress: DownloadProgress) => void;
  stop: () => void;
} {
  if (!process.stderr.isTTY) {
    let lastFile = -1;
    return {
      update: (p) => {
        if (p.fileIndex === lastFile) return;
        lastFile = p.fileIndex;
        logger.info(`[${p.fileIndex + 1}/${p.fileCount}] ${p.file}`);
      },
      stop: () => undefined,
    };
  }

  const bar = new SingleBar({
    stream: process.stderr,
    fps: 1000 / PROGRESS_INTERVAL_MS,
    format: '{bar} {value}/{total} files | {file} {kib} KiB',
    hideCursor: true,
    clearOnComplete: true,
  });
  let started = false;
  return {
    update: (p) => {
      const payload = { file: p.file, kib: Math.round(p.receivedBytes / 1024) };
      if (!started) {
        bar.start(p.fileCount, p.fileIndex, payload);
        started = true;
      } else {
        bar.update(p.fileIndex, payload);
      }
    },
    stop: () => {
      if (started) bar.stop();
      started = false;
    },
  };
}
