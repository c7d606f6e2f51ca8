// The Telegram bot (grammY): chat commands, buttons and membership changes. Long polling by default;
// webhook mode when a webhook URL is configured (the secret token header is checked by grammY's
// webhookCallback). Each update is handled on its own: a failure is logged and never stops the bot.
//   message / channel_post text → command core (permission: private = anyone, channel posts = the
//     channel, groups = administrators via getChatMember)
//   callback_query → button actions (stale buttons get a polite answer)
//   my_chat_member → deactivate (left/kicked/blocked) or reactivate (re-added)
//   message.migrate_to_chat_id → the chat's watches and history move to the supergroup id
import { Bot, type Context } from 'grammy';
import type { Chat } from 'grammy/types';
import type { OutboxStore } from '../../deliver/outbox-store';
import type { ViewBuilder } from '../../deliver/view';
import type { CommandCore } from '../commands/core';
import { parseCommand } from '../commands/parse';
import type { Actor, ChatRef, Reply } from '../commands/types';
import { langFromCode, t } from '../i18n';
import { decodeCallback, encodeCallback } from './callback-data';
import { menuCommands } from './commands-menu';
import { renderAlert } from './render';
import { inlineKeyboard } from './sender';

export interface TelegramBotLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface TelegramBotDeps {
  readonly token: string;
  /** Another Bot API server (self-hosted telegram-bot-api, the test stand-in). */
  readonly apiRoot?: string | null;
  readonly core: CommandCore;
  readonly store: OutboxStore;
  readonly views: ViewBuilder;
  /** Telegram user ids of the deployment's administrators (global aliases). */
  readonly adminUserIds?: ReadonlySet<string>;
  readonly log: TelegramBotLog;
  /** Skips getMe (tests). */
  readonly botInfo?: ConstructorParameters<typeof Bot>[1] extends infer O
    ? O extends { botInfo?: infer B }
      ? B
      : never
    : never;
}

const ADMIN = new Set(['creator', 'administrator']);
const GONE = new Set(['left', 'kicked']);

export function chatRefOf(chat: Chat, threadId: number | undefined): ChatRef {
  return {
    platform: 'telegram',
    chatId: String(chat.id),
    chatType: chat.type,
    title: 'title' in chat && chat.title ? chat.title : null,
    threadId: threadId !== undefined ? String(threadId) : null,
  };
}

