// `/rased <subcommand> <args>` → the command core's command. The subcommands are the Telegram bot's
// commands under one Slack slash command, parsed by the same parser (src/chat/commands/parse) so the
// query language and usage answers are the same. An empty or unknown subcommand is help, never an
// error: Slack users discover commands by typing `/rased`. Pure.
import { type Command, parseCommand } from '../commands/parse';

export function parseSlash(text: string): Command {
  const trimmed = text.trim().replace(/^\//, '');
  const [head = '', ...rest] = trimmed.split(/(\s+)/);
  const cmd = head ? parseCommand(`/${head.toLowerCase()}${rest.join('')}`) : null;
  return cmd === null || cmd.name === 'unknown' ? { name: 'help' } : cmd;
}

/** Who may change a channel's watches: any member, or only the listed user ids (SLACK_ADMIN_IDS). */
export const mayEdit = (userId: string, adminIds: readonly string[]): boolean =>
  adminIds.length === 0 || adminIds.includes(userId);
