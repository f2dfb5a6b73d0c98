/**
 * Checks a range given on the command line against the record's length, in the unit the
 * user gave it: seconds for `--from/--to`, samples for `--from-sample/--to-sample`.
 */
import { CardiokitError } from '../util/errors.js';

/** A range option outside the record: names the option as the user typed it. */
export class RangeOptionError extends CardiokitError {
  readonly option: string;
  readonly received: string;

  constructor(option: string, received: string, message: string) {
    super('PARAMETER', `${option} ${received} ${message}`);
    this.option = option;
    this.received = received;
  }
}

/** One end of a range as the user gave it, and the sample it converts to. */
export interface RangeEnd {
  /** The option's name as typed, `--from` or `--to-sample`. */
  option: string;
  /** The value as typed (seconds or a sample index). */
  text: string;
  /** True when the value is in seconds. */
  inSeconds: boolean;
  /** The 0-based sample it converts to. */
  sample: number;
}

/**
 * Throws when a range given on the command line does not fit in the record.
 * @param from the start the user gave, if any
 * @param to the end the user gave, if any (exclusive)
 * @param lengthSamples the record's length in samples
 * @param samplingRateHz the record's sampling rate, to state the length in seconds
 * @throws RangeOptionError naming the option: start past the end, end past the end, or
 *   end before start
 */
export function checkRangeOptions(
  from: RangeEnd | undefined,
  to: RangeEnd | undefined,
  lengthSamples: number,
  samplingRateHz: number,
): void {
  const length = (end: RangeEnd) =>
    end.inSeconds
      ? `${Number((lengthSamples / samplingRateHz).toFixed(3))} s`
      : `${lengthSamples} samples`;
  const shown = (end: RangeEnd) => (end.inSeconds ? `${end.text} s` : end.text);

  if (from !== undefined && from.sample >= lengthSamples && lengthSamples > 0) {
    throw new RangeOptionError(
      from.option,
      shown(from),
      `is past the end of the record (${length(from)})`,
    );
  }
  if (to !== undefined && to.sample > lengthSamples) {
    throw new RangeOptionError(
      to.option,
      shown(to),
      `is past the end of the record (${length(to)}); leave it out to read to the end`,
    );
  }
  if (from !== undefined && to !== undefined && to.sample <= from.sample) {
    throw new RangeOptionError(
      to.option,
      shown(to),
      `is not after ${from.option} ${shown(from)}; the end is exclusive`,
    );
  }
}
