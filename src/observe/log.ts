// Structured logs (pino) with stable snake_case keys, on stderr (stdout carries command output).
// Readable in a terminal (pino-pretty when stderr is a TTY), JSON lines otherwise. Anything that
// looks like a token is redacted.
import pino, { type Logger } from 'pino';

export type { Logger };

const REDACT = ['token', '*.token', 'authorization', '*.authorization', 'headers.authorization', 'secret', '*.secret'];

export function createLogger(opts: { level: string; pretty?: boolean; destination?: NodeJS.WritableStream }): Logger {
  const pretty = opts.pretty ?? Boolean(process.stderr.isTTY);
  const base = { level: opts.level, redact: { paths: REDACT, censor: '[redacted]' }, base: undefined };
  if (opts.destination) return pino(base, opts.destination as pino.DestinationStream);
  if (pretty) {
    return pino({
      ...base,
      transport: {
        target: 'pino-pretty',
        options: { destination: 2, colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' },
      },
    });
  }
  return pino(base, pino.destination(2));
}

/** A logger that drops everything (tests, benchmarks). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
