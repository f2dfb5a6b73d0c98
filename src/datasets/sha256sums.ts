import { ParseError } from '../util/errors.js';

/** One line of a `SHA256SUMS.txt`: a file of the database and its SHA-256 in hex. */
export interface ChecksumEntry {
  /** Path relative to the database folder, with `/` separators. */
  file: string;
  sha256: string;
}

/**
 * Parses a `SHA256SUMS.txt` as PhysioNet publishes it (`<hex> <path>` per line; the
 * `sha256sum` forms `<hex>  <path>` and `<hex> *<path>` are read too).
 * @param text the file's content
 * @param source name of the file or URL, for error messages
 * @returns one entry per non-empty line, in file order
 * @throws ParseError naming the line when it is not a 64-digit hex sum and a path, or
 * when the path is absolute or climbs out of the database folder (`..`)
 */
export function parseSha256Sums(text: string, source: string): ChecksumEntry[] {
  const entries: ChecksumEntry[] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    if (raw.trim() === '') continue;
    const match = /^([0-9a-fA-F]{64}) [ *]?(.+)$/.exec(raw);
    if (!match) {
      throw new ParseError(source, `expected '<64 hex digits> <path>' (got '${raw}')`, {
        line: index + 1,
      });
    }
    const file = match[2].replace(/^\.\//, '');
    if (file.startsWith('/') || file.split('/').includes('..')) {
      throw new ParseError(source, `path '${file}' leaves the database folder`, {
        line: index + 1,
      });
    }
    entries.push({ file, sha256: match[1].toLowerCase() });
  }
  return entries;
}
