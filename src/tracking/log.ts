/**
 * The tracker's own log: everything it decided and every problem it met, kept in memory for a dev
 * inspector (`getTrackingLog()`) and written to the console from `warn` up, for support.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LogEntry {
  time: number;
  level: LogLevel;
  message: string;
  details?: unknown;
}

export interface Logger {
  debug(message: string, details?: unknown): void;
  info(message: string, details?: unknown): void;
  warn(message: string, details?: unknown): void;
  error(message: string, details?: unknown): void;
}

const MAX_ENTRIES = 500;
const entries: LogEntry[] = [];

export function getTrackingLog(): readonly LogEntry[] {
  return entries;
}

export function clearTrackingLog(): void {
  entries.length = 0;
}

function write(level: LogLevel, message: string, details: unknown, toConsole: boolean): void {
  entries.push(details === undefined ? { time: Date.now(), level, message } : { time: Date.now(), level, message, details });
  if (entries.length > MAX_ENTRIES) entries.splice(0, entries.length - MAX_ENTRIES);
  if (!toConsole || (level !== 'warn' && level !== 'error')) return;
  try {
    const out = level === 'error' ? console.error : console.warn;
    if (details === undefined) out(`[tracking] ${message}`);
    else out(`[tracking] ${message}`, details);
  } catch {
    // a console that throws must not break tracking
  }
}

/** The default logger: memory always, console for warnings and errors (unless `quiet`, for tests). */
export function createLogger(options: { quiet?: boolean } = {}): Logger {
  const toConsole = !options.quiet;
  return {
    debug: (m, d) => write('debug', m, d, toConsole),
    info: (m, d) => write('info', m, d, toConsole),
    warn: (m, d) => write('warn', m, d, toConsole),
    error: (m, d) => write('error', m, d, toConsole),
  };
}
