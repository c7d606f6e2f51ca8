// A command reply as a response_url message: the text as sections, the core's buttons (remove a
// watch, skip missed alerts) as actions rows whose value is the core's Action as JSON. Pure.
import type { Action, Reply } from '../commands/types';
import { ACTION, type Block, escapeMrkdwn, fitText, renderText } from './blocks';

const ROW = 5;
const MAX_ROWS = 20;

const COMMAND = /(^|[\s(])\/(start|watch|unwatch|list|lang|pause|resume|digest|sources|alias|help)\b/g;

/** The core writes Telegram's "/watch"; in Slack the same command is "/rased watch". */
export const slackCommands = (text: string) => text.replace(COMMAND, '$1/rased $2');

export function replyMessage(reply: Reply): {
  response_type: 'ephemeral';
  replace_original: false;
  text: string;
  blocks: Block[];
} {
  const { text, blocks } = renderText(slackCommands(reply.text));
  const buttons = (reply.buttons ?? []).flat().slice(0, ROW * MAX_ROWS);
  for (let i = 0; i < buttons.length; i += ROW) {
    blocks.push({
      type: 'actions',
      elements: buttons.slice(i, i + ROW).map((b, j) => ({
        type: 'button',
        text: { type: 'plain_text', text: fitText(b.text, 75), emoji: true },
        action_id: `${ACTION.reply}_${i + j}`,
        value: JSON.stringify(b.action),
      })),
    });
  }
  return { response_type: 'ephemeral', replace_original: false, text, blocks };
}

export const noticeMessage = (text: string) => ({
  response_type: 'ephemeral',
  replace_original: false,
  ...renderText(text),
});

/** The one line everyone in the channel sees: who ran what, and the first line of the answer. */
export function announcement(userId: string, commandText: string, replyText: string) {
  const first = replyText.split('\n')[0] ?? '';
  const line = `/rased ${commandText.trim().replace(/\s+/g, ' ')} — ${first}`;
  return {
    response_type: 'in_channel',
    replace_original: false,
    text: `<@${userId}> ${escapeMrkdwn(fitText(line, 300))}`,
  };
}

/** A button value back to the core's Action; null for anything else (old or forged). */
export function parseActionValue(value: string | undefined): Action | null {
  try {
    const a = JSON.parse(value ?? '') as Action;
    return a && typeof a === 'object' && typeof a.kind === 'string' ? a : null;
  } catch {
    return null;
  }
}
