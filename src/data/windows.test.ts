import { describe, expect, it } from 'vitest';
import { createRandom } from './random.js';
import {
  copyWindow,
  randomCropStart,
  secondsToSamples,
  slidingWindowStarts,
} from './windows.js';

describe('slidingWindowStarts', () => {
  it('steps by the stride and adds one window aligned to the end', () => {
    expect(slidingWindowStarts(1000, 250, 125)).toEqual([
      0, 125, 250, 375, 500, 625, 750,
    ]);
    expect(slidingWindowStarts(1000, 300, 300)).toEqual([0, 300, 600, 700]);
    expect(slidingWindowStarts(250, 250, 100)).toEqual([0]);
  });

  it('rejects a signal shorter than one window, naming the lengths', () => {
    expect(() => slidingWindowStarts(200, 250, 125)).toThrow(
      /needs more than 249 samples \(got 200\)/,
    );
  });
});

describe('randomCropStart', () => {
  it('stays inside the signal and is seeded', () => {
    const random = createRandom(3);
    const starts = Array.from({ length: 500 }, () => randomCropStart(1000, 250, random));
    expect(Math.min(...starts)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...starts)).toBeLessThanOrEqual(750);
    const again = createRandom(3);
    expect(randomCropStart(1000, 250, again)).toBe(starts[0]);
  });
});

describe('copyWindow', () => {
  it('writes time-major, channels-last samples', () => {
    const leads = [Float32Array.from([0, 1, 2, 3]), Float32Array.from([10, 11, 12, 13])];
    const target = new Float32Array(7);
    copyWindow(leads, 1, 3, target, 1);
    expect(Array.from(target)).toEqual([0, 1, 11, 2, 12, 3, 13]);
  });

  it('converts seconds to samples', () => {
    expect(secondsToSamples(2.5, 100)).toBe(250);
  });
});
