// The Slack sender through the real WebClient against the Web API stand-in on 127.0.0.1.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackClient } from '../../src/chat/slack/client';
import { createSlackSender } from '../../src/chat/slack/sender';
import type { OutgoingMessage } from '../../src/deliver/sender';
import { alertView } from '../chat/slack/fixtures';
import { type SlackStandIn, startSlackStandIn } from '../helpers/slack-api-server';

let api: SlackStandIn;
beforeEach(async () => {
  api = await startSlackStandIn({
    channels: { C1: { name: 'news' }, C2: { name: 'old', archived: true }, C3: { name: 'private', member: false } },
    minIntervalMs: 1000,
  });
});
afterEach(() => api.close());

const msg = (chatId: string, over: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  chatId,
  threadId: null,
  replyTo: null,
  view: { type: 'alert', ...alertView() },
  ...over,
});

describe('Slack sender', () => {
  it('posts Block Kit with a text fallback and returns the ts as the message ref', async () => {
    const sender = createSlackSender({ client: createSlackClient({ token: 'xoxb-test-token', apiUrl: api.apiUrl }) });
    const r = await sender.send(msg('C1'));
    expect(r.kind).toBe('sent');
    const call = api.posted()[0]!;
    expect(call.args.channel).toBe('C1');
    expect((call.args.blocks as unknown[]).length).toBe(5);
    expect(String(call.args.text)).toContain('اشتباكات');
    expect(r).toEqual({ kind: 'sent', messageRef: call.reply.body.ts });
  });

  it('threads a follow-up under the first alert (thread_ts = its ts)', async () => {
    const sender = createSlackSender({ client: createSlackClient({ token: 'xoxb-test-token', apiUrl: api.apiUrl }) });
    const r = await sender.send(msg('C1', { replyTo: '1736930000.000001' }));
    expect(r.kind).toBe('sent');
    expect(api.posted()[0]!.args.thread_ts).toBe('1736930000.000001');
  });

  it.each([
    ['C2', { kind: 'gone', reason: 'is_archived' }],
    ['C3', { kind: 'gone', reason: 'not_in_channel' }],
    ['C404', { kind: 'gone', reason: 'channel_not_found' }],
  ])('maps a refusal for channel %s to %j', async (channel, expected) => {
    const sender = createSlackSender({ client: createSlackClient({ token: 'xoxb-test-token', apiUrl: api.apiUrl }) });
    expect(await sender.send(msg(channel))).toEqual(expected);
  });

  it.each([
    ['account_inactive', { kind: 'gone', reason: 'account_inactive' }],
    ['invalid_blocks', { kind: 'failed', reason: 'invalid_blocks' }],
    ['internal_error', { kind: 'retryable', reason: 'internal_error' }],
  ])('maps error %s', async (error, expected) => {
    api.script('chat.postMessage', { error });
    const sender = createSlackSender({ client: createSlackClient({ token: 'xoxb-test-token', apiUrl: api.apiUrl }) });
    expect(await sender.send(msg('C1'))).toEqual(expected);
  });

  it('reports 429 with its Retry-After, and a second post within a second is refused by the stand-in', async () => {
    const sender = createSlackSender({ client: createSlackClient({ token: 'xoxb-test-token', apiUrl: api.apiUrl }) });
    expect((await sender.send(msg('C1'))).kind).toBe('sent');
    expect(await sender.send(msg('C1'))).toEqual({ kind: 'rate-limited', retryAfterMs: 1000, reason: 'ratelimited' });
    api.script('chat.postMessage', { status: 429, retryAfter: 7 });
    expect(await sender.send(msg('C1'))).toMatchObject({ kind: 'rate-limited', retryAfterMs: 7000 });
  });

  it('answers 5xx and a refused connection as retryable', async () => {
    api.script('chat.postMessage', { status: 503 });
    const sender = createSlackSender({ client: createSlackClient({ token: 'xoxb-test-token', apiUrl: api.apiUrl }) });
    expect(await sender.send(msg('C1'))).toEqual({ kind: 'retryable', reason: 'http 503' });
    const dead = createSlackSender({
      client: createSlackClient({ token: 't', apiUrl: 'http://127.0.0.1:9/api/', timeoutMs: 2000 }),
    });
    expect((await dead.send(msg('C1'))).kind).toBe('retryable');
  });

  it('on invalid_auth keeps the alert (retryable) and calls onAuthFailure once', async () => {
    const failures: string[] = [];
    const sender = createSlackSender({
      client: createSlackClient({ token: 'xoxb-wrong', apiUrl: api.apiUrl }),
      onAuthFailure: (r) => failures.push(r),
    });
    expect(await sender.send(msg('C1'))).toEqual({ kind: 'retryable', reason: 'invalid_auth' });
    expect(await sender.send(msg('C1'))).toEqual({ kind: 'retryable', reason: 'invalid_auth' });
    expect(failures).toEqual(['invalid_auth']);
  });
});
