/**
 * The MIT-BIH beat data set of `src/transfer`: seconds to build it (all beats of the 44
 * non-paced records in the Kachuee format), beside a numpy/scipy baseline that does the
 * same decoding, resampling and cutting in the same run; then the Kachuee et al. 2018
 * network trained for one epoch on it (or on `--beats N` of it, with the full epoch
 * projected from the measured rate).
 *
 *   npx tsx bench/beats.ts [--data DIR] [--beats N] [--batch 128]
 *
 * The baseline is a Python script written to a temporary file and run with `python3`
 * (numpy, scipy.signal.resample_poly); it reads the beat positions the TypeScript build
 * used, so both cut the same beats.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildModel, initBackend } from '../src/models/index.js';
import { buildMitdbBeatSet } from '../src/transfer/mitdb-beats.js';
import { trainClassifier } from '../src/transfer/train-classifier.js';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../..');
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: resolve(repoRoot, '../shared/data/mitdb') },
    beats: { type: 'string' },
    batch: { type: 'string', default: '128' },
  },
});
const dataDir = resolve(values.data as string);
if (!existsSync(join(dataDir, '100.hea'))) {
  console.error(`no MIT-BIH records at ${dataDir}: pass --data DIR`);
  process.exit(1);
}

// Build the beat set in TypeScript.
let startMs = performance.now();
const cpuBefore = process.cpuUsage();
const set = await buildMitdbBeatSet(dataDir);
const buildSec = (performance.now() - startMs) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const buildCpuSec = (cpu.user + cpu.system) / 1e6;
console.log(
  `build (TypeScript): ${set.labels.length} beats from ${set.records.length} records ` +
    `in ${buildSec.toFixed(1)} s wall, ${buildCpuSec.toFixed(1)} s CPU`,
);

// The same work in numpy/scipy: decode format 212, resample 360 -> 125 Hz, cut beats.
const workDir = await mkdtemp(join(tmpdir(), 'cardiokit-beats-'));
const peaks: Record<string, number[]> = {};
set.recordIds.forEach((id, i) => (peaks[id] ??= []).push(set.rPeakIndex[i]));
await writeFile(join(workDir, 'peaks.json'), JSON.stringify(peaks));
await writeFile(join(workDir, 'baseline.py'), BASELINE_PY());
const baseline = JSON.parse(
  execFileSync(
    'python3',
    [join(workDir, 'baseline.py'), dataDir, join(workDir, 'peaks.json')],
    {
      encoding: 'utf8',
    },
  ),
) as { beats: number; seconds: number; cpuSeconds: number; numpy: string; scipy: string };
console.log(
  `build (numpy ${baseline.numpy}, scipy ${baseline.scipy}): ${baseline.beats} beats in ` +
    `${baseline.seconds.toFixed(1)} s wall, ${baseline.cpuSeconds.toFixed(1)} s CPU; ` +
    `TypeScript / baseline: wall ${(buildSec / baseline.seconds).toFixed(2)}, ` +
    `CPU ${(buildCpuSec / baseline.cpuSeconds).toFixed(2)}`,
);

// One training epoch of the Kachuee network (or a measured part of one).
await initBackend();
const beatsPerEpoch = values.beats ? Number(values.beats) : set.labels.length;
const model = buildModel('kachuee-2018', {
  inputShape: [187, 1],
  outputUnits: 5,
  seed: 0,
});
startMs = performance.now();
const trainCpuBefore = process.cpuUsage();
const result = await trainClassifier(
  model,
  {
    inputs: set.beats,
    lengthSamples: 187,
    channels: 1,
    labels: set.labels,
    classCount: 5,
  },
  { epochs: 1, batchSize: Number(values.batch), samplesPerEpoch: beatsPerEpoch },
);
const epochSec = (performance.now() - startMs) / 1000;
const trainCpu = process.cpuUsage(trainCpuBefore);
const epochCpuSec = (trainCpu.user + trainCpu.system) / 1e6;
const rate = beatsPerEpoch / epochSec;
const cpuRate = beatsPerEpoch / epochCpuSec;
console.log(
  `train (tfjs wasm, batch ${values.batch}): ${beatsPerEpoch} beats in ${epochSec.toFixed(1)} s ` +
    `wall (${rate.toFixed(0)} beats/s), ${epochCpuSec.toFixed(1)} s CPU ` +
    `(${cpuRate.toFixed(0)} beats per CPU-second), loss ${result.history[0].trainLoss.toFixed(4)}`,
);
console.log(
  `full epoch of ${set.labels.length} beats: ${(set.labels.length / rate / 60).toFixed(1)} min ` +
    `at this wall rate, ${(set.labels.length / cpuRate / 60).toFixed(1)} min on one free core`,
);

function BASELINE_PY(): string {
  return String.raw`
import json, sys, time
import numpy as np, scipy, scipy.signal

data_dir, peaks_file = sys.argv[1], sys.argv[2]
peaks = json.load(open(peaks_file))
start = time.perf_counter()
cpu_start = time.process_time()
count = 0
for record, r_peaks in peaks.items():
    lines = open(f"{data_dir}/{record}.hea").read().splitlines()
    names = [line.split()[-1] for line in lines[1:3]]
    gains = [float(line.split()[2].split("(")[0].split("/")[0]) for line in lines[1:3]]
    zeros = [int(line.split()[4]) for line in lines[1:3]]
    raw = np.fromfile(f"{data_dir}/{record}.dat", dtype=np.uint8).reshape(-1, 3).astype(np.int32)
    first = raw[:, 0] | ((raw[:, 1] & 0x0F) << 8)
    second = raw[:, 2] | ((raw[:, 1] & 0xF0) << 4)
    channels = [np.where(c > 2047, c - 4096, c) for c in (first, second)]
    lead = names.index("MLII")
    mv = (channels[lead] - zeros[lead]) / gains[lead]
    x = scipy.signal.resample_poly(mv, 25, 72)
    window = 1250
    for start_w in range(0, len(x), window):
        end_w = min(len(x), start_w + window)
        at = [round(p * 125 / 360) for p in r_peaks if start_w <= round(p * 125 / 360) < end_w]
        if len(at) < 2:
            continue
        seg = x[start_w:end_w]
        lo, hi = seg.min(), seg.max()
        span = min(187, int(round(1.2 * np.median(np.diff(at)))))
        for a in at:
            beat = np.zeros(187, dtype=np.float32)
            piece = x[a:min(end_w, a + span)]
            beat[: len(piece)] = (piece - lo) / (hi - lo)
            count += 1
print(json.dumps({"beats": count, "seconds": time.perf_counter() - start,
                  "cpuSeconds": time.process_time() - cpu_start,
                  "numpy": np.__version__, "scipy": scipy.__version__}))
`;
}
