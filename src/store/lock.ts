// Single-instance lock: a lock file holding the owner's pid, created exclusively. A lock left by a
// process that no longer exists (crash, kill -9) is taken over; a live owner makes us refuse.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';

export interface Lock {
  release(): void;
}

export class AlreadyRunningError extends Error {
  constructor(
    readonly lockPath: string,
    readonly pid: number,
  ) {
    super(
      `another Rased process (pid ${pid}) is already using this database (lock file ${lockPath}). ` +
        'Stop it first: two instances on one database send duplicate alerts.',
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireLock(path: string): Lock {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return {
        release() {
          try {
            if (readFileSync(path, 'utf8').trim() === String(process.pid)) unlinkSync(path);
          } catch {
            // already gone
          }
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new AlreadyRunningError(path, pid);
      }
      unlinkSync(path); // stale: its owner is gone
    }
  }
  throw new Error(`could not take the database lock ${path}`);
}
