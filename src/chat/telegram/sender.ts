// The Telegram Sender: renders the view (./render) and calls sendMessage through grammY's Api. One
// attempt per call: retries and pacing belong to the dispatcher, which owns the outbox. A network
// error after the request left may still have delivered the message: the dispatcher's retry is then
// the (documented) one duplicate.
import { type Api, GrammyError, HttpError } from 'grammy';
import type { OutgoingMessage, Sender, SendResult } from '../../deliver/sender';
import { classifyFailure } from './errors';
import { telegramReason } from './link';
import { type Button, type Rendered, renderView } from './render';

export const inlineKeyboard = (rows: readonly (readonly Button[])[]) => ({
  inline_keyboard: rows.map((row) => row.map((b) => ({ text: b.text, callback_data: b.data }))),
});

export function sendOptions(m: Pick<OutgoingMessage, 'threadId' | 'replyTo'>, r: Rendered) {
  return {
    parse_mode: 'HTML' as const,
    link_preview_options: { is_disabled: true },
    ...(m.threadId ? { message_thread_id: Number(m.threadId) } : {}),
    ...(m.replyTo ? { reply_parameters: { message_id: Number(m.replyTo), allow_sending_without_reply: true } } : {}),
    ...(r.buttons.length ? { reply_markup: inlineKeyboard(r.buttons) } : {}),
  };
}

export function failureOf(err: unknown): SendResult {
  if (err instanceof GrammyError)
    return classifyFailure({ errorCode: err.error_code, description: err.description, parameters: err.parameters });
  if (err instanceof HttpError) return { kind: 'retryable', reason: `network: ${err.message}` };
  return { kind: 'retryable', reason: `unexpected: ${(err as Error)?.message ?? String(err)}` };
}

export interface TelegramSenderOptions {
  /** A send answered 401: the token was revoked (the alert stays in the outbox, as a retry). */
  readonly onAuthFailure?: (reason: string) => void;
}

export function createTelegramSender(api: Api, opts: TelegramSenderOptions = {}): Sender {
  return {
    platform: 'telegram',
    async send(m) {
      const rendered = renderView(m.view);
      try {
        const msg = await api.sendMessage(m.chatId, rendered.html, sendOptions(m, rendered));
        return { kind: 'sent', messageRef: String(msg.message_id) };
      } catch (err) {
        if (err instanceof GrammyError && err.error_code === 401) opts.onAuthFailure?.(telegramReason(err));
        return failureOf(err);
      }
    },
  };
}
