// A Slack Web API stand-in for tests: a real HTTP server on 127.0.0.1 (port 0) that the real
// WebClient (Bolt's `clientOptions.slackApiUrl`, the sender's `slackApiUrl`) talks to. It answers
// auth.test, chat.postMessage, chat.update, chat.postEphemeral, views.publish, conversations.info and
// users.info the way Slack does (HTTP 200 with { ok: false, error } for refusals), records every
// call, validates Block Kit limits, and answers 429 with Retry-After when a channel is posted to
// faster than once per `minIntervalMs` (Slack: ~1 message per second per channel). It also takes the
// `response_url` posts of slash commands at /commands/<id>. With `socketUrl` it also answers
// apps.connections.open for the app-level token (Socket Mode; see slack-socket-server.ts).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlackCall {
  readonly method: string;
  readonly args: Record<string, unknown>;
  readonly token: string | null;
  readonly at: number;
  /** What the stand-in answered (after validation and scripted failures). */
  readonly reply: { status: number; body: Record<string, unknown> };
}

export interface ChannelState {
  name: string;
  archived?: boolean;
  /** The bot is in the channel (else chat.postMessage → not_in_channel). */
  member?: boolean;
}

/** A scripted answer for the next call(s) of a method: a Slack error or an HTTP status. */
export type Scripted = { error: string } | { status: 429; retryAfter: number } | { status: number };

export interface SlackStandInOptions {
  readonly token?: string;
  readonly channels?: Record<string, ChannelState>;
  readonly users?: Record<string, { name: string; tz?: string }>;
  /** Minimum spacing of posts to one channel before 429 (default 1000 ms). */
  readonly minIntervalMs?: number;
  /** Retry-After (seconds) answered by the built-in rate limiter (default 1). */
  readonly retryAfterSec?: number;
  readonly clock?: () => number;
  /** The app-level token (xapp-…) apps.connections.open accepts (default xapp-test-token). */
  readonly appToken?: string;
  /** A fresh Socket Mode URL for apps.connections.open (SlackSocketServer.connectUrl). */
  readonly socketUrl?: () => string;
  /** Called when a chat.postMessage is accepted, before the answer goes out (a crash test kills here). */
  readonly onAccepted?: (call: SlackCall) => void | Promise<void>;
}

export interface SlackStandIn {
  /** Base URL for WebClient's slackApiUrl (ends with /api/). */
  readonly apiUrl: string;
  readonly origin: string;
  readonly calls: SlackCall[];
  /** Bodies posted to response_url, in order. */
  readonly responses: { readonly path: string; readonly body: Record<string, unknown> }[];
  readonly channels: Map<string, ChannelState>;
  /** A fresh response_url on this server. */
  responseUrl(id?: string): string;
  /** The next `times` calls of `method` get this answer instead of the normal one. */
  script(method: string, answer: Scripted, times?: number): void;
  /** Successful chat.postMessage calls (the messages channels really got). */
  posted(): SlackCall[];
  close(): Promise<void>;
}

const HEADER_MAX = 150;
const SECTION_MAX = 3000;
const CONTEXT_MAX = 10;
const ACTIONS_MAX = 25;
const BUTTON_TEXT_MAX = 75;
const BLOCK_ID_MAX = 255;
const TEXT_MAX = 40_000;

type Block = Record<string, unknown> & { type?: string };

