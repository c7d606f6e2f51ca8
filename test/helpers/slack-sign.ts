// Requests as Slack sends them to the app: form posts signed with v0 HMAC-SHA256 over
// `v0:<timestamp>:<raw body>` (api.slack.com/authentication/verifying-requests-from-slack).
import { createHmac } from 'node:crypto';

export const sign = (secret: string, timestamp: number, body: string) =>
  `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;

export interface SignedPost {
  readonly secret: string;
  /** Seconds; default now. */
  readonly timestamp?: number;
  /** Overrides the computed signature (a forged request). */
  readonly signature?: string;
  readonly contentType?: string;
}

export async function postSigned(
  url: string,
  body: string,
  o: SignedPost,
): Promise<{ status: number; text: string; ms: number }> {
  const ts = o.timestamp ?? Math.floor(Date.now() / 1000);
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': o.contentType ?? 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': o.signature ?? sign(o.secret, ts, body),
    },
    body,
  });
  const text = await res.text();
  return { status: res.status, text, ms: performance.now() - started };
}

/** A slash command body shaped like the corpus examples, for our command and channel. */
export function slashBody(f: {
  text: string;
  channelId: string;
  userId: string;
  responseUrl: string;
  channelName?: string;
}) {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: 'T0RASED',
    team_domain: 'rased-test',
    channel_id: f.channelId,
    channel_name: f.channelName ?? 'newsroom',
    user_id: f.userId,
    user_name: 'editor',
    command: '/rased',
    text: f.text,
    api_app_id: 'A0RASED',
    is_enterprise_install: 'false',
    response_url: f.responseUrl,
    trigger_id: '1000.2000.abcdef',
  }).toString();
}

/** An interactive payload (button click) as a signed form post: payload=<json>. */
export const payloadBody = (payload: object) => new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
