/**
 * Reads WFDB annotation files in the MIT format (`.atr`, `.qrs`, `.wqrs`, ...), as
 * `wfdb.rdann` does. Each annotation is a 16-bit little-endian word: the top 6 bits
 * are a code, the low 10 bits a sample interval or a field value (annot(5)).
 */
import { readFile } from 'node:fs/promises';
import { FileError } from '../util/errors.js';
import { missingFile, readHeader } from './header.js';

/** Annotations of one file, one entry per annotation in every array. */
export interface Annotations {
  /** Sample index of each annotation, 0-based, at the record's base rate. */
  sample: number[];
  /** Mnemonic of each label (`N`, `V`, `+`); `[42]` for a code with no mnemonic. */
  symbol: string[];
  /** The stored label code (WFDB's `anntyp`), 1 to 49. */
  labelStore: number[];
  /** Subtype (signed 8-bit); 0 when the file gives none. */
  subtype: number[];
  /** Signal number (unsigned 8-bit); carried over from the previous annotation. */
  channel: number[];
  /** Annotator number (signed 8-bit); carried over from the previous annotation. */
  num: number[];
  /** Auxiliary text, verbatim (mitdb rhythm notes end in a NUL); undefined when none. */
  auxNote: (string | undefined)[];
  /** Sampling rate stored in the file, else the record header's; undefined if neither. */
  samplingRateHz: number | undefined;
  /** Label definitions the file itself makes: code, symbol, description. */
  customLabels: { labelStore: number; symbol: string; description: string }[] | undefined;
}

/** Options of {@link readAnnotations}. */
export interface ReadAnnotationsOptions {
  /** Look up the sampling rate in the record's header when the file has none (default true). */
  headerSamplingRate?: boolean;
}

/** Mnemonics of WFDB's standard label codes (ecgcodes.h); codes 15 and 17 have none. */
export const ANNOTATION_SYMBOLS: Readonly<Record<number, string>> = {
  0: ' ',
  1: 'N',
  2: 'L',
  3: 'R',
  4: 'a',
  5: 'V',
  6: 'F',
  7: 'J',
  8: 'A',
  9: 'S',
  10: 'E',
  11: 'j',
  12: '/',
  13: 'Q',
  14: '~',
  16: '|',
  18: 's',
  19: 'T',
  20: '*',
  21: 'D',
  22: '"',
  23: '=',
  24: 'p',
  25: 'B',
  26: '^',
  27: 't',
  28: '+',
  29: 'u',
  30: '?',
  31: '!',
  32: '[',
  33: ']',
  34: 'e',
  35: 'n',
  36: '@',
  37: 'x',
  38: 'f',
  39: '(',
  40: ')',
  41: 'r',
};

// Codes of the pseudo-annotations that carry a field of the annotation before them.
const SKIP = 59;
const NUM = 60;
const SUB = 61;
const CHN = 62;
const AUX = 63;
const NOTE = 22;

/**
 * Reads one annotation file of a record.
 * @param recordPath path of the record without extension (`data/100`)
 * @param extension the annotator, without the dot (`atr`, `qrs`)
 * @param options see {@link ReadAnnotationsOptions}
 * @returns parallel arrays, one entry per annotation, in file order
 * @throws FileError when the file is missing or ends inside an annotation
 * @remarks Same rules as wfdb-python 4.3: SKIP adds a signed 32-bit interval; SUB and
 *   AUX belong to one annotation (default 0 and none); CHN and NUM carry over from the
 *   previous annotation (first default 0). Annotations with code 0 and the NOTE
 *   annotations at sample 0 that define the sampling rate (`## time resolution: 360`)
 *   or custom labels are removed from the result, as wfdb-python removes them.
 *
 *   Limitations: only the MIT format is read (not the AHA format); a code with no
 *   mnemonic gets the symbol `[code]`, where wfdb-python gives NaN.
 * @example
 * const ann = await readAnnotations('../shared/data/mitdb/100', 'atr');
 * ann.symbol.slice(0, 3); // ['+', 'N', 'N']
 */
export async function readAnnotations(
  recordPath: string,
  extension: string,
  options: ReadAnnotationsOptions = {},
): Promise<Annotations> {
  const base = recordPath.endsWith('.hea') ? recordPath.slice(0, -4) : recordPath;
  const path = `${base}.${extension}`;
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw missingFile(path, error, 'annotation');
  }
  const parsed = parseAnnotations(bytes, path);
  if (parsed.samplingRateHz === undefined && options.headerSamplingRate !== false) {
    parsed.samplingRateHz = await headerRate(base);
  }
  return parsed;
}

async function headerRate(base: string): Promise<number | undefined> {
  try {
    return (await readHeader(base, { inferLength: false })).samplingFrequencyHz;
  } catch {
    // The header is optional for annotations: without it the rate stays unknown.
    return undefined;
  }
}

/**
 * Parses the bytes of an MIT-format annotation file.
 * @param bytes the whole file
 * @param path the file name, for error messages
 * @returns the annotations, with `samplingRateHz` only when the file defines it
 * @throws FileError when the file ends inside an annotation's fields
 */
