// The real Bolt app on 127.0.0.1 receiving signed slash commands, button clicks and events, talking
// to the Web API stand-in. The command core is a small recording stand-in here (the shared core has
// its own tests); this file holds the Slack transport: signatures, 3-second ack, response_url
// replies, announcements, who may edit, buttons, App Home.
import { existsSync, readFileSync } from 'node:fs';
import { verifySlackRequest } from '@slack/bolt';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CommandRequest, RunCommand } from '../../../src/chat/slack/port';
import { payloadBody, postSigned, slashBody } from '../../helpers/slack-sign';
import { type Harness, SECRET, startHarness } from './harness';

const NOW = Date.UTC(2025, 0, 15, 12);
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function recordingRun(requests: CommandRequest[]) {
  return ({ subscribers }: Pick<Harness, 'subscribers'>): RunCommand =>
    async (req) => {
      requests.push(req);
      const sub = subscribers.ensure({ platform: 'slack', chatId: req.chatId, chatType: 'channel' }, req.now);
      if (req.name === 'watch') {
        const w = subscribers.addWatch(sub.id, req.args, { createdBy: req.userId }, req.now);
        return {
          reply: `Watch #${w.id} added.\nUnderstood as: ${req.args}`,
          announce: `added watch #${w.id}: ${req.args}`,
          lang: 'en',
        };
      }
      return { reply: `${req.name} reply`, announce: null, lang: 'en' };
    };
}

const slash = (text: string, userId = 'U1', responseUrl = h!.api.responseUrl()) =>
  postSigned(`${h!.url}/slack/events`, slashBody({ text, channelId: 'C1', userId, responseUrl }), { secret: SECRET });

