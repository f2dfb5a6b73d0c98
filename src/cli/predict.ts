import { predictRecords } from '../train/index.js';
import { action, type RegisterCommand } from './context.js';
import { refuseNonMiRun } from './run-task.js';

/** `cardiokit predict --model RUN RECORD...`: MI probability per record. */
export const registerPredict: RegisterCommand = (program) => {
  program
    .command('predict')
    .description("MI probability of WFDB records with a trained run's model")
    .requiredOption('--model <run>', 'run folder written by cardiokit train')
    .argument(
      '<records...>',
      'WFDB record paths (with or without .hea), any sampling rate',
    )
    .option('--json', 'print one JSON object per record')
    .addHelpText(
      'after',
      `
Example:
  cardiokit predict --model runs/my-run data/ptbxl/records100/00000/00008_lr

Records are preprocessed as in training (same leads by name, filter, resampling to the
run's rate, the training standardisation), cut into sliding windows, and the window
probabilities are averaged (or maxed, as the run chose). "MI" means probability >= the
threshold chosen on the run's validation records.`,
    )
    .action(
      action(
        async (
          context,
          records: string[],
          options: { model: string; json?: boolean },
        ) => {
          await refuseNonMiRun(options.model, 'predict');
          const predictions = await predictRecords(options.model, records);
          if (options.json) {
            context.out(JSON.stringify(predictions, null, 2));
            return;
          }
          for (const p of predictions) {
            context.out(
              `${p.record}\t${p.probability.toFixed(4)}\t${p.mi ? 'MI' : 'normal'}` +
                `\t(threshold ${p.threshold.toFixed(4)}, ${p.windows} windows, ` +
                `${p.sourceRateHz} Hz)`,
            );
          }
        },
      ),
    );
};
