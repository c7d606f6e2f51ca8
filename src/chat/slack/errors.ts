// What a Slack Web API refusal means for delivery (rules as data). Slack answers HTTP 200 with
// { ok: false, error } for refusals (api.slack.com/web#responses); 429 carries Retry-After.
//   gone      — the channel is lost to us: the subscription is deactivated
//   auth      — the token itself is refused: nothing can be sent; the Slack side stops
//   retryable — Slack's own trouble: try again with backoff
//   failed    — the message is wrong (blocks, length): retrying sends the same wrong message
// Pure.

export type SlackErrorClass = 'gone' | 'auth' | 'retryable' | 'failed';

const TABLE: Record<string, SlackErrorClass> = {
  channel_not_found: 'gone',
  not_in_channel: 'gone',
  is_archived: 'gone',
  account_inactive: 'gone',
  team_access_not_granted: 'gone',
  invalid_auth: 'auth',
  not_authed: 'auth',
  token_revoked: 'auth',
  token_expired: 'auth',
  internal_error: 'retryable',
  fatal_error: 'retryable',
  service_unavailable: 'retryable',
  request_timeout: 'retryable',
  ratelimited: 'retryable',
};

/** Unknown codes count as `failed`: logged with the code, never retried blindly. */
export const classifySlackError = (code: string): SlackErrorClass => TABLE[code] ?? 'failed';
