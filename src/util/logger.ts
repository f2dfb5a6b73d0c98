/**
 * One logger with levels. Library code takes a `Logger` (or uses the silent default);
 * only the command line creates one that writes to stderr. Tests inject a sink.
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const LEVEL_RANK: Record<LogLevel, number> = {
  debug: 10,
  info: 20,
  warn: 30,
  error: 40,
  silent: 100,
};

/** Receives each formatted line that passes the level filter. */
export type LogSink = (level: Exclude<LogLevel, 'silent'>, message: string) => void;

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/**
 * Creates a logger that passes messages at or above `level` to `sink`.
 * @param level lowest level that is written
 * @param sink where lines go; default writes `level: message` to stderr
 */
export function createLogger(
  level: LogLevel = 'info',
  sink: LogSink = stderrSink,
): Logger {
  const rank = LEVEL_RANK[level];
  const emit = (at: Exclude<LogLevel, 'silent'>) => (message: string) => {
    if (LEVEL_RANK[at] >= rank) sink(at, message);
  };
  return {
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
  };
}

function stderrSink(level: Exclude<LogLevel, 'silent'>, message: string): void {
  const prefix = level === 'info' ? '' : `${level}: `;
  process.stderr.write(`${prefix}${message}\n`);
}

/** A logger that drops everything; the default for library functions. */
export const silentLogger: Logger = createLogger('silent');

/** A logger that keeps every line in memory, for tests. */
export function createMemoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const logger = createLogger('debug', (level, message) =>
    lines.push(`${level}: ${message}`),
  );
  return Object.assign(logger, { lines });
}
