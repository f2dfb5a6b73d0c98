import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileError } from '../util/errors.js';
import { parseAnnotations, readAnnotations } from './index.js';

const repoRoot = resolve(import.meta.dirname, '../..');
const dataDir = resolve(repoRoot, '../shared/data');

interface AnnotationRef {
  path: string;
  extension: string;
  file: string;
  count: number;
  sample_first10: number[];
  sample_last10: number[];
  sample_sum: number;
  symbol_first10: (string | null)[];
  symbol_counts: Record<string, number>;
  label_store_counts: Record<string, number>;
  aux_note_nonempty_count: number;
  aux_note_first10_nonempty: [number, string][];
  chan_set: number[];
  num_set: number[];
  subtype_set: number[];
  fs: number | null;
  fs_rdann: number | null;
  custom_labels: [number, string, string][] | null;
}

const references: AnnotationRef[] = JSON.parse(
  readFileSync(resolve(repoRoot, 'test/fixtures/wfdb/wfdb_ann_ref.json'), 'utf8'),
);

function counts(values: (string | number)[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[String(v)] = (out[String(v)] ?? 0) + 1;
  return out;
}

const sorted = (values: number[]) => [...new Set(values)].sort((a, b) => a - b);

describe.skipIf(!existsSync(dataDir))('readAnnotations against wfdb-python 4.3.1', () => {
  if (!existsSync(dataDir)) it.skip(`skipped: ${dataDir} is absent`, () => {});

  for (const ref of references) {
    it(`reads ${ref.file} to the same samples, symbols and fields`, async () => {
      const ann = await readAnnotations(resolve(dataDir, ref.path), ref.extension);
      const n = ann.sample.length;
      expect(n).toBe(ref.count);
      expect(ann.sample.slice(0, 10)).toEqual(ref.sample_first10);
      expect(ann.sample.slice(Math.max(0, n - 10))).toEqual(ref.sample_last10);
      expect(ann.sample.reduce((a, b) => a + b, 0)).toBe(ref.sample_sum);
      // wfdb-python gives NaN for codes without a mnemonic; cardiokit gives `[code]`.
      const symbols = ann.symbol.map((s, i) =>
        s === `[${ann.labelStore[i]}]` ? 'NaN' : s,
      );
      expect(symbols.slice(0, 10)).toEqual(ref.symbol_first10.map((s) => s ?? 'NaN'));
      expect(counts(symbols)).toEqual(ref.symbol_counts);
      expect(counts(ann.labelStore)).toEqual(ref.label_store_counts);
      const notes = ann.auxNote
        .map((note, i) => [i, note] as [number, string | undefined])
        .filter(([, note]) => note !== undefined && note !== '');
      expect(notes.length).toBe(ref.aux_note_nonempty_count);
      expect(notes.slice(0, 10)).toEqual(ref.aux_note_first10_nonempty);
      expect(sorted(ann.channel)).toEqual(ref.chan_set);
      expect(sorted(ann.num)).toEqual(ref.num_set);
      expect(sorted(ann.subtype)).toEqual(ref.subtype_set);
      expect(ann.samplingRateHz ?? null).toBe(ref.fs_rdann);
      const custom = ann.customLabels?.map((l) => [
        l.labelStore,
        l.symbol,
        l.description,
      ]);
      expect(custom ?? null).toEqual(ref.custom_labels);
    });
  }
});

describe('parseAnnotations', () => {
  it('applies SKIP, NUM, SUB, CHN and AUX to the annotation they follow', () => {
    const words = [
      (59 << 10) | 0, // SKIP: 32-bit interval follows, high word first
      0x0001,
      0x0000, // interval 65536
      (1 << 10) | 5, // N at 65536 + 5
      (61 << 10) | 0xff, // SUB -1
      (62 << 10) | 3, // CHN 3
      (63 << 10) | 3, // AUX, 3 bytes
    ];
    const aux = [0x28, 0x4e, 0x00, 0x00]; // "(N\0" padded to an even length
    const tail = [(5 << 10) | 10, (60 << 10) | 2, 0];
    const bytes = new Uint8Array(2 * (words.length + 2 + tail.length));
    const view = new DataView(bytes.buffer);
    words.forEach((w, i) => view.setUint16(2 * i, w, true));
    bytes.set(aux, 2 * words.length);
    tail.forEach((w, i) => view.setUint16(2 * (words.length + 2 + i), w, true));

    const ann = parseAnnotations(bytes, 'synthetic.atr');
    expect(ann.sample).toEqual([65541, 65551]);
    expect(ann.symbol).toEqual(['N', 'V']);
    expect(ann.subtype).toEqual([-1, 0]);
    expect(ann.channel).toEqual([3, 3]);
    expect(ann.num).toEqual([0, 2]);
    expect(ann.auxNote).toEqual(['(N\u0000', undefined]);
  });

  it('names the file when it ends inside an annotation', () => {
    const bytes = new Uint8Array([0x05, 0x04, 0x03, 0xfc]); // N, then AUX of 3 bytes: none follow
    expect(() => parseAnnotations(bytes, 'cut.atr')).toThrow(FileError);
    expect(() => parseAnnotations(bytes, 'cut.atr')).toThrow(/cut\.atr: truncated/);
  });

  it('reports a missing annotation file by name', async () => {
    await expect(readAnnotations('/nonexistent/100', 'atr')).rejects.toThrow(
      /\/nonexistent\/100\.atr: annotation file not found/,
    );
  });
});