export function createTelegramBot(deps: TelegramBotDeps) {
  const { core, store, log } = deps;
  const bot = new Bot(deps.token, {
    ...(deps.botInfo ? { botInfo: deps.botInfo } : {}),
    ...(deps.apiRoot ? { client: { apiRoot: deps.apiRoot } } : {}),
  });

  /** Who may change this chat: anyone in private, the channel itself, group administrators. */
  async function canEdit(ctx: Context): Promise<boolean> {
    const chat = ctx.chat!;
    if (chat.type === 'private' || chat.type === 'channel') return true;
    if (ctx.message?.sender_chat?.id === chat.id) return true; // anonymous administrator
    if (!ctx.from) return false;
    const member = await ctx.api.getChatMember(chat.id, ctx.from.id);
    return ADMIN.has(member.status);
  }

  const actorOf = (ctx: Context, allowed: boolean): Actor => ({
    userId: ctx.from ? String(ctx.from.id) : null,
    langCode: ctx.from?.language_code ?? null,
    canEdit: allowed,
    isDeploymentAdmin: ctx.from ? (deps.adminUserIds?.has(String(ctx.from.id)) ?? false) : false,
  });

  function replyOptions(reply: Reply, threadId: number | undefined) {
    const rows = (reply.buttons ?? []).map((row) =>
      row.flatMap((b) => {
        const data = encodeCallback(b.action);
        return data ? [{ text: b.text, data }] : [];
      }),
    );
    return {
      ...(threadId !== undefined ? { message_thread_id: threadId } : {}),
      ...(rows.some((r) => r.length) ? { reply_markup: inlineKeyboard(rows) } : {}),
      link_preview_options: { is_disabled: true },
    };
  }

  bot.on(['message:text', 'channel_post:text'], async (ctx) => {
    const msg = ctx.msg;
    const cmd = parseCommand(msg.text, ctx.me.username);
    if (!cmd) return;
    const threadId = msg.is_topic_message ? msg.message_thread_id : undefined;
    const chat = chatRefOf(ctx.chat, threadId);
    const answer = async () => {
      const allowed = core.needsPermission(cmd) ? await canEdit(ctx) : true;
      const reply = await core.execute(cmd, chat, actorOf(ctx, allowed));
      await ctx.api.sendMessage(ctx.chat.id, reply.text, replyOptions(reply, threadId));
    };
    if (!core.isSlow(cmd)) return answer();
    // A command that fetches (/source add: up to the fetch timeout) answers in the background, so
    // the update loop goes on serving every other chat, and a webhook is answered before Telegram's
    // timeout (a timed-out update is delivered again: the source would be added twice).
    void answer().catch((err: unknown) => {
      log.error({ chat_id: String(ctx.chat.id), err }, 'telegram command failed');
    });
  });

  bot.on('message:migrate_to_chat_id', (ctx) => {
    const to = String(ctx.msg.migrate_to_chat_id);
    store.migrate('telegram', String(ctx.chat.id), to);
    log.info({ chat_id: String(ctx.chat.id), new_chat_id: to }, 'chat migrated: watches and history moved');
  });

  bot.on('my_chat_member', (ctx) => {
    const update = ctx.myChatMember;
    const status = update.new_chat_member.status;
    const chatId = String(update.chat.id);
    const sub = store.subscribers.find('telegram', chatId);
    if (GONE.has(status)) {
      if (sub) store.subscribers.deactivate(sub.id, `bot ${status} (my_chat_member)`);
      log.info({ chat_id: chatId, status }, 'bot removed from chat: deactivated');
    } else if (sub && !sub.active) {
      store.subscribers.ensure({ platform: 'telegram', chatId, chatType: update.chat.type }, Date.now());
      log.info({ chat_id: chatId, status }, 'bot re-added: chat reactivated');
    }
  });

  bot.on('callback_query:data', async (ctx) => {
    const cq = ctx.callbackQuery;
    const action = decodeCallback(cq.data);
    const message = cq.message;
    if (!action || !message) {
      await ctx.answerCallbackQuery({ text: t(langFromCode(ctx.from.language_code), 'cb.stale') });
      return;
    }
    const chat = chatRefOf(message.chat, 'message_thread_id' in message ? message.message_thread_id : undefined);
    const allowed = action.kind === 'lang' ? true : await canEdit(ctx);
    const actor = actorOf(ctx, allowed);
    const result = core.action(action, chat, actor);
    if (result.kind === 'notice') {
      await ctx.answerCallbackQuery({ text: result.text, ...(result.alert ? { show_alert: true } : {}) });
      return;
    }
    const lang = core.langOf(chat, actor);
    const alert = store.alerts.get(result.alertId);
    const sub = store.subscribers.find('telegram', chat.chatId);
    const view = alert && sub ? await deps.views.alert(alert, sub) : null;
    if (!view?.summary[result.lang]) {
      await ctx.answerCallbackQuery({ text: t(lang, view ? 'cb.noSummary' : 'cb.stale') });
      return;
    }
    const rendered = renderAlert({ ...view, kind: alert!.kind === 'follow-up' ? 'follow-up' : 'alert' }, result.lang);
    await ctx.api.editMessageText(message.chat.id, message.message_id, rendered.html, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(rendered.buttons.length ? { reply_markup: inlineKeyboard(rendered.buttons) } : {}),
    });
    await ctx.answerCallbackQuery();
  });

  bot.catch((err) => {
    log.error({ update_id: err.ctx.update.update_id, err: err.error }, 'telegram update failed');
  });

  return {
    bot,
    /** setMyCommands in English (default) and Arabic. */
    async registerCommands() {
      await bot.api.setMyCommands(menuCommands('en'));
      await bot.api.setMyCommands(menuCommands('ar'), { language_code: 'ar' });
    },
  };
}

export type TelegramBot = ReturnType<typeof createTelegramBot>;
