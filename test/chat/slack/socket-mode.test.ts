// The real Bolt app in Socket Mode (SLACK_APP_TOKEN set): apps.connections.open on the Web API
// stand-in with the app-level token, a real WebSocket to the Socket Mode stand-in, envelopes in, acks
// out within Slack's 3 s, replies at response_url, a refused app token, and Slack's `disconnect`.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { acceptKey, decodeFrame, type Envelope, encodeFrame } from '../../helpers/slack-socket-server';
import { slackVisibleText, visible } from '../../helpers/slack-text';
import { APP_TOKEN, type Harness, seedAlert, startHarness, testWorld } from './harness';

// The stand-in runs in this process: while the first command builds the world's indexes (~2 s,
// synchronously) it cannot read the ack the client already wrote, and ack times would measure that.
beforeAll(() => void testWorld().ctx);

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

let seq = 0;
const envelope = (type: Envelope['type'], payload: Record<string, unknown>): Envelope => ({
  envelope_id: `e${++seq}`,
  type,
  payload,
  accepts_response_payload: type !== 'events_api',
});

/** A slash_commands envelope: the same fields as the HTTP form post, as JSON. */
const slash = (text: string) =>
  envelope('slash_commands', {
    token: 'legacy-verification-token',
    team_id: 'T0RASED',
    team_domain: 'rased-test',
    channel_id: 'C1',
    channel_name: 'newsroom',
    user_id: 'U1',
    user_name: 'editor',
    command: '/rased',
    text,
    api_app_id: 'A1',
    is_enterprise_install: 'false',
    response_url: h!.api.responseUrl(),
    trigger_id: '1000.2000.abcdef',
  });

const click = (actionId: string, value: string) =>
  envelope('interactive', {
    type: 'block_actions',
    user: { id: 'U1' },
    team: { id: 'T0RASED' },
    api_app_id: 'A1',
    channel: { id: 'C1', name: 'newsroom' },
    container: { type: 'message', channel_id: 'C1', message_ts: '1736942400.000001' },
    response_url: h!.api.responseUrl(),
    trigger_id: '1.2.3',
    actions: [{ type: 'button', action_id: actionId, block_id: 'alert_7', value, action_ts: '1736942401.0' }],
  });

