/**
 * R-peak detectors on all 48 MIT-BIH Arrhythmia records: beat-by-beat sensitivity and
 * positive predictivity against the reference annotations (150 ms window, lead 0), and
 * speed in seconds of computing per hour of ECG, for every detector; with a numpy/scipy
 * version of the default detector timed side by side on the same records as baseline.
 *
 *   npx tsx bench/peaks.ts [DB_DIR]     (default ../shared/data/mitdb)
 *
 * Writes bench/out/peaks-<method>.md (per-record table) and bench/out/peaks.json.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  evaluateDatabase,
  R_PEAK_METHODS,
  type RecordEvaluation,
  type RPeakMethod,
} from '../src/ecg/index.js';
import { writeFileAtomic } from '../src/util/index.js';

/**
 * Elgendi's method written with numpy and scipy (sosfiltfilt, cumulative sums), reading
 * format 212 lead 0 itself; prints the detection time (reading excluded) as JSON.
 */
const PYTHON_BASELINE = String.raw`
import json, os, sys, time
import numpy as np, scipy
from scipy import signal
db = sys.argv[1]
names = sorted(f[:-4] for f in os.listdir(db) if f.endswith('.hea') and os.path.exists(os.path.join(db, f[:-4] + '.atr')))
def read212(name):
    head = open(os.path.join(db, name + '.hea')).read().split('\n')
    fs, n = float(head[0].split()[2]), int(head[0].split()[3])
    spec = head[1].split()
    raw = np.fromfile(os.path.join(db, spec[0]), dtype=np.uint8)[: n * 3].reshape(-1, 3).astype(np.int32)
    d = raw[:, 0] + ((raw[:, 1] & 15) << 8)
    d[d > 2047] -= 4096
    return (d - int(spec[4])) / float(spec[2].split('(')[0].split('/')[0]), fs
def mean_window(x, w):
    c = np.concatenate(([0.0], np.cumsum(x)))
    b = (w - 1) // 2
    i = np.arange(len(x))
    lo = np.maximum(0, i - b); hi = np.minimum(len(x), i + w - b)
    return (c[hi] - c[lo]) / (hi - lo)
def elgendi(x, fs):
    sos = signal.butter(3, [8, 20], btype='bandpass', fs=fs, output='sos')
    y = signal.sosfiltfilt(sos, x) ** 2
    qrs = mean_window(y, round(0.097 * fs)); beat = mean_window(y, round(0.611 * fs))
    inside = np.concatenate(([0], (qrs > beat + 0.08 * y.mean()).astype(np.int8), [0]))
    edges = np.flatnonzero(np.diff(inside))
    starts, ends = edges[0::2], edges[1::2]
    keep = ends - starts >= round(0.097 * fs)
    return [s + int(np.argmax(y[s:e])) for s, e in zip(starts[keep], ends[keep])]
total = 0.0; cpu = 0.0; hours = 0.0; beats = 0
for name in names:
    x, fs = read212(name)
    t, c = time.perf_counter(), time.process_time()
    peaks = elgendi(x, fs)
    total += time.perf_counter() - t; cpu += time.process_time() - c
    hours += len(x) / fs / 3600; beats += len(peaks)
print(json.dumps({'detectionSec': total, 'cpuSec': cpu, 'hours': hours, 'beats': beats, 'scipy': scipy.__version__, 'numpy': np.__version__}))
`;

const repoRoot = resolve(fileURLToPath(import.meta.url), '../..');
const databaseDir = resolve(process.argv[2] ?? resolve(repoRoot, '../shared/data/mitdb'));
const outDir = resolve(repoRoot, 'bench/out');

if (!existsSync(databaseDir)) {
  console.error(`no database at ${databaseDir}: pass the MIT-BIH folder as the argument`);
  process.exit(1);
}

const percent = (v: number) => (100 * v).toFixed(2);
const summary: Record<string, unknown> = {};