describe('/rased over the HTTP receiver', () => {
  it('acknowledges at once, replies ephemerally and announces the change in one line', async () => {
    const requests: CommandRequest[] = [];
    h = await startHarness({ run: recordingRun(requests) });
    const r = await slash('watch الحسكة قسد');
    expect(r.status).toBe(200);
    expect(r.ms).toBeLessThan(3000);
    await vi.waitFor(() => expect(h!.api.responses).toHaveLength(2));
    const [reply, announce] = h.api.responses.map((x) => x.body);
    expect(reply).toMatchObject({ response_type: 'ephemeral', text: 'Watch #1 added.' });
    expect(announce).toMatchObject({ response_type: 'in_channel', text: '<@U1>: added watch #1: الحسكة قسد' });
    expect(requests[0]).toMatchObject({
      platform: 'slack',
      chatId: 'C1',
      userId: 'U1',
      name: 'watch',
      args: 'الحسكة قسد',
      now: NOW,
    });
    expect(h.subscribers.watches(h.subscribers.find('slack', 'C1')!.id).map((w) => w.query)).toEqual(['الحسكة قسد']);
  });

  it.each([
    ['', 'help'],
    ['   ', 'help'],
    ['frobnicate now', 'help'],
    ['LIST', 'list'],
    ['digest hourly', 'digest'],
  ])('text %j runs %s, never an error', async (text, name) => {
    const requests: CommandRequest[] = [];
    h = await startHarness({ run: recordingRun(requests) });
    expect((await slash(text)).status).toBe(200);
    await vi.waitFor(() => expect(h!.api.responses).toHaveLength(1));
    expect(requests[0]!.name).toBe(name);
    expect(h.api.responses[0]!.body.response_type).toBe('ephemeral');
  });

  it.each([
    ['a wrong signature', { signature: `v0=${'0'.repeat(64)}` }],
    ['a timestamp 6 minutes old', { timestamp: Math.floor(Date.now() / 1000) - 360 }],
    ['a signature made with another secret', { secret: 'not-the-secret' }],
  ])('refuses %s with 401 and changes nothing', async (_name, over) => {
    const requests: CommandRequest[] = [];
    h = await startHarness({ run: recordingRun(requests) });
    const body = slashBody({ text: 'watch x', channelId: 'C1', userId: 'U1', responseUrl: h.api.responseUrl() });
    const r = await postSigned(`${h.url}/slack/events`, body, { secret: SECRET, ...over });
    expect(r.status).toBe(401);
    await new Promise((res) => setTimeout(res, 100));
    expect(requests).toEqual([]);
    expect(h.api.responses).toEqual([]);
    expect(h.subscribers.find('slack', 'C1')).toBeUndefined();
  });

  it('with SLACK_ADMIN_IDS, refuses edits by others but lets them read', async () => {
    const requests: CommandRequest[] = [];
    h = await startHarness({ run: recordingRun(requests), adminIds: ['U1'] });
    await slash('watch x', 'U2');
    await slash('list', 'U2');
    await vi.waitFor(() => expect(h!.api.responses).toHaveLength(2));
    expect(h.api.responses.map((x) => x.body.text)).toEqual([
      'Sorry, only the administrators of this group can change its watches and settings.',
      'list reply',
    ]);
    expect(requests.map((r) => r.name)).toEqual(['list']);
  });

  it('serves /healthz on the same port and 404 elsewhere; answers ssl_check', async () => {
    h = await startHarness({
      run: recordingRun([]),
      routes: {
        '/healthz': (_req, res) =>
          void res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}'),
      },
    });
    expect(await (await fetch(`${h.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${h.url}/nope`)).status).toBe(404);
    const ssl = await fetch(`${h.url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'ssl_check=1&token=legacy-fixed-token',
    });
    expect(ssl.status).toBe(200);
  });
});

describe('buttons and App Home', () => {
  const click = (actionId: string, value: string, user = 'U1') =>
    postSigned(
      `${h!.url}/slack/events`,
      payloadBody({
        type: 'block_actions',
        user: { id: user },
        team: { id: 'T0RASED' },
        api_app_id: 'A0RASED',
        channel: { id: 'C1', name: 'newsroom' },
        container: { type: 'message', channel_id: 'C1', message_ts: '1736942400.000001' },
        response_url: h!.api.responseUrl(),
        trigger_id: '1.2.3',
        actions: [{ type: 'button', action_id: actionId, block_id: 'alert_7', value, action_ts: '1736942401.0' }],
      }),
      { secret: SECRET },
    );

  it('mutes a story from the button under an alert', async () => {
    h = await startHarness({ run: recordingRun([]) });
    const sub = h.subscribers.ensure({ platform: 'slack', chatId: 'C1' }, NOW);
    expect((await click('rased_mute', '42')).status).toBe(200);
    await vi.waitFor(() => expect(h!.alerts.isMuted(sub.id, 42)).toBe(true));
    await vi.waitFor(() => expect(h!.api.responses[0]?.body.text).toBe('Story muted: no more alerts about it.'));
  });

  it('watches a place from the button, as /rased watch place:…', async () => {
    const requests: CommandRequest[] = [];
    h = await startHarness({ run: recordingRun(requests) });
    await click('rased_watch_place', 'gn:163808|Tishrin Dam');
    await vi.waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]).toMatchObject({ name: 'watch', args: 'place:"Tishrin Dam"', chatId: 'C1' });
  });

  it('publishes the home tab with the user’s channels and removes a watch from it', async () => {
    h = await startHarness({ run: recordingRun([]) });
    await slash('watch الحسكة');
    await slash('watch "Ghwayran prison"');
    await vi.waitFor(() => expect(h!.api.responses).toHaveLength(4));
    const event = {
      type: 'event_callback',
      team_id: 'T0RASED',
      api_app_id: 'A0RASED',
      event: { type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home', event_ts: '1736942400.1' },
      event_id: 'Ev1',
      event_time: 1736942400,
    };
    const r = await postSigned(`${h.url}/slack/events`, JSON.stringify(event), {
      secret: SECRET,
      contentType: 'application/json',
    });
    expect(r.status).toBe(200);
    const published = () => h!.api.calls.filter((c) => c.method === 'views.publish' && c.reply.body.ok);
    await vi.waitFor(() => expect(published()).toHaveLength(1));
    const view = JSON.stringify(published()[0]!.args.view);
    expect(view).toContain('<#C1>');
    expect(view).toContain('#1  الحسكة');
    expect(view).toContain('C1:2');
    await click('rased_unwatch', 'C1:2');
    await vi.waitFor(() => expect(published()).toHaveLength(2));
    expect(h.subscribers.watches(h.subscribers.find('slack', 'C1')!.id).map((w) => w.id)).toEqual([1]);
  });
});

describe('start', () => {
  it('says clearly when the token is refused and does not start', async () => {
    h = await startHarness({ run: recordingRun([]), token: 'xoxb-revoked' });
    expect(h.started).toEqual({ kind: 'failed', reason: 'invalid_auth' });
    expect(h.lines.find((l) => l.level === 'error')?.msg).toMatch(/token refused \(invalid_auth\).*SLACK_BOT_TOKEN/);
  });
});

const corpus = new URL('../../../../shared/corpus/slack/request_bodies/', import.meta.url);
const hasCorpus = existsSync(corpus);
if (!hasCorpus) console.warn('shared/corpus/slack is missing: the official signature example is not checked');
describe.skipIf(!hasCorpus)('the official signature example (shared corpus)', () => {
  it('verifies at its own time and is refused as a replay now', () => {
    const ex = JSON.parse(readFileSync(new URL('signature_verification_official_example.json', corpus), 'utf8'));
    const headers = {
      'x-slack-signature': ex.headers['x-slack-signature'],
      'x-slack-request-timestamp': Number(ex.headers['x-slack-request-timestamp']),
    };
    const at = headers['x-slack-request-timestamp'] * 1000 + 10_000;
    expect(() =>
      verifySlackRequest({ signingSecret: ex.signing_secret, body: ex.raw_body, headers, nowMilliseconds: at }),
    ).not.toThrow();
    expect(() => verifySlackRequest({ signingSecret: ex.signing_secret, body: ex.raw_body, headers })).toThrow(
      /stale|old|timestamp/i,
    );
    expect(() =>
      verifySlackRequest({ signingSecret: ex.signing_secret, body: `${ex.raw_body}x`, headers, nowMilliseconds: at }),
    ).toThrow();
  });
});
