#!/usr/bin/env node
import { Command } from 'commander';
import { commands } from './commands.js';
import { exitQuietlyOnClosedStdout, reportError } from './context.js';

const program = new Command();
program
  .name('cardiokit')
  .description(
    'ECG research toolkit: WFDB records, filters, R peaks, MI detection, reports',
  )
  .version('0.1.0')
  .option('--debug', 'show debug messages and stack traces')
  .option('-q, --quiet', 'only warnings and errors on stderr')
  .showHelpAfterError('(run with --help for usage)');

exitQuietlyOnClosedStdout();
for (const register of commands) register(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  reportError(error, process.argv.includes('--debug'));
  process.exitCode = 1;
});
