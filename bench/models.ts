/**
 * Benchmark of cardiokit's networks on the tfjs wasm backend: training and inference
 * samples per second and peak memory for every network on a fixed input shape, with the
 * pure-JS cpu backend run side by side as the baseline.
 *
 * Run: npx tsx bench/models.ts [--skip-cpu] [model-name ...]
 * (--skip-cpu leaves out the slow cpu-backend baseline.)
 *
 * Each network runs in its own child process, so that its peak wasm heap and peak RSS
 * are its own (a wasm memory never shrinks). Training: Adam steps (trainOnBatch) on random
 * inputs with alternating labels, after one warm-up step. Inference: predict() on the same
 * batch. Few batches per network: the numbers are rough. Rates are given per second of wall
 * time and per second of this process's CPU time; on a shared machine the second is the
 * steadier (the wasm backend uses one thread). The wasm / cpu ratio uses CPU time.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  buildModel,
  compileModel,
  initBackend,
  tf,
  wasmHeapBytes,
  type BackendName,
  type ModelName,
} from '../src/models/index.js';

interface Spec {
  /** Names the run on the command line and in the table; the network name by default. */
  label?: string;
  name: ModelName;
  inputShape: number[];
  batch: number;
  /** Timed batches on wasm. */
  steps: number;
  /** Batch of the (slow) cpu baseline. */
  cpuBatch: number;
}

// 1-D: 10 s of 12 leads at 100 Hz (Kachuee: its own 187-sample beat; resnet1d also on
// 2.5 s crops). 2-D: the same 10 s window as a 12 x 1000 x 1 image.
const SPECS: Spec[] = [
  {
    name: 'resnet1d-wang-2017',
    inputShape: [1000, 12],
    batch: 32,
    steps: 4,
    cpuBatch: 2,
  },
  {
    label: 'resnet1d-wang-2017@250',
    name: 'resnet1d-wang-2017',
    inputShape: [250, 12],
    batch: 32,
    steps: 4,
    cpuBatch: 2,
  },
  { name: 'kachuee-2018', inputShape: [187, 1], batch: 128, steps: 6, cpuBatch: 4 },
  { name: 'fcn1d-wang-2017', inputShape: [1000, 12], batch: 32, steps: 3, cpuBatch: 1 },
  {
    name: 'resnet50-truncated',
    inputShape: [12, 1000, 1],
    batch: 8,
    steps: 2,
    cpuBatch: 1,
  },
  {
    name: 'efficientnet-b7-truncated',
    inputShape: [12, 1000, 1],
    batch: 8,
    steps: 2,
    cpuBatch: 1,
  },
  { name: 'vgg-3block', inputShape: [12, 1000, 1], batch: 8, steps: 2, cpuBatch: 1 },
];

interface Result {
  name: string;
  inputShape: number[];
  batch: number;
  parameters: number;
  trainSamplesPerSec: number;
  /** Training samples per second of this process's CPU time (robust to machine load). */
  trainSamplesPerCpuSec: number;
  inferSamplesPerSec: number;
  /** null when the baseline was skipped (NaN does not survive JSON). */
  cpuTrainSamplesPerSec: number | null;
  cpuTrainSamplesPerCpuSec: number | null;
  wasmHeapMiB: number;
  peakRssMiB: number;
}

async function trainRate(spec: Spec, backend: BackendName, batch: number, steps: number) {
  await initBackend({ backend });
  const model = buildModel(spec.name, { inputShape: spec.inputShape, seed: 1 });
  compileModel(model);
  const x = tf.randomNormal([batch, ...spec.inputShape], 0, 1, 'float32', 2);
  const y = tf.tensor2d(
    Array.from({ length: batch }, (_, i) => i % 2),
    [batch, 1],
  );
  const warmUps = backend === 'wasm' ? 1 : 0;
  for (let i = 0; i < warmUps; i++) await model.trainOnBatch(x, y);
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < steps; i++) await model.trainOnBatch(x, y);
  const trainSec = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpuStart);
  const cpuSec = (used.user + used.system) / 1e6;
  return {
    model,
    x,
    y,
    rate: (batch * steps) / trainSec,
    cpuRate: (batch * steps) / cpuSec,
  };
}

