// The real grammY bot and dispatcher against the Bot API stand-in, with the real pipeline storing
// articles and recording alerts: subscribe, watch, alert, follow-up as a reply, group permissions,
// forum topics, channels, buttons, blocked users, migration.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadWorld, type World } from '../../src/world';
import { checkTelegramHtml } from '../helpers/telegram-html';
import { type Deployment, nextReply, rssItem, say, startDeployment, user, waitFor } from './telegram-fixture';

let world: World;
beforeAll(() => {
  const w = loadWorld('config');
  if (!w.ok) throw new Error(w.error);
  world = w.value;
}, 60_000);

const HASAKAH_1 = rssItem(
  'a1',
  'هجوم بسيارة مفخخة قرب سجن غويران بالحسكة',
  'https://outlet-one.example/news/1',
  new Date(Date.now() - 3_600_000).toUTCString(),
  '<p>هاجمت خلايا تابعة لتنظيم "داعش" بسيارة مفخخة حاجزاً لـ"قوات سوريا الديمقراطية" (قسد) قرب سجن غويران في مدينة الحسكة فجر اليوم.</p>' +
    '<p>وقالت مصادر محلية إن نحو 15 محتجزاً فروا من السجن خلال الاشتباكات، فيما حلقت طائرات التحالف الدولي فوق المنطقة.</p>',
);
const HASAKAH_2 = rssItem(
  'b1',
  'فرار محتجزين من سجن الصناعة في الحسكة بعد تفجير سيارة مفخخة',
  'https://outlet-two.example/ar/2',
  new Date(Date.now() - 1_800_000).toUTCString(),
  '<p>أفادت مصادر بفرار نحو 15 محتجزاً من عناصر تنظيم الدولة الإسلامية من سجن الصناعة (غويران) جنوبي الحسكة، بعد تفجير سيارة مفخخة عند بوابته.</p>' +
    '<p>ودفعت قوات سوريا الديمقراطية بتعزيزات إلى محيط السجن، وفرضت قوى الأمن الداخلي حظر تجوال.</p>',
);

let d: Deployment | null = null;
afterEach(async () => {
  await d?.close();
  d = null;
});

const PRIVATE = { id: 501, type: 'private', first_name: 'Reader' };
const GROUP = { id: -100200, type: 'supergroup', title: 'Newsroom', is_forum: true };

/** Sends a command and returns the bot's reply text. */
async function command(
  dep: Deployment,
  chat: typeof PRIVATE | typeof GROUP,
  from: ReturnType<typeof user> | null,
  text: string,
  threadId?: number,
) {
  const before = dep.tg.sentTo(chat.id).length;
  say(dep.tg, chat, from, text, threadId);
  return nextReply(dep.tg, chat.id, before);
}

async function newArticle(dep: Deployment, feed: '/one' | '/two', item: string) {
  dep.feeds[feed] = [...(dep.feeds[feed] ?? []), item];
  await dep.t.app.scheduler.runOnce();
  dep.svc.dispatcher.wake();
}

