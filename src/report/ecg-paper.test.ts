import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectAllClose } from '../util/test-helpers/expect-close.js';
import { readRecord, STANDARD_LEADS } from '../wfdb/index.js';
import { type EcgSignals, renderEcgPaperSvg } from './ecg-paper.js';
import {
  findAll,
  hasClass,
  parseSvg,
  type SvgNode,
  texts,
} from './test-helpers/svg-tree.js';

const TWELVE: string[] = [...STANDARD_LEADS];

/** Narrow 1 mV spikes once a second at t = 0.5, 1.5, ... s, on a flat baseline. */
function spikeTrain(
  samplingRateHz: number,
  durationSec: number,
  names = TWELVE,
): EcgSignals {
  const n = Math.round(samplingRateHz * durationSec);
  const channel = new Float64Array(n);
  for (let t = 0.5; t < durationSec; t += 1) channel[Math.round(t * samplingRateHz)] = 1;
  return { signalNames: names, samplingRateHz, physical: names.map(() => channel) };
}

function coordinates(d: string): number[][] {
  return [...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [
    Number(m[1]),
    Number(m[2]),
  ]);
}

function gridPositions(root: SvgNode, cls: string, axis: 'x' | 'y'): number[] {
  const path = findAll(root, (n) => n.name === 'path' && hasClass(n, cls))[0];
  const pattern = axis === 'x' ? /M(-?[\d.]+),0V/g : /M0,(-?[\d.]+)H/g;
  return [...path.attributes.d.matchAll(pattern)].map((m) => Number(m[1]));
}

function leadGroups(root: SvgNode): SvgNode[] {
  return findAll(root, (n) => n.name === 'g' && hasClass(n, 'lead'));
}

