import { describe, expect, it } from 'vitest';
import {
  DE_CHAZAL_DS1,
  DE_CHAZAL_DS2,
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
