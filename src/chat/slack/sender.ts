// The Slack sender: one chat.postMessage per outgoing message, Block Kit from ./blocks. A story's
// follow-ups go into the thread of its first alert (thread_ts = that alert's ts, which the dispatcher
// stored as its message id). Every outcome is a value (deliver/sender SendResult):
//   ok                → sent, messageRef = ts
//   429 Retry-After   → rate-limited for exactly that long
//   network, 5xx      → retryable
//   error codes       → ./errors table (gone / failed / retryable); invalid_auth → onAuthFailure once
//                       and retryable, so the alert waits in the outbox for a valid token.
import type { OutgoingMessage, Sender, SendResult } from '../../deliver/sender';
import { renderView } from './blocks';
import type { SlackClient } from './client';
import { classifySlackError } from './errors';

export interface SlackSenderDeps {
  readonly client: SlackClient;
  /** The token was refused: the Slack side must stop (called once). */
  readonly onAuthFailure?: (reason: string) => void;
}

interface SlackErrorLike {
  code?: string;
  retryAfter?: number;
  statusCode?: number;
  data?: { error?: string };
  original?: Error;
  message?: string;
}

export function resultOfError(err: unknown): SendResult {
  const e = (err ?? {}) as SlackErrorLike;
  switch (e.code) {
    case 'slack_webapi_rate_limited_error':
      return { kind: 'rate-limited', retryAfterMs: Math.max(0, e.retryAfter ?? 1) * 1000, reason: 'ratelimited' };
    case 'slack_webapi_request_error':
      return { kind: 'retryable', reason: `network: ${e.original?.message ?? e.message}` };
    case 'slack_webapi_http_error':
      return (e.statusCode ?? 500) >= 500
        ? { kind: 'retryable', reason: `http ${e.statusCode}` }
        : { kind: 'failed', reason: `http ${e.statusCode}` };
    case 'slack_webapi_platform_error': {
      const code = e.data?.error ?? 'unknown_error';
      const cls = classifySlackError(code);
      if (cls === 'auth') return { kind: 'retryable', reason: code };
      return { kind: cls, reason: code };
    }
    default:
      return { kind: 'retryable', reason: `unexpected: ${e.message ?? String(err)}` };
  }
}

export function createSlackSender(deps: SlackSenderDeps): Sender {
  let authFailed = false;
  return {
    platform: 'slack',
    async send(message: OutgoingMessage): Promise<SendResult> {
      const { text, blocks } = renderView(message.view);
      const threadTs = message.replyTo ?? message.threadId;
      try {
        const r = await deps.client.chat.postMessage({
          channel: message.chatId,
          text,
          // Our blocks are checked by ./blocks against Slack's limits; the SDK's KnownBlock union is narrower.
          blocks: blocks as never[],
          ...(threadTs ? { thread_ts: threadTs } : {}),
          unfurl_links: false,
          unfurl_media: false,
        });
        return { kind: 'sent', messageRef: String(r.ts) };
      } catch (err) {
        const result = resultOfError(err);
        const code = (err as SlackErrorLike).data?.error;
        if (code && classifySlackError(code) === 'auth' && !authFailed) {
          authFailed = true;
          deps.onAuthFailure?.(code);
        }
        return result;
      }
    },
  };
}
