// The Slack service from the validated configuration (SLACK_* settings in src/config.ts), for
// `rased run`. Over HTTP, Bolt's receiver owns PORT, so /healthz and /metrics are routed to the
// observe server's handler on the same port (the caller then does not listen a second time).
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AppConfig } from '../../config';
import type { ChatWiringDeps } from '../platform';
import { createSlackService, type SlackService } from './service';

export type SlackWiringDeps = ChatWiringDeps & {
  /** The observe server (src/observe/http): its request handler answers /healthz and /metrics. */
  readonly observe: Server;
};

/** null when SLACK_BOT_TOKEN is not set. */
export function slackFromConfig(config: AppConfig, deps: SlackWiringDeps): SlackService | null {
  if (!config.slackBotToken) return null;
  const route = (req: IncomingMessage, res: ServerResponse) => void deps.observe.emit('request', req, res);
  const { observe: _observe, ...rest } = deps;
  return createSlackService({
    ...rest,
    botToken: config.slackBotToken,
    appToken: config.slack.appToken,
    signingSecret: config.slack.signingSecret,
    apiUrl: config.slack.apiUrl,
    port: config.port ?? 3000,
    adminIds: config.slack.adminIds,
    routes: { '/healthz': route, '/metrics': route },
    clock: Date.now,
    random: Math.random,
  });
}

/** Whether Slack took PORT over (HTTP mode started): then the observe server must not listen. */
export const slackOwnsPort = (started: Awaited<ReturnType<SlackService['start']>> | null): boolean =>
  started?.kind === 'started' && started.mode === 'http';
