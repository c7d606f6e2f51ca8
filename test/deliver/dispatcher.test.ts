// The dispatcher against the Bot API stand-in (real grammY Api, real SQLite): flood limits and 429
// storms, retries, failures, catch-up digests, and crash safety (kill -9 between send and mark, for
// Telegram and for Slack through the real WebClient and the Web API stand-in).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Api } from 'grammy';
import { afterEach, describe, expect, it } from 'vitest';
import { createSlackClient } from '../../src/chat/slack/client';
import { createSlackSender } from '../../src/chat/slack/sender';
import { createTelegramSender } from '../../src/chat/telegram/sender';
import { createDispatcher } from '../../src/deliver/dispatcher';
import { createOutboxStore } from '../../src/deliver/outbox-store';
import type { Limits } from '../../src/deliver/pacer';
import type { Sender } from '../../src/deliver/sender';
import { createViewBuilder } from '../../src/deliver/view';
import { silentLogger } from '../../src/observe/log';
import { createArticlesRepo } from '../../src/store/articles-repo';
import { openStore, type Store } from '../../src/store/db';
import { tempDir } from '../helpers/app';
import { startSlackStandIn } from '../helpers/slack-api-server';
import { startTelegramApi, type TelegramStandIn } from '../helpers/telegram-api-server';
import { type SeedChat, seedAlerts } from './seed';

const FAST: Limits = { perChatPerSec: 20, perGroupPerMin: 1200, globalPerSec: 200 };
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

const telegram = (tg: TelegramStandIn) => createTelegramSender(new Api(tg.token, { apiRoot: tg.apiRoot }));

function dispatcherFor(store: Store, sender: Sender, opts: { limits?: Limits } = {}) {
  const outbox = createOutboxStore(store.db);
  const views = createViewBuilder({
    store: outbox,
    articles: createArticlesRepo(store.db),
    sourceName: (id) => `Outlet ${id}`,
  });
  const d = createDispatcher({
    store: outbox,
    views,
    sender,
    limits: opts.limits ?? FAST,
    backoff: { baseMs: 20, capMs: 100 },
    clock: Date.now,
    random: () => 0.5,
    log: silentLogger(),
    scanEveryMs: 10,
  });
  return { d, outbox };
}

async function setup(limits: Parameters<typeof startTelegramApi>[0] = {}) {
  const tg = await startTelegramApi(limits);
  const store = openStore(':memory:');
  cleanup.push(
    () => tg.close(),
    () => store.close(),
  );
  return { tg, store };
}

const statuses = (store: Store) =>
  (
    store.db.prepare('SELECT status, count(*) AS n FROM alerts GROUP BY status').all() as {
      status: string;
      n: number;
    }[]
  ).reduce((o, r) => Object.assign(o, { [r.status]: r.n }), {} as Record<string, number>);

const headline = (text: string) => text.split('\n')[0]!;
const chats = (n: number, type: 'private' | 'group' = 'private') =>
  Array.from({ length: n }, (_, i) => ({ chatId: String(type === 'private' ? 100 + i : -100 - i), chatType: type }));

/** What the kill -9 test needs of a platform's API stand-in. */
interface CrashTarget {
  readonly root: string;
  readonly token: string;
  /** The platform's real sender, for the dispatcher that drains after the crash. */
  readonly sender: Sender;
  /** Accepted messages in arrival order: the report number in the headline, ref, ref replied to. */
  delivered(): { chatId: string; report: number; ref: string; threadOf: string | null }[];
  close(): Promise<void>;
}

interface CrashPlatform {
  readonly platform: 'telegram' | 'slack';
  readonly chats: SeedChat[];
  /** The stand-in, calling onAccepted after a message is accepted and before it answers. */
  start(onAccepted: () => Promise<void>): Promise<CrashTarget>;
}

const reportOf = (text: string) => Number(/Report (\d+)/.exec(text)![1]);
const SLACK_CHANNELS = ['C0123CRASH1', 'C0123CRASH2', 'C0123CRASH3'];