describe('renderEcgPaperSvg', () => {
  it('draws a 1 mm minor and 5 mm major grid at the requested pixels per mm', () => {
    for (const pxPerMm of [4, 6]) {
      const root = parseSvg(renderEcgPaperSvg(spikeTrain(500, 10), { pxPerMm }));
      expect(root.attributes['data-px-per-mm']).toBe(String(pxPerMm));
      for (const axis of ['x', 'y'] as const) {
        const major = gridPositions(root, 'grid-major', axis);
        const all = [...major, ...gridPositions(root, 'grid-minor', axis)].sort(
          (a, b) => a - b,
        );
        for (let i = 1; i < all.length; i++)
          expect(all[i] - all[i - 1]).toBeCloseTo(pxPerMm, 1);
        for (let i = 1; i < major.length; i++) {
          expect(major[i] - major[i - 1]).toBeCloseTo(5 * pxPerMm, 1);
        }
      }
    }
  });

  it('lays out 3x4 with a lead II rhythm strip, 6x2, and one lead a row', () => {
    const signals = spikeTrain(500, 10);
    const expected = {
      '3x4': [
        'I',
        'aVR',
        'V1',
        'V4',
        'II',
        'aVL',
        'V2',
        'V5',
        'III',
        'aVF',
        'V3',
        'V6',
        'II',
      ],
      '6x2': ['I', 'V1', 'II', 'V2', 'III', 'V3', 'aVR', 'V4', 'aVL', 'V5', 'aVF', 'V6'],
      '1x12': TWELVE,
    } as const;
    for (const layout of ['3x4', '6x2', '1x12'] as const) {
      const root = parseSvg(renderEcgPaperSvg(signals, { layout }));
      const labels = findAll(root, (n) => n.name === 'text' && hasClass(n, 'lead-label'));
      expect(labels.map((n) => n.text)).toEqual(expected[layout]);
      const traces = findAll(root, (n) => n.name === 'path' && hasClass(n, 'trace'));
      expect(traces).toHaveLength(expected[layout].length);
      const pulses = findAll(root, (n) => hasClass(n, 'calibration-pulse'));
      expect(pulses).toHaveLength({ '3x4': 4, '6x2': 6, '1x12': 12 }[layout]);
    }
  });

  it('puts the 3x4 columns on consecutive quarters of the range, rhythm strip on all of it', () => {
    const root = parseSvg(renderEcgPaperSvg(spikeTrain(500, 10), { layout: '3x4' }));
    const spans = leadGroups(root).map((g) => [
      g.attributes['data-lead'],
      Number(g.attributes['data-from-sec']),
      Number(g.attributes['data-to-sec']),
    ]);
    expect(spans.slice(0, 4)).toEqual([
      ['I', 0, 2.5],
      ['aVR', 2.5, 5],
      ['V1', 5, 7.5],
      ['V4', 7.5, 10],
    ]);
    expect(spans[12]).toEqual(['II', 0, 10]);
  });

  it('draws a calibration pulse 1 mV (10 mm) high and 0.2 s (5 mm) wide', () => {
    const pxPerMm = 5;
    const root = parseSvg(renderEcgPaperSvg(spikeTrain(500, 10), { pxPerMm }));
    const pulse = findAll(root, (n) => hasClass(n, 'calibration-pulse'))[0];
    const match = /h([\d.]+)v(-[\d.]+)h([\d.]+)v([\d.]+)h/.exec(pulse.attributes.d);
    expect(match).not.toBeNull();
    expect(Number(match?.[2])).toBeCloseTo(-10 * pxPerMm, 6);
    expect(Number(match?.[3])).toBeCloseTo(5 * pxPerMm, 6);
  });

  it('places each 1 mV spike at 25 mm/s and 10 mm/mV, the same at 100 Hz and 1000 Hz', () => {
    const pxPerMm = 4;
    const peaksAt = (samplingRateHz: number) => {
      const root = parseSvg(
        renderEcgPaperSvg(spikeTrain(samplingRateHz, 10), { layout: '1x12', pxPerMm }),
      );
      const trace = findAll(leadGroups(root)[0], (n) => hasClass(n, 'trace'))[0];
      const points = coordinates(trace.attributes.d);
      const baseline = points[0][1];
      return points
        .filter(([, y]) => y < baseline - 1)
        .map(([x, y]) => [x, baseline - y]);
    };
    const slow = peaksAt(100);
    const fast = peaksAt(1000);
    expect(slow).toHaveLength(10);
    expect(fast).toHaveLength(10);
    for (let k = 0; k < 10; k++) {
      // x = left margin 10 mm + t * 25 mm/s; height = 1 mV * 10 mm/mV.
      expect(slow[k][0]).toBeCloseTo((10 + (k + 0.5) * 25) * pxPerMm, 1);
      expect(fast[k][0]).toBeCloseTo(slow[k][0], 1);
      expect(slow[k][1]).toBeCloseTo(10 * pxPerMm, 1);
      expect(fast[k][1]).toBeCloseTo(10 * pxPerMm, 1);
    }
  });

  it('decimates a one-hour lead into a small file, keeps every spike and says so', () => {
    const svg = renderEcgPaperSvg(spikeTrain(360, 3600, ['MLII']), { layout: '1x12' });
    expect(svg.length).toBeLessThan(300_000);
    const root = parseSvg(svg);
    const trace = findAll(root, (n) => hasClass(n, 'trace'))[0];
    const points = coordinates(trace.attributes.d);
    const baseline = points[0][1];
    expect(points.filter(([, y]) => y < baseline - 1)).toHaveLength(3600);
    const note = texts(root).join(' ');
    expect(note).toMatch(/decimated for drawing: min and max of every pixel column/);
    expect(note).toMatch(/time compressed: 3600 s drawn at 0\.28 mm\/s/);
  });

  it('draws any time range, R-peak markers in range, and an overlay with its legend', () => {
    const signals = spikeTrain(250, 10);
    const smoothed = signals.physical.map((c) => Float64Array.from(c, (v) => v / 2));
    const root = parseSvg(
      renderEcgPaperSvg(signals, {
        layout: '1x12',
        fromSec: 2,
        toSec: 4,
        peakSampleIndices: [125, 625, 875, 2375],
        overlay: { label: 'low-pass 40 Hz', physical: smoothed },
      }),
    );
    const first = leadGroups(root)[0];
    expect(first.attributes['data-from-sec']).toBe('2');
    expect(first.attributes['data-to-sec']).toBe('4');
    expect(findAll(first, (n) => hasClass(n, 'trace'))).toHaveLength(2);
    // Peaks at 2.5 s and 3.5 s fall in [2, 4); 0.5 s and 9.5 s do not.
    expect(
      findAll(first, (n) => hasClass(n, 'r-peaks'))[0].attributes['data-count'],
    ).toBe('2');
    const legend = findAll(root, (n) => hasClass(n, 'legend'))[0];
    expect(legend.children.map((c) => c.text)).toEqual(['raw', 'low-pass 40 Hz']);
  });

  it('prints standard lead names in their usual spelling, others as given', () => {
    const signals = spikeTrain(100, 2, ['AVR', 'v1', 'MLII']);
    const root = parseSvg(renderEcgPaperSvg(signals, { layout: '1x12' }));
    const labels = findAll(root, (n) => n.name === 'text' && hasClass(n, 'lead-label'));
    expect(labels.map((n) => n.text)).toEqual(['aVR', 'V1', 'MLII']);
  });

  it('breaks the trace at NaN samples', () => {
    const signals = spikeTrain(100, 4, ['II']);
    const gappy = Float64Array.from(signals.physical[0]);
    gappy.fill(NaN, 150, 160);
    const root = parseSvg(
      renderEcgPaperSvg({ ...signals, physical: [gappy] }, { layout: '1x12' }),
    );
    const d = findAll(root, (n) => hasClass(n, 'trace'))[0].attributes.d;
    expect(d.match(/M/g)).toHaveLength(2);
  });

  it('names the missing leads and the fix when a 12-lead layout cannot be filled', () => {
    const signals = spikeTrain(360, 2, ['MLII', 'V5']);
    expect(() => renderEcgPaperSvg(signals, { layout: '3x4' })).toThrow(
      /missing I, II, III, aVR, aVL, aVF, V1, V2, V3, V4, V6; use layout 1x12/,
    );
    expect(() =>
      renderEcgPaperSvg(signals, { layout: '1x12', fromSec: 1, toSec: 3 }),
    ).toThrow(/time range must be within the samples given, 0 s to 2 s/);
  });
});