/** Slack's `invalid_blocks` messages name the offending JSON pointer; so do ours. */
export function blockErrors(blocks: unknown, maxBlocks: number): string[] {
  if (!Array.isArray(blocks)) return ['must be an array [json-pointer:/blocks]'];
  const errs: string[] = [];
  if (blocks.length > maxBlocks) errs.push(`no more than ${maxBlocks} items allowed [json-pointer:/blocks]`);
  blocks.forEach((b: Block, i) => {
    const at = `/blocks/${i}`;
    const text = b.text as { type?: string; text?: string } | undefined;
    if (typeof b.block_id === 'string' && b.block_id.length > BLOCK_ID_MAX)
      errs.push(`must be less than ${BLOCK_ID_MAX + 1} characters [json-pointer:${at}/block_id]`);
    if (b.type === 'header') {
      if (text?.type !== 'plain_text') errs.push(`must be plain_text [json-pointer:${at}/text/type]`);
      const n = text?.text?.length ?? 0;
      if (n < 1 || n > HEADER_MAX)
        errs.push(`must be between 1 and ${HEADER_MAX} characters [json-pointer:${at}/text/text]`);
    } else if (b.type === 'section') {
      const n = text?.text?.length ?? 0;
      if (text && (n < 1 || n > SECTION_MAX))
        errs.push(`must be between 1 and ${SECTION_MAX} characters [json-pointer:${at}/text/text]`);
      if (!text && !Array.isArray(b.fields)) errs.push(`must provide text or fields [json-pointer:${at}]`);
    } else if (b.type === 'context') {
      const els = b.elements as unknown[] | undefined;
      if (!Array.isArray(els) || els.length < 1 || els.length > CONTEXT_MAX)
        errs.push(`must have between 1 and ${CONTEXT_MAX} items [json-pointer:${at}/elements]`);
    } else if (b.type === 'actions') {
      const els = (b.elements as Block[] | undefined) ?? [];
      if (els.length < 1 || els.length > ACTIONS_MAX)
        errs.push(`must have between 1 and ${ACTIONS_MAX} items [json-pointer:${at}/elements]`);
      els.forEach((e, j) => {
        const n = (e.text as { text?: string } | undefined)?.text?.length ?? 0;
        if (e.type === 'button' && (n < 1 || n > BUTTON_TEXT_MAX))
          errs.push(`must be between 1 and ${BUTTON_TEXT_MAX} characters [json-pointer:${at}/elements/${j}/text]`);
      });
    } else if (b.type !== 'divider') {
      errs.push(`unsupported block type [json-pointer:${at}/type]`);
    }
  });
  return errs;
}

