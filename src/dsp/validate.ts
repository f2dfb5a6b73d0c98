/**
 * Checks shared by the public DSP functions: coefficient arrays, signals, sections.
 * Internal helpers trust what these return.
 */
import { ParameterError } from '../util/errors.js';

/** Coefficients as scipy takes them: a plain array or a typed array. */
export type Coefficients = ArrayLike<number>;

/** Second-order sections: one row per section, `[b0, b1, b2, 1, a1, a2]`. */
export type Sos = ArrayLike<ArrayLike<number>>;

/** A signal: Float64Array, or Float32Array (promoted to float64). */
export type Signal = Float64Array | Float32Array | ArrayLike<number>;

/** Copies coefficients into a Float64Array, rejecting empty, NaN and infinite input. */
export function toCoefficients(values: Coefficients, name: string): Float64Array {
  if (values.length === 0) throw new ParameterError(name, 'a non-empty array', '[]');
  const out = Float64Array.from(values);
  for (let i = 0; i < out.length; i++) {
    if (!Number.isFinite(out[i])) {
      throw new ParameterError(`${name}[${i}]`, 'a finite number', out[i]);
    }
  }
  return out;
}

/** A fresh Float64Array copy of a signal (never the caller's array). */
export function toSignal(x: Signal, name = 'x'): Float64Array {
  if (x === null || x === undefined || typeof x.length !== 'number') {
    throw new ParameterError(name, 'a Float64Array, Float32Array or number array', x);
  }
  // Typed arrays are copied by the engine's fast path, not element by element.
  if (x instanceof Float64Array) return x.slice();
  if (ArrayBuffer.isView(x)) return new Float64Array(x as Float32Array);
  return Float64Array.from(x);
}

/** Validates second-order sections and copies them into one flat Float64Array (n x 6). */
export function toSos(sos: Sos, name = 'sos'): { flat: Float64Array; sections: number } {
  const sections = sos.length;
  if (sections === 0) throw new ParameterError(name, 'at least one section', '[]');
  const flat = new Float64Array(sections * 6);
  for (let s = 0; s < sections; s++) {
    const row = sos[s];
    if (row.length !== 6) {
      throw new ParameterError(
        `${name}[${s}]`,
        'a row of 6 coefficients',
        `${row.length}`,
      );
    }
    for (let j = 0; j < 6; j++) {
      if (!Number.isFinite(row[j])) {
        throw new ParameterError(`${name}[${s}][${j}]`, 'a finite number', row[j]);
      }
      flat[s * 6 + j] = row[j];
    }
    if (row[3] !== 1) {
      throw new ParameterError(
        `${name}[${s}][3]`,
        '1 (a0 of every section)',
        row[3],
        'divide the row by its a0 first',
      );
    }
  }
  return { flat, sections };
}

/** Checks that a value is an integer at least `min`. */
export function checkInteger(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new ParameterError(name, `an integer >= ${min}`, value);
  }
}

/**
 * Merges options over defaults, skipping options that are undefined (so that
 * `{ padtype: undefined }` keeps the default rather than erasing it).
 */
export function withDefaults<D extends object, O extends object>(
  defaults: D,
  options: O,
): Omit<O, keyof D> & {
  [K in keyof D]: K extends keyof O ? Exclude<O[K], undefined> | D[K] : D[K];
} {
  const merged: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
  for (const [key, value] of Object.entries(options))
    if (value !== undefined) merged[key] = value;
  return merged as never;
}
