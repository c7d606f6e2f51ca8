// Bolt's Logger interface on top of our structured log: Bolt's messages become `msg` with
// component=slack; its level is fixed by our logger, not by Bolt.
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';

export interface LogSink {
  debug?(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

const text = (parts: unknown[]) => parts.map((p) => (p instanceof Error ? p.message : String(p))).join(' ');

export function boltLogger(log: LogSink): BoltLogger {
  let level = LogLevel.INFO;
  return {
    debug: (...m) => log.debug?.({ component: 'slack' }, text(m)),
    info: (...m) => log.info({ component: 'slack' }, text(m)),
    warn: (...m) => log.warn({ component: 'slack' }, text(m)),
    error: (...m) => log.error({ component: 'slack' }, text(m)),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
