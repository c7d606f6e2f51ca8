// The Web API client the Slack sender uses. Retries and 429 waits belong to the dispatcher (it owns
// the outbox and the pacer): the client makes one attempt and reports a 429 as an error instead of
// pausing its whole queue (`rejectRateLimitedCalls`, see platform-limits.md).
import { LogLevel, webApi } from '@slack/bolt';

export interface SlackClientOptions {
  readonly token: string;
  /** SLACK_API_URL: another Web API base (tests, proxies); default https://slack.com/api/. */
  readonly apiUrl?: string | null;
  readonly timeoutMs?: number;
}

export type SlackClient = InstanceType<typeof webApi.WebClient>;

export function createSlackClient(o: SlackClientOptions): SlackClient {
  return new webApi.WebClient(o.token, {
    ...(o.apiUrl ? { slackApiUrl: o.apiUrl } : {}),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: o.timeoutMs ?? 30_000,
    logLevel: LogLevel.ERROR,
  });
}