export function parseAnnotations(bytes: Uint8Array, path: string): Annotations {
  const words = Math.floor(bytes.length / 2);
  const low = (w: number) => bytes[2 * w];
  const code = (w: number) => {
    if (w >= words) throw truncated(path, bytes.length);
    return bytes[2 * w + 1] >> 2;
  };
  const interval = (w: number) => bytes[2 * w] | ((bytes[2 * w + 1] & 3) << 8);

  const sample: number[] = [];
  const labelStore: number[] = [];
  const subtype: number[] = [];
  const channel: number[] = [];
  const num: number[] = [];
  const auxNote: (string | undefined)[] = [];
  let total = 0;
  let w = 0;
  // The last word of the file is the end-of-file marker (0).
  while (w < words - 1) {
    // A SKIP word is followed by a 32-bit interval, high 16 bits first.
    while (code(w) === SKIP) {
      if (w + 2 >= words) throw truncated(path, bytes.length);
      const high = low(w + 1) | (bytes[2 * (w + 1) + 1] << 8);
      const lowWord = low(w + 2) | (bytes[2 * (w + 2) + 1] << 8);
      total += ((high << 16) | lowWord) >> 0;
      w += 3;
    }
    labelStore.push(code(w));
    total += interval(w);
    sample.push(total);
    w++;

    // Fields that follow belong to this annotation.
    let sub: number | undefined;
    let chan: number | undefined;
    let number: number | undefined;
    let aux: string | undefined;
    for (let c = code(w); c > SKIP; c = code(w)) {
      if (c === SUB) sub = (low(w) << 24) >> 24;
      else if (c === CHN) chan = low(w);
      else if (c === NUM) number = (low(w) << 24) >> 24;
      if (c !== AUX) {
        w++;
        continue;
      }
      const length = low(w);
      const start = 2 * (w + 1);
      if (start + length > bytes.length) throw truncated(path, bytes.length);
      aux = String.fromCharCode(...bytes.subarray(start, start + length));
      w += 1 + Math.ceil(length / 2);
    }
    subtype.push(sub ?? 0);
    channel.push(chan ?? (channel.length > 0 ? channel[channel.length - 1] : 0));
    num.push(number ?? (num.length > 0 ? num[num.length - 1] : 0));
    auxNote.push(aux);
  }

  return finish({ sample, labelStore, subtype, channel, num, auxNote });
}

interface RawAnnotations {
  sample: number[];
  labelStore: number[];
  subtype: number[];
  channel: number[];
  num: number[];
  auxNote: (string | undefined)[];
}

// Definitions are NOTE annotations at sample 0 (wfdb-python reads them from the start
// of the file); they and code-0 annotations are dropped from the result.
function finish(raw: RawAnnotations): Annotations {
  const definitions = raw.sample
    .map((s, i) => (s === 0 && raw.labelStore[i] === NOTE ? i : -1))
    .filter((i) => i >= 0);
  const { samplingRateHz, customLabels } = interpretDefinitions(
    raw.auxNote,
    definitions.length,
  );
  const drop = new Set(definitions);
  raw.labelStore.forEach((c, i) => c === 0 && drop.add(i));

  const keep = (_: unknown, i: number) => !drop.has(i);
  const labelStore = raw.labelStore.filter(keep);
  const custom = new Map(customLabels?.map((l) => [l.labelStore, l.symbol]));
  return {
    sample: raw.sample.filter(keep),
    labelStore,
    symbol: labelStore.map((c) => custom.get(c) ?? ANNOTATION_SYMBOLS[c] ?? `[${c}]`),
    subtype: raw.subtype.filter(keep),
    channel: raw.channel.filter(keep),
    num: raw.num.filter(keep),
    auxNote: raw.auxNote.filter(keep),
    samplingRateHz,
    customLabels,
  };
}

function interpretDefinitions(
  notes: (string | undefined)[],
  count: number,
): Pick<Annotations, 'samplingRateHz' | 'customLabels'> {
  let samplingRateHz: number | undefined;
  const customLabels: NonNullable<Annotations['customLabels']> = [];
  let i = 0;
  while (i < count) {
    const note = notes[i] ?? '';
    const rate = /## time resolution: (\d+\.?\d*)/.exec(note);
    if (note.startsWith('## ') && samplingRateHz === undefined && rate) {
      samplingRateHz = Number(rate[1]);
    } else if (note === '## annotation type definitions') {
      i++;
      while (i < notes.length && notes[i] !== '## end of definitions') {
        const m = /(\d+) (\S+) (.+)/.exec(notes[i] ?? '');
        if (m)
          customLabels.push({
            labelStore: Number(m[1]),
            symbol: m[2],
            description: m[3],
          });
        i++;
      }
    }
    i++;
  }
  return {
    samplingRateHz,
    customLabels: customLabels.length > 0 ? customLabels : undefined,
  };
}

function truncated(path: string, sizeBytes: number): FileError {
  return new FileError(
    path,
    `truncated: the file (${sizeBytes} bytes) ends inside an annotation; ` +
      'fetch the file again',
    'FILE_TRUNCATED',
  );
}
