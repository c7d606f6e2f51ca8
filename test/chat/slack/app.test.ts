// The real Bolt app on 127.0.0.1 receiving signed slash commands, button clicks and events, with the
// real command core, talking to the Web API stand-in: signatures, 3-second ack, response_url replies,
// announcements, who may edit, buttons, App Home.
import { existsSync, readFileSync } from 'node:fs';
import { verifySlackRequest } from '@slack/bolt';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { payloadBody, postSigned, slashBody } from '../../helpers/slack-sign';
import { slackVisibleText, visible } from '../../helpers/slack-text';
import { type Harness, SECRET, seedAlert, startHarness, testWorld } from './harness';

// Built before the tests: the first command would otherwise build the world's indexes (a second or
// two, synchronously) inside a request whose ack time is measured.
beforeAll(() => void testWorld().ctx);

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const slash = (text: string, userId = 'U1') =>
  postSigned(
    `${h!.url}/slack/events`,
    slashBody({ text, channelId: 'C1', userId, responseUrl: h!.api.responseUrl() }),
    { secret: SECRET },
  );
const texts = () => h!.api.responses.map((x) => visible(String(x.body.text)));
const channel = () => h!.outbox.subscribers.find('slack', 'C1');
const watches = () => h!.outbox.subscribers.watches(channel()!.id).map((w) => w.query);

