import type { Command } from 'commander';
import { CardiokitError } from '../util/errors.js';
import { createLogger, type Logger } from '../util/logger.js';

/** Options every command accepts (declared once on the root program). */
export interface GlobalOptions {
  debug?: boolean;
  quiet?: boolean;
}

/** What a command's action receives besides its own arguments. */
export interface CommandContext {
  logger: Logger;
  debug: boolean;
  /** Writes a result line to stdout. */
  out: (text: string) => void;
}

/** A command module registers itself on the root program. */
export type RegisterCommand = (program: Command) => void;

/** Builds the context from the root program's global options. */
export function contextFrom(command: Command): CommandContext {
  const globals = command.optsWithGlobals() as GlobalOptions;
  const debug = Boolean(globals.debug);
  const logger = createLogger(debug ? 'debug' : globals.quiet ? 'warn' : 'info');
  return { logger, debug, out: (text) => process.stdout.write(`${text}\n`) };
}

/**
 * Wraps a command action: a CardiokitError prints its message (no stack trace unless
 * `--debug`) and exits with code 1; any other error is reported as an internal error.
 */
export function action<A extends unknown[]>(
  run: (context: CommandContext, ...args: A) => Promise<void> | void,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    // commander passes (...positionals, options, command); the last is the Command.
    const command = args[args.length - 1] as Command;
    const context = contextFrom(command);
    try {
      await run(context, ...args);
    } catch (error) {
      reportError(error, context.debug);
      process.exitCode = 1;
    }
  };
}

/**
 * Makes a closed stdout end the process quietly: when output is piped into a reader that
 * stops early (`cardiokit export REC | head -2`), the next write fails with EPIPE; the
 * reader has all it wanted, so the command exits with code 0 and no message. Other
 * stdout errors are reported as usual and exit with code 1.
 */
export function exitQuietlyOnClosedStdout(stream: NodeJS.WriteStream = process.stdout) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    reportError(error, false);
    process.exit(1);
  });
}

/** Prints an error to stderr the way every command does. */
export function reportError(error: unknown, debug: boolean): void {
  if (error instanceof CardiokitError) {
    process.stderr.write(`error: ${error.message}\n`);
    if (debug && error.stack) process.stderr.write(`${error.stack}\n`);
    return;
  }
  const err = error instanceof Error ? error : new Error(String(error));
  const plain = fileSystemMessage(err as NodeJS.ErrnoException);
  if (plain !== undefined) {
    process.stderr.write(`error: ${plain}\n`);
  } else {
    process.stderr.write(`error: internal error: ${err.message}\n`);
    if (!debug) process.stderr.write('run again with --debug for the stack trace\n');
  }
  if (debug && err.stack) process.stderr.write(`${err.stack}\n`);
}

/** What a file-system error means for the user, in words, with the path it names. */
const FILE_SYSTEM_ERRORS: Record<string, string> = {
  ENOENT: 'not found; check the path',
  ENOTDIR: 'is not a folder (or a part of the path is a file); give a folder path',
  EISDIR: 'is a folder, but a file was expected; give the path of a file',
  EACCES: 'permission denied; check the permissions of the file or folder',
};

function fileSystemMessage(error: NodeJS.ErrnoException): string | undefined {
  const words = error.code !== undefined ? FILE_SYSTEM_ERRORS[error.code] : undefined;
  if (words === undefined) return undefined;
  if (error.path !== undefined) return `${error.path}: ${words}`;
  return `a path ${words}; run again with --debug to see which`;
}