const homeOpened = () =>
  envelope('events_api', {
    type: 'event_callback',
    team_id: 'T0RASED',
    api_app_id: 'A1',
    event: { type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home', event_ts: '1736942400.1' },
    event_id: `Ev${seq}`,
    event_time: 1736942400,
  });

/** Sends the envelope and waits for its ack; Slack retries an envelope not acked within 3 s. */
async function deliver(e: Envelope) {
  h!.ws!.send(e);
  await vi.waitFor(() => expect(h!.ws!.acks.map((a) => a.envelope_id)).toContain(e.envelope_id), { timeout: 3000 });
  const ack = h!.ws!.acks.find((a) => a.envelope_id === e.envelope_id)!;
  expect(ack.ms).toBeLessThan(3000);
  return ack;
}

const replies = () => h!.api.responses.map((r) => visible(slackVisibleText(r.body.blocks as never)));
const connectionsOpen = () => h!.api.calls.filter((c) => c.method === 'apps.connections.open');
const socket = () => startHarness({ socket: { appToken: APP_TOKEN } });

describe('Socket Mode', () => {
  it('opens a connection with the app-level token, gets hello and reports socket mode', async () => {
    h = await socket();
    expect(h.started).toEqual({ kind: 'started', mode: 'socket' });
    expect(h.ws!.hellos()).toBe(1);
    expect(h.ws!.open()).toBe(1);
    expect(connectionsOpen().map((c) => c.token)).toEqual([APP_TOKEN]);
    expect(h.api.calls.find((c) => c.method === 'auth.test')?.token).toBe('xoxb-test-token');
  });

  it.each([
    ['help', /Commands\n\/rased watch <query>/],
    ['', /Commands/],
    ['watch الحسكة', /Watch #1 added/],
    ['sources', /^Sources:/],
  ])('acks the slash command %j at once and replies at response_url', async (text, expected) => {
    h = await socket();
    const ack = await deliver(slash(text));
    expect(ack.payload ?? {}).toEqual({});
    await vi.waitFor(() => expect(h!.api.responses.length).toBeGreaterThan(0));
    expect(h.api.responses[0]!.body.response_type).toBe('ephemeral');
    expect(replies()[0]).toMatch(expected);
  });

  it('takes an envelope over 64 KiB (a 64-bit frame length)', async () => {
    h = await socket();
    const big = slash('help');
    (big.payload as Record<string, unknown>).padding = 'x'.repeat(70_000);
    await deliver(big);
    await vi.waitFor(() => expect(replies()[0]).toMatch(/Commands/));
  });

  it('adds a watch, then lists it, in one channel', async () => {
    h = await socket();
    await deliver(slash('watch الحسكة'));
    await vi.waitFor(() => expect(h!.api.responses).toHaveLength(2));
    expect(h.api.responses.map((r) => r.body.response_type)).toEqual(['ephemeral', 'in_channel']);
    await deliver(slash('list'));
    await vi.waitFor(() => expect(h!.api.responses).toHaveLength(3));
    expect(replies()[2]).toMatch(/#1 +الحسكة/);
  });

  it('acks a button click (block_actions) and answers it', async () => {
    h = await socket();
    const sub = seedAlert(h, 'C1', 42);
    await deliver(click('rased_mute', '42'));
    await vi.waitFor(() => expect(h!.api.responses).toHaveLength(1));
    expect(visible(String(h.api.responses[0]!.body.text))).toBe('Story muted: no more alerts about it.');
    expect(h.outbox.alerts.isMuted(sub.id, 42)).toBe(true);
  });

  it('acks an events_api envelope (App Home opened) and publishes the home tab', async () => {
    h = await socket();
    await deliver(homeOpened());
    await vi.waitFor(() =>
      expect(h!.api.calls.filter((c) => c.method === 'views.publish' && c.reply.body.ok)).toHaveLength(1),
    );
  });

  it('reconnects after Slack’s disconnect envelope and still answers commands', async () => {
    h = await socket();
    h.ws!.disconnect('refresh_requested');
    // The client waits clientPingTimeout (5 s) before it reconnects.
    await vi.waitFor(() => expect(h!.ws!.hellos()).toBe(2), { timeout: 10_000, interval: 50 });
    expect(connectionsOpen()).toHaveLength(2);
    await vi.waitFor(() => expect(h!.ws!.open()).toBe(1));
    await deliver(slash('help'));
    await vi.waitFor(() => expect(replies()[0]).toMatch(/Commands/));
  }, 15_000);

  it('closes the connection on stop', async () => {
    h = await socket();
    await h.slack.stop();
    await vi.waitFor(() => expect(h!.ws!.open()).toBe(0));
  });

  it.each([
    ['a refused app token', 'xapp-1-A1-revoked', 'invalid_auth', 1],
    ['a bot token given as the app token', 'xoxb-test-token', 'not an app-level token (xapp-…)', 0],
  ])('gives up at once on %s: failed, with a reason, and no connection', async (_name, appToken, reason, opens) => {
    const t0 = performance.now();
    h = await startHarness({ socket: { appToken } });
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(h.started).toEqual({ kind: 'failed', reason });
    expect(connectionsOpen()).toHaveLength(opens);
    expect(h.ws!.hellos()).toBe(0);
    const error = h.lines.find((l) => l.level === 'error' && l.obj && 'platform' in l.obj);
    expect(error?.msg).toMatch(/app-level token refused .*Check SLACK_APP_TOKEN/);
    expect(error?.msg).not.toContain(appToken);
  });

  it('keeps Web API retries of listener clients at the default (Socket Mode sets 100 on its own copy)', async () => {
    h = await socket();
    // Bolt builds each listener's `client` from App's clientOptions (a private field).
    const { clientOptions } = h.slack.app as unknown as { clientOptions: { retryConfig?: unknown } };
    expect(clientOptions.retryConfig).toBeUndefined();
  });
});

describe('the Socket Mode stand-in speaks RFC 6455', () => {
  it('answers the handshake with the RFC’s own example key', () => {
    expect(acceptKey('dGhlIHNhbXBsZSBub25jZQ==')).toBe('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
  });

  /** A client→server frame: masked, as RFC 6455 §5.3 requires. */
  const masked = (fin: boolean, opcode: number, payload: Buffer) => {
    const frame = encodeFrame(opcode, payload);
    const at = frame.length - payload.length;
    const mask = Buffer.from([0x12, 0x34, 0x56, 0x78]);
    const body = payload.map((b, i) => b ^ mask[i % 4]!);
    const head = Buffer.from(frame.subarray(0, at));
    head[0] = (fin ? 0x80 : 0) | opcode;
    head[1]! |= 0x80;
    return Buffer.concat([head, mask, body]);
  };

  it.each([0, 125, 126, 65_535, 65_536])('round-trips a %i-byte payload, masked or not', (n) => {
    const payload = Buffer.alloc(n, 'a');
    for (const frame of [encodeFrame(0x1, payload), masked(true, 0x1, payload)]) {
      const got = decodeFrame(Buffer.concat([frame, Buffer.from([0x89])]))!;
      expect([got.frame.fin, got.frame.opcode, got.frame.payload.equals(payload)]).toEqual([true, 0x1, true]);
      expect([...got.rest]).toEqual([0x89]);
      expect(decodeFrame(frame.subarray(0, frame.length - 1))).toBeNull();
    }
  });

  it('reads fragments one frame at a time', () => {
    const stream = Buffer.concat([
      masked(false, 0x1, Buffer.from('{"envelope_')),
      masked(true, 0x0, Buffer.from('id":"e1"}')),
    ]);
    const first = decodeFrame(stream)!;
    const second = decodeFrame(first.rest)!;
    expect([first.frame.fin, first.frame.opcode, second.frame.fin, second.frame.opcode]).toEqual([false, 1, true, 0]);
    expect(Buffer.concat([first.frame.payload, second.frame.payload]).toString()).toBe('{"envelope_id":"e1"}');
  });
});
