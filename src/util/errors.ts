/**
 * Typed errors of cardiokit. Every error has a stable `code` that programs can test,
 * and a message that says where, what, the bound, and the fix.
 */

/** Base class of every error cardiokit throws on purpose. */
export class CardiokitError extends Error {
  /** Stable machine-readable code, for example `WFDB_FORMAT`. */
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A file could not be read, is missing, or is truncated. */
export class FileError extends CardiokitError {
  readonly file: string;

  constructor(file: string, message: string, code = 'FILE') {
    super(code, `${file}: ${message}`);
    this.file = file;
  }
}

/** A file's content breaks its format: names the file, and the line or field. */
export class ParseError extends CardiokitError {
  readonly file: string;
  readonly line: number | undefined;
  readonly field: string | undefined;

  constructor(
    file: string,
    message: string,
    where: { line?: number; field?: string } = {},
    code = 'PARSE',
  ) {
    const at = where.line !== undefined ? ` line ${where.line}` : '';
    const field = where.field !== undefined ? `${where.field}: ` : '';
    super(code, `${file}${at}: ${field}${message}`);
    this.file = file;
    this.line = where.line;
    this.field = where.field;
  }
}

/** A parameter is outside its valid range: names it, the bound and what was received. */
export class ParameterError extends CardiokitError {
  readonly parameter: string;
  readonly expected: string;
  readonly received: unknown;

  constructor(parameter: string, expected: string, received: unknown, hint = '') {
    const shown = typeof received === 'string' ? `'${received}'` : String(received);
    super(
      'PARAMETER',
      `${parameter} must be ${expected} (got ${shown})${hint ? `: ${hint}` : ''}`,
    );
    this.parameter = parameter;
    this.expected = expected;
    this.received = received;
  }
}

/** A signal is too short for the operation (filter padding, a window, a detector). */
export class SignalLengthError extends CardiokitError {
  readonly neededSamples: number;
  readonly actualSamples: number;

  constructor(what: string, neededSamples: number, actualSamples: number, hint = '') {
    super(
      'SIGNAL_LENGTH',
      `${what} needs more than ${neededSamples} samples (got ${actualSamples})` +
        (hint ? `: ${hint}` : ''),
    );
    this.neededSamples = neededSamples;
    this.actualSamples = actualSamples;
  }
}

/** A data set cannot serve the task asked of it (one class only, no records left). */
export class DatasetError extends CardiokitError {
  constructor(message: string) {
    super('DATASET', message);
  }
}

/** A documented feature that cardiokit does not implement; names the feature. */
export class NotImplementedError extends CardiokitError {
  readonly feature: string;

  constructor(feature: string, hint = '') {
    super('NOT_IMPLEMENTED', `${feature} is not supported${hint ? `: ${hint}` : ''}`);
    this.feature = feature;
  }
}

/** The user stopped a long job (Ctrl-C); work done so far was kept or discarded cleanly. */
export class InterruptedError extends CardiokitError {
  constructor(message = 'interrupted by the user') {
    super('INTERRUPTED', message);
  }
}
