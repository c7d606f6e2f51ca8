// A Bot API stand-in for tests and the delivery benchmark: a real HTTP server on 127.0.0.1 (port 0)
// speaking the Bot API's JSON at /bot<token>/<method>, so the real grammY Bot and Api talk to it
// through `apiRoot`. It validates like Telegram does:
//   - HTML parse mode (./telegram-html): unsupported tags, unescaped < > &, unclosed tags → 400
//     "Bad Request: can't parse entities: …"; over 4096 characters after parsing → 400 "message is too
//     long"; a reply to a missing message without allow_sending_without_reply → 400;
//   - flood limits (when `limits` is given): per chat, per group/channel per minute, overall → 429 with
//     parameters.retry_after; a send to a chat before its retry_after elapsed is counted (`early`);
//   - blocked chats → 403 "Forbidden: bot was blocked by the user"; migrated groups → 400 with
//     parameters.migrate_to_chat_id.
// Updates are queued with pushUpdate() and served by getUpdates (offsets, long polling), or POSTed
// to the webhook set with setWebhook (with its secret token header).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkTelegramHtml } from './telegram-html';

export interface StandInLimits {
  readonly perChatPerSec: number;
  readonly perGroupPerMin: number;
  readonly globalPerSec: number;
}

export interface StandInChat {
  readonly id: number;
  readonly type: 'private' | 'group' | 'supergroup' | 'channel';
  readonly title?: string;
  readonly first_name?: string;
  readonly is_forum?: boolean;
}

export interface StoredMessage {
  readonly chatId: number;
  readonly messageId: number;
  html: string;
  text: string;
  readonly threadId: number | null;
  readonly replyTo: number | null;
  replyMarkup: unknown;
  readonly at: number;
}

export interface ApiCall {
  readonly method: string;
  readonly params: Record<string, unknown>;
  readonly at: number;
  status: number;
  description?: string;
}

export interface StandInOptions {
  readonly token?: string;
  readonly limits?: StandInLimits | null;
  /** Arrival jitter forgiven by the flood checks (the real API tolerates short bursts). */
  readonly toleranceMs?: number;
  readonly clock?: () => number;
  /** Called when a sendMessage is accepted, before the answer goes out (a crash test kills here). */
  readonly onAccepted?: (m: StoredMessage) => void | Promise<void>;
}

type Reply = { status: number; body: Record<string, unknown> };
const ok = (result: unknown): Reply => ({ status: 200, body: { ok: true, result } });
const err = (status: number, description: string, parameters?: Record<string, unknown>): Reply => ({
  status,
  body: { ok: false, error_code: status, description, ...(parameters ? { parameters } : {}) },
});

export const BOT_USER = { id: 777000111, is_bot: true, first_name: 'Rased Test', username: 'rased_test_bot' };

