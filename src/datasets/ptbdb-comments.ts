import { ParseError } from '../util/errors.js';
import type { Sex } from './types.js';

/** What a ptbdb header's comment lines say about the patient. */
export interface PtbdbClinical {
  ageYears: number | undefined;
  sex: Sex | undefined;
  /** "Reason for admission", verbatim; `undefined` when the header gives `n/a` or none. */
  admissionReason: string | undefined;
  /** "Additional diagnoses", verbatim; `undefined` when absent or `n/a`. */
  additionalDiagnoses: string | undefined;
}

/** Values ptbdb uses for a field that was not recorded. */
const NOT_AVAILABLE = new Set(['n/a', 'unknown', '']);

/**
 * Parses the clinical comment lines of a ptbdb header (`age: 81`, `sex: female`,
 * `Reason for admission: Myocardial infarction`, `Additional diagnoses: ...`).
 * @param comments the header's comment lines, without the leading `#` (as
 * `readHeader(...).comments` returns them); surrounding spaces are ignored
 * @param file header file the lines came from, for error messages
 * @returns age in years, sex, reason for admission and additional diagnoses; a field
 * that is absent or `n/a` is `undefined`
 * @throws ParseError when age is neither a number nor `n/a`, or sex is not male/female/n/a
 * @remarks Field names are matched without regard to case. Sex also accepts `m` and `f`.
 * @example
 * parsePtbdbComments(['age: 81', 'sex: female', 'Reason for admission: Myocardial infarction']);
 */
export function parsePtbdbComments(comments: string[], file = ''): PtbdbClinical {
  const fields = new Map<string, { value: string; index: number }>();
  comments.forEach((comment, index) => {
    const match = /^\s*([^:]+?)\s*:\s*(.*?)\s*$/.exec(comment);
    if (match) fields.set(match[1].toLowerCase(), { value: match[2], index });
  });

  const age = fields.get('age');
  const sex = fields.get('sex');
  return {
    ageYears: age ? parseAgeYears(age.value, file, age.index) : undefined,
    sex: sex ? parseSexValue(sex.value, file, sex.index) : undefined,
    admissionReason: available(fields.get('reason for admission')?.value),
    additionalDiagnoses: available(fields.get('additional diagnoses')?.value),
  };
}

function available(value: string | undefined): string | undefined {
  return value === undefined || NOT_AVAILABLE.has(value.toLowerCase())
    ? undefined
    : value;
}

function parseAgeYears(text: string, file: string, index: number): number | undefined {
  if (available(text) === undefined) return undefined;
  const ageYears = Number(text);
  if (!Number.isFinite(ageYears) || ageYears < 0) {
    throw new ParseError(file, `age must be a number of years or n/a (got '${text}')`, {
      field: `comment ${index + 1}`,
    });
  }
  return ageYears;
}

function parseSexValue(text: string, file: string, index: number): Sex | undefined {
  const value = text.toLowerCase();
  if (available(value) === undefined) return undefined;
  if (value === 'male' || value === 'm') return 'male';
  if (value === 'female' || value === 'f') return 'female';
  throw new ParseError(file, `sex must be male, female or n/a (got '${text}')`, {
    field: `comment ${index + 1}`,
  });
}
