// A real OpenAI-compatible chat-completions server on 127.0.0.1 (POST /v1/chat/completions), for
// provider tests. It answers from a script of replies, one per request (the last one repeats):
//
//   const server = await startOpenAiServer([{ kind: 'status', status: 429, headers: { 'retry-after': '1' } },
//                                           { kind: 'summary', en: 'Three killed.', ar: 'مقتل ثلاثة.' }]);
//   // base URL for the client: server.baseUrl ("http://127.0.0.1:PORT/v1")
//
// Every request body is recorded (parsed JSON). 'summary' answers with the real response shape.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startServer } from './http-server';

export type Reply =
  /** A chat.completion whose assistant message is the JSON of these fields. */
  | { readonly kind: 'summary'; readonly ar?: string; readonly en?: string }
  /** A chat.completion whose assistant message is this text, as is. */
  | { readonly kind: 'content'; readonly content: string }
  /** Any status and body (errors, a body that is not JSON). */
  | {
      readonly kind: 'status';
      readonly status: number;
      readonly headers?: Record<string, string>;
      readonly body?: string;
    }
  /** Waits, then replies (slow servers, timeouts). */
  | { readonly kind: 'slow'; readonly ms: number; readonly reply: Reply }
  /** Drops the connection without answering. */
  | { readonly kind: 'reset' };

export interface ScriptedServer {
  readonly url: string;
  /** The base URL an OpenAI client is given (…/v1). */
  readonly baseUrl: string;
  readonly requests: { readonly path: string; readonly headers: IncomingMessage['headers']; readonly body: unknown }[];
  close(): Promise<void>;
}

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function completion(content: string, model = 'test-model') {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: 1_700_000_000,
    model,
    choices: [{ index: 0, message: { role: 'assistant', content }, logprobs: null, finish_reason: 'stop' }],
    usage: { prompt_tokens: 100, completion_tokens: 50, total_tokens: 150 },
  };
}

async function send(res: ServerResponse, reply: Reply, toJson: (r: Reply) => unknown): Promise<void> {
  switch (reply.kind) {
    case 'slow':
      await new Promise((r) => setTimeout(r, reply.ms));
      if (!res.destroyed) await send(res, reply.reply, toJson);
      return;
    case 'reset':
      res.socket?.destroy();
      return;
    case 'status':
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(reply.body ?? JSON.stringify({ error: { message: `status ${reply.status}` } }));
      return;
    default:
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(toJson(reply)));
  }
}

/** A scripted JSON server; `toJson` turns the success replies into the API's response body. */
export async function startScripted(
  path: string,
  replies: readonly Reply[],
  toJson: (r: Reply) => unknown,
  basePath = '',
): Promise<ScriptedServer> {
  const requests: ScriptedServer['requests'][number][] = [];
  const server = await startServer(async (req, res) => {
    const body = await readJson(req);
    requests.push({ path: req.url ?? '', headers: req.headers, body });
    if (req.method !== 'POST' || req.url !== path) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":"not found"}');
      return;
    }
    const reply = replies[Math.min(requests.length - 1, replies.length - 1)]!;
    await send(res, reply, toJson);
  });
  return { url: server.url, baseUrl: `${server.url}${basePath}`, requests, close: server.close };
}

export function startOpenAiServer(replies: readonly Reply[]): Promise<ScriptedServer> {
  return startScripted(
    '/v1/chat/completions',
    replies,
    (r) => {
      if (r.kind === 'summary') {
        const { kind: _, ...fields } = r;
        return completion(JSON.stringify(fields));
      }
      return completion(r.kind === 'content' ? r.content : '');
    },
    '/v1',
  );
}
