// The Bolt listeners: the /rased command, the buttons under alerts, replies and in App Home, and
// App Home itself. Each listener acknowledges first (Slack wants an answer within 3 s), then lets the
// command core work, then answers through response_url: ephemeral to the person, plus one in_channel
// line when the command changed the channel (its settings or watches). Errors are caught per request
// and answered with a short apology, never left hanging.
import type { App } from '@slack/bolt';
import type { Command } from '../commands/parse';
import type { Action } from '../commands/types';
import { t } from '../i18n';
import { ACTION } from './blocks';
import { homeView } from './home';
import type { HomeStore } from './home-store';
import type { LogSink } from './logger';
import { type SlackCore, slackActor, slackChat } from './port';
import { announcement, noticeMessage, parseActionValue, replyMessage } from './reply';
import { mayEdit, parseSlash } from './slash';

export interface HandlerDeps {
  readonly core: SlackCore;
  readonly home: HomeStore;
  /** The channel's settings and watches, to tell whether a command changed them. */
  readonly fingerprint: (channelId: string) => string;
  readonly adminIds: readonly string[];
  readonly log: LogSink;
}

type Respond = (m: Record<string, unknown>) => Promise<unknown>;
type Payload = { user: { id: string }; channel?: { id: string; name?: string }; container?: { channel_id?: string } };

const channelOf = (body: Payload) => body.channel?.id ?? body.container?.channel_id ?? '';

export function registerHandlers(app: App, deps: HandlerDeps): void {
  const { core, log } = deps;
  const actor = (userId: string) => slackActor(userId, mayEdit(userId, deps.adminIds), deps.adminIds.includes(userId));

  async function runCommand(
    respond: Respond,
    channelId: string,
    title: string | null,
    userId: string,
    text: string,
    cmd: Command,
  ) {
    const before = deps.fingerprint(channelId);
    const reply = await core.execute(cmd, slackChat(channelId, title), actor(userId));
    await respond(replyMessage(reply));
    if (deps.fingerprint(channelId) !== before) await respond(announcement(userId, text, reply.text));
  }

  async function press(respond: Respond, channelId: string, userId: string, action: Action | null) {
    if (!action || !channelId) return respond(noticeMessage(t('en', 'cb.stale')));
    const result = core.action(action, slackChat(channelId, null), actor(userId));
    // 'relang' re-renders a Telegram alert; Slack alerts show every summary language already.
    if (result.kind === 'notice') await respond(noticeMessage(result.text));
  }

  app.command('/rased', async ({ command, ack, respond }) => {
    await ack();
    try {
      const cmd = parseSlash(command.text);
      await runCommand(
        respond as Respond,
        command.channel_id,
        command.channel_name ?? null,
        command.user_id,
        command.text,
        cmd,
      );
    } catch (err) {
      log.error(
        { chat_id: command.channel_id, user_id: command.user_id, platform: 'slack', err },
        'slash command failed',
      );
      await (respond as Respond)(noticeMessage('Sorry, that did not work; please try again.')).catch(() => {});
    }
  });

  // A url button: Slack opens the link itself; the click still needs an answer.
  app.action(ACTION.open, async ({ ack }) => void (await ack()));

  app.action(ACTION.mute, async ({ ack, body, action, respond }) => {
    await ack();
    const storyId = Number((action as { value?: string }).value);
    const a: Action | null = Number.isInteger(storyId) ? { kind: 'mute', storyId } : null;
    await press(respond as Respond, channelOf(body as Payload), body.user.id, a);
  });

  app.action(ACTION.watchPlace, async ({ ack, body, action, respond }) => {
    await ack();
    const placeId = (action as { value?: string }).value;
    await press(
      respond as Respond,
      channelOf(body as Payload),
      body.user.id,
      placeId ? { kind: 'watch-place', placeId } : null,
    );
  });

  app.action(new RegExp(`^${ACTION.reply}_`), async ({ ack, body, action, respond }) => {
    await ack();
    const a = parseActionValue((action as { value?: string }).value);
    await press(respond as Respond, channelOf(body as Payload), body.user.id, a);
  });

  app.action(ACTION.unwatch, async ({ ack, body, action, client }) => {
    await ack();
    const [channelId = '', id] = ((action as { value?: string }).value ?? '').split(':');
    const result = core.action(
      { kind: 'unwatch', watchId: Number(id) },
      slackChat(channelId, null),
      actor(body.user.id),
    );
    log.info(
      { chat_id: channelId, user_id: body.user.id, watch_id: Number(id), result: result.kind },
      'App Home: remove watch',
    );
    await publishHome(client, body.user.id);
  });

  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab === 'home') await publishHome(client, event.user);
  });

  async function publishHome(client: App['client'], userId: string) {
    const channels = deps.home.channelsOf(userId);
    const lang = channels.length ? core.langOf(slackChat(channels[0]!.channelId, null), actor(userId)) : 'en';
    await client.views.publish({ user_id: userId, view: homeView(channels, lang) as never });
  }
}
