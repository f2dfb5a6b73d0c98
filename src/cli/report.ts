import { writeRunReport } from '../report/index.js';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeAamiReportFromFolder } from '../transfer/aami-report.js';
import { action, type RegisterCommand } from './context.js';
import { refuseNonMiRun, runTaskOf } from './run-task.js';

interface ReportOptions {
  out?: string;
  json?: boolean;
}

/** `cardiokit report`: one self-contained HTML report of a training run. */
export const registerReport: RegisterCommand = (program) => {
  program
    .command('report')
    .description('write the HTML report of a training run folder')
    .argument('<run>', 'run folder written by `cardiokit train`')
    .option(
      '-o, --out <file>',
      'output HTML file, or a folder to write report.html in (default RUN/report.html)',
    )
    .option('--json', 'print the path written as JSON on stdout')
    .addHelpText(
      'after',
      `
Examples:
  cardiokit report runs/2026-12-03T18-00-00-resnet1d
  cardiokit report runs/my-run --out my-run.html

The report holds the configuration, the data set summary, the split, training curves,
metrics with 95% intervals, ROC, precision-recall, confusion matrix, reliability curve,
example ECGs with their predicted probability, and the limitations. It loads nothing
from the network: every chart is inline SVG.`,
    )
    .action(
      action(async (context, runDir: string, options: ReportOptions) => {
        const aami = (await runTaskOf(runDir)) === 'aami';
        if (!aami) await refuseNonMiRun(runDir, 'report');
        const file = aami
          ? await writeAamiReportFromFolder(runDir, aamiOutFile(options.out))
          : await writeRunReport(runDir, {
              outFile: options.out,
              logger: context.logger,
            });
        context.out(options.json ? JSON.stringify({ report: file }) : `wrote ${file}`);
      }),
    );
};

function aamiOutFile(out: string | undefined): string | undefined {
  if (out === undefined) return undefined;
  return existsSync(out) && statSync(out).isDirectory() ? join(out, 'report.html') : out;
}
