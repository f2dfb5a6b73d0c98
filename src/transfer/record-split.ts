import { ParameterError } from '../util/errors.js';
import { createRandom, shuffled } from '../data/random.js';

/**
 * Training records (DS1) of the inter-patient split of de Chazal et al. 2004: 22 MIT-BIH
 * records. No record of DS1 is in DS2, so no patient's beats sit on both sides.
 * @see de Chazal P, O'Dwyer M, Reilly RB. Automatic classification of heartbeats using
 * ECG morphology and heartbeat interval features. IEEE Trans Biomed Eng 51(7):1196-1206
 * (2004). https://doi.org/10.1109/TBME.2004.827359
 */
// prettier-ignore
export const DE_CHAZAL_DS1: readonly string[] = Object.freeze([
  '101', '106', '108', '109', '112', '114', '115', '116', '118', '119', '122',
  '124', '201', '203', '205', '207', '208', '209', '215', '220', '223', '230',
]);

/** Test records (DS2) of the de Chazal et al. 2004 split: 22 MIT-BIH records. */
// prettier-ignore
export const DE_CHAZAL_DS2: readonly string[] = Object.freeze([
  '100', '103', '105', '111', '113', '117', '121', '123', '200', '202', '210',
  '212', '213', '214', '219', '221', '222', '228', '231', '232', '233', '234',
]);

/** Which side of a split each beat falls on: indices into the beat arrays. */
export interface BeatSplit {
  /** Name of the split, written into run folders (`de-chazal-2004` or `random-beats`). */
  name: 'de-chazal-2004' | 'random-beats';
  trainIndex: Int32Array;
  testIndex: Int32Array;
  /** Records with at least one beat in the training part. */
  trainRecords: string[];
  /** Records with at least one beat in the test part. */
  testRecords: string[];
}

/**
 * Splits beats by record into DS1 (train) and DS2 (test) as de Chazal et al. 2004 did.
 * Beats of records in neither list are dropped: the paced records 102, 104, 107 and 217,
 * left out as AAMI EC57 and de Chazal et al. 2004 recommend.
 * @param recordIds the record of each beat, for example `'101'`
 * @returns the indices of the DS1 beats and of the DS2 beats, each in increasing order
 */
export function splitDeChazal(recordIds: readonly string[]): BeatSplit {
  const ds1 = new Set(DE_CHAZAL_DS1);
  const ds2 = new Set(DE_CHAZAL_DS2);
  const train: number[] = [];
  const test: number[] = [];
  recordIds.forEach((recordId, index) => {
    if (ds1.has(recordId)) train.push(index);
    else if (ds2.has(recordId)) test.push(index);
  });
  return {
    name: 'de-chazal-2004',
    trainIndex: Int32Array.from(train),
    testIndex: Int32Array.from(test),
    trainRecords: uniqueRecords(recordIds, train),
    testRecords: uniqueRecords(recordIds, test),
  };
}

/**
 * Splits beats at random, ignoring records, as Kachuee et al. 2018 did. For comparison
 * with the paper only: beats of one patient land on both sides, so the test accuracy
 * overstates what the network does on a new patient.
 * @param recordIds the record of each beat
 * @param testFraction share of beats in the test part, in (0, 1)
 * @param seed seed of the shuffle
 */
export function splitRandomBeats(
  recordIds: readonly string[],
  testFraction: number,
  seed: number,
): BeatSplit {
  if (!(testFraction > 0 && testFraction < 1)) {
    throw new ParameterError('testFraction', 'in (0, 1)', testFraction);
  }
  const order = Int32Array.from(shuffled([...recordIds.keys()], createRandom(seed)));
  const testCount = Math.round(recordIds.length * testFraction);
  const testIndex = order.slice(0, testCount).sort();
  const trainIndex = order.slice(testCount).sort();
  return {
    name: 'random-beats',
    trainIndex,
    testIndex,
    trainRecords: uniqueRecords(recordIds, trainIndex),
    testRecords: uniqueRecords(recordIds, testIndex),
  };
}

/**
 * Holds out a share of the given beats, class by class, for choosing the training epoch.
 * @param indices beats to split (for example the DS1 beats)
 * @param labels class index of every beat of the set
 * @param fraction share of each class held out, in [0, 1); 0 holds out nothing
 * @param seed seed of the draw
 * @returns the beats kept for training and the held-out beats, each in increasing order
 * @throws ParameterError when `fraction` is outside [0, 1)
 * @remarks Each class keeps at least one training beat; a class with one beat is not
 * held out.
 */
export function holdOutByClass(
  indices: Int32Array,
  labels: Int32Array,
  fraction: number,
  seed: number,
): { keep: Int32Array; holdOut: Int32Array } {
  if (!(fraction >= 0 && fraction < 1)) {
    throw new ParameterError('validation fraction', 'in [0, 1)', fraction);
  }
  const byClass = new Map<number, number[]>();
  for (const index of indices) {
    const list = byClass.get(labels[index]) ?? [];
    list.push(index);
    byClass.set(labels[index], list);
  }
  const random = createRandom(seed);
  const keep: number[] = [];
  const holdOut: number[] = [];
  for (const label of [...byClass.keys()].sort((a, b) => a - b)) {
    const members = shuffled(byClass.get(label) as number[], random);
    const count = Math.min(members.length - 1, Math.round(members.length * fraction));
    holdOut.push(...members.slice(0, count));
    keep.push(...members.slice(count));
  }
  return {
    keep: Int32Array.from(keep).sort(),
    holdOut: Int32Array.from(holdOut).sort(),
  };
}

function uniqueRecords(
  recordIds: readonly string[],
  indices: ArrayLike<number>,
): string[] {
  const seen = new Set<string>();
  for (let i = 0; i < indices.length; i++) seen.add(recordIds[indices[i]]);
  return [...seen].sort();
}
