import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { FileError, ParseError } from '../util/errors.js';

/** One data row of a CSV file, keyed by column name, with its 1-based line number. */
export interface CsvRow {
  values: Record<string, string>;
  line: number;
}

/**
 * Reads a CSV file with a header row and checks that the named columns exist.
 * @param file path of the CSV file
 * @param requiredColumns columns that must appear in the header row
 * @returns the data rows, each with the line it starts on
 * @throws FileError when the file cannot be read; ParseError when the CSV is malformed or
 * a required column is missing
 */
export async function readCsvTable(
  file: string,
  requiredColumns: string[],
): Promise<CsvRow[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new FileError(file, `cannot read (${reason}); check the data set folder`);
  }

  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      columns: true,
      info: true,
      skip_empty_lines: true,
      bom: true,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = (error as { lines?: number }).lines;
    throw new ParseError(file, `malformed CSV: ${message}`, { line });
  }

  // csv-parse reports the last line of each record; the header row is line 1.
  const header = records.length > 0 ? Object.keys(records[0].record) : headerOf(text);
  const missing = requiredColumns.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw new ParseError(
      file,
      `missing column(s) ${missing.join(', ')}; the header row has ${header.join(', ')}`,
      { line: 1 },
    );
  }
  return records.map(({ record, info }) => ({ values: record, line: info.lines }));
}

function headerOf(text: string): string[] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  return firstLine.split(',').map((name) => name.trim());
}
