// A failed Bot API call → what the dispatcher does about it (rules as data, first match wins).
// Telegram: 429 carries parameters.retry_after (seconds); a migrated group answers 400 with
// parameters.migrate_to_chat_id; blocked, kicked and deactivated chats answer 403. Pure.
import type { SendResult } from '../../deliver/sender';

export interface ApiFailure {
  readonly errorCode: number;
  readonly description: string;
  readonly parameters?: { readonly retry_after?: number; readonly migrate_to_chat_id?: number };
}

type Rule = {
  readonly when: (f: ApiFailure) => boolean;
  readonly result: (f: ApiFailure) => SendResult;
};

/** When Telegram omits retry_after on a 429 (it should not), wait this long. */
const DEFAULT_RETRY_AFTER_S = 5;

const RULES: readonly Rule[] = [
  {
    when: (f) => f.errorCode === 429,
    result: (f) => ({
      kind: 'rate-limited',
      retryAfterMs: (f.parameters?.retry_after ?? DEFAULT_RETRY_AFTER_S) * 1000,
      reason: f.description,
    }),
  },
  {
    when: (f) => f.parameters?.migrate_to_chat_id !== undefined,
    result: (f) => ({ kind: 'migrated', newChatId: String(f.parameters!.migrate_to_chat_id) }),
  },
  { when: (f) => f.errorCode === 403, result: (f) => ({ kind: 'gone', reason: f.description }) },
  {
    // The chat itself no longer exists for the bot (deleted group, wrong id after a reset).
    when: (f) => f.errorCode === 400 && /chat not found|PEER_ID_INVALID|CHANNEL_PRIVATE/i.test(f.description),
    result: (f) => ({ kind: 'gone', reason: f.description }),
  },
  { when: (f) => f.errorCode === 400, result: (f) => ({ kind: 'failed', reason: f.description }) },
  // 401/404 (token revoked or wrong API root), 409, 5xx: our side or theirs will recover; keep the alert.
  { when: () => true, result: (f) => ({ kind: 'retryable', reason: `${f.errorCode} ${f.description}` }) },
];

export function classifyFailure(f: ApiFailure): SendResult {
  return RULES.find((r) => r.when(f))!.result(f);
}
