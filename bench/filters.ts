/**
 * Benchmark: the study's two zero-phase filters on real ECG, cardiokit beside scipy in the
 * same run.
 *
 *   npx tsx bench/filters.ts [--repeats 3]
 *
 * Cases: all 15 leads of ptbdb patient001/s0010_re (38,400 samples each at 1000 Hz), and
 * one hour of lead i (the 38.4 s lead repeated to 3,600,000 samples). Filters: order-4
 * Butterworth low-pass 50 Hz with sosfiltfilt, and a 255-tap Hamming firwin low-pass 50 Hz
 * with filtfilt (a = [1]); for the FIR filter also the direct convolution, to show why
 * cardiokit convolves long FIR filters by FFT. scipy (python3, same inputs written as
 * float64 files) filters the (leads, samples) array along its last axis. Each timing is
 * the best of the repeats, after a JIT warm-up on one lead; 'x scipy' is cardiokit's speed
 * over scipy's (above 1: faster); outputs are compared element by element (max |diff|, mV).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { butter, filtfilt, firwin, sosfiltfilt } from '../src/dsp/index.js';
import { readRecord } from '../src/wfdb/index.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const repeatsArg = process.argv.indexOf('--repeats');
const repeats = repeatsArg > 0 ? Number(process.argv[repeatsArg + 1]) : 3;
const HOUR_SAMPLES = 3_600_000;

const PYTHON = String.raw`
import json, sys, time
import numpy as np, scipy, scipy.signal as signal
folder, repeats = sys.argv[1], int(sys.argv[2])
spec = json.load(open(folder + '/cases.json'))
sos = signal.butter(4, 50.0, btype='lowpass', fs=1000.0, output='sos')
taps = signal.firwin(255, 50.0, fs=1000.0)
filters = {'sosfiltfilt': lambda x: signal.sosfiltfilt(sos, x, axis=-1),
           'fir-filtfilt': lambda x: signal.filtfilt(taps, [1.0], x, axis=-1)}
out = {'scipy': scipy.__version__, 'numpy': np.__version__, 'seconds': {}}
for case in spec['cases']:
    x = np.fromfile(folder + '/' + case['name'] + '.f64', dtype='<f8').reshape(case['leads'], -1)
    for name, run in filters.items():
        best = float('inf')
        for _ in range(repeats):
            t = time.perf_counter(); y = run(x); best = min(best, time.perf_counter() - t)
        out['seconds'][case['name'] + '/' + name] = best
        y.astype('<f8').tofile(folder + '/' + case['name'] + '.' + name + '.scipy.f64')
json.dump(out, sys.stdout)
`;

function best(run: () => void): number {
  let fastest = Infinity;
  for (let r = 0; r < repeats; r++) {
    const start = performance.now();
    run();
    fastest = Math.min(fastest, (performance.now() - start) / 1000);
  }
  return fastest;
}

function maxAbsDiff(a: Float64Array, b: Float64Array): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

async function main(): Promise<void> {
  const record = await readRecord(path.join(repoRoot, 'data/ptbdb/patient001/s0010_re'));
  const leadI = record.physical[0];
  const hour = new Float64Array(HOUR_SAMPLES);
  for (let i = 0; i < HOUR_SAMPLES; i++) hour[i] = leadI[i % leadI.length];
  const cases = [
    { name: 'ptbdb-15-leads', leads: record.physical },
    { name: 'one-hour-lead-i', leads: [hour] },
  ];

  // Same inputs for scipy, as raw little-endian float64.
  const folder = mkdtempSync(path.join(tmpdir(), 'cardiokit-bench-'));
  for (const c of cases) {
    const joined = new Float64Array(c.leads.length * c.leads[0].length);
    c.leads.forEach((lead, i) => joined.set(lead, i * lead.length));
    writeFileSync(path.join(folder, `${c.name}.f64`), joined);
  }
  writeFileSync(
    path.join(folder, 'cases.json'),
    JSON.stringify({
      cases: cases.map((c) => ({ name: c.name, leads: c.leads.length })),
    }),
  );
  const scipy = JSON.parse(
    execFileSync('python3', ['-c', PYTHON, folder, String(repeats)], {
      maxBuffer: 1 << 24,
    }).toString(),
  ) as { scipy: string; numpy: string; seconds: Record<string, number> };

  const sos = butter(4, 50, { btype: 'lowpass', fs: 1000, output: 'sos' });
  const taps = firwin(255, 50, { fs: 1000 });
  const filters: Record<string, (x: Float64Array) => Float64Array> = {
    sosfiltfilt: (x) => sosfiltfilt(sos, x),
    'fir-filtfilt': (x) => filtfilt(taps, [1], x),
  };

  console.log(
    `cardiokit filters vs scipy ${scipy.scipy} (numpy ${scipy.numpy}), Node ${process.version}, best of ${repeats}`,
  );
  console.log(
    'case                             samples   cardiokit/s     scipy/s  x scipy  max|diff| mV',
  );
  // Warm up the JIT on one lead before timing (scipy's compiled code needs none).
  for (const run of Object.values(filters))
    for (let i = 0; i < 3; i++) run(record.physical[1]);

  for (const c of cases) {
    const samples = c.leads.length * c.leads[0].length;
    for (const [name, run] of Object.entries(filters)) {
      let outputs: Float64Array[] = [];
      const seconds = best(() => (outputs = c.leads.map(run)));
      const reference = new Float64Array(
        readFileSync(path.join(folder, `${c.name}.${name}.scipy.f64`)).buffer.slice(0),
      );
      const ours = new Float64Array(samples);
      outputs.forEach((y, i) => ours.set(y, i * y.length));
      const scipySeconds = scipy.seconds[`${c.name}/${name}`];
      const row = [
        `${c.name}/${name}`.padEnd(30),
        String(samples).padStart(9),
        (samples / seconds).toExponential(2).padStart(13),
        (samples / scipySeconds).toExponential(2).padStart(11),
        (scipySeconds / seconds).toFixed(2).padStart(8),
        maxAbsDiff(ours, reference).toExponential(1).padStart(12),
      ];
      console.log(row.join(' '));
    }
  }

  // Why FFT convolution for the 255-tap FIR: the same filtfilt with the direct sum.
  const { convolve } = await import('../src/dsp/convolve.js');
  const x = cases[0].leads[0];
  const direct = best(() => convolve(x, taps, { method: 'direct' }));
  const fft = best(() => convolve(x, taps, { method: 'fft' }));
  console.log(
    `255-tap convolution of one 38,400-sample lead: direct ${(x.length / direct).toExponential(2)}/s, ` +
      `FFT ${(x.length / fft).toExponential(2)}/s (FFT ${(direct / fft).toFixed(1)}x faster)`,
  );
  rmSync(folder, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
