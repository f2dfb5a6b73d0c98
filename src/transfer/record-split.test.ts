import { describe, expect, it } from 'vitest';
import {
  DE_CHAZAL_DS1,
  DE_CHAZAL_DS2,
  holdOutByClass,
  splitDeChazal,
  splitRandomBeats,
} from './record-split.js';

// Every MIT-BIH Arrhythmia record name (Moody & Mark 2001).
// prettier-ignore
const MITDB_RECORDS = [
  '100', '101', '102', '103', '104', '105', '106', '107', '108', '109', '111', '112',
  '113', '114', '115', '116', '117', '118', '119', '121', '122', '123', '124', '200',
  '201', '202', '203', '205', '207', '208', '209', '210', '212', '213', '214', '215',
  '217', '219', '220', '221', '222', '223', '228', '230', '231', '232', '233', '234',
];

describe('splitDeChazal', () => {
  it('puts no record on both sides and covers all 44 non-paced records', () => {
    const ds1 = new Set(DE_CHAZAL_DS1);
    expect(DE_CHAZAL_DS2.filter((r) => ds1.has(r))).toEqual([]);
    const covered = [
      ...DE_CHAZAL_DS1,
      ...DE_CHAZAL_DS2,
      '102',
      '104',
      '107',
      '217',
    ].sort();
    expect(covered).toEqual(MITDB_RECORDS);
  });

  it('assigns beats by record and drops the paced records', () => {
    const beats = ['101', '100', '101', '102', '234', '217', '230'];
    const split = splitDeChazal(beats);
    expect([...split.trainIndex]).toEqual([0, 2, 6]);
    expect([...split.testIndex]).toEqual([1, 4]);
    expect(split.trainRecords).toEqual(['101', '230']);
    expect(split.testRecords).toEqual(['100', '234']);
  });
});

describe('splitRandomBeats', () => {
  const beats = Array.from({ length: 1000 }, (_, i) => MITDB_RECORDS[i % 48]);

  it('draws the requested share without overlap and repeats for a seed', () => {
    const split = splitRandomBeats(beats, 0.2, 7);
    expect(split.testIndex.length).toBe(200);
    expect(split.trainIndex.length).toBe(800);
    const test = new Set(split.testIndex);
    expect([...split.trainIndex].some((i) => test.has(i))).toBe(false);
    expect([...splitRandomBeats(beats, 0.2, 7).testIndex]).toEqual([...split.testIndex]);
    expect([...splitRandomBeats(beats, 0.2, 8).testIndex]).not.toEqual([
      ...split.testIndex,
    ]);
  });

  it('mixes records across the parts, which is why it is for comparison only', () => {
    const split = splitRandomBeats(beats, 0.2, 7);
    const shared = split.testRecords.filter((r) => split.trainRecords.includes(r));
    expect(shared.length).toBeGreaterThan(40);
  });

  it('rejects a test fraction outside (0, 1)', () => {
    expect(() => splitRandomBeats(beats, 1, 7)).toThrow(/testFraction/);
  });
});

describe('holdOutByClass', () => {
  // 30 beats of class 0, 10 of class 1, 1 of class 2.
  const labels = Int32Array.from([
    ...new Array<number>(30).fill(0),
    ...new Array<number>(10).fill(1),
    2,
  ]);
  const all = Int32Array.from(labels.keys());

  it('holds out the share of each class and keeps the rest, disjoint and complete', () => {
    const { keep, holdOut } = holdOutByClass(all, labels, 0.2, 4);
    const count = (indices: Int32Array, label: number) =>
      Array.from(indices).filter((i) => labels[i] === label).length;
    expect(count(holdOut, 0)).toBe(6);
    expect(count(holdOut, 1)).toBe(2);
    expect(count(holdOut, 2)).toBe(0);
    expect(keep.length + holdOut.length).toBe(all.length);
    expect(new Set([...keep, ...holdOut]).size).toBe(all.length);
    expect(Array.from(keep)).toEqual(Array.from(keep).sort((a, b) => a - b));
  });

  it('depends on the seed and holds out nothing at fraction 0', () => {
    const a = holdOutByClass(all, labels, 0.2, 4).holdOut;
    const b = holdOutByClass(all, labels, 0.2, 5).holdOut;
    expect(Array.from(a)).not.toEqual(Array.from(b));
    expect(holdOutByClass(all, labels, 0, 4).holdOut.length).toBe(0);
  });

  it('refuses a fraction outside [0, 1)', () => {
    expect(() => holdOutByClass(all, labels, 1, 4)).toThrow(/validation fraction/);
  });
});
