// A whole Telegram deployment for tests: the real app (SQLite file, pipeline with alerting), the
// Bot API stand-in, and the Telegram service (grammY bot polling the stand-in + dispatcher).

import { createTelegramService, type TelegramService } from '../../src/chat/telegram/service';
import type { DeliveryEvent } from '../../src/deliver/outcome';
import type { Limits } from '../../src/deliver/pacer';
import { silentLogger } from '../../src/observe/log';
import type { World } from '../../src/world';
import { startTestApp, type TestApp } from '../helpers/app';
import { startServer, type TestServer } from '../helpers/http-server';
import { BOT_USER, type StandInLimits, startTelegramApi, type TelegramStandIn } from '../helpers/telegram-api-server';
import { waitFor } from '../helpers/wait';

export const FAST: Limits = { perChatPerSec: 50, perGroupPerMin: 3000, globalPerSec: 500 };

export interface Deployment {
  readonly t: TestApp;
  readonly tg: TelegramStandIn;
  readonly svc: TelegramService;
  readonly feeds: Record<string, string[]>;
  /** The local feed server, e.g. for /source add ${url}/three. */
  readonly feedUrl: string;
  readonly events: DeliveryEvent[];
  close(): Promise<void>;
}

export const rssItem = (id: string, title: string, link: string, date: string, body: string) =>
  `<item><title>${title}</title><link>${link}</link><guid isPermaLink="false">${id}</guid><pubDate>${date}</pubDate>` +
  `<content:encoded><![CDATA[${body}]]></content:encoded></item>`;
const rss = (items: string[]) =>
  `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title>${items.join('')}</channel></rss>`;

export async function startDeployment(
  world: World,
  opts: {
    limits?: Limits;
    standIn?: StandInLimits | null;
    dir?: string;
    webhook?: { url: string; port: number };
    /** TELEGRAM_ADMIN_IDS: who may /source add|remove. */
    adminIds?: readonly string[];
    /** Extra app settings, e.g. ALLOW_PRIVATE_SOURCES: 'false' to test the address guard. */
    env?: Record<string, string>;
  } = {},
): Promise<Deployment> {
  const feeds: Record<string, string[]> = { '/one': [], '/two': [] };
  const server: TestServer = await startServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(feeds[req.url ?? ''] ?? []));
  });
  const yaml = `sources:\n  - { id: one, name: Outlet One, url: "${server.url}/one" }\n  - { id: two, name: Outlet Two, url: "${server.url}/two" }\n`;
  const t = startTestApp(yaml, {
    world,
    ...(opts.dir ? { dir: opts.dir } : {}),
    ...(opts.env ? { env: opts.env } : {}),
  });
  await t.app.scheduler.runOnce();
  const tg = await startTelegramApi({ limits: opts.standIn ?? null });
  const events: DeliveryEvent[] = [];
  const names: Record<string, string> = { one: 'Outlet One', two: 'Outlet Two' };
  const svc = createTelegramService({
    token: tg.token,
    apiRoot: tg.apiRoot,
    ...(opts.webhook ? { webhook: { ...opts.webhook, secret: 'hook-secret', host: '127.0.0.1' } } : {}),
    db: t.app.store.db,
    articles: t.app.articles,
    matchContext: () => world.ctx,
    sourceName: (id) => names[id] ?? id,
    sources: () => [
      { name: 'Outlet One', ok: true, error: null },
      { name: 'Outlet Two', ok: false, error: 'HTTP 503' },
    ],
    limits: opts.limits ?? FAST,
    clock: Date.now,
    random: () => 0.5,
    log: silentLogger(),
    onWatchesChanged: () => t.app.alerting.invalidate(),
    sourceAdmin: t.app.sourceAdmin,
    adminUserIds: new Set(opts.adminIds ?? []),
    onEvent: (e) => events.push(e),
    scanEveryMs: 20,
  });
  await svc.start();
  return {
    t,
    tg,
    svc,
    feeds,
    feedUrl: server.url,
    events,
    async close() {
      await svc.stop();
      await tg.close();
      await t.close();
      await server.close();
    },
  };
}

export { waitFor };

let messageId = 1000;
export const user = (id: number, lang = 'en') => ({ id, is_bot: false, first_name: `U${id}`, language_code: lang });

/** A text message from `from` in `chat` (a forum topic when threadId is given). */
export function say(
  tg: TelegramStandIn,
  chat: { id: number; type: string; title?: string; is_forum?: boolean },
  from: ReturnType<typeof user> | null,
  text: string,
  threadId?: number,
) {
  const msg = {
    message_id: ++messageId,
    date: Math.floor(Date.now() / 1000),
    chat,
    ...(from ? { from } : {}),
    text,
    ...(text.startsWith('/')
      ? { entities: [{ type: 'bot_command', offset: 0, length: text.split(/\s/)[0]!.length }] }
      : {}),
    ...(threadId ? { message_thread_id: threadId, is_topic_message: true } : {}),
  };
  tg.pushUpdate(chat.type === 'channel' ? { channel_post: msg } : { message: msg });
}

/** Waits for the bot's next message in a chat after `before` messages, and returns it. */
export async function nextReply(tg: TelegramStandIn, chatId: number, before: number) {
  return waitFor(`a message in chat ${chatId}`, () => tg.sentTo(chatId)[before]);
}

export { BOT_USER };