describe('Telegram bot against the Bot API stand-in', () => {
  it('registers its commands in English and Arabic', async () => {
    d = await startDeployment(world);
    expect(d.tg.commands.get('')).toContainEqual({ command: 'watch', description: 'Add a watch: /watch <query>' });
    expect((d.tg.commands.get('ar') as { command: string }[]).map((c) => c.command)).toContain('watch');
  });

  it('a user subscribes and watches; an article arrives; the alert arrives; the second report replies to it', async () => {
    d = await startDeployment(world);
    const me = user(501, 'ar');
    const start = await command(d, PRIVATE, me, '/start');
    expect(start.text.split('\n')).toHaveLength(3);
    expect(start.text).toContain('راصد');

    const watch = await command(d, PRIVATE, me, '/watch الحسكة');
    expect(watch.text).toMatch(/أضيفت المتابعة رقم \d+/);
    expect(watch.text).toContain('الحسكة →');
    expect(watch.text).toContain('خلال آخر 24 ساعة');

    await newArticle(d, '/one', HASAKAH_1);
    const first = await nextReply(d.tg, PRIVATE.id, 2);
    expect(checkTelegramHtml(first.html).ok).toBe(true);
    expect(first.html).toContain(
      '<a href="https://outlet-one.example/news/1">هجوم بسيارة مفخخة قرب سجن غويران بالحسكة</a>',
    );
    expect(first.text).toContain('Outlet One');
    const buttons = (first.replyMarkup as { inline_keyboard: { callback_data: string }[][] }).inline_keyboard.flat();
    for (const b of buttons) expect(new TextEncoder().encode(b.callback_data).length).toBeLessThanOrEqual(64);

    await newArticle(d, '/two', HASAKAH_2);
    const second = await nextReply(d.tg, PRIVATE.id, 3);
    expect(second.replyTo).toBe(first.messageId);
    expect(second.text).toContain('متابعة');
    const rows = () => d!.t.app.store.db.prepare(`SELECT status, message_id FROM alerts ORDER BY id`).all();
    await expect.poll(rows).toEqual([
      { status: 'sent', message_id: String(first.messageId) },
      { status: 'sent', message_id: String(second.messageId) },
    ]);
  });

  it('an invalid query gets the reason and an example, and nothing is saved', async () => {
    d = await startDeployment(world);
    const reply = await command(d, PRIVATE, user(501), '/watch (الحسكة');
    expect(reply.text).toContain('That query was not saved');
    expect(reply.text).toContain('Examples:');
    expect(d.t.app.store.db.prepare('SELECT count(*) AS n FROM watches').get()).toEqual({ n: 0 });
  });

  it('in a group only administrators edit: a member is refused politely and nothing changes', async () => {
    d = await startDeployment(world);
    d.tg.setChat(GROUP as never);
    d.tg.setMember(GROUP.id, 11, 'member');
    d.tg.setMember(GROUP.id, 12, 'administrator');
    const refused = await command(d, GROUP, user(11), '/watch Hasakah');
    expect(refused.text).toBe('Sorry, only the administrators of this group can change its watches and settings.');
    expect(d.t.app.store.db.prepare('SELECT count(*) AS n FROM watches').get()).toEqual({ n: 0 });
    expect(d.tg.calls.some((c) => c.method === 'getChatMember')).toBe(true);

    const list = await command(d, GROUP, user(11), '/list');
    expect(list.text).toContain('No watches yet');

    const ok = await command(d, GROUP, user(12), '/watch Hasakah', 33);
    expect(ok.text).toMatch(/Watch #\d+ added/);
    expect(ok.threadId).toBe(33);
    const w = d.t.app.store.db.prepare('SELECT thread_id FROM watches').get();
    expect(w).toEqual({ thread_id: '33' });

    await newArticle(d, '/one', HASAKAH_1);
    const alert = await nextReply(d.tg, GROUP.id, 3);
    expect(alert.threadId).toBe(33);
  });

  it('in a channel, commands posted in the channel edit it', async () => {
    d = await startDeployment(world);
    const channel = { id: -100300, type: 'channel', title: 'Alerts channel' };
    d.tg.setChat(channel as never);
    const reply = await command(d, channel as never, null, '/watch Hasakah');
    expect(reply.text).toMatch(/Watch #\d+ added/);
  });

  it('/list offers a remove button per watch; pressing it removes the watch; a stale one is answered politely', async () => {
    d = await startDeployment(world);
    const me = user(501);
    await command(d, PRIVATE, me, '/watch Hasakah');
    const list = await command(d, PRIVATE, me, '/list');
    const data = (list.replyMarkup as { inline_keyboard: { callback_data: string }[][] }).inline_keyboard[0]![0]!
      .callback_data;
    expect(data).toMatch(/^u:\d+$/);
    const press = () =>
      d!.tg.pushUpdate({
        callback_query: {
          id: `cq${Math.random()}`,
          from: me,
          chat_instance: '1',
          data,
          message: { message_id: list.messageId, date: 0, chat: PRIVATE, text: list.text },
        },
      });
    press();
    await waitFor('answer', () => d!.tg.answers.length === 1);
    expect(d.tg.answers[0]!.text).toMatch(/Watch #\d+ removed/);
    press();
    await waitFor('second answer', () => d!.tg.answers.length === 2);
    expect(d.tg.answers[1]!.text).toBe('This button is no longer valid.');
  });

  it('the language button edits the alert to the other summary language; mute stops the story', async () => {
    d = await startDeployment(world);
    const me = user(501);
    await command(d, PRIVATE, me, '/watch الحسكة');
    await newArticle(d, '/one', HASAKAH_1);
    const alert = await nextReply(d.tg, PRIVATE.id, 1);
    const buttons = (alert.replyMarkup as { inline_keyboard: { callback_data: string }[][] }).inline_keyboard.flat();
    const mute = buttons.find((b) => b.callback_data.startsWith('m:'))!;
    const cq = (data: string) =>
      d!.tg.pushUpdate({
        callback_query: {
          id: `cq${data}`,
          from: me,
          chat_instance: '1',
          data,
          message: { message_id: alert.messageId, date: 0, chat: PRIVATE, text: alert.text },
        },
      });
    cq(mute.callback_data);
    await waitFor('mute answer', () => d!.tg.answers.length === 1);
    expect(d.tg.answers[0]!.text).toBe('Story muted: no more alerts about it.');
    await newArticle(d, '/two', HASAKAH_2);
    await new Promise((r) => setTimeout(r, 200));
    expect(d.tg.sentTo(PRIVATE.id)).toHaveLength(2);

    const lang = buttons.find((b) => b.callback_data.startsWith('l:'))!;
    cq(lang.callback_data);
    await waitFor('edit', () => d!.tg.calls.some((c) => c.method === 'editMessageText' && c.status === 200));
    await waitFor('answer', () => d!.tg.answers.length === 2);
    const edited = d.tg.message(PRIVATE.id, alert.messageId)!.replyMarkup as {
      inline_keyboard: { callback_data: string }[][];
    };
    // Arabic only now; the built-in summary has no English, so no button back to it.
    expect(lang.callback_data).toMatch(/^l:\d+:ar$/);
    expect(edited.inline_keyboard.flat().map((b) => b.callback_data)).toEqual(['m:1', expect.stringMatching(/^w:/)]);

    cq('l:999999:en');
    await waitFor('stale answer', () => d!.tg.answers.length === 3);
    expect(d.tg.answers[2]!.text).toBe('This button is no longer valid.');
  });

  it('a user who blocked the bot is deactivated; re-adding reactivates the chat', async () => {
    d = await startDeployment(world);
    await command(d, PRIVATE, user(501), '/watch الحسكة');
    d.tg.block(PRIVATE.id);
    await newArticle(d, '/one', HASAKAH_1);
    const sub = () => d!.t.app.subscribers.find('telegram', String(PRIVATE.id))!;
    await waitFor('deactivation', () => !sub().active);
    expect(sub().inactiveReason).toBe('Forbidden: bot was blocked by the user');
    expect(d.t.app.store.db.prepare(`SELECT status FROM alerts`).all()).toEqual([{ status: 'skipped' }]);

    d.tg.pushUpdate({
      my_chat_member: {
        chat: PRIVATE,
        from: user(501),
        date: 0,
        old_chat_member: { status: 'kicked', user: { id: 777000111, is_bot: true, first_name: 'bot' }, until_date: 0 },
        new_chat_member: { status: 'member', user: { id: 777000111, is_bot: true, first_name: 'bot' } },
      },
    });
    await waitFor('reactivation', () => sub().active);
  });

  it('my_chat_member "left" deactivates a group', async () => {
    d = await startDeployment(world);
    d.tg.setMember(GROUP.id, 12, 'administrator');
    await command(d, GROUP, user(12), '/start');
    d.tg.pushUpdate({
      my_chat_member: {
        chat: GROUP,
        from: user(12),
        date: 0,
        old_chat_member: { status: 'member', user: { id: 777000111, is_bot: true, first_name: 'bot' } },
        new_chat_member: { status: 'left', user: { id: 777000111, is_bot: true, first_name: 'bot' } },
      },
    });
    await waitFor('deactivation', () => !d!.t.app.subscribers.find('telegram', String(GROUP.id))!.active);
  });

  it('group → supergroup migration moves watches and history; alerts follow to the new id', async () => {
    d = await startDeployment(world);
    const group = { id: -4001, type: 'group', title: 'Old group' };
    d.tg.setChat(group as never);
    d.tg.setMember(group.id, 12, 'creator');
    await command(d, group as never, user(12), '/watch الحسكة');
    d.tg.migrate(group.id, -1004001);
    await newArticle(d, '/one', HASAKAH_1);
    const moved = await nextReply(d.tg, -1004001, 0);
    expect(moved.text).toContain('غويران');
    expect(d.t.app.subscribers.find('telegram', '-1004001')).toBeDefined();
    expect(d.t.app.subscribers.find('telegram', String(group.id))).toBeUndefined();

    // The service message path: migrate_to_chat_id in the old group.
    d.tg.pushUpdate({
      message: {
        message_id: 5,
        date: 0,
        chat: { id: -1004001, type: 'group', title: 'x' },
        migrate_to_chat_id: -1009999,
      },
    });
    await waitFor('second migration', () => d!.t.app.subscribers.find('telegram', '-1009999'));
  });

  it('/pause holds alerts; /resume offers them as one digest', async () => {
    d = await startDeployment(world);
    const me = user(501);
    await command(d, PRIVATE, me, '/watch الحسكة');
    await command(d, PRIVATE, me, '/watch داعش');
    expect((await command(d, PRIVATE, me, '/pause')).text).toContain('Alerts paused');
    await newArticle(d, '/one', HASAKAH_1);
    await newArticle(d, '/two', HASAKAH_2);
    await new Promise((r) => setTimeout(r, 100));
    expect(d.tg.sentTo(PRIVATE.id)).toHaveLength(3);
    const resumed = await command(d, PRIVATE, me, '/resume');
    expect(resumed.text).toContain('You missed 2 alerts on 1 stories');
    const digest = await nextReply(d.tg, PRIVATE.id, 4);
    expect(digest.text).toContain('While alerts were paused: 2 alerts on 1 stories');
  });

  it('/lang, /digest, /sources, /alias and /help answer in the chat language', async () => {
    d = await startDeployment(world);
    const me = user(501, 'en');
    expect((await command(d, PRIVATE, me, '/lang ar')).text).toBe('الملخصات: بالعربية.');
    expect((await command(d, PRIVATE, me, '/digest hourly')).text).toBe('تُجمع التنبيهات في رسالة واحدة كل ساعة.');
    expect((await command(d, PRIVATE, me, '/sources')).text).toContain('⚠️ Outlet Two — متعثر: HTTP 503');
    expect((await command(d, PRIVATE, me, '/alias Hasakeh = الحسكة')).text).toContain('Hasakeh');
    const help = await command(d, PRIVATE, me, '/help');
    expect(help.text).toContain('/watch <query>');
    expect(help.text).toContain('/watch <استعلام>');
  });
});
