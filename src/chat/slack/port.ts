// What the Slack app needs from the platform-neutral command core (src/chat/commands): run one
// command for one chat and say what to answer. The Slack side adds the transport: acknowledging
// within 3 s, the ephemeral reply and the one-line announcement through response_url, and who may
// edit (SLACK_ADMIN_IDS).
import type { UiLang } from '../i18n';
import type { Subcommand } from './slash';

export interface CommandRequest {
  readonly platform: 'slack';
  readonly chatId: string;
  readonly chatTitle: string | null;
  readonly userId: string;
  readonly name: Subcommand;
  readonly args: string;
  readonly now: number;
}

export interface CommandResponse {
  /** The answer to the person who ran the command (plain text, may span lines). */
  readonly reply: string;
  /** One line for everyone in the channel when the command changed something; null otherwise. */
  readonly announce: string | null;
  readonly lang: UiLang;
}

export type RunCommand = (req: CommandRequest) => Promise<CommandResponse>;