for (const method of R_PEAK_METHODS) {
  const { records, total } = await evaluateDatabase(databaseDir, { method });
  const hours = records.reduce((s, r) => s + r.durationSec, 0) / 3600;
  const seconds = records.reduce((s, r) => s + r.detectionSec, 0);
  const cpuSeconds = records.reduce((s, r) => s + r.detectionCpuSec, 0);
  await writeFileAtomic(
    resolve(outDir, `peaks-${method}.md`),
    table(method, records, total),
  );
  summary[method] = {
    referenceBeats: total.referenceBeats,
    truePositives: total.truePositives,
    falsePositives: total.falsePositives,
    falseNegatives: total.falseNegatives,
    sensitivityPercent: +percent(total.sensitivity),
    positivePredictivityPercent: +percent(total.positivePredictivity),
    detectionSec: +seconds.toFixed(2),
    secPerHourOfEcg: +(seconds / hours).toFixed(3),
    cpuSec: +cpuSeconds.toFixed(2),
    cpuSecPerHourOfEcg: +(cpuSeconds / hours).toFixed(3),
  };
  console.log(
    `${method.padEnd(18)} records ${records.length}  beats ${total.referenceBeats}  ` +
      `TP ${total.truePositives}  FP ${total.falsePositives}  FN ${total.falseNegatives}  ` +
      `Se ${percent(total.sensitivity)}%  PPV ${percent(total.positivePredictivity)}%  ` +
      `wall ${seconds.toFixed(2)} s, cpu ${cpuSeconds.toFixed(2)} s for ${hours.toFixed(1)} h ` +
      `= ${(seconds / hours).toFixed(3)} s/h wall, ${(cpuSeconds / hours).toFixed(3)} s/h cpu`,
  );
}

// Baseline: the same two-moving-average method in numpy/scipy, timed on the same records.
const baseline = JSON.parse(
  execFileSync('python3', ['-c', PYTHON_BASELINE, databaseDir], { encoding: 'utf8' }),
) as {
  detectionSec: number;
  cpuSec: number;
  hours: number;
  beats: number;
  scipy: string;
  numpy: string;
};
const ours = summary['elgendi-2010'] as {
  secPerHourOfEcg: number;
  cpuSecPerHourOfEcg: number;
};
const baselinePerHour = baseline.detectionSec / baseline.hours;
const baselineCpuPerHour = baseline.cpuSec / baseline.hours;
summary.baseline = {
  ...baseline,
  secPerHourOfEcg: +baselinePerHour.toFixed(3),
  cpuSecPerHourOfEcg: +baselineCpuPerHour.toFixed(3),
};
console.log(
  `numpy/scipy elgendi (scipy ${baseline.scipy}, numpy ${baseline.numpy}): ` +
    `wall ${baseline.detectionSec.toFixed(2)} s, cpu ${baseline.cpuSec.toFixed(2)} s for ` +
    `${baseline.hours.toFixed(1)} h = ${baselinePerHour.toFixed(3)} s/h wall, ` +
    `${baselineCpuPerHour.toFixed(3)} s/h cpu; ${baseline.beats} beats found\n` +
    `elgendi-2010 cardiokit / numpy-scipy time ratio: wall ` +
    `${(ours.secPerHourOfEcg / baselinePerHour).toFixed(2)}, cpu ` +
    `${(ours.cpuSecPerHourOfEcg / baselineCpuPerHour).toFixed(2)}`,
);

await writeFileAtomic(resolve(outDir, 'peaks.json'), JSON.stringify(summary, null, 2));

function table(
  method: RPeakMethod,
  records: RecordEvaluation[],
  total: { truePositives: number; falsePositives: number; falseNegatives: number } & {
    sensitivity: number;
    positivePredictivity: number;
    referenceBeats: number;
  },
): string {
  const lines = [
    `# ${method} on ${databaseDir.split('/').pop()} (lead 0, 150 ms window)`,
    '',
    '| record | lead | beats | TP | FP | FN | Se % | PPV % |',
    '|---|---|---|---|---|---|---|---|',
    ...records.map(
      (r) =>
        `| ${r.record} | ${r.lead} | ${r.referenceBeats} | ${r.truePositives} | ` +
        `${r.falsePositives} | ${r.falseNegatives} | ${percent(r.sensitivity)} | ` +
        `${percent(r.positivePredictivity)} |`,
    ),
    `| total | | ${total.referenceBeats} | ${total.truePositives} | ${total.falsePositives} | ` +
      `${total.falseNegatives} | ${percent(total.sensitivity)} | ` +
      `${percent(total.positivePredictivity)} |`,
    '',
  ];
  return lines.join('\n');
}
