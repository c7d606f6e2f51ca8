// `rased run` as users start it (a child process): a chat API that hangs at start holds up neither
// polling nor /healthz, and SIGTERM still stops the process cleanly; a refused Telegram token shows on
// /healthz and /metrics. The Slack Web API stand-in here
// never answers (an outage, a firewall that drops packets), the feed answers at once.
import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/app';
import { startServer, type TestServer } from '../helpers/http-server';
import { startTelegramApi } from '../helpers/telegram-api-server';

const servers: TestServer[] = [];
let child: ChildProcess | null = null;
afterEach(async () => {
  child?.kill('SIGKILL');
  child = null;
  for (const s of servers.splice(0)) await s.close();
});

// The item carries its full text, so no article page is fetched (and no name is looked up).
const RSS = `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title>
<item><title>A report</title><link>http://127.0.0.1:9/a</link><guid>a</guid><content:encoded><![CDATA[<p>${'A full report from the eastern countryside on the river crossings this morning. '.repeat(8)}</p>]]></content:encoded></item>
</channel></rss>`;

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise((r) => srv.close(r));
  return port;
}

async function until(what: string, ok: () => boolean | Promise<boolean>, ms = 20_000) {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * `rased run` as a child process, polling one feed (the feed server is returned) and serving PORT,
 * with these variables added to the environment; `child` is set for afterEach.
 */
async function startRun(env: Record<string, string>) {
  const feed = await startServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(RSS);
  });
  servers.push(feed);
  const dir = tempDir();
  writeFileSync(join(dir, 'sources.yaml'), `sources:\n  - { id: one, name: One, url: "${feed.url}/feed" }\n`);
  const port = await freePort();
  const proc = spawn(process.execPath, ['bin/rased.mjs', 'run'], {
    env: {
      ...process.env,
      CONFIG_DIR: dir,
      DATABASE_PATH: join(dir, 'rased.db'),
      ALLOW_PRIVATE_SOURCES: 'true',
      PORT: String(port),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  return { proc, feed, port, exited };
}

describe('rased run with a chat API that hangs at start', () => {
  it.each([
    ['Slack in Socket Mode', { SLACK_APP_TOKEN: 'xapp-1-test' }],
    ['Slack over HTTP', { SLACK_SIGNING_SECRET: 'test-signing-secret' }],
  ])(
    '%s: sources are polled, /healthz answers, SIGTERM stops it',
    async (_what, slackEnv) => {
      const slackApi = await startServer(() => new Promise(() => {})); // never answers
      servers.push(slackApi);
      const { proc, feed, port, exited } = await startRun({
        LOG_LEVEL: 'warn',
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_API_URL: `${slackApi.url}/api/`,
        ...slackEnv,
      });
      let stderr = '';
      proc.stderr!.on('data', (d) => {
        stderr += String(d);
      });

      await until('the feed to be polled', () => feed.requests.length > 0);
      await until('Slack to be asked', () => slackApi.requests.length > 0);
      if (!('SLACK_SIGNING_SECRET' in slackEnv)) {
        // In HTTP mode PORT belongs to Slack's receiver, which is still waiting on Slack.
        await until(
          '/healthz',
          async () => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null))?.ok ?? false,
        );
      }
      proc.kill('SIGTERM');
      expect(await exited, stderr).toBe(0);
    },
    40_000,
  );
});

describe('rased run with a Telegram token the Bot API refuses', () => {
  it('keeps polling and says so on /healthz and /metrics: telegram failed, degraded', async () => {
    const api = await startTelegramApi();
    servers.push({ url: api.apiRoot, requests: [], close: () => api.close() });
    const { proc, feed, port, exited } = await startRun({
      LOG_LEVEL: 'silent',
      TELEGRAM_BOT_TOKEN: '123456:REVOKED-token-abcdefghijklmnopqrstuvwxyz',
      TELEGRAM_API_ROOT: api.apiRoot,
    });
    type Health = { status: string; delivery: Record<string, { state: string; reason: string | null }> };
    let health: Health | null = null;
    await until('telegram to show failed', async () => {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null);
      health = res?.ok ? ((await res.json()) as Health) : null;
      return health?.delivery.telegram?.state === 'failed';
    });
    expect(health!.status).toBe('degraded');
    expect(health!.delivery.telegram!.reason).toMatch(/^token refused \(401 Unauthorized\)/);
    expect(health!.delivery.slack!.state).toBe('off');
    await until('the feed to be polled', () => feed.requests.length > 0);
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toContain('rased_chat_connected{platform="telegram"} 0');
    expect(metrics).not.toContain('REVOKED');
    proc.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 40_000);
});
