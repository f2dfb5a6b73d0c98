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
  };
  console.log(
    `${method.padEnd(18)} records ${records.length}  beats ${total.referenceBeats}  ` +
      `TP ${total.truePositives}  FP ${total.falsePositives}  FN ${total.falseNegatives}  ` +
      `Se ${percent(total.sensitivity)}%  PPV ${percent(total.positivePredictivity)}%  ` +
      `${seconds.toFixed(2)} s for ${hours.toFixed(1)} h = ${(seconds / hours).toFixed(3)} s/h`,
  );
}

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
