// The shared Sender contract, run against the Slack sender (real WebClient → Web API stand-in).
import { createSlackClient } from '../../src/chat/slack/client';
import { createSlackSender } from '../../src/chat/slack/sender';
import { startSlackStandIn } from '../helpers/slack-api-server';
import { slackVisibleText } from '../helpers/slack-text';
import { runSenderContract } from './sender-contract';

runSenderContract('slack (WebClient → Web API stand-in)', async () => {
  // Pacing is the dispatcher's job; the contract sends back to back, so the stand-in does not pace.
  const api = await startSlackStandIn({
    channels: { C1: { name: 'news' }, C2: { name: 'old', archived: true } },
    minIntervalMs: 0,
  });
  const sender = createSlackSender({ client: createSlackClient({ token: 'xoxb-test-token', apiUrl: api.apiUrl }) });
  return {
    sender,
    chatId: 'C1',
    blockedChatId: 'C2',
    delivered: () =>
      api.posted().map((c) => ({
        ref: String(c.reply.body.ts),
        text: slackVisibleText(c.args.blocks as Record<string, unknown>[]),
        replyTo: (c.args.thread_ts as string | undefined) ?? null,
        threadId: (c.args.thread_ts as string | undefined) ?? null,
      })),
    rateLimitNext: () => api.script('chat.postMessage', { status: 429, retryAfter: 3 }),
    serverErrorNext: () => api.script('chat.postMessage', { status: 502 }),
    close: () => api.close(),
  };
});
