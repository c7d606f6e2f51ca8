// `/rased <subcommand> <args>` → the platform-neutral command and its arguments. The subcommands are
// the Telegram bot's commands under one Slack slash command. An empty or unknown subcommand is help
// (never an error), since Slack users discover commands by typing `/rased`. Pure.

export const SUBCOMMANDS = [
  'watch',
  'unwatch',
  'list',
  'lang',
  'pause',
  'resume',
  'digest',
  'sources',
  'alias',
  'help',
] as const;
export type Subcommand = (typeof SUBCOMMANDS)[number];

/** Commands that change the channel's watches or settings (SLACK_ADMIN_IDS restricts these). */
export const EDITING: ReadonlySet<Subcommand> = new Set([
  'watch',
  'unwatch',
  'lang',
  'pause',
  'resume',
  'digest',
  'alias',
]);

export interface SlashCommand {
  readonly name: Subcommand;
  readonly args: string;
}

const KNOWN = new Set<string>(SUBCOMMANDS);

export function parseSlash(text: string): SlashCommand {
  const trimmed = text.trim();
  const space = trimmed.search(/\s/);
  const head = (space < 0 ? trimmed : trimmed.slice(0, space)).toLowerCase().replace(/^\//, '');
  const args = space < 0 ? '' : trimmed.slice(space + 1).trim();
  return KNOWN.has(head) ? { name: head as Subcommand, args } : { name: 'help', args: '' };
}

/** Who may run editing commands: everyone in the channel, or only the listed user ids. */
export const mayEdit = (userId: string, adminIds: readonly string[]): boolean =>
  adminIds.length === 0 || adminIds.includes(userId);
