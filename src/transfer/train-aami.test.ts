import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildMitdbBeatSet } from './mitdb-beats.js';
import { trainAami } from './train-aami.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const mitdbDir = path.resolve(repoRoot, '../shared/data/mitdb');
const hasMitdb = existsSync(path.join(mitdbDir, '100.hea'));
// Without ../shared/data/mitdb these tests are skipped; the describe titles say so.
const needs = hasMitdb ? '' : ' (skipped: ../shared/data/mitdb absent)';

describe.skipIf(!hasMitdb)(
  `trainAami on MIT-BIH records 101 (DS1) and 100 (DS2)${needs}`,
  () => {
    it('lowers the loss over 2 epochs of 256 beats and writes the run folder', async () => {
      const beatSet = await buildMitdbBeatSet(mitdbDir, { records: ['101', '100'] });
      const outDir = await mkdtemp(path.join(tmpdir(), 'cardiokit-aami-'));
      const result = await trainAami({
        dataDir: mitdbDir,
        outDir,
        beatSet,
        seed: 3,
        epochs: 2,
        batchSize: 32,
        samplesPerEpoch: 256,
      });

      expect(result.trainRecords).toEqual(['101']);
      expect(result.testRecords).toEqual(['100']);
      expect(result.history[1].trainLoss).toBeLessThan(result.history[0].trainLoss);
      expect(result.test.total).toBe(result.testBeats);
      expect(result.validationBeats).toBeGreaterThan(0);
      expect(result.bestEpoch).toBeGreaterThanOrEqual(1);
      expect(result.history.every((log) => Number.isFinite(log.valLoss))).toBe(true);
      const files = ['config.json', 'split.json', 'history.json', 'metrics.json'];
      for (const file of [...files, 'report.html', 'confusion.svg', 'loss.svg']) {
        expect(existsSync(path.join(outDir, file))).toBe(true);
      }
      expect(existsSync(path.join(outDir, 'model', 'model.json'))).toBe(true);
      const metrics = JSON.parse(readFileSync(path.join(outDir, 'metrics.json'), 'utf8'));
      expect(metrics.comparisonOnly).toBe(false);
      expect(metrics.bestEpoch).toBe(result.bestEpoch);
      const html = readFileSync(path.join(outDir, 'report.html'), 'utf8');
      expect(html).toContain('Inter-patient split of de Chazal et al. 2004');
    });

    it('feeds the RR features through a second input with rrFeatures', async () => {
      const beatSet = await buildMitdbBeatSet(mitdbDir, { records: ['101', '100'] });
      const outDir = await mkdtemp(path.join(tmpdir(), 'cardiokit-aami-rr-'));
      const result = await trainAami({
        dataDir: mitdbDir,
        outDir,
        beatSet,
        seed: 3,
        epochs: 1,
        batchSize: 32,
        samplesPerEpoch: 128,
        rrFeatures: true,
      });
      expect(result.test.total).toBe(result.testBeats);
      const config = JSON.parse(readFileSync(path.join(outDir, 'config.json'), 'utf8'));
      expect(config.rrFeatures).toBe(true);
      const topology = readFileSync(path.join(outDir, 'model', 'model.json'), 'utf8');
      expect(topology).toContain('beat_features');
    });
  },
);