export async function startTelegramApi(opts: StandInOptions = {}) {
  const token = opts.token ?? '123456:TEST-token';
  const clock = opts.clock ?? Date.now;
  const tolerance = opts.toleranceMs ?? 100;
  const chats = new Map<number, StandInChat>();
  const members = new Map<string, string>();
  const blocked = new Set<number>();
  const migrated = new Map<number, number>();
  const messages = new Map<string, StoredMessage>();
  const nextMessageId = new Map<number, number>();
  const sendTimes = new Map<number, number[]>();
  const globalTimes: number[] = [];
  const blockedUntil = new Map<number, number>();
  const injected: { method: string; reply: Reply }[] = [];
  const updates: Record<string, unknown>[] = [];
  const waiters = new Set<() => void>();
  let nextUpdateId = 1;
  let storm: { until: number; retryAfter: number } | null = null;
  const state = {
    calls: [] as ApiCall[],
    sent: [] as StoredMessage[],
    commands: new Map<string, unknown>(),
    webhook: null as null | { url: string; secret: string | null },
    answers: [] as { id: string; text: string | null }[],
    /** Sends that arrived before the chat's retry_after elapsed. */
    early: 0,
    rateLimited: 0,
    /** 429s by the limit that caused them: chat, group, global, storm (or a pending retry_after). */
    limitedBy: {} as Record<string, number>,
  };

  const chatOf = (id: number): StandInChat => chats.get(id) ?? { id, type: id < 0 ? 'group' : 'private' };
  const isGroup = (id: number) => chatOf(id).type !== 'private';

  function flood(chatId: number, now: number): Reply | null {
    if (storm && now < storm.until) return limited(chatId, now, storm.retryAfter * 1000);
    const until = blockedUntil.get(chatId) ?? 0;
    if (now < until) {
      state.early++;
      return limited(chatId, now, until - now);
    }
    const lim = opts.limits;
    if (!lim) return null;
    const times = sendTimes.get(chatId) ?? [];
    const last = times[times.length - 1];
    const perChat = 1000 / lim.perChatPerSec - tolerance;
    if (last !== undefined && now - last < perChat) return limited(chatId, now, last + perChat - now, 'chat');
    if (isGroup(chatId)) {
      const recent = times.filter((t) => t > now - (60_000 - tolerance));
      if (recent.length >= lim.perGroupPerMin)
        return limited(chatId, now, recent[0]! + 60_000 - tolerance - now, 'group');
    }
    while (globalTimes.length && globalTimes[0]! <= now - (1000 - tolerance)) globalTimes.shift();
    if (globalTimes.length >= lim.globalPerSec) return limited(chatId, now, globalTimes[0]! + 1000 - now, 'global');
    return null;
  }

  function limited(chatId: number, now: number, waitMs: number, why = 'storm'): Reply {
    state.limitedBy[why] = (state.limitedBy[why] ?? 0) + 1;
    const retryAfter = Math.max(1, Math.ceil(waitMs / 1000));
    blockedUntil.set(chatId, Math.max(blockedUntil.get(chatId) ?? 0, now + retryAfter * 1000));
    state.rateLimited++;
    return err(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
  }

  function messageObject(m: StoredMessage) {
    return {
      message_id: m.messageId,
      from: BOT_USER,
      chat: chatOf(m.chatId),
      date: Math.floor(m.at / 1000),
      text: m.text,
      ...(m.threadId ? { message_thread_id: m.threadId, is_topic_message: true } : {}),
      ...(m.replyMarkup ? { reply_markup: m.replyMarkup } : {}),
    };
  }

  function parseText(p: Record<string, unknown>): { text: string; html: string } | Reply {
    const html = typeof p.text === 'string' ? p.text : '';
    let text = html;
    if (p.parse_mode === 'HTML') {
      const checked = checkTelegramHtml(html);
      if (!checked.ok) return err(400, checked.error);
      text = checked.text;
    }
    if (text.trim() === '') return err(400, 'Bad Request: message text is empty');
    if (text.length > 4096) return err(400, 'Bad Request: message is too long');
    return { text, html };
  }

  async function sendMessage(p: Record<string, unknown>): Promise<Reply> {
    const chatId = Number(p.chat_id);
    const now = clock();
    if (migrated.has(chatId))
      return err(400, 'Bad Request: group chat was upgraded to a supergroup chat', {
        migrate_to_chat_id: migrated.get(chatId),
      });
    if (blocked.has(chatId)) return err(403, 'Forbidden: bot was blocked by the user');
    const parsed = parseText(p);
    if ('status' in parsed) return parsed;
    const rp = p.reply_parameters as { message_id?: number; allow_sending_without_reply?: boolean } | undefined;
    let replyTo = rp?.message_id ?? null;
    if (replyTo !== null && !messages.has(`${chatId}:${replyTo}`)) {
      if (!rp?.allow_sending_without_reply) return err(400, 'Bad Request: message to be replied not found');
      replyTo = null;
    }
    const limitedReply = flood(chatId, now);
    if (limitedReply) return limitedReply;
    (sendTimes.get(chatId) ?? sendTimes.set(chatId, []).get(chatId)!).push(now);
    globalTimes.push(now);
    const messageId = (nextMessageId.get(chatId) ?? 0) + 1;
    nextMessageId.set(chatId, messageId);
    const threadId = p.message_thread_id !== undefined ? Number(p.message_thread_id) : null;
    const m: StoredMessage = {
      chatId,
      messageId,
      ...parsed,
      threadId,
      replyTo,
      replyMarkup: p.reply_markup ?? null,
      at: now,
    };
    messages.set(`${chatId}:${messageId}`, m);
    state.sent.push(m);
    await opts.onAccepted?.(m);
    return ok(messageObject(m));
  }

  function editMessageText(p: Record<string, unknown>): Reply {
    const m = messages.get(`${Number(p.chat_id)}:${Number(p.message_id)}`);
    if (!m) return err(400, 'Bad Request: message to edit not found');
    const parsed = parseText(p);
    if ('status' in parsed) return parsed;
    if (parsed.html === m.html && JSON.stringify(p.reply_markup ?? null) === JSON.stringify(m.replyMarkup))
      return err(
        400,
        'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
      );
    m.html = parsed.html;
    m.text = parsed.text;
    m.replyMarkup = p.reply_markup ?? null;
    return ok(messageObject(m));
  }

  async function getUpdates(p: Record<string, unknown>): Promise<Reply> {
    const offset = Number(p.offset ?? 0);
    if (offset > 0) while (updates.length && (updates[0]!.update_id as number) < offset) updates.shift();
    const timeout = Math.min(Number(p.timeout ?? 0), 50);
    if (updates.length === 0 && timeout > 0) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, timeout * 1000);
        waiters.add(done);
      });
    }
    return ok(updates.slice(0, Number(p.limit ?? 100)));
  }

  const methods: Record<string, (p: Record<string, unknown>) => Reply | Promise<Reply>> = {
    getMe: () =>
      ok({ ...BOT_USER, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false }),
    getUpdates,
    sendMessage,
    editMessageText,
    answerCallbackQuery: (p) => {
      state.answers.push({ id: String(p.callback_query_id), text: typeof p.text === 'string' ? p.text : null });
      return ok(true);
    },
    getChatMember: (p) => {
      const chat = chatOf(Number(p.chat_id));
      const status = members.get(`${p.chat_id}:${p.user_id}`) ?? (chat.type === 'private' ? 'member' : 'member');
      return ok({ status, user: { id: Number(p.user_id), is_bot: false, first_name: 'User' } });
    },
    setMyCommands: (p) => {
      state.commands.set(String(p.language_code ?? ''), p.commands);
      return ok(true);
    },
    getMyCommands: (p) => ok(state.commands.get(String(p.language_code ?? '')) ?? []),
    deleteWebhook: () => {
      state.webhook = null;
      return ok(true);
    },
    setWebhook: (p) => {
      state.webhook = { url: String(p.url), secret: typeof p.secret_token === 'string' ? p.secret_token : null };
      return ok(true);
    },
    getWebhookInfo: () => ok({ url: state.webhook?.url ?? '', has_custom_certificate: false, pending_update_count: 0 }),
    close: () => ok(true),
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    let params: Record<string, unknown> = Object.fromEntries(url.searchParams);
    const raw = Buffer.concat(chunks).toString('utf8');
    if (raw && String(req.headers['content-type']).includes('json')) params = { ...params, ...JSON.parse(raw) };
    let reply: Reply;
    if (!m || m[1] !== token) reply = err(401, 'Unauthorized');
    else {
      const call: ApiCall = { method: m[2]!, params, at: clock(), status: 0 };
      state.calls.push(call);
      const inject = injected.findIndex((x) => x.method === m[2]);
      if (inject >= 0) reply = injected.splice(inject, 1)[0]!.reply;
      else {
        const fn = methods[m[2]!];
        reply = fn ? await fn(params) : err(404, 'Not Found: method not found');
      }
      call.status = reply.status;
      if (!reply.body.ok) call.description = String(reply.body.description);
    }
    res.writeHead(reply.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(reply.body));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error_code: 500, description: `Internal Server Error: ${String(e)}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiRoot,
    token,
    ...state,
    get early() {
      return state.early;
    },
    get rateLimited() {
      return state.rateLimited;
    },
    get webhook() {
      return state.webhook;
    },
    setChat: (chat: StandInChat) => void chats.set(chat.id, chat),
    /** creator, administrator, member, restricted, left, kicked */
    setMember: (chatId: number, userId: number, status: string) => void members.set(`${chatId}:${userId}`, status),
    block: (chatId: number) => void blocked.add(chatId),
    unblock: (chatId: number) => void blocked.delete(chatId),
    migrate: (oldId: number, newId: number) => {
      migrated.set(oldId, newId);
      chats.set(newId, { ...chatOf(oldId), id: newId, type: 'supergroup' });
    },
    /** Every sendMessage answers 429 retry_after for `ms` (a flood storm). */
    storm: (ms: number, retryAfterSec: number) => {
      storm = { until: clock() + ms, retryAfter: retryAfterSec };
    },
    /** The next call of `method` gets this answer instead (e.g. a 502). */
    inject: (method: string, status: number, description: string, parameters?: Record<string, unknown>) =>
      void injected.push({ method, reply: err(status, description, parameters) }),
    message: (chatId: number, messageId: number) => messages.get(`${chatId}:${messageId}`),
    sentTo: (chatId: number) => state.sent.filter((m) => m.chatId === chatId),
    pushUpdate(update: Record<string, unknown>): number {
      const id = nextUpdateId++;
      updates.push({ update_id: id, ...update });
      for (const w of [...waiters]) w();
      return id;
    },
    /** Pending (unconfirmed) updates. */
    get pendingUpdates() {
      return updates.length;
    },
    /** POSTs an update to the webhook, as Telegram does; returns the HTTP status. */
    async postWebhook(update: Record<string, unknown>, secret?: string | null): Promise<number> {
      if (!state.webhook) throw new Error('no webhook set');
      const s = secret === undefined ? state.webhook.secret : secret;
      const res = await fetch(state.webhook.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(s ? { 'x-telegram-bot-api-secret-token': s } : {}) },
        body: JSON.stringify({ update_id: nextUpdateId++, ...update }),
      });
      await res.arrayBuffer();
      return res.status;
    },
    async close() {
      for (const w of [...waiters]) w();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type TelegramStandIn = Awaited<ReturnType<typeof startTelegramApi>>;
