// Concurrency limits shared by all requests of one fetcher: at most `perKey` tasks per host and
// `global` in total. Waiting tasks start in arrival order, except that a task for a busy host does
// not hold up tasks for other hosts.

export interface Limiter {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
  /** Running tasks, all keys. */
  readonly active: number;
  readonly queued: number;
}

export function createLimiter(limits: { perKey: number; global: number }): Limiter {
  if (!(limits.perKey >= 1 && limits.global >= 1))
    throw new Error(`limits must be at least 1: ${JSON.stringify(limits)}`);
  const running = new Map<string, number>();
  const waiting: { key: string; start: () => void }[] = [];
  let active = 0;

  const hasRoom = (key: string) => active < limits.global && (running.get(key) ?? 0) < limits.perKey;
  const acquire = (key: string) => {
    active++;
    running.set(key, (running.get(key) ?? 0) + 1);
  };
  const release = (key: string) => {
    active--;
    const n = (running.get(key) ?? 1) - 1;
    if (n === 0) running.delete(key);
    else running.set(key, n);
    for (let i = 0; i < waiting.length && active < limits.global; ) {
      const next = waiting[i]!;
      if (!hasRoom(next.key)) {
        i++;
        continue;
      }
      waiting.splice(i, 1);
      acquire(next.key);
      next.start();
    }
  };

  return {
    get active() {
      return active;
    },
    get queued() {
      return waiting.length;
    },
    async run<T>(key: string, task: () => Promise<T>): Promise<T> {
      if (hasRoom(key)) acquire(key);
      else await new Promise<void>((start) => waiting.push({ key, start }));
      try {
        return await task();
      } finally {
        release(key);
      }
    },
  };
}