const CRASH_PLATFORMS: CrashPlatform[] = [
  {
    platform: 'telegram',
    chats: chats(3),
    async start(onAccepted) {
      const tg = await startTelegramApi({ onAccepted });
      return {
        root: tg.apiRoot,
        token: tg.token,
        sender: telegram(tg),
        delivered: () =>
          tg.sent.map((m) => ({
            chatId: String(m.chatId),
            report: reportOf(m.text),
            ref: String(m.messageId),
            threadOf: m.replyTo === null ? null : String(m.replyTo),
          })),
        close: () => tg.close(),
      };
    },
  },
  {
    platform: 'slack',
    chats: SLACK_CHANNELS.map((chatId) => ({ chatId, chatType: 'channel' })),
    async start(onAccepted) {
      const channels = Object.fromEntries(SLACK_CHANNELS.map((id, i) => [id, { name: `news-${i}` }]));
      // No per-channel 429s here: the crash, not the rate limit, is under test.
      const api = await startSlackStandIn({ channels, minIntervalMs: 0, onAccepted });
      const token = 'xoxb-test-token';
      return {
        root: api.apiUrl,
        token,
        sender: createSlackSender({ client: createSlackClient({ token, apiUrl: api.apiUrl }) }),
        delivered: () =>
          api.posted().map((c) => ({
            chatId: String(c.args.channel),
            report: reportOf(String(c.args.text)),
            ref: String(c.reply.body.ts),
            threadOf: c.args.thread_ts === undefined ? null : String(c.args.thread_ts),
          })),
        close: () => api.close(),
      };
    },
  },
];

