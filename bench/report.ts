/**
 * Size and speed of the ECG paper chart on real records, beside a baseline drawn in the
 * same run: every sample of every panel as one SVG polyline at the same scale (what a
 * chart without min/max decimation writes). Also the PNG rasterisation time.
 *
 *   npx tsx bench/report.ts [SHARED_DATA_DIR]     (default ../shared/data)
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderEcgPaperSvg, svgToPng } from '../src/report/index.js';
import { readRecord } from '../src/wfdb/index.js';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../..');
const dataDir = resolve(process.argv[2] ?? resolve(repoRoot, '../shared/data'));

const cases = [
  {
    name: 'PTB-XL 00001_hr, 12 leads, 500 Hz, 10 s, 1x12',
    path: 'ptbxl/records500/00000/00001_hr',
    layout: '1x12',
  },
  {
    name: 'ptbdb s0010_re, 15 leads, 1000 Hz, 38.4 s, 1x12',
    path: 'ptbdb/patient001/s0010_re',
    layout: '1x12',
  },
  {
    name: 'MIT-BIH 100, 2 leads, 360 Hz, 30 min, 1x12',
    path: 'mitdb/100',
    layout: '1x12',
  },
] as const;

/** Every sample as a polyline point, at the chart's horizontal scale (pixels per sample). */
function naivePolylineBytes(
  physical: Float64Array[],
  samplingRateHz: number,
  speedMmPerS: number,
): number {
  const pxPerSample = (speedMmPerS * 4) / samplingRateHz;
  let bytes = 0;
  for (const channel of physical) {
    const points: string[] = [];
    for (let i = 0; i < channel.length; i++) {
      points.push(`${(i * pxPerSample).toFixed(2)},${(-channel[i] * 40).toFixed(2)}`);
    }
    bytes += `<polyline points="${points.join(' ')}"/>`.length;
  }
  return bytes;
}

function bestOf<T>(runs: number, work: () => T): { ms: number; value: T } {
  let best = Infinity;
  let value = work();
  for (let k = 0; k < runs; k++) {
    const started = performance.now();
    value = work();
    best = Math.min(best, performance.now() - started);
  }
  return { ms: best, value };
}

for (const c of cases) {
  const path = resolve(dataDir, c.path);
  if (!existsSync(`${path}.hea`)) {
    console.log(`${c.name}: skipped, ${path}.hea not found`);
    continue;
  }
  const record = await readRecord(path);
  const svg = bestOf(3, () => renderEcgPaperSvg(record, { layout: c.layout }));
  const speed = Number(/data-paper-speed-mm-per-s="([\d.]+)"/.exec(svg.value)?.[1]);
  const naive = bestOf(3, () =>
    naivePolylineBytes(record.physical, record.samplingRateHz, speed),
  );
  const png = bestOf(1, () => svgToPng(svg.value, { scale: 1 }));
  console.log(
    `${c.name}: SVG ${(svg.value.length / 1024).toFixed(0)} kB in ${svg.ms.toFixed(0)} ms ` +
      `(paper ${speed} mm/s); every-sample polyline baseline ${(naive.value / 1024).toFixed(0)} kB ` +
      `in ${naive.ms.toFixed(0)} ms; size ratio ${(svg.value.length / naive.value).toFixed(3)}; ` +
      `PNG ${(png.value.length / 1024).toFixed(0)} kB in ${png.ms.toFixed(0)} ms`,
  );
}
