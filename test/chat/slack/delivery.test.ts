// Slack end to end: signed /rased commands at the real Bolt receiver, the real pipeline recording
// alerts from a local feed, the dispatcher sending them through the real WebClient to the Web API
// stand-in. Scenarios: watch, alert, thread follow-up, pause/resume, 429 storm, kill and restart.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSlackService } from '../../../src/chat/slack/service';
import { silentLogger } from '../../../src/observe/log';
import type { World } from '../../../src/world';
import { postSigned, slashBody } from '../../helpers/slack-sign';
import { slackVisibleText, visible } from '../../helpers/slack-text';
import { rssItem, type SlackDeployment, startSlackDeployment, waitFor } from './deployment';
import { SECRET, testWorld } from './harness';

let world: World;
beforeAll(() => {
  world = testWorld();
}, 60_000);

let d: SlackDeployment | null = null;
afterEach(async () => {
  await d?.close();
  d = null;
});

const FAST = { perChatPerSec: 50, perGroupPerMin: 3000, globalPerSec: 500 };

// Reports written for these tests: two outlets on one story (clashes at Tishrin Dam near Manbij).
const DAM_1 = rssItem(
  'd1',
  'اشتباكات عنيفة قرب سد تشرين شرقي منبج',
  'https://outlet-one.example/news/dam-1',
  50,
  '<p>اندلعت اشتباكات عنيفة بين فصائل مسلحة و"قوات سوريا الديمقراطية" (قسد) قرب سد تشرين شرقي منبج في ريف حلب صباح اليوم.</p>' +
    '<p>وقال مرصد محلي إن 12 مقاتلاً قتلوا في المعارك التي استخدمت فيها طائرات مسيرة.</p>',
);
const DAM_2 = rssItem(
  'd2',
  'مقتل 12 مقاتلاً في معارك سد تشرين قرب منبج',
  'https://outlet-two.example/ar/dam-2',
  30,
  '<p>أفادت مصادر ميدانية بمقتل 12 مقاتلاً خلال معارك بين قسد وفصائل مسلحة عند سد تشرين شرق منبج بريف حلب الشرقي.</p>' +
    '<p>واستخدمت الطائرات المسيرة في قصف مواقع قرب السد، بحسب المرصد المحلي.</p>',
);
// Six unrelated local stories that all mention Manbij (written for this test).
const MANBIJ = [
  [
    'حريق يلتهم محال سوق الهال في منبج',
    'أتى حريق كبير على عشرات المحال التجارية في سوق الهال وسط منبج ليلة أمس، وعملت فرق الإطفاء حتى الفجر لإخماده.',
  ],
  [
    'افتتاح مدرسة جديدة للبنات في منبج',
    'افتتحت لجنة التربية مدرسة ثانوية للبنات في الحي الشمالي من منبج تتسع لستمئة طالبة بعد ترميم دام عامين.',
  ],
  [
    'انقطاع مياه الشرب عن أحياء منبج لثلاثة أيام',
    'قالت مديرية المياه إن عطلاً في محطة الضخ على نهر الفرات قطع مياه الشرب عن معظم أحياء منبج منذ الأحد.',
  ],
  [
    'بدء إصلاح الجسر الحديدي على طريق منبج الجنوبي',
    'بدأت ورشات البلدية أعمال صيانة الجسر الحديدي المتضرر على الطريق الجنوبي المؤدي إلى منبج ويتوقع إنجازها خلال شهر.',
  ],
  [
    'حملة تلقيح ضد الحصبة تشمل أطفال ريف منبج',
    'أطلقت منظمة صحية حملة تلقيح ضد الحصبة تستهدف أكثر من عشرين ألف طفل في قرى ريف منبج الشرقي هذا الأسبوع.',
  ],
  [
    'معرض للكتاب المستعمل يجذب الطلاب في منبج',
    'استقطب معرض للكتاب المستعمل أقامه متطوعون في المركز الثقافي بمنبج مئات الطلاب الباحثين عن مراجع جامعية رخيصة.',
  ],
] as const;
const TOPICS = MANBIJ;
const manbijItem = (i: number) =>
  rssItem(`m${i}`, MANBIJ[i]![0], `https://outlet-one.example/news/m${i}`, 20 - i, `<p>${MANBIJ[i]![1]}</p>`);

async function slash(dep: SlackDeployment, text: string) {
  const before = dep.api.responses.length;
  const r = await postSigned(
    `${dep.url}/slack/events`,
    slashBody({ text, channelId: 'C1', userId: 'U1', responseUrl: dep.api.responseUrl() }),
    { secret: SECRET },
  );
  expect(r.status).toBe(200);
  // The in_channel announcement of the previous command may land after its reply: take the reply.
  const reply = await waitFor(`answer to ${text}`, () =>
    dep.api.responses.slice(before).find((x) => x.body.response_type === 'ephemeral'),
  );
  return visible(slackVisibleText(reply.body.blocks as never));
}
const alertRows = (dep: SlackDeployment) =>
  dep.t.app.store.db.prepare('SELECT id, kind, status, message_id FROM alerts ORDER BY id').all() as {
    id: number;
    kind: string;
    status: string;
    message_id: string | null;
  }[];

