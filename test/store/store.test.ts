import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMigrations, migrate, openStore } from '../../src/store/db';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'rased-store-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('openStore', () => {
  it('creates the folder, enables WAL and foreign keys, applies every migration', () => {
    const path = join(tmp(), 'nested', 'rased.db');
    const store = openStore(path);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    const versions = loadMigrations().map((m) => m.version);
    expect(store.db.pragma('user_version', { simple: true })).toBe(Math.max(...versions));
    store.close();
  });

  it('upgrades an old database in place and keeps its rows', () => {
    const path = join(tmp(), 'old.db');
    const migrations = loadMigrations();
    const db = new Database(path);
    migrate(db, migrations.slice(0, 1));
    db.prepare("INSERT INTO source_state (source_id) VALUES ('kept')").run();
    db.close();
    const store = openStore(path);
    expect(store.db.prepare('SELECT source_id FROM source_state').all()).toEqual([{ source_id: 'kept' }]);
    expect(store.db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
    store.close();
  });

  it('rolls back a failing migration whole and leaves the version unchanged', () => {
    const db = new Database(':memory:');
    const bad = [
      { version: 1, name: 'ok', sql: 'CREATE TABLE a (x INTEGER);' },
      { version: 2, name: 'bad', sql: 'CREATE TABLE b (x INTEGER); INSERT INTO nope VALUES (1);' },
    ];
    expect(() => migrate(db, bad)).toThrow(/nope/);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").get()).toBeUndefined();
  });

  it('refuses a second process on the same database with a clear message', () => {
    const path = join(tmp(), 'locked.db');
    const store = openStore(path);
    const script = join(tmp(), 'second.ts');
    writeFileSync(
      script,
      `import { openStore } from ${JSON.stringify(join(process.cwd(), 'src/store/db.ts'))};\n` +
        `try { openStore(${JSON.stringify(path)}); console.log('opened'); } catch (e) { console.log(String(e.message)); process.exit(3); }\n`,
    );
    const r = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' });
    expect(r.status).toBe(3);
    expect(r.stdout).toMatch(/another Rased process \(pid \d+\) is already using this database/);
    store.close();
    const again = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' });
    expect(again.stdout).toContain('opened');
  });

  it('takes over a lock left by a process that died (kill -9)', () => {
    const path = join(tmp(), 'stale.db');
    writeFileSync(`${path}.lock`, '999999999');
    const store = openStore(path);
    store.close();
  });
});