describe('/rased over the HTTP receiver', () => {
  it('acknowledges at once, replies ephemerally with the dry run and announces the change in one line', async () => {
    h = await startHarness({});
    const r = await slash('watch الحسكة قسد');
    expect(r.status).toBe(200);
    expect(r.ms).toBeLessThan(3000);
    await vi.waitFor(() => expect(h!.api.responses).toHaveLength(2));
    const [reply, announce] = h.api.responses.map((x) => x.body);
    expect(reply).toMatchObject({ response_type: 'ephemeral', text: 'Watch #1 added.' });
    expect(visible(slackVisibleText(reply!.blocks as never))).toMatch(
      /Understood as: .*\n.*Nothing stored in the last 24 h/s,
    );
    expect(announce!.response_type).toBe('in_channel');
    expect(visible(String(announce!.text))).toBe('<@U1> /rased watch الحسكة قسد — Watch #1 added.');
    expect(channel()).toMatchObject({ platform: 'slack', chatType: 'channel', title: 'newsroom' });
    expect(watches()).toEqual(['الحسكة قسد']);
  });

  it.each([
    ['', /Commands\n\/rased watch <query>/],
    ['   ', /Commands/],
    ['frobnicate now', /Commands/],
    ['help', /Commands/],
    ['LIST', /^No watches yet/],
    ['watch', /^Write what to watch after \/rased watch/],
    ['unwatch x', /^Write the watch number/],
    ['lang fr', /^Write \/rased lang ar/],
    ['digest weekly', /^Write \/rased digest off/],
    ['sources', /^Sources:/],
  ])('text %j is answered (help, usage or the answer), never an error', async (text, expected) => {
    h = await startHarness({});
    expect((await slash(text)).status).toBe(200);
    await vi.waitFor(() => expect(h!.api.responses).toHaveLength(1));
    expect(h.api.responses[0]!.body.response_type).toBe('ephemeral');
    expect(visible(slackVisibleText(h.api.responses[0]!.body.blocks as never))).toMatch(expected);
  });

  it('runs the same settings commands as Telegram, announcing only real changes', async () => {
    h = await startHarness({});
    for (const c of ['lang ar', 'digest hourly', 'pause', 'pause', 'resume', 'alias Hasakeh = الحسكة', 'list']) {
      const before = h.api.responses.length;
      await slash(c);
      await vi.waitFor(() => expect(h!.api.responses.length).toBeGreaterThan(before));
      await new Promise((r) => setTimeout(r, 30));
    }
    expect(channel()).toMatchObject({ uiLang: 'ar', summaryLang: 'ar', digest: 'hourly', pausedAt: null });
    await vi.waitFor(() =>
      expect(h!.api.responses.filter((x) => x.body.response_type === 'in_channel')).toHaveLength(5),
    );
    const announced = h.api.responses
      .filter((x) => x.body.response_type === 'in_channel')
      .map((x) => visible(String(x.body.text)));
    expect(announced.map((a) => a.split(' — ')[0])).toEqual([
      '<@U1> /rased lang ar',
      '<@U1> /rased digest hourly',
      '<@U1> /rased pause',
      '<@U1> /rased resume',
      '<@U1> /rased alias Hasakeh = الحسكة',
    ]);
    expect(texts()).toContain('التنبيهات موقوفة أصلاً؛ /rased resume يستأنفها.');
  });

  it.each([
    ['a wrong signature', { signature: `v0=${'0'.repeat(64)}` }],
    ['a timestamp 6 minutes old', { timestamp: Math.floor(Date.now() / 1000) - 360 }],
    ['a signature made with another secret', { secret: 'not-the-secret' }],
  ])('refuses %s with 401 and changes nothing', async (_name, over) => {
    h = await startHarness({});
    const body = slashBody({ text: 'watch الحسكة', channelId: 'C1', userId: 'U1', responseUrl: h.api.responseUrl() });
    const r = await postSigned(`${h.url}/slack/events`, body, { secret: SECRET, ...over });
    expect(r.status).toBe(401);
    await new Promise((res) => setTimeout(res, 100));
    expect(h.api.responses).toEqual([]);
    expect(channel()).toBeUndefined();
  });

  it('with SLACK_ADMIN_IDS, refuses edits by others but lets them read', async () => {
    h = await startHarness({ adminIds: ['U1'] });
    await slash('watch الحسكة', 'U2');
    await vi.waitFor(() => expect(h!.api.responses).toHaveLength(1));
    await slash('list', 'U2');
    await vi.waitFor(() => expect(h!.api.responses).toHaveLength(2));
    expect(texts()).toEqual([
      'Sorry, only the administrators of this group can change its watches and settings.',
      'No watches yet. Add one with /rased watch <query>.',
    ]);
    expect(channel()).toBeUndefined();
  });

  it('serves /healthz on the same port and 404 elsewhere; answers ssl_check', async () => {
    h = await startHarness({
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
    h = await startHarness({});
    const sub = seedAlert(h, 'C1', 42);
    expect((await click('rased_mute', '42')).status).toBe(200);
    await vi.waitFor(() => expect(texts()).toEqual(['Story muted: no more alerts about it.']));
    expect(h.outbox.alerts.isMuted(sub.id, 42)).toBe(true);
  });

  it('watches a place from the button under an alert', async () => {
    h = await startHarness({});
    h.outbox.subscribers.ensure({ platform: 'slack', chatId: 'C1' }, h.now);
    await click('rased_watch_place', 'gn:173811');
    await vi.waitFor(() => expect(texts()).toHaveLength(1));
    expect(texts()[0]).toMatch(/^Watch #1 added: Al-Hasakah/);
    expect(watches()).toEqual(['place:"Al-Hasakah"']);
  });

  it('removes a watch with the button under /rased list', async () => {
    h = await startHarness({});
    await slash('watch الحسكة');
    await vi.waitFor(() => expect(h!.api.responses).toHaveLength(2));
    await slash('list');
    await vi.waitFor(() => expect(h!.api.responses).toHaveLength(3));
    const row = (
      h.api.responses[2]!.body.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]
    ).find((b) => b.type === 'actions')!;
    await click(row.elements![0]!.action_id, row.elements![0]!.value);
    await vi.waitFor(() => expect(texts().at(-1)).toBe('Watch #1 removed.'));
    expect(watches()).toEqual([]);
  });

  it('publishes the home tab with the user’s channels and removes a watch from it', async () => {
    h = await startHarness({});
    await slash('watch الحسكة');
    await vi.waitFor(() => expect(h!.api.responses).toHaveLength(2));
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
    expect(watches()).toEqual(['الحسكة']);
  });
});

describe('start', () => {
  it('says clearly when the token is refused and does not start', async () => {
    h = await startHarness({ token: 'xoxb-revoked' });
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
