/**
 * The MI pipeline end to end on the embedded PTB-XL sample: preprocessing throughput
 * (read 12 leads, resample 100 -> 50 Hz) against numpy/scipy doing the same side by side,
 * then training and inference windows per second of the default network through the
 * real batch iterators, and peak memory.
 *
 *   npx tsx bench/train.ts [--records N] [--model NAME] [--filters N] [--rate HZ]
 *
 * Writes bench/out/train.json.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { RecordStore, type PipelineItem } from '../src/data/batches.js';
import { leadStatistics, loadPreprocessed } from '../src/data/preprocess.js';
import { loadPtbxlCatalogue, selectMiVersusNormal } from '../src/datasets/index.js';
import { buildModel, initBackend } from '../src/models/index.js';
import { EMBEDDED_PTBXL_DIR, TRAIN_DEFAULTS } from '../src/train/config.js';
import { fitModel, predictItems } from '../src/train/fit.js';
import { writeFileAtomic } from '../src/util/index.js';

/** Reads format-16 12-lead records and resamples them with scipy; prints seconds. */
const PYTHON_BASELINE = String.raw`
import sys, time, json
import numpy as np, scipy
from scipy import signal
paths = sys.argv[2:]
up, down = int(sys.argv[1].split('/')[0]), int(sys.argv[1].split('/')[1])
t = time.perf_counter()
for p in paths:
    head = open(p + '.hea').read().split('\n')
    n = int(head[0].split()[3])
    specs = [l.split() for l in head[1:13]]
    gains = np.array([float(s[2].split('(')[0].split('/')[0]) for s in specs])
    base = np.array([int(s[4]) for s in specs])
    d = np.fromfile(p + '.dat', dtype='<i2')[: n * 12].reshape(n, 12).astype(np.float64)
    x = (d - base) / gains
    y = signal.resample_poly(x, up, down, axis=0).astype(np.float32)
print(json.dumps({"seconds": time.perf_counter() - t, "scipy": scipy.__version__}))
`;

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '120' },
    model: { type: 'string', default: TRAIN_DEFAULTS.model.name },
    filters: { type: 'string', default: String(TRAIN_DEFAULTS.model.options.filters) },
    rate: { type: 'string', default: String(TRAIN_DEFAULTS.preprocessing.targetRateHz) },
  },
});
const recordCount = Number(values.records);
const rateHz = Number(values.rate);
const config = { ...TRAIN_DEFAULTS.preprocessing, targetRateHz: rateHz };

const catalogue = await loadPtbxlCatalogue(EMBEDDED_PTBXL_DIR, { samplingRateHz: 100 });
const entries = selectMiVersusNormal(catalogue).entries.slice(0, recordCount);
const items: PipelineItem[] = entries.map(
  ({ recordId, recordPath, patientId, label }) => ({
    recordId,
    recordPath,
    patientId,
    label,
  }),
);

// Preprocessing: cardiokit and scipy on the same records, side by side.
let started = performance.now();
for (const item of items) await loadPreprocessed(item.recordPath, config, item.recordId);
const oursSec = (performance.now() - started) / 1000;
const divisor = rateHz === 50 ? 2 : 1;
const python = JSON.parse(
  execFileSync(
    'python3',
    ['-c', PYTHON_BASELINE, `1/${divisor}`, ...items.map((i) => i.recordPath)],
    {
      encoding: 'utf8',
    },
  ),
) as { seconds: number; scipy: string };

// Training and inference through the real iterators (records cached in memory).
await initBackend();
const store = new RecordStore(config);
const leads: Float32Array[][] = [];
for (const item of items) leads.push(await store.get(item));
const stats = leadStatistics(leads);
const windowSamples = Math.round(TRAIN_DEFAULTS.windowSec * rateHz);
const strideSamples = Math.round(TRAIN_DEFAULTS.strideSec * rateHz);
const model = buildModel(values.model, {
  inputShape: [windowSamples, 12],
  seed: 1,
  filters: Number(values.filters),
});
started = performance.now();
await fitModel(
  model,
  store,
  { train: items, validation: items.slice(0, 2), stats },
  {
    ...TRAIN_DEFAULTS,
    epochs: 1,
    classWeights: [1, 1],
    windowSamples,
    strideSamples,
    patience: 0,
    cropsPerRecord: 1,
  },
);
const trainSec = (performance.now() - started) / 1000;
started = performance.now();
const predictions = await predictItems(model, store, items, {
  windowSamples,
  strideSamples,
  batchSize: 64,
  stats,
  aggregation: 'mean',
});
const inferSec = (performance.now() - started) / 1000;
const windows = predictions.windowRecordIds.length;

const result = {
  records: items.length,
  model: values.model,
  filters: Number(values.filters),
  inputShape: [windowSamples, 12],
  preprocessRecordsPerSec: items.length / oursSec,
  scipyPreprocessRecordsPerSec: items.length / python.seconds,
  preprocessRatioVsScipy: python.seconds / oursSec,
  // One epoch: one crop per record, plus 2 validation records' windows.
  trainWindowsPerSec: items.length / trainSec,
  inferenceWindowsPerSec: windows / inferSec,
  peakRssMiB: process.resourceUsage().maxRSS / 1024,
  scipy: python.scipy,
};
console.log(JSON.stringify(result, null, 2));
await writeFileAtomic(
  join('bench', 'out', 'train.json'),
  `${JSON.stringify(result, null, 2)}\n`,
);