describe('dispatcher', () => {
  it('a 429 storm is waited out exactly: every alert arrives once, in order, none before retry_after', async () => {
    const { tg, store } = await setup();
    seedAlerts(store.db, chats(8), 3, { createdAt: Date.now() });
    tg.storm(1200, 1);
    const { d } = dispatcherFor(store, telegram(tg));
    d.start();
    cleanup.push(() => d.stop());
    await expect.poll(() => statuses(store).sent, { timeout: 10_000, interval: 50 }).toBe(24);
    expect(tg.sent.length).toBe(24);
    expect(tg.rateLimited).toBeGreaterThan(0);
    expect(tg.early).toBe(0);
    for (const c of chats(8)) {
      const titles = tg.sentTo(Number(c.chatId)).map((m) => Number(/Report (\d+)/.exec(m.text)![1]));
      expect(titles).toEqual([...titles].sort((a, b) => a - b));
    }
    expect(statuses(store)).toEqual({ sent: 24 });
  });

  it('never provokes a 429 when the stand-in enforces the same limits', async () => {
    const limits = { perChatPerSec: 10, perGroupPerMin: 600, globalPerSec: 100 };
    const { tg, store } = await setup({ limits });
    seedAlerts(store.db, [...chats(20), ...chats(5, 'group')], 4, { createdAt: Date.now() });
    const { d } = dispatcherFor(store, telegram(tg), { limits });
    await d.drain();
    expect(tg.sent.length).toBe(100);
    expect(tg.rateLimited).toBe(0);
  });

  it('a 5xx is retried with backoff; a 400 is marked failed with the reason and the chat goes on', async () => {
    const { tg, store } = await setup();
    const [first, second] = seedAlerts(store.db, chats(1), 2, { createdAt: Date.now() });
    tg.inject('sendMessage', 502, 'Bad Gateway');
    const { d, outbox } = dispatcherFor(store, telegram(tg));
    d.start();
    cleanup.push(() => d.stop());
    await expect.poll(() => outbox.alerts.get(first!)!.status, { timeout: 5000 }).toBe('sent');
    expect(outbox.alerts.get(first!)!.attempts).toBe(2);
    await expect.poll(() => outbox.alerts.get(second!)!.status, { timeout: 5000 }).toBe('sent');

    const [third, fourth] = seedAlerts(store.db, chats(1), 2, { createdAt: Date.now() });
    tg.inject('sendMessage', 400, 'Bad Request: can\'t parse entities: Unsupported start tag "p" at byte offset 3');
    d.wake();
    await expect.poll(() => outbox.alerts.get(fourth!)!.status, { timeout: 5000 }).toBe('sent');
    expect(outbox.alerts.get(third!)).toMatchObject({
      status: 'failed',
      lastError: expect.stringContaining("can't parse entities"),
    });
    expect(outbox.alerts.failed().map((a) => a.id)).toEqual([third]);
  });

  it('after an outage a chat backlog becomes ONE catch-up digest', async () => {
    const { tg, store } = await setup();
    seedAlerts(store.db, chats(1), 14, { createdAt: Date.now() - 3_600_000, storyOf: (_c, i) => 1 + (i % 4) });
    const { d } = dispatcherFor(store, telegram(tg));
    await d.drain();
    expect(tg.sent).toHaveLength(1);
    expect(tg.sent[0]!.text).toContain('While delivery was paused: 14 alerts on 4 stories');
    expect(statuses(store)).toEqual({ sent: 14 });
  });

  it('a crash after the API call but before "sent" costs one duplicate on restart, and loses nothing', async () => {
    const dir = tempDir();
    const path = join(dir, 'rased.db');
    const tg = await startTelegramApi();
    cleanup.push(() => tg.close());
    const a = openStore(path, { lock: false });
    const ids = seedAlerts(a.db, chats(2), 3, { createdAt: Date.now() });
    const real = telegram(tg);
    let calls = 0;
    // The process "dies" right after the 3rd message reached Telegram, before it is marked sent:
    // that call never returns, and no later call reaches Telegram.
    const hang = () => new Promise<never>(() => {});
    const dying: Sender = {
      platform: 'telegram',
      send: async (m) => {
        const k = ++calls;
        if (k > 3) return hang();
        const r = await real.send(m);
        return k === 3 ? hang() : r;
      },
    };
    void dispatcherFor(a, dying).d.drain();
    // One send on the wire at a time (the default): the hung 3rd send holds the rest back.
    // (`calls` counts a send as it starts; the 3rd message reaches the stand-in a moment later.)
    await expect.poll(() => tg.sent.length).toBe(3);
    expect(calls).toBeGreaterThanOrEqual(3);
    const stuck = a.db.prepare(`SELECT count(*) AS n FROM alerts WHERE status = 'sending'`).get() as { n: number };
    expect(stuck.n).toBeGreaterThanOrEqual(1);

    const b = openStore(path, { lock: false });
    cleanup.push(() => b.close());
    await dispatcherFor(b, telegram(tg)).d.drain();
    const copies = new Map<string, number>();
    for (const m of tg.sent) copies.set(headline(m.text), (copies.get(headline(m.text)) ?? 0) + 1);
    expect(copies.size).toBe(ids.length);
    expect([...copies.values()].filter((n) => n === 2)).toHaveLength(1);
    expect(statuses(b)).toEqual({ sent: 6 });
  });

  it.each(CRASH_PLATFORMS)(
    'kill -9 of a $platform dispatcher process mid-send (maxInFlight 1): zero loss, one duplicate, follow-ups still thread',
    async ({ platform, chats: seedChats, start }) => {
      const path = join(tempDir(), 'rased.db');
      const seedStore = openStore(path);
      // 12 alerts over 3 chats, each on its own story, except the first chat's last one: another
      // outlet's report on the story of that chat's first alert (a follow-up, due after the restart).
      const ids = seedAlerts(seedStore.db, seedChats, 4, {
        createdAt: Date.now(),
        platform,
        title: (c, i) => `Report ${100 * (c + 1) + i}: clashes near the prison in Hasakah`,
        storyOf: (c, i) => 10 * (c + 1) + (c === 0 && i === 3 ? 0 : i),
        sourceOf: (c, i) => (c === 0 && i === 3 ? 'two' : 'one'),
      });
      seedStore.close();
      let child: ReturnType<typeof spawn> | null = null;
      let accepted = 0;
      const api = await start(async () => {
        // The 5th message has reached the platform; the process dies before it hears the answer.
        if (++accepted === 5 && child) {
          child.kill('SIGKILL');
          await new Promise((r) => child!.once('exit', r));
        }
      });
      cleanup.push(() => api.close());
      const args = [join(__dirname, 'fixtures/dispatch-child.ts'), path, api.root, api.token, '1', platform];
      child = spawn(process.execPath, ['--import', 'tsx', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
      const code = await new Promise((r) => child!.once('exit', (c, sig) => r(sig ?? c)));
      expect(code).toBe('SIGKILL');
      const beforeRestart = api.delivered();
      expect(beforeRestart).toHaveLength(5);

      const after = openStore(path);
      cleanup.push(() => after.close());
      // The 5th was on the wire: committed as sending, never marked sent.
      expect(statuses(after)).toEqual({ sent: 4, sending: 1, pending: 7 });
      await dispatcherFor(after, api.sender).d.drain();
      const delivered = api.delivered();
      const copies = new Map<number, number>();
      for (const m of delivered) copies.set(m.report, (copies.get(m.report) ?? 0) + 1);
      expect(copies.size).toBe(ids.length);
      expect([...copies].filter(([, n]) => n > 1)).toEqual([[beforeRestart[4]!.report, 2]]);
      expect(statuses(after)).toEqual({ sent: 12 });

      // The story's first alert went out before the crash; its follow-up, sent after the restart,
      // threads under the message ref the crashed process stored.
      expect(beforeRestart.map((m) => m.report)).toContain(100);
      const followUp = delivered.filter((m) => m.report === 103);
      expect(followUp).toHaveLength(1);
      expect(delivered.indexOf(followUp[0]!)).toBeGreaterThanOrEqual(5);
      const first = delivered.filter((m) => m.report === 100).at(-1)!;
      expect(followUp[0]).toMatchObject({ chatId: first.chatId, threadOf: first.ref });
    },
    30_000,
  );
});
