/**
 * Builds a small but real run folder for report tests: the embedded PTB-XL sample, MI
 * versus normal, split by strat_fold (9 validation, 10 test), and a logistic regression
 * on age and sex fitted by full-batch gradient descent. Every number in the folder comes
 * from that computation and from src/train's metric functions; nothing is typed in.
 */
import { join } from 'node:path';
import { describeCatalogue } from '../../datasets/describe.js';
import { loadPtbxlCatalogue } from '../../datasets/ptbxl.js';
import { selectMiVersusNormal } from '../../datasets/select.js';
import type { LabelledEntry } from '../../datasets/types.js';
import { splitByStratFold } from '../../data/splits.js';
import { summariseMetrics } from '../../train/bootstrap.js';
import { rocAuc, youdenThreshold, YOUDEN_RULE } from '../../train/metrics.js';
import { writeFileAtomic } from '../../util/atomic-write.js';

export const TINY_RUN_EPOCHS = 25;

function features(entry: LabelledEntry): number[] {
  return [1, ((entry.ageYears ?? 60) - 60) / 15, entry.sex === 'male' ? 1 : 0];
}

function predict(weights: number[], entry: LabelledEntry): number {
  const z = features(entry).reduce((sum, x, i) => sum + x * weights[i], 0);
  return 1 / (1 + Math.exp(-z));
}

function logLoss(weights: number[], entries: LabelledEntry[]): number {
  const eps = 1e-7;
  let sum = 0;
  for (const e of entries) {
    const p = Math.min(1 - eps, Math.max(eps, predict(weights, e)));
    sum -= e.label * Math.log(p) + (1 - e.label) * Math.log(1 - p);
  }
  return sum / entries.length;
}

function accuracy(weights: number[], entries: LabelledEntry[]): number {
  return (
    entries.filter((e) => (predict(weights, e) >= 0.5 ? 1 : 0) === e.label).length /
    entries.length
  );
}

/** Writes the run folder into `runDir` and returns the test AUC it stored. */
export async function buildTinyRun(repoRoot: string, runDir: string): Promise<number> {
  const rootDir = join(repoRoot, 'data/ptbxl');
  const catalogue = await loadPtbxlCatalogue(rootDir);
  const selection = selectMiVersusNormal(catalogue);
  const split = splitByStratFold(selection.entries);
  const byRecord = new Map(selection.entries.map((e) => [e.recordId, e]));
  const part = (ids: string[]) => ids.map((id) => byRecord.get(id) as LabelledEntry);
  const [train, validation, test] = [split.train, split.validation, split.test].map((p) =>
    part(p.recordIds),
  );

  // Full-batch gradient descent on the mean binary cross-entropy.
  const weights = [0, 0, 0];
  const history = [];
  for (let epoch = 1; epoch <= TINY_RUN_EPOCHS; epoch++) {
    const started = performance.now();
    const gradient = [0, 0, 0];
    for (const e of train) {
      const error = predict(weights, e) - e.label;
      features(e).forEach((x, i) => (gradient[i] += (error * x) / train.length));
    }
    gradient.forEach((g, i) => (weights[i] -= 0.8 * g));
    history.push({
      epoch,
      trainLoss: logLoss(weights, train),
      valLoss: logLoss(weights, validation),
      valAuc: rocAuc(
        validation.map((e) => e.label),
        validation.map((e) => predict(weights, e)),
      ),
      valAccuracy: accuracy(weights, validation),
      trainAccuracy: accuracy(weights, train),
      learningRate: 0.8,
      epochMs: performance.now() - started,
    });
  }

  const scores = (entries: LabelledEntry[]) => entries.map((e) => predict(weights, e));
  const labels = (entries: LabelledEntry[]) => entries.map((e) => e.label);
  const threshold = youdenThreshold(labels(validation), scores(validation));
  const summary = (entries: LabelledEntry[]) =>
    summariseMetrics(labels(entries), scores(entries), {
      threshold,
      groups: entries.map((e) => e.patientId),
      iterations: 200,
      seed: 1,
    });
  const metrics = {
    test: { record: summary(test) },
    validation: { record: summary(validation) },
    threshold: { value: threshold, chosenOn: 'validation', rule: YOUDEN_RULE },
    seed: 1,
    wallSeconds: 0.1,
  };

  const rows = [
    ...validation.map((e) => [e, 'validation'] as const),
    ...test.map((e) => [e, 'test'] as const),
  ].map(([e, partName]) =>
    [e.recordId, e.patientId, partName, e.label, predict(weights, e)].join(','),
  );
  const config = {
    dataset: 'ptbxl',
    dataDir: rootDir,
    task: 'mi-vs-normal',
    model: {
      name: 'logistic-regression-age-sex (test fixture)',
      options: { features: ['age', 'sex'] },
    },
    epochs: TINY_RUN_EPOCHS,
    learningRate: 0.8,
    seed: 1,
    split: 'strat_fold',
  };
  const dataset = {
    database: catalogue.database,
    rootDir,
    counts: {
      positive: selection.entries.filter((e) => e.label === 1).length,
      negative: selection.entries.filter((e) => e.label === 0).length,
      excluded: selection.excluded.length,
    },
    excluded: selection.excluded,
    summary: describeCatalogue(
      { ...catalogue, entries: selection.entries },
      { classesOf: (e) => [(e as LabelledEntry).label === 1 ? 'MI' : 'normal'] },
    ),
  };

  const write = (name: string, value: unknown) =>
    writeFileAtomic(join(runDir, name), `${JSON.stringify(value, null, 2)}\n`);
  await write('config.json', config);
  await write('dataset.json', dataset);
  await write('split.json', split);
  await write('history.json', history);
  await write('metrics.json', metrics);
  await writeFileAtomic(
    join(runDir, 'predictions.csv'),
    `recordId,patientId,part,label,probability\n${rows.join('\n')}\n`,
  );
  return metrics.test.record.auc.value;
}
