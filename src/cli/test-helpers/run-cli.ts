/**
 * Runs the command line in-process for tests, with stdout and stderr captured.
 */

import { Command } from 'commander';
import { vi } from 'vitest';
import type { RegisterCommand } from '../context.js';

/** What one run of the command line wrote and the exit code it set. */
export interface CliResult {
  /** Everything written to stdout, joined. */
  stdout: string;
  /** Everything written to stderr, joined. */
  stderr: string;
  /** `process.exitCode` after the run; 0 when it was not set. */
  exitCode: number;
}

/**
 * Runs `cardiokit ...args` with only the given commands registered, as `main` would,
 * and returns what it wrote.
 *
 * @param commands - the commands to register, as listed in `commands.ts`.
 * @param args - the arguments after `cardiokit`, starting with the command's name.
 * @returns stdout and stderr as text, and the exit code (0 when none was set).
 * @remarks The global options `--debug` and `-q, --quiet` are registered as in `main`.
 * `process.exitCode` is reset afterwards, so one run does not leak into the next; the
 * stdout and stderr spies are removed even when the run throws.
 */
export async function runCli(
  commands: readonly RegisterCommand[],
  args: readonly string[],
): Promise<CliResult> {
  const program = new Command().option('--debug').option('-q, --quiet').exitOverride();
  for (const register of commands) register(program);

  const stdout: string[] = [];
  const stderr: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation(
    (chunk) => stdout.push(String(chunk)) > 0,
  );
  vi.spyOn(process.stderr, 'write').mockImplementation(
    (chunk) => stderr.push(String(chunk)) > 0,
  );
  try {
    await program.parseAsync(['node', 'cardiokit', ...args]);
  } finally {
    vi.restoreAllMocks();
  }

  const exitCode = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  return { stdout: stdout.join(''), stderr: stderr.join(''), exitCode };
}
