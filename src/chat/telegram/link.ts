// The bot's connection state, read from its own session calls through a grammY API transformer
// (grammy.dev/advanced/transformers): getMe and deleteWebhook at start, getUpdates while polling,
// setWebhook in webhook mode. grammY retries network errors and 5xx on its own and gives up on
// 401 (token refused) and 409 (another instance polling); this only says which is happening.
//   getUpdates answered       → connected
//   401 / 409 anywhere        → failed, with what to do
//   network error, 5xx, 429   → reconnecting (was connected) or one more failed attempt (starting)
import { type Api, GrammyError, HttpError } from 'grammy';
import type { LinkReport } from '../../deliver/monitor';

const SESSION = new Set(['getMe', 'deleteWebhook', 'getUpdates', 'setWebhook']);

const FATAL: Record<number, string> = {
  401: 'token refused (401 Unauthorized): set a valid TELEGRAM_BOT_TOKEN and restart',
  409: 'another instance is using this bot (409 Conflict): stop it, or give each its own token',
};

/** A Bot API failure (thrown by grammY or answered in a transformer) in one line, never the token. */
export function telegramReason(err: unknown): string {
  if (err instanceof GrammyError) return FATAL[err.error_code] ?? `${err.error_code} ${err.description}`;
  // grammY's HttpError names the method, not the URL (the URL carries the token).
  if (err instanceof HttpError) return `network: ${err.message}`;
  return (err as Error)?.message ?? String(err);
}

export const isFatal = (err: unknown) => err instanceof GrammyError && err.error_code in FATAL;

/** Reports session calls to `link` until stopped() says the bot is shutting down. */
export function watchLink(api: Api, link: LinkReport, stopped: () => boolean): void {
  let polling: 'starting' | 'connected' | 'reconnecting' = 'starting';
  const failed = (method: string, reason: string, fatal: boolean) => {
    if (fatal) return link.set('failed', reason);
    if (method === 'getUpdates' && polling !== 'reconnecting') {
      polling = 'reconnecting';
      link.set('reconnecting', reason);
    }
    link.attemptFailed(reason);
  };
  api.config.use(async (prev, method, payload, signal) => {
    if (!SESSION.has(method)) return prev(method, payload, signal);
    try {
      const res = await prev(method, payload, signal);
      if (stopped()) return res;
      if (!res.ok)
        failed(method, FATAL[res.error_code] ?? `${res.error_code} ${res.description}`, res.error_code in FATAL);
      else if (method === 'getUpdates' && polling !== 'connected') {
        polling = 'connected';
        link.set('connected');
      }
      return res;
    } catch (err) {
      if (!stopped() && !signal?.aborted) failed(method, telegramReason(err), false);
      throw err;
    }
  });
}
