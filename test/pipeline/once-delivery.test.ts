// `rased run --once` with a chat token: polls, records alerts, delivers them, exits 0 — a real child
// process against the Bot API stand-in (TELEGRAM_API_ROOT) and a feed server on 127.0.0.1.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/db';
import { createSubscribersRepo } from '../../src/store/subscribers-repo';
import { tempDir } from '../helpers/app';
import { startServer } from '../helpers/http-server';
import { startTelegramApi } from '../helpers/telegram-api-server';

describe('rased run --once with TELEGRAM_BOT_TOKEN', async () => {
  const api = await startTelegramApi();
  const feed = await startServer((_req, res) =>
    res
      .writeHead(200, { 'content-type': 'application/rss+xml' })
      .end(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>اشتباكات بين قسد وخلايا داعش في ريف دير الزور</title>` +
          `<link>https://outlet.example/a/1</link><guid>g1</guid><pubDate>${new Date().toUTCString()}</pubDate>` +
          `<description>اندلعت اشتباكات بين قوات سوريا الديمقراطية وخلايا تابعة لتنظيم داعش في ريف دير الزور الشرقي صباح اليوم، وفق مصادر محلية أفادت بسقوط قتلى من الطرفين.</description></item></channel></rss>`,
      ),
  );
  afterAll(async () => {
    await api.close();
    await feed.close();
  });

  it('delivers the alert for a watch and exits 0', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'sources.yaml'),
      `sources:\n  - { id: s, name: Outlet, url: "${feed.url}/feed", backfill: 5 }\n`,
    );
    const dbPath = join(dir, 'rased.db');
    const store = openStore(dbPath);
    const subs = createSubscribersRepo(store.db);
    const sub = subs.ensure({ platform: 'telegram', chatId: '4242', chatType: 'private', uiLang: 'en' }, Date.now());
    subs.addWatch(sub.id, 'place:"Deir ez-Zor" SDF', {}, Date.now());
    store.close();

    // Async: the stand-in and the feed server run in this process and must keep answering.
    const child = spawn(process.execPath, ['bin/rased.mjs', 'run', '--once'], {
      env: {
        ...process.env,
        CONFIG_DIR: dir,
        DATABASE_PATH: dbPath,
        ALLOW_PRIVATE_SOURCES: 'true',
        TELEGRAM_BOT_TOKEN: '123456:TEST-token',
        TELEGRAM_API_ROOT: api.apiRoot,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += String(d);
    });
    const status = await new Promise((resolve) => child.once('exit', resolve));
    const r = { status, stderr };
    expect(r.status, r.stderr).toBe(0);
    const check = openStore(dbPath, { readonly: true });
    const rows = check.db.prepare('SELECT kind, status FROM alerts').all();
    check.close();
    expect(rows).toEqual([{ kind: 'alert', status: 'sent' }]);
    const sent = api.sent.filter((m) => String(m.chatId) === '4242');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toContain('اشتباكات بين قسد وخلايا داعش');
    expect(r.stderr).not.toContain('123456:TEST-token');
  });
});
