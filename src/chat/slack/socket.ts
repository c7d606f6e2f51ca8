// Bolt's Socket Mode receiver, made visible and bounded (api.slack.com/apis/socket-mode):
//   - state: the client's lifecycle events (connected, reconnecting, an unexpected close) and every
//     failed apps.connections.open attempt (seen by the fetch it is given) go to `link`, so a
//     connection that keeps failing to open shows as starting/reconnecting with its last reason;
//   - bounded: each apps.connections.open attempt times out after 30 s, and retries are at most
//     60 s apart for as long as it takes (the SDK's own policy, 100 retries ×1.3, spaces them hours
//     apart after an hour of outage, then gives up with an unhandled rejection on a reconnect);
//   - stop() waits for the WebSocket close handshake (Bolt's stop() does not), at most STOP_WAIT_MS;
//     after stop no new connection is opened, even by an attempt that was in flight;
//   - a refusal the client treats as final (its UnrecoverableSocketModeStartError codes) on a
//     reconnect would reject a promise nobody handles and end the process: the attempt is held
//     instead and the state is `failed` (the first connect's refusal is start()'s value, ./app).
import { type Logger, SocketModeReceiver, type webApi } from '@slack/bolt';
import type { LinkReport } from '../../deliver/monitor';

const ATTEMPT_TIMEOUT_MS = 30_000;
const STOP_WAIT_MS = 5_000;
const RETRY = { forever: true, factor: 1.3, minTimeout: 1_000, maxTimeout: 60_000, randomize: true };

export interface SocketOptions {
  readonly appToken: string;
  readonly clientOptions: webApi.WebClientOptions;
  readonly logger: Logger;
  readonly link?: LinkReport;
}

const never = () => new Promise<never>(() => {});
const FINAL = new Set(['not_authed', 'invalid_auth', 'account_inactive', 'user_removed_from_team', 'team_disabled']);

/** Why an apps.connections.open attempt failed (Slack's error code when it said no), or null. */
async function attemptError(res: Response): Promise<{ reason: string; code: string | null } | null> {
  if (res.status !== 200) return { reason: `apps.connections.open: HTTP ${res.status}`, code: null };
  const body = (await res
    .clone()
    .json()
    .catch(() => null)) as { ok?: boolean; error?: string } | null;
  if (body?.ok !== false) return null;
  return { reason: `apps.connections.open: ${body.error ?? 'refused'}`, code: body.error ?? null };
}

export function createSocketReceiver(o: SocketOptions) {
  let stopping = false;
  let connected = false;
  const link = o.link;
  // The Socket Mode client's own Web API client only ever calls apps.connections.open.
  const watchedFetch: typeof fetch = async (url, init) => {
    // A pending promise, not an error: an error would be retried, and a success would connect.
    if (stopping) return never();
    try {
      const res = await fetch(url, init);
      if (stopping) return never();
      const error = await attemptError(res);
      if (error && connected && error.code && FINAL.has(error.code)) {
        link?.set('failed', `app-level token refused (${error.code}): set a valid SLACK_APP_TOKEN and restart`);
        o.logger.error(`slack: app-level token refused (${error.code}) on reconnect; Socket Mode is off`);
        return never();
      }
      if (error) link?.attemptFailed(error.reason);
      return res;
    } catch (err) {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      if (!stopping)
        link?.attemptFailed(
          `apps.connections.open: network: ${cause?.code ?? cause?.message ?? (err as Error).message}`,
        );
      throw err;
    }
  };
  const receiver = new SocketModeReceiver({
    appToken: o.appToken,
    logger: o.logger,
    installerOptions: {
      clientOptions: { ...o.clientOptions, timeout: ATTEMPT_TIMEOUT_MS, retryConfig: RETRY, fetch: watchedFetch },
    },
  });
  const client = receiver.client;
  client.on('connected', () => {
    connected = true;
    link?.set('connected');
  });
  client.on('reconnecting', () => link?.set('reconnecting'));
  // An unexpected close: the client reconnects after a delay (Slack's `disconnect`, a dropped link).
  client.on('close', () => {
    if (!stopping) link?.set('reconnecting', 'connection closed');
  });

  return {
    receiver,
    async stop(): Promise<void> {
      stopping = true;
      let timer: NodeJS.Timeout | undefined;
      const waited = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, STOP_WAIT_MS);
      });
      await Promise.race([client.disconnect(), waited]);
      clearTimeout(timer);
    },
  };
}
