// A process killed with SIGKILL in the middle of a poll loses nothing it already stored and the
// next run duplicates nothing: validators are saved last, articles are keyed by URL and GUID.
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/app';
import { startServer, type TestServer } from '../helpers/http-server';

const N = 12;
let server: TestServer | null = null;
let dir = '';
afterEach(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function runOnce(env: Record<string, string>) {
  return spawn(process.execPath, ['bin/rased.mjs', 'run', '--once'], {
    env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

let lastError = '';
function stored(dbPath: string): { n: number; distinct: number } {
  try {
    const db = new Database(dbPath, { readonly: true, fileMustExist: true });
    try {
      return db.prepare('SELECT count(*) AS n, count(DISTINCT url_key) AS "distinct" FROM articles').get() as {
        n: number;
        distinct: number;
      };
    } finally {
      db.close();
    }
  } catch (e) {
    lastError = String(e);
    return { n: 0, distinct: 0 };
  }
}

describe('crash mid-poll', () => {
  it('kill -9 while article pages are being fetched: nothing stored is lost, nothing is duplicated', {
    timeout: 120_000,
  }, async () => {
    let hang = true;
    const held: (() => void)[] = [];
    server = await startServer((req, res) => {
      if (req.url === '/feed') {
        const items = Array.from(
          { length: N },
          (_, i) =>
            `<item><title>Report ${i} from Deir ez-Zor</title><link>${server!.url}/a/${i}</link>` +
            `<guid>g-${i}</guid><description>Short excerpt ${i}...</description></item>`,
        ).join('');
        res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"one"' });
        res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>${items}</channel></rss>`);
        return;
      }
      const i = Number(req.url!.split('/').pop());
      const body = `<html><body><article><h1>Report ${i}</h1>${'<p>Full text of the report from Deir ez-Zor with many details about what happened there today. </p>'.repeat(6)}</article></body></html>`;
      const send = () => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
      if (hang && i >= 4)
        held.push(send); // pages 4.. never answer until the process is dead
      else send();
    });
    dir = tempDir();
    writeFileSync(
      join(dir, 'sources.yaml'),
      `sources:\n  - { id: s, name: S, url: "${server.url}/feed", every: 5m }\n`,
    );
    const dbPath = join(dir, 'rased.db');
    const env = { CONFIG_DIR: dir, DATABASE_PATH: dbPath, FETCH_PER_HOST: '4', ALLOW_PRIVATE_SOURCES: 'true' };

    const first = runOnce(env);
    let log = '';
    first.stderr!.on('data', (d) => {
      log += String(d);
    });
    const deadline = Date.now() + 45_000;
    while (stored(dbPath).n < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(stored(dbPath).n, log + lastError).toBe(4);
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    hang = false;
    for (const send of held) send();

    const second = runOnce(env);
    const code = await new Promise((r) => second.once('exit', r));
    expect(code).toBe(0);
    expect(stored(dbPath)).toEqual({ n: N, distinct: N });

    const third = runOnce(env);
    expect(await new Promise((r) => third.once('exit', r))).toBe(0);
    expect(stored(dbPath)).toEqual({ n: N, distinct: N });
  });
});