async function readArgs(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  if ((req.headers['content-type'] ?? '').includes('application/json')) return raw ? JSON.parse(raw) : {};
  const args: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    // WebClient form-encodes nested values (blocks, view) as JSON strings.
    args[k] = /^[[{]/.test(v) ? safeJson(v) : v;
  }
  return args;
}
const safeJson = (v: string): unknown => {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
};

export async function startSlackStandIn(opts: SlackStandInOptions = {}): Promise<SlackStandIn> {
  const token = opts.token ?? 'xoxb-test-token';
  const clock = opts.clock ?? Date.now;
  const minInterval = opts.minIntervalMs ?? 1000;
  const channels = new Map(Object.entries(opts.channels ?? {}).map(([k, v]) => [k, { member: true, ...v }]));
  const users = new Map(Object.entries(opts.users ?? { U0ADMIN: { name: 'admin' } }));
  const calls: SlackCall[] = [];
  const responses: { path: string; body: Record<string, unknown> }[] = [];
  const scripted = new Map<string, Scripted[]>();
  const lastPost = new Map<string, number>();
  const messages = new Map<string, { channel: string; ts: string }>();
  let seq = 0;
  let nextResponse = 0;

  const ok = (body: Record<string, unknown> = {}) => ({ status: 200, body: { ok: true, ...body } });
  const fail = (error: string, extra: Record<string, unknown> = {}) => ({
    status: 200,
    body: { ok: false, error, ...extra },
  });
  const newTs = () => {
    seq++;
    return `${Math.floor(clock() / 1000)}.${String(seq).padStart(6, '0')}`;
  };

  function channelError(id: unknown): string | null {
    const ch = channels.get(String(id));
    if (!ch) return 'channel_not_found';
    if (ch.archived) return 'is_archived';
    if (!ch.member) return 'not_in_channel';
    return null;
  }

  function messageChecks(args: Record<string, unknown>, maxBlocks: number) {
    if (!args.text && !args.blocks) return fail('no_text');
    if (typeof args.text === 'string' && args.text.length > TEXT_MAX) return fail('msg_too_long');
    if (args.blocks !== undefined) {
      const errors = blockErrors(args.blocks, maxBlocks);
      if (errors.length)
        return fail('invalid_blocks', { errors, response_metadata: { messages: errors.map((e) => `[ERROR] ${e}`) } });
    }
    return null;
  }

  const handlers: Record<string, (a: Record<string, unknown>) => { status: number; body: Record<string, unknown> }> = {
    'auth.test': () =>
      ok({
        url: 'https://rased-test.slack.com/',
        team: 'Rased',
        user: 'rased',
        team_id: 'T0RASED',
        user_id: 'U0BOT',
        bot_id: 'B0BOT',
      }),
    'chat.postMessage': (a) => {
      const err = channelError(a.channel) ?? null;
      if (err) return fail(err);
      const bad = messageChecks(a, 50);
      if (bad) return bad;
      const now = clock();
      const channel = String(a.channel);
      if (now - (lastPost.get(channel) ?? -Infinity) < minInterval)
        return { status: 429, body: { ok: false, error: 'ratelimited' } };
      lastPost.set(channel, now);
      const ts = newTs();
      messages.set(`${channel}/${ts}`, { channel, ts });
      return ok({ channel, ts, message: { text: a.text, ts, thread_ts: a.thread_ts } });
    },
    'chat.update': (a) => {
      const err = channelError(a.channel);
      if (err) return fail(err);
      if (!messages.has(`${a.channel}/${a.ts}`)) return fail('message_not_found');
      return messageChecks(a, 50) ?? ok({ channel: a.channel, ts: a.ts, text: a.text });
    },
    'chat.postEphemeral': (a) => {
      const err = channelError(a.channel);
      if (err) return fail(err);
      if (!users.has(String(a.user))) return fail('user_not_in_channel');
      return messageChecks(a, 50) ?? ok({ message_ts: newTs() });
    },
    'views.publish': (a) => {
      if (!users.has(String(a.user_id))) return fail('user_not_found');
      const view = a.view as { type?: string; blocks?: unknown } | undefined;
      if (view?.type !== 'home') return fail('invalid_arguments');
      const errors = blockErrors(view.blocks ?? [], 100);
      if (errors.length) return fail('invalid_blocks', { errors });
      return ok({ view: { id: `V${seq++}`, type: 'home' } });
    },
    'conversations.info': (a) => {
      const ch = channels.get(String(a.channel));
      if (!ch) return fail('channel_not_found');
      return ok({
        channel: { id: a.channel, name: ch.name, is_channel: true, is_archived: !!ch.archived, is_member: !!ch.member },
      });
    },
    'users.info': (a) => {
      const u = users.get(String(a.user));
      return u ? ok({ user: { id: a.user, name: u.name, tz: u.tz ?? 'UTC' } }) : fail('user_not_found');
    },
  };

  function answer(method: string, args: Record<string, unknown>, auth: string | null) {
    const queue = scripted.get(method);
    const s = queue?.shift();
    if (s) {
      if ('error' in s) return fail(s.error);
      return s.status === 429
        ? {
            status: 429,
            body: { ok: false, error: 'ratelimited' },
            retryAfter: (s as { retryAfter: number }).retryAfter,
          }
        : { status: s.status, body: { ok: false, error: 'internal_error' } };
    }
    if (method === 'apps.connections.open' && opts.socketUrl) {
      if (auth !== (opts.appToken ?? 'xapp-test-token')) return fail(auth ? 'invalid_auth' : 'not_authed');
      return ok({ url: opts.socketUrl() });
    }
    if (auth !== token) return fail(auth ? 'invalid_auth' : 'not_authed');
    const h = handlers[method];
    if (!h) return fail('unknown_method');
    const r = h(args);
    return r.status === 429 ? { ...r, retryAfter: opts.retryAfterSec ?? 1 } : r;
  }

  const server: Server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    try {
      const args = await readArgs(req);
      if (path.startsWith('/commands/')) {
        responses.push({ path, body: args });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
        return;
      }
      const method = path.replace(/^\/api\//, '');
      const auth = (req.headers.authorization ?? '').replace(/^Bearer /, '') || (args.token as string) || null;
      const r = answer(method, args, auth);
      const call: SlackCall = { method, args, token: auth, at: clock(), reply: { status: r.status, body: r.body } };
      calls.push(call);
      if (opts.onAccepted && method === 'chat.postMessage' && r.body.ok === true) await opts.onAccepted(call);
      const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
      if ('retryAfter' in r && r.retryAfter !== undefined) headers['retry-after'] = String(r.retryAfter);
      res.writeHead(r.status, headers).end(JSON.stringify(r.body));
    } catch (err) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end(String(err));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${origin}/api/`,
    origin,
    calls,
    responses,
    channels,
    responseUrl: (id) => `${origin}/commands/${id ?? `R${++nextResponse}`}`,
    script(method, ans, times = 1) {
      const q = scripted.get(method) ?? [];
      for (let i = 0; i < times; i++) q.push(ans);
      scripted.set(method, q);
    },
    posted: () => calls.filter((c) => c.method === 'chat.postMessage' && c.reply.body.ok === true),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