async function runOne(spec: Spec, skipCpu: boolean): Promise<Result> {
  const wasm = await trainRate(spec, 'wasm', spec.batch, spec.steps);
  const { model, x, y } = wasm;
  tf.dispose(model.predict(x) as tf.Tensor);
  const start = performance.now();
  for (let i = 0; i < spec.steps; i++) tf.dispose(model.predict(x) as tf.Tensor);
  const inferSamplesPerSec =
    (spec.batch * spec.steps) / ((performance.now() - start) / 1000);
  const wasmHeapMiB = (wasmHeapBytes() ?? 0) / 2 ** 20;
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;
  const parameters = model.countParams();
  tf.dispose([x, y]);
  model.dispose();

  // Baseline: the same network on the pure-JS cpu backend, one step, no warm-up.
  const cpu = skipCpu
    ? { rate: null, cpuRate: null }
    : await trainRate(spec, 'cpu', spec.cpuBatch, 1);
  return {
    name: spec.label ?? spec.name,
    inputShape: spec.inputShape,
    batch: spec.batch,
    parameters,
    trainSamplesPerSec: wasm.rate,
    trainSamplesPerCpuSec: wasm.cpuRate,
    inferSamplesPerSec,
    cpuTrainSamplesPerSec: cpu.rate,
    cpuTrainSamplesPerCpuSec: cpu.cpuRate,
    wasmHeapMiB,
    peakRssMiB,
  };
}

function table(results: Result[]): string {
  const header =
    '| network | input | batch | params | train samples/s (per CPU-s) | infer samples/s | ' +
    'cpu-backend train samples/s (per CPU-s) | wasm / cpu | wasm heap MiB | peak RSS MiB |';
  const rule = '|' + ' --- |'.repeat(10);
  const rows = results.map((r) =>
    [
      r.name,
      r.inputShape.join('x'),
      r.batch,
      r.parameters.toLocaleString('en-US'),
      `${r.trainSamplesPerSec.toFixed(1)} (${r.trainSamplesPerCpuSec.toFixed(1)})`,
      r.inferSamplesPerSec.toFixed(1),
      r.cpuTrainSamplesPerSec === null
        ? '-'
        : `${r.cpuTrainSamplesPerSec.toFixed(3)} (${r.cpuTrainSamplesPerCpuSec?.toFixed(3)})`,
      r.cpuTrainSamplesPerCpuSec === null
        ? '-'
        : `${(r.trainSamplesPerCpuSec / r.cpuTrainSamplesPerCpuSec).toFixed(0)}x`,
      r.wasmHeapMiB.toFixed(0),
      r.peakRssMiB.toFixed(0),
    ].join(' | '),
  );
  return [header, rule, ...rows.map((row) => `| ${row} |`)].join('\n');
}

async function main(): Promise<void> {
  const skipCpu = process.argv.includes('--skip-cpu');
  const args = process.argv.slice(2).filter((arg) => arg !== '--skip-cpu');
  if (args[0] === '--one') {
    const spec = SPECS.find((s) => (s.label ?? s.name) === args[1]);
    if (!spec) throw new Error(`unknown network ${args[1]}`);
    process.stdout.write(`${JSON.stringify(await runOne(spec, skipCpu))}\n`);
    return;
  }
  const wanted = args.length > 0 ? args : SPECS.map((spec) => spec.label ?? spec.name);
  const results: Result[] = [];
  for (const name of wanted) {
    const started = performance.now();
    let output: string;
    try {
      output = execFileSync(
        process.execPath,
        [
          ...process.execArgv,
          fileURLToPath(import.meta.url),
          '--one',
          name,
          ...(skipCpu ? ['--skip-cpu'] : []),
        ],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 },
      );
    } catch (error) {
      console.error(`${name}: failed (${(error as Error).message.split('\n')[0]})`);
      continue;
    }
    const lines = output.trim().split('\n');
    const result = JSON.parse(lines[lines.length - 1]) as Result;
    results.push(result);
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    console.error(`${name}: done in ${seconds} s ${JSON.stringify(result)}`);
  }
  console.log(table(results));
  const vgg = results.find((r) => r.name === 'vgg-3block');
  const resnet1d = results.find((r) => r.name === 'resnet1d-wang-2017');
  if (vgg && resnet1d) {
    console.log(
      `\n2-D vgg-3block trains ${(resnet1d.trainSamplesPerCpuSec / vgg.trainSamplesPerCpuSec).toFixed(0)}x ` +
        'slower than resnet1d-wang-2017 on the same 12-lead 10 s window.',
    );
  }
}

await main();