describe('renderEcgPaperSvg on real records', () => {
  const repoRoot = resolve(__dirname, '../..');

  it('draws every sample of the PTB-XL 100 Hz rhythm strip at 10 mm/mV (element by element)', async () => {
    const record = await readRecord(
      resolve(repoRoot, 'data/ptbxl/records100/00000/00001_lr'),
    );
    const pxPerMm = 4;
    const root = parseSvg(renderEcgPaperSvg(record, { layout: '3x4', pxPerMm }));
    const groups = leadGroups(root);
    expect(groups.map((g) => g.attributes['data-lead'])).toEqual([
      'I',
      'aVR',
      'V1',
      'V4',
      'II',
      'aVL',
      'V2',
      'V5',
      'III',
      'aVF',
      'V3',
      'V6',
      'II',
    ]);

    // 100 Hz at 25 mm/s and 4 px/mm is one sample per pixel column: nothing is decimated.
    const rhythm = findAll(groups[12], (n) => hasClass(n, 'trace'))[0];
    const points = coordinates(rhythm.attributes.d);
    const lead2 = record.physical[record.signalNames.indexOf('II')];
    expect(points).toHaveLength(lead2.length);
    // Baseline of row 4 (index 3): top margin 15 mm + 3 rows of 30 mm + 20 mm.
    const baselinePx = (15 + 3 * 30 + 20) * pxPerMm;
    const expectedY = Array.from(lead2, (mv) => baselinePx - mv * 10 * pxPerMm);
    const expectedX = Array.from(lead2, (_, i) => (10 + (i / 100) * 25) * pxPerMm);
    // Coordinates are written with two decimals: atol 0.005 px.
    expectAllClose(
      points.map((p) => p[1]),
      expectedY,
      { rtol: 0, atol: 0.005 + 1e-9 },
    );
    expectAllClose(
      points.map((p) => p[0]),
      expectedX,
      { rtol: 0, atol: 0.005 + 1e-9 },
    );
    expect(texts(root).join(' ')).not.toMatch(/decimated/);
  });

  it('keeps every QRS maximum of a 1000 Hz ptbdb lead when decimating', async () => {
    const record = await readRecord(resolve(repoRoot, 'data/ptbdb/patient001/s0010_re'), {
      channels: ['v4'],
      toSample: 10_000,
    });
    const root = parseSvg(renderEcgPaperSvg(record, { layout: '1x12' }));
    const points = coordinates(
      findAll(root, (n) => hasClass(n, 'trace'))[0].attributes.d,
    );
    expect(points.length).toBeLessThanOrEqual(2 * 1000 + 2);
    // The highest and lowest points drawn are the lead's own extremes.
    const mv = Array.from(record.physical[0]);
    const baselinePx = (15 + 10) * 4;
    const drawnMax = (baselinePx - Math.min(...points.map((p) => p[1]))) / 40;
    const drawnMin = (baselinePx - Math.max(...points.map((p) => p[1]))) / 40;
    expect(drawnMax).toBeCloseTo(Math.max(...mv), 3);
    expect(drawnMin).toBeCloseTo(Math.min(...mv), 3);
    expect(texts(root).join(' ')).toMatch(
      /decimated for drawing: min and max of every pixel column \(10 samples each\)/,
    );
  });
});
