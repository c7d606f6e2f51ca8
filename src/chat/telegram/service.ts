// Telegram end to end, wired from its parts: the command core, the grammY bot (polling or webhook)
// and the outbox dispatcher with the Telegram sender. app.ts starts it when TELEGRAM_BOT_TOKEN is set;
// tests point it at the Bot API stand-in with apiRoot.
import { Api } from 'grammy';
import { createDispatcher, type Dispatcher } from '../../deliver/dispatcher';
import type { Limits } from '../../deliver/pacer';
import { type ChatPlatformDeps, createPlatformParts } from '../platform';
import { createTelegramBot } from './bot';
import { telegramReason, watchLink } from './link';
import { type RunningTelegram, startTelegram, type TelegramRunOptions } from './run';
import { createTelegramSender } from './sender';

export interface TelegramServiceDeps extends ChatPlatformDeps {
  readonly token: string;
  readonly apiRoot?: string | null;
  readonly webhook?: TelegramRunOptions['webhook'];
  readonly adminUserIds?: ReadonlySet<string>;
  readonly limits: Limits;
  /** Sends on the wire at once (the most duplicates a crash can cause). */
  readonly maxInFlight?: number;
  /** Skip getMe (tests). */
  readonly botInfo?: Parameters<typeof createTelegramBot>[0]['botInfo'];
}

export function createTelegramService(deps: TelegramServiceDeps) {
  const { store, views, core } = createPlatformParts(deps);
  const tg = createTelegramBot({
    token: deps.token,
    apiRoot: deps.apiRoot ?? null,
    core,
    store,
    views,
    log: deps.log,
    ...(deps.adminUserIds ? { adminUserIds: deps.adminUserIds } : {}),
    ...(deps.botInfo ? { botInfo: deps.botInfo } : {}),
  });
  let stopping = false;
  const link = deps.link;
  if (link) watchLink(tg.bot.api, link, () => stopping);
  // The sender gets its own client: sends time out in 30 s, not after grammY's long-poll default.
  const api = new Api(deps.token, { ...(deps.apiRoot ? { apiRoot: deps.apiRoot } : {}), timeoutSeconds: 30 });
  const dispatcher: Dispatcher = createDispatcher({
    store,
    views,
    sender: createTelegramSender(api, { onAuthFailure: (reason) => link?.set('failed', reason) }),
    limits: deps.limits,
    ...(deps.plan ? { plan: deps.plan } : {}),
    clock: deps.clock,
    random: deps.random,
    log: deps.log,
    ...(deps.scanEveryMs ? { scanEveryMs: deps.scanEveryMs } : {}),
    ...(deps.maxInFlight ? { maxInFlight: deps.maxInFlight } : {}),
    ...(deps.onEvent ? { onEvent: deps.onEvent } : {}),
  });
  let running: RunningTelegram | null = null;

  return {
    store,
    core,
    bot: tg.bot,
    dispatcher,
    /** Starts the bot (polling or webhook) and the dispatcher; a refused token rejects (state failed). */
    async start() {
      link?.set('starting');
      try {
        running = await startTelegram(tg, {
          webhook: deps.webhook ?? null,
          log: deps.log,
          onStopped: (err) => link?.set('failed', telegramReason(err)),
        });
      } catch (err) {
        link?.set('failed', telegramReason(err));
        throw err;
      }
      link?.set('connected');
      dispatcher.start();
      return running;
    },
    async stop() {
      stopping = true;
      await running?.stop();
      await dispatcher.stop();
      link?.set('stopped');
    },
  };
}

export type TelegramService = ReturnType<typeof createTelegramService>;
