// SQLite adapter: opens the database, applies versioned migrations (one transaction each),
// and holds a single-instance lock. Two processes on one database are the most common cause of
// duplicate alerts in other bots, so a second one refuses to start.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { acquireLock, type Lock } from './lock';

export type Db = Database.Database;

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Migrations are the files `NNNN_name.sql` in src/store/migrations, applied in order. */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 4)), name: f.slice(5, -4), sql: readFileSync(join(dir, f), 'utf8') }));
}

/** Applies every migration newer than the database's user_version; each in its own transaction. */
export function migrate(db: Db, migrations: readonly Migration[] = loadMigrations()): number[] {
  const current = db.pragma('user_version', { simple: true }) as number;
  const applied: number[] = [];
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
    applied.push(m.version);
  }
  return applied;
}

export interface OpenOptions {
  /** Take the single-instance lock (default true for files; tests may open several read-only views). */
  readonly lock?: boolean;
  readonly readonly?: boolean;
}

export interface Store {
  readonly db: Db;
  close(): void;
}

/** Opens (creating the folder if needed) and migrates the database at `path` (":memory:" allowed). */
export function openStore(path: string, opts: OpenOptions = {}): Store {
  const inMemory = path === ':memory:';
  let lock: Lock | null = null;
  if (!inMemory) {
    mkdirSync(dirname(path), { recursive: true });
    if (opts.lock !== false && !opts.readonly) lock = acquireLock(`${path}.lock`);
  }
  let db: Db;
  try {
    db = new Database(path, { readonly: opts.readonly ?? false });
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    if (!inMemory && !opts.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    if (!opts.readonly) migrate(db);
  } catch (err) {
    lock?.release();
    throw new Error(`cannot open database ${path}: ${(err as Error).message}`, { cause: err });
  }
  return {
    db,
    close() {
      db.close();
      lock?.release();
    },
  };
}
