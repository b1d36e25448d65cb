/**
 * Structured logs: one JSON object per line, on stdout, for the bot's own events and for Bolt's.
 * Everything logged passes through token redaction; manifests are only ever logged at debug level.
 */
import type { Logger, LogLevel } from '@slack/bolt';
import { redactTokens } from './text/redact.js';

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
type Level = (typeof LEVELS)[number];

/** Where log lines go; stdout by default, a buffer in tests. */
export type LogSink = (line: string) => void;

/** The bot's logger: Bolt's `Logger` interface plus `event` for structured records. */
export interface BotLogger extends Logger {
  /** A structured record, e.g. `event('info', 'feedback', { rating: 'down' })`. */
  event(level: Level, name: string, fields?: Record<string, unknown>): void;
}

function parseLevel(value: string | undefined): Level {
  const lowered = (value ?? '').toLowerCase();
  return (LEVELS as readonly string[]).includes(lowered) ? (lowered as Level) : 'info';
}

function describe(value: unknown): unknown {
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return {
      error: value.name,
      message: redactTokens(value.message),
      ...(typeof code === 'string' ? { code } : {}),
    };
  }
  return typeof value === 'string' ? redactTokens(value) : value;
}

/** Creates a logger writing JSON lines at `level` (`LOG_LEVEL`, default info) and above. */
export function createLogger(
  level: string | undefined,
  sink: LogSink = (line) => process.stdout.write(`${line}\n`),
): BotLogger {
  let threshold = parseLevel(level);
  let name = 'ingress-advisor';
  const enabled = (at: Level): boolean => LEVELS.indexOf(at) >= LEVELS.indexOf(threshold);
  const write = (at: Level, record: Record<string, unknown>): void => {
    if (!enabled(at)) return;
    const line = JSON.stringify(
      { time: new Date().toISOString(), level: at, logger: name, ...record },
      (_key, value: unknown) => (typeof value === 'string' ? redactTokens(value) : value),
    );
    sink(line);
  };
  const free =
    (at: Level) =>
    (...messages: unknown[]) => {
      const [first, ...rest] = messages.map(describe);
      write(
        at,
        typeof first === 'string'
          ? { msg: first, ...(rest.length > 0 ? { details: rest } : {}) }
          : { details: [first, ...rest] },
      );
    };
  return {
    debug: free('debug'),
    info: free('info'),
    warn: free('warn'),
    error: free('error'),
    setLevel: (next: LogLevel) => {
      threshold = parseLevel(next);
    },
    getLevel: () => threshold as LogLevel,
    setName: (next: string) => {
      name = next;
    },
    event: (at, event, fields = {}) => write(at, { event, ...fields }),
  };
}
