/**
 * Benchmark: read all 48 MIT-BIH Arrhythmia records (format 212, 2 signals, 650,000
 * samples each) with cardiokit's readRecord, beside numpy decoding the same format-212
 * bytes in the local python3, in the same run.
 *
 * Both sides read each .dat from disk, decode 12-bit pairs to integers, split the two
 * signals and convert to physical units (float64). Best of 3 passes after a warm-up.
 *
 * Run: npx tsx bench/wfdb-read.ts [mitdbDir]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readRecord } from '../src/wfdb/index.js';

const repoRoot = resolve(import.meta.dirname, '..');
const mitdbDir = resolve(process.argv[2] ?? resolve(repoRoot, '../shared/data/mitdb'));
const PASSES = 3;

const NUMPY_BASELINE = `
import json, sys, time, numpy as np
paths = sys.argv[1:]
def read(path):
    raw = np.fromfile(path, dtype=np.uint8)
    raw = raw[: len(raw) // 3 * 3].reshape(-1, 3).astype(np.int32)
    first = raw[:, 0] | ((raw[:, 1] & 0x0F) << 8)
    second = raw[:, 2] | ((raw[:, 1] & 0xF0) << 4)
    first = np.where(first > 2047, first - 4096, first)
    second = np.where(second > 2047, second - 4096, second)
    # Two signals per frame: the first and second sample of each 3-byte pair.
    return [(first - 1024) / 200.0, (second - 1024) / 200.0]
for p in paths: read(p)
best = float("inf")
for _ in range(${PASSES}):
    t = time.perf_counter()
    for p in paths: read(p)
    best = min(best, time.perf_counter() - t)
print(json.dumps({"seconds": best, "numpy": np.__version__}))
`;

async function cardiokitSeconds(records: string[]): Promise<number> {
  for (const r of records) await readRecord(r);
  let best = Infinity;
  for (let pass = 0; pass < PASSES; pass++) {
    const start = performance.now();
    for (const r of records) await readRecord(r);
    best = Math.min(best, (performance.now() - start) / 1000);
  }
  return best;
}

async function main(): Promise<void> {
  if (!existsSync(mitdbDir)) {
    console.error(`mitdb folder not found: ${mitdbDir} (give it as the first argument)`);
    process.exitCode = 1;
    return;
  }
  const names = readdirSync(mitdbDir)
    .filter((f) => /^\d{3}\.hea$/.test(f))
    .map((f) => f.slice(0, 3))
    .sort();
  const records = names.map((n) => join(mitdbDir, n));
  const dats = records.map((r) => `${r}.dat`);
  const megabytes = dats.reduce((sum, d) => sum + statSync(d).size, 0) / 1e6;

  const ours = await cardiokitSeconds(records);
  const python = spawnSync('python3', ['-c', NUMPY_BASELINE, ...dats], {
    encoding: 'utf8',
  });
  if (python.status !== 0) throw new Error(`python3 baseline failed: ${python.stderr}`);
  const baseline = JSON.parse(python.stdout) as { seconds: number; numpy: string };

  const row = (name: string, s: number) =>
    `${name.padEnd(28)} ${(megabytes / s).toFixed(1).padStart(7)} MB/s ` +
    `${(records.length / s).toFixed(1).padStart(7)} records/s  (${s.toFixed(3)} s)`;
  console.log(
    `MIT-BIH: ${records.length} records, ${megabytes.toFixed(1)} MB of format 212`,
  );
  console.log(row('cardiokit readRecord', ours));
  console.log(row(`numpy ${baseline.numpy} decode`, baseline.seconds));
  console.log(
    `ratio cardiokit / numpy throughput: ${(baseline.seconds / ours).toFixed(2)}`,
  );
}

await main();
