import { describe, expect, it } from 'vitest';
import { resamplePoly } from '../dsp/index.js';
import { expectAllClose } from '../util/test-helpers/expect-close.js';
import type { EcgRecord } from '../wfdb/types.js';
import { RecordStore, evaluationBatches, trainingBatches } from './batches.js';
import {
  PREPROCESSING_DEFAULTS,
  leadStatistics,
  preprocessSignals,
  standardise,
} from './preprocess.js';
import { createRandom } from './random.js';

function fakeRecord(rateHz: number, names: string[], lengthSamples: number): EcgRecord {
  return {
    header: {} as EcgRecord['header'],
    signalNames: names,
    units: names.map(() => 'mV'),
    samplingRateHz: rateHz,
    fromSample: 0,
    lengthSamples,
    physical: names.map((_, lead) =>
      Float64Array.from(
        { length: lengthSamples },
        (_, t) => Math.sin(t / (5 + lead)) + lead,
      ),
    ),
    digital: undefined,
  };
}

describe('preprocessSignals', () => {
  it('selects leads by name in the asked order and resamples 500 -> 50 Hz like resamplePoly', () => {
    const record = fakeRecord(500, ['i', 'ii', 'v1'], 5000);
    record.physical[2][10] = NaN;
    const config = { ...PREPROCESSING_DEFAULTS, leads: ['V1', 'I'], targetRateHz: 50 };
    const [v1, leadI] = preprocessSignals(record, config, 'r1');
    expect(v1).toHaveLength(500);
    // float32 output of a float64 computation: relative 1e-6.
    expectAllClose(leadI, resamplePoly(record.physical[0], 1, 10), {
      rtol: 1e-6,
      atol: 1e-6,
    });
    const v1Clean = Float64Array.from(record.physical[2], (v) =>
      Number.isNaN(v) ? 0 : v,
    );
    expectAllClose(v1, resamplePoly(v1Clean, 1, 10), { rtol: 1e-6, atol: 1e-6 });
  });

  it('names the record and its leads when a lead is missing', () => {
    const record = fakeRecord(100, ['I', 'II'], 100);
    expect(() => preprocessSignals(record, PREPROCESSING_DEFAULTS, '00001_lr')).toThrow(
      /record 00001_lr: no lead 'III' \(it has I, II\)/,
    );
  });
});

describe('leadStatistics and standardise', () => {
  it('gives zero mean and unit variance per lead over the training records', () => {
    const records = [
      [Float32Array.from([1, 2, 3]), Float32Array.from([5, 5, 5])],
      [Float32Array.from([4, 5, 6]), Float32Array.from([5, 5, 5])],
    ];
    const stats = leadStatistics(records);
    expectAllClose(stats.mean, [3.5, 5], { rtol: 1e-12 });
    expectAllClose(stats.std, [Math.sqrt(17.5 / 6), 1], { rtol: 1e-6 });
    const z = standardise(records[0], stats);
    expectAllClose(z[1], [0, 0, 0], { atol: 0 });
  });
});

describe('batch iterators', () => {
  const items = Array.from({ length: 5 }, (_, i) => ({
    recordId: `r${i}`,
    recordPath: '',
    patientId: `p${i}`,
    label: (i % 2) as 0 | 1,
  }));
  const stats = { mean: [0], std: [1] };

  it('reads records lazily, as the windows need them, once per pass', async () => {
    for (const cache of [true, false]) {
      let reads = 0;
      const store = new RecordStore(PREPROCESSING_DEFAULTS, { cache }, async (item) => {
        reads++;
        return [
          Float32Array.from(
            { length: 100 },
            (_, t) => t + Number(item.recordId.slice(1)),
          ),
        ];
      });
      const batches = evaluationBatches(store, items, {
        windowSamples: 40,
        strideSamples: 30,
        batchSize: 4,
        stats,
      });
      const first = await batches.next();
      expect(reads).toBe(2);
      let windows = first.value?.size ?? 0;
      for await (const batch of batches) windows += batch.size;
      // Starts 0, 30, 60 per record: 3 windows each.
      expect(windows).toBe(15);
      expect(reads).toBe(5);
    }
  });

  it('gives seeded random crops, channels-last, with the right labels', async () => {
    const store = new RecordStore(
      PREPROCESSING_DEFAULTS,
      { cache: true },
      async (item) => [
        Float32Array.from(
          { length: 100 },
          (_, t) => 1000 * Number(item.recordId.slice(1)) + t,
        ),
      ],
    );
    const collect = async (seed: number) => {
      const out: number[] = [];
      for await (const batch of trainingBatches(store, items, {
        windowSamples: 10,
        batchSize: 3,
        stats,
        cropsPerRecord: 2,
        random: createRandom(seed),
      })) {
        for (let k = 0; k < batch.size; k++) {
          const first = batch.inputs[k * 10];
          const record = Math.floor(first / 1000);
          expect(batch.labels[k]).toBe(record % 2);
          expect(batch.inputs[k * 10 + 9] - first).toBe(9);
          out.push(first);
        }
      }
      return out;
    };
    const a = await collect(1);
    expect(a).toHaveLength(10);
    expect(await collect(1)).toEqual(a);
    expect(await collect(2)).not.toEqual(a);
  });
});
