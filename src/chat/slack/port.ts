// What the Slack app uses of the platform-neutral command core (src/chat/commands/core): commands
// and button presses for one chat. The Slack side adds the transport: acknowledging within 3 s, the
// ephemeral reply and the one-line announcement through response_url, who may edit
// (SLACK_ADMIN_IDS), and the announcement when a command changed the channel.
import type { CommandCore } from '../commands/core';
import type { Actor, ChatRef } from '../commands/types';

export type SlackCore = Pick<CommandCore, 'execute' | 'action' | 'langOf'>;

export const slackChat = (channelId: string, title: string | null): ChatRef => ({
  platform: 'slack',
  chatId: channelId,
  chatType: 'channel',
  title,
  threadId: null,
});

export const slackActor = (userId: string, canEdit: boolean, isAdmin: boolean): Actor => ({
  userId,
  langCode: null,
  canEdit,
  isDeploymentAdmin: isAdmin,
});
