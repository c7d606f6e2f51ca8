// Configuration → Telegram service: webhook mode (secret token header checked) and long polling,
// both against the Bot API stand-in through TELEGRAM_API_ROOT.
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { telegramFromConfig } from '../../src/chat/telegram/wiring';
import { loadConfig } from '../../src/config';
import { createMatchContext } from '../../src/match/context';
import { silentLogger } from '../../src/observe/log';
import { createArticlesRepo } from '../../src/store/articles-repo';
import { openStore } from '../../src/store/db';
import { startTelegramApi } from '../helpers/telegram-api-server';
import { fixtureAliasGroups, fixturePlaces } from '../match/fixtures/world';
import { say, user, waitFor } from './telegram-fixture';

const ctx = createMatchContext({ places: fixturePlaces, aliasGroups: fixtureAliasGroups });
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

async function service(env: Record<string, string>) {
  const tg = await startTelegramApi();
  const store = openStore(':memory:');
  cleanup.push(
    () => tg.close(),
    () => store.close(),
  );
  const config = loadConfig({ TELEGRAM_BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.apiRoot, ...env });
  if (!config.ok) throw new Error(config.error);
  const svc = telegramFromConfig(config.value, {
    db: store.db,
    articles: createArticlesRepo(store.db),
    matchContext: () => ctx,
    sourceName: (id) => id,
    sources: () => [],
    log: silentLogger(),
  })!;
  const running = await svc.start();
  cleanup.push(() => svc.stop());
  return { tg, svc, running };
}

describe('Telegram from configuration', () => {
  it('without TELEGRAM_BOT_TOKEN there is no Telegram service', () => {
    const config = loadConfig({});
    expect(config.ok && telegramFromConfig(config.value, {} as never)).toBe(null);
  });

  it('long polling by default: deletes any webhook and answers /start', async () => {
    const { tg, running } = await service({});
    expect(running.mode).toBe('polling');
    expect(tg.calls.some((c) => c.method === 'deleteWebhook')).toBe(true);
    say(tg, { id: 42, type: 'private' }, user(42), '/start');
    await waitFor('reply', () => tg.sentTo(42)[0]);
  });

  it('webhook mode: sets the webhook with a secret; requests without the secret are refused', async () => {
    const port = await freePort();
    const { tg, running } = await service({
      TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}/telegram`,
      TELEGRAM_WEBHOOK_SECRET: 'long-secret_123',
      TELEGRAM_WEBHOOK_PORT: String(port),
    });
    expect(running.mode).toBe('webhook');
    expect(tg.webhook).toEqual({ url: `http://127.0.0.1:${port}/telegram`, secret: 'long-secret_123' });
    const update = (text: string) => ({
      message: { message_id: 1, date: 0, chat: { id: 43, type: 'private' }, from: user(43), text },
    });
    expect(await tg.postWebhook(update('/start'), 'wrong')).toBe(401);
    expect(await tg.postWebhook(update('/start'), null)).toBe(401);
    expect(tg.sentTo(43)).toHaveLength(0);
    expect(await tg.postWebhook(update('/start'))).toBe(200);
    await waitFor('reply', () => tg.sentTo(43)[0]);
  });

  it('refuses a webhook secret Telegram would not accept', () => {
    const c = loadConfig({ TELEGRAM_BOT_TOKEN: 'x', TELEGRAM_WEBHOOK_SECRET: 'has spaces' });
    expect(c.ok).toBe(false);
  });
});
