import type { AamiClass } from './types.js';

/**
 * MIT-BIH beat annotation symbols and the AAMI EC57 class each belongs to:
 *
 * | AAMI | meaning | MIT-BIH symbols |
 * |---|---|---|
 * | N | normal and bundle branch block beats, escape beats | `N` `L` `R` `e` `j` |
 * | S | supraventricular ectopic beats | `A` `a` `J` `S` |
 * | V | ventricular ectopic beats | `V` `E` |
 * | F | fusion of ventricular and normal beat | `F` |
 * | Q | paced, fusion of paced and normal, unclassifiable | `/` `f` `Q` |
 *
 * Every other symbol (rhythm changes `+`, noise `~`, comments `"`, signal quality `|`,
 * non-conducted P waves `x`, waveform onsets and peaks, ...) is not a beat and is dropped.
 */
export const AAMI_CLASS_OF_SYMBOL: Readonly<Record<string, AamiClass>> = {
  N: 'N',
  L: 'N',
  R: 'N',
  e: 'N',
  j: 'N',
  A: 'S',
  a: 'S',
  J: 'S',
  S: 'S',
  V: 'V',
  E: 'V',
  F: 'F',
  '/': 'Q',
  f: 'Q',
  Q: 'Q',
};

/** The AAMI classes in their conventional order. */
export const AAMI_CLASSES: readonly AamiClass[] = ['N', 'S', 'V', 'F', 'Q'];

/**
 * Maps one MIT-BIH annotation symbol to its AAMI class.
 * @param symbol annotation symbol as `readAnnotations` returns it
 * @returns the AAMI class, or `undefined` for a symbol that does not mark a beat
 * @see {@link AAMI_CLASS_OF_SYMBOL} for the table
 * @example
 * aamiClassOf('L'); // 'N'
 * aamiClassOf('+'); // undefined
 */
export function aamiClassOf(symbol: string): AamiClass | undefined {
  return Object.hasOwn(AAMI_CLASS_OF_SYMBOL, symbol)
    ? AAMI_CLASS_OF_SYMBOL[symbol]
    : undefined;
}

/**
 * Counts beats per AAMI class in a list of annotation symbols.
 * @param symbols annotation symbols, beats and non-beats mixed
 * @returns beats per class (all five keys present) and how many symbols were dropped
 * as non-beats
 * @example
 * countAamiBeats(['+', 'N', 'V', 'A']); // { counts: {N: 1, S: 1, V: 1, F: 0, Q: 0}, droppedSymbols: 1 }
 */
export function countAamiBeats(symbols: readonly string[]): {
  counts: Record<AamiClass, number>;
  droppedSymbols: number;
} {
  const counts: Record<AamiClass, number> = { N: 0, S: 0, V: 0, F: 0, Q: 0 };
  let droppedSymbols = 0;
  for (const symbol of symbols) {
    const aami = aamiClassOf(symbol);
    if (aami === undefined) droppedSymbols += 1;
    else counts[aami] += 1;
  }
  return { counts, droppedSymbols };
}
