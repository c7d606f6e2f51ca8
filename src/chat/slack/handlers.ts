// The Bolt listeners: the /rased command, the buttons under alerts and in App Home, and App Home
// itself. Each listener acknowledges first (Slack wants an answer within 3 s), then works, then
// answers through response_url: ephemeral to the person, plus one in_channel line when something
// changed. Errors are caught per request and answered as a short apology, never left hanging.
import type { App } from '@slack/bolt';
import type { AlertsRepo } from '../../store/alerts-repo';
import type { SubscribersRepo } from '../../store/subscribers-repo';
import { t } from '../i18n';
import { ACTION, escapeMrkdwn, renderText } from './blocks';
import { homeView } from './home';
import type { HomeStore } from './home-store';
import type { LogSink } from './logger';
import type { RunCommand } from './port';
import { EDITING, mayEdit, parseSlash } from './slash';

export interface HandlerDeps {
  readonly run: RunCommand;
  readonly subscribers: SubscribersRepo;
  readonly alerts: AlertsRepo;
  readonly home: HomeStore;
  readonly adminIds: readonly string[];
  readonly clock: () => number;
  readonly log: LogSink;
}

type Respond = (m: Record<string, unknown>) => Promise<unknown>;

const ephemeral = (text: string) => ({ response_type: 'ephemeral', replace_original: false, ...renderText(text) });
const announcement = (userId: string, line: string) => ({
  response_type: 'in_channel',
  replace_original: false,
  text: `<@${userId}>: ${escapeMrkdwn(line)}`,
});
const quotePlace = (name: string) => (/\s/.test(name) ? `place:"${name.replace(/"/g, '')}"` : `place:${name}`);

export function registerHandlers(app: App, deps: HandlerDeps): void {
  const { subscribers, log } = deps;
  const langOf = (chatId: string) => subscribers.find('slack', chatId)?.uiLang ?? 'en';

  async function runAndAnswer(
    respond: Respond,
    chatId: string,
    chatTitle: string | null,
    userId: string,
    text: string,
  ) {
    const cmd = parseSlash(text);
    if (EDITING.has(cmd.name) && !mayEdit(userId, deps.adminIds)) {
      await (respond as Respond)(ephemeral(t(langOf(chatId), 'perm.refused')));
      return;
    }
    const res = await deps.run({ platform: 'slack', chatId, chatTitle, userId, ...cmd, now: deps.clock() });
    await (respond as Respond)(ephemeral(res.reply));
    if (res.announce) await respond(announcement(userId, res.announce));
  }

  app.command('/rased', async ({ command, ack, respond }) => {
    await ack();
    const fields = { chat_id: command.channel_id, user_id: command.user_id, platform: 'slack' };
    try {
      await runAndAnswer(
        respond as Respond,
        command.channel_id,
        command.channel_name ?? null,
        command.user_id,
        command.text,
      );
    } catch (err) {
      log.error({ ...fields, err }, 'slash command failed');
      await (respond as Respond)(ephemeral('Sorry, that did not work; please try again.')).catch(() => {});
    }
  });

  app.action(ACTION.open, async ({ ack }) => {
    await ack(); // a url button: Slack opens the link; the click still needs an answer
  });

  app.action(ACTION.mute, async ({ ack, body, action, respond }) => {
    await ack();
    const chatId = (body as { channel?: { id: string } }).channel?.id ?? '';
    const sub = subscribers.find('slack', chatId);
    const storyId = Number((action as { value?: string }).value);
    if (!sub || !Number.isInteger(storyId)) return void (await (respond as Respond)(ephemeral(t('en', 'cb.stale'))));
    if (!mayEdit(body.user.id, deps.adminIds))
      return void (await (respond as Respond)(ephemeral(t(langOf(chatId), 'perm.refused'))));
    deps.alerts.mute(sub.id, storyId, deps.clock());
    await (respond as Respond)(ephemeral(t(sub.uiLang ?? 'en', 'cb.muted')));
  });

  app.action(ACTION.watchPlace, async ({ ack, body, action, respond }) => {
    await ack();
    const chatId = (body as { channel?: { id: string } }).channel?.id ?? '';
    const [, name] = ((action as { value?: string }).value ?? '').split('|');
    if (!chatId || !name) return void (await (respond as Respond)(ephemeral(t('en', 'cb.stale'))));
    await runAndAnswer(respond as Respond, chatId, null, body.user.id, `watch ${quotePlace(name)}`);
  });

  app.action(ACTION.unwatch, async ({ ack, body, action, client }) => {
    await ack();
    const [chatId, id] = ((action as { value?: string }).value ?? '').split(':');
    const sub = subscribers.find('slack', chatId ?? '');
    if (sub && mayEdit(body.user.id, deps.adminIds)) {
      const removed = subscribers.removeWatch(sub.id, Number(id));
      log.info(
        { chat_id: chatId, user_id: body.user.id, watch_id: Number(id), removed },
        'watch removed from App Home',
      );
    }
    await publishHome(client, body.user.id);
  });

  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab === 'home') await publishHome(client, event.user);
  });

  async function publishHome(client: App['client'], userId: string) {
    const channels = deps.home.channelsOf(userId);
    const lang = channels.length ? langOf(channels[0]!.channelId) : 'en';
    await client.views.publish({ user_id: userId, view: homeView(channels, lang) as never });
  }
}