describe('Slack delivery end to end', () => {
  it('watch, alert with Block Kit, follow-up in the thread of the first alert', async () => {
    d = await startSlackDeployment(world, { limits: FAST });
    expect(await slash(d, 'watch منبج')).toMatch(/Watch #1 added/);
    await d.publish('/one', DAM_1);
    const first = await waitFor('the alert', () => d!.api.posted()[0]);
    expect(first.args.channel).toBe('C1');
    expect(first.args.thread_ts).toBeUndefined();
    const blocks = first.args.blocks as { type: string }[];
    expect(blocks.map((b) => b.type)).toEqual(expect.arrayContaining(['header', 'section', 'context', 'actions']));
    expect(visible(String(first.args.text))).toContain('اشتباكات عنيفة قرب سد تشرين');

    await d.publish('/two', DAM_2);
    const second = await waitFor('the follow-up', () => d!.api.posted()[1]);
    expect(second.args.thread_ts).toBe(first.reply.body.ts);
    // The stand-in records the post before the dispatcher hears the answer and marks the row sent.
    await expect.poll(() => alertRows(d!).map((r) => r.status)).toEqual(['sent', 'sent']);
    expect(alertRows(d).map((r) => [r.kind, r.status, r.message_id])).toEqual([
      ['alert', 'sent', first.reply.body.ts],
      ['follow-up', 'sent', second.reply.body.ts],
    ]);
  });

  it('pause holds alerts; resume sends them as one digest', async () => {
    d = await startSlackDeployment(world, { limits: FAST });
    await slash(d, 'watch منبج');
    expect(await slash(d, 'pause')).toContain('Alerts paused');
    await d.publish('/one', DAM_1);
    await d.publish('/two', DAM_2);
    await new Promise((r) => setTimeout(r, 200));
    expect(d.api.posted()).toHaveLength(0);
    expect(await slash(d, 'resume')).toMatch(/You missed 2 alerts on 1 stories/);
    const digest = await waitFor('the digest', () => d!.api.posted()[0]);
    expect(visible(slackVisibleText(digest.args.blocks as never))).toContain(
      'While alerts were paused: 2 alerts on 1 stories',
    );
  });

  it('a 429 storm: every alert arrives once, none within 1 s of another in the channel', async () => {
    d = await startSlackDeployment(world, {
      limits: { perChatPerSec: 20, perGroupPerMin: 1200, globalPerSec: 100 },
      standIn: { minIntervalMs: 1000, retryAfterSec: 1 },
    });
    await slash(d, 'watch منبج');
    for (let i = 0; i < TOPICS.length; i++) await d.publish('/one', manbijItem(i));
    const started = Date.now();
    await waitFor(
      'all sent',
      () => alertRows(d!).length === TOPICS.length && alertRows(d!).every((r) => r.status === 'sent'),
      20_000,
    );
    const ok = d.api.posted();
    const limited = d.api.calls.filter((c) => c.method === 'chat.postMessage' && c.reply.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(new Set(ok.map((c) => c.reply.body.ts)).size).toBe(ok.length);
    expect(new Set(alertRows(d).map((r) => r.message_id)).size).toBe(ok.length);
    for (let i = 1; i < ok.length; i++) expect(ok[i]!.at - ok[i - 1]!.at).toBeGreaterThanOrEqual(1000);
    console.info(
      `slack 429 storm: ${TOPICS.length} alerts, ${ok.length} messages, ${limited.length} answered 429, ${Date.now() - started} ms`,
    );
  }, 30_000);

  it('kill and restart: an alert caught between "sending" and "sent" is sent again (one duplicate), none lost', async () => {
    d = await startSlackDeployment(world, { limits: FAST });
    await slash(d, 'watch منبج');
    await d.svc.dispatcher.stop();
    await d.publish('/one', manbijItem(0));
    await d.publish('/one', manbijItem(1));
    const [a, b] = alertRows(d);
    expect([a?.status, b?.status]).toEqual(['pending', 'pending']);
    // The crash: the first alert was marked sending and reached Slack; its ts was never recorded.
    d.svc.store.markSending([a!.id]);
    await d.svc.app!.client.chat.postMessage({ channel: 'C1', text: 'the message in flight at the crash' });
    const restarted = createSlackService({
      botToken: 'xoxb-test-token',
      appToken: null,
      signingSecret: SECRET,
      apiUrl: d.api.apiUrl,
      port: 0,
      adminIds: [],
      db: d.t.app.store.db,
      articles: d.t.app.articles,
      matchContext: () => world.ctx,
      sourceName: () => 'Outlet One',
      sources: () => [],
      limits: FAST,
      clock: Date.now,
      random: () => 0.5,
      log: silentLogger(),
      scanEveryMs: 20,
      listen: false,
    });
    await restarted.start();
    try {
      await waitFor('both sent', () => alertRows(d!).every((r) => r.status === 'sent'));
      const posts = d.api.posted();
      expect(posts).toHaveLength(3); // in-flight copy + the resend of a + b
      expect(alertRows(d).map((r) => r.status)).toEqual(['sent', 'sent']);
    } finally {
      await restarted.stop();
    }
  });
});
