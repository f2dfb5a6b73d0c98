/**
 * Reduction of long traces for drawing: keep the minimum and the maximum of the samples
 * that fall into each pixel column, so that no QRS peak is lost.
 */

/** Points of a trace to draw: sample positions (fractional allowed) and values. */
export interface TracePoints {
  /** Positions, 0-based sample indices into the input array, increasing. */
  sampleIndices: Float64Array;
  values: Float64Array;
}

/**
 * Keeps, for each run of `samplesPerColumn` consecutive samples of
 * `values[fromIndex..toIndex)`, the minimum and the maximum in their order of occurrence
 * (one point when they coincide). NaN samples are kept as NaN points so that the caller
 * can break the line there.
 * @param values samples, any unit
 * @param fromIndex first sample, inclusive, 0-based
 * @param toIndex last sample, exclusive
 * @param samplesPerColumn samples per pixel column, > 0; at 2 or less, every sample is kept
 * @returns at most two points per column
 */
export function decimateMinMax(
  values: ArrayLike<number>,
  fromIndex: number,
  toIndex: number,
  samplesPerColumn: number,
): TracePoints {
  if (samplesPerColumn <= 2) return keepAll(values, fromIndex, toIndex);
  const indices: number[] = [];
  const kept: number[] = [];

  const columns = Math.ceil((toIndex - fromIndex) / samplesPerColumn);
  for (let column = 0; column < columns; column++) {
    const start = fromIndex + Math.floor(column * samplesPerColumn);
    const end = Math.min(
      toIndex,
      fromIndex + Math.floor((column + 1) * samplesPerColumn),
    );
    let minIndex = -1;
    let maxIndex = -1;
    let sawNaN = -1;
    for (let i = start; i < end; i++) {
      const v = values[i];
      if (Number.isNaN(v)) {
        if (sawNaN < 0) sawNaN = i;
        continue;
      }
      if (minIndex < 0 || v < values[minIndex]) minIndex = i;
      if (maxIndex < 0 || v > values[maxIndex]) maxIndex = i;
    }
    const picks = [minIndex, maxIndex, sawNaN]
      .filter((i) => i >= 0)
      .sort((a, b) => a - b);
    for (const i of new Set(picks)) {
      indices.push(i);
      kept.push(values[i]);
    }
  }
  return { sampleIndices: Float64Array.from(indices), values: Float64Array.from(kept) };
}

function keepAll(
  values: ArrayLike<number>,
  fromIndex: number,
  toIndex: number,
): TracePoints {
  const n = Math.max(0, toIndex - fromIndex);
  const sampleIndices = new Float64Array(n);
  const kept = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    sampleIndices[k] = fromIndex + k;
    kept[k] = values[fromIndex + k];
  }
  return { sampleIndices, values: kept };
}
