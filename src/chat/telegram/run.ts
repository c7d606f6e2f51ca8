// Starts the Telegram bot: long polling (default), or a webhook when a URL is configured — then
// Telegram POSTs updates to our HTTP listener with the secret token, which grammY checks.
import { createServer, type Server } from 'node:http';
import { webhookCallback } from 'grammy';
import type { TelegramBot, TelegramBotLog } from './bot';

export const ALLOWED_UPDATES = ['message', 'channel_post', 'callback_query', 'my_chat_member'] as const;

export interface TelegramRunOptions {
  readonly webhook: {
    readonly url: string;
    readonly secret: string;
    readonly port: number;
    readonly host?: string;
  } | null;
  readonly log: TelegramBotLog;
  /** Long polling ended on its own (401 token refused, 409 another instance): the bot is off. */
  readonly onStopped?: (err: unknown) => void;
}

export interface RunningTelegram {
  readonly mode: 'polling' | 'webhook';
  /** The webhook listener's port (0 → chosen by the OS), or null when polling. */
  readonly port: number | null;
  stop(): Promise<void>;
}

export async function startTelegram(tg: TelegramBot, opts: TelegramRunOptions): Promise<RunningTelegram> {
  const { bot } = tg;
  await bot.init();
  await tg.registerCommands().catch((err: unknown) => opts.log.warn({ err }, 'setMyCommands failed; continuing'));
  if (!opts.webhook) {
    const started = new Promise<void>((resolve) => {
      void bot.start({ allowed_updates: [...ALLOWED_UPDATES], onStart: () => resolve() }).catch((err: unknown) => {
        opts.log.error({ err }, 'telegram long polling stopped');
        opts.onStopped?.(err);
      });
    });
    await started;
    opts.log.info({ bot: bot.botInfo.username }, 'telegram bot polling');
    return { mode: 'polling', port: null, stop: () => bot.stop() };
  }
  const { url, secret, port, host } = opts.webhook;
  const server: Server = createServer(webhookCallback(bot, 'http', { secretToken: secret }));
  await new Promise<void>((resolve) => server.listen(port, host ?? '0.0.0.0', resolve));
  await bot.api.setWebhook(url, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] });
  const bound = (server.address() as { port: number }).port;
  opts.log.info({ bot: bot.botInfo.username, port: bound }, 'telegram webhook listening');
  return {
    mode: 'webhook',
    port: bound,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
