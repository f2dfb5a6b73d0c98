import { evaluateRun, type MetricSummary } from '../train/index.js';
import { CardiokitError, ParameterError } from '../util/errors.js';
import { action, type RegisterCommand } from './context.js';
import { refuseNonMiRun } from './run-task.js';

/** The recomputed metrics disagree with metrics.json. */
class MetricsMismatchError extends CardiokitError {
  constructor(message: string) {
    super('METRICS_MISMATCH', message);
  }
}

function row(level: string, m: MetricSummary): string {
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');
  const e = (x: { value: number; ciLow: number; ciHigh: number }) =>
    `${f(x.value)} [${f(x.ciLow)}, ${f(x.ciHigh)}]`;
  return [
    level.padEnd(18),
    String(m.n).padStart(5),
    String(m.positives).padStart(4),
    e(m.auc).padEnd(22),
    e(m.sensitivity).padEnd(22),
    e(m.specificity),
  ].join(' ');
}

/** `cardiokit evaluate RUN`: recomputes a run's metrics and checks metrics.json. */
export const registerEvaluate: RegisterCommand = (program) => {
  program
    .command('evaluate')
    .description(
      "recompute a run's metrics from its model and data, and check metrics.json",
    )
    .argument('<run>', 'run folder written by cardiokit train')
    .option('--json', 'print the recomputed metrics and the comparison as JSON')
    .option('--atol <x>', 'largest accepted difference from metrics.json', '1e-6')
    .addHelpText(
      'after',
      `
Example:
  cardiokit evaluate runs/2026-12-03T18-00-00-000Z-resnet1d-wang-2017

Exit code 1 when a recomputed metric differs from metrics.json by more than --atol.`,
    )
    .action(
      action(async (context, run: string, options: { json?: boolean; atol: string }) => {
        const atol = Number(options.atol);
        if (options.atol.trim() === '' || !(atol >= 0)) {
          throw new ParameterError('--atol', 'a number >= 0', options.atol);
        }
        await refuseNonMiRun(run, 'evaluate');
        const result = await evaluateRun(run, { logger: context.logger, atol });
        if (options.json) {
          context.out(
            JSON.stringify(
              result,
              (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v),
              2,
            ),
          );
        } else {
          context.out(
            `${'level'.padEnd(18)}     n  pos ${'AUC [95% CI]'.padEnd(22)} ` +
              `${'sensitivity'.padEnd(22)} specificity`,
          );
          const { test, validation } = result.recomputed;
          context.out(row('test record', test.record));
          context.out(row('test window', test.window));
          context.out(row('test patient', test.patient));
          context.out(row('validation record', validation.record));
        }
        if (result.mismatches.length > 0) {
          const first = result.mismatches
            .slice(0, 5)
            .map((m) => `${m.path}: stored ${m.stored}, recomputed ${m.recomputed}`)
            .join('; ');
          throw new MetricsMismatchError(
            `${run}: ${result.mismatches.length} metrics differ from metrics.json by more than ` +
              `${options.atol} (${first}); the model, the data or the code changed since training`,
          );
        }
        context.logger.info(
          `metrics.json matches (largest difference ${result.maxAbsDifference.toExponential(2)})`,
        );
      }),
    );
};
