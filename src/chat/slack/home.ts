// The App Home tab (views.publish): the channels the user ran /rased in, each with its watches and a
// remove button per watch. At most 100 blocks (Block Kit's limit for Home); channels beyond that are
// summarized in one line. Pure.
import { t, type UiLang } from '../i18n';
import { ACTION, type Block, fitText } from './blocks';

export interface HomeChannel {
  readonly channelId: string;
  readonly paused: boolean;
  readonly watches: readonly { readonly id: number; readonly query: string }[];
}

const HOME_BLOCKS = 100;
const plain = (text: string) => ({ type: 'plain_text', text, emoji: true });

export function homeView(channels: readonly HomeChannel[], lang: UiLang): { type: 'home'; blocks: Block[] } {
  const blocks: Block[] = [{ type: 'header', text: plain('Rased · راصد') }];
  if (channels.length === 0) {
    blocks.push({ type: 'section', text: plain(t(lang, 'list.empty').replace('/watch', '/rased watch')) });
    return { type: 'home', blocks };
  }
  let left = channels.length;
  for (const ch of channels) {
    const needed = 2 + Math.max(1, ch.watches.length);
    if (blocks.length + needed > HOME_BLOCKS - 1) break;
    left--;
    blocks.push({ type: 'divider' });
    // <#C…> renders the channel's name for the viewer (mrkdwn); nothing else is in this text.
    const state = ch.paused ? ` · ${t(lang, 'pause.done').split('.')[0]}` : '';
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `*<#${ch.channelId}>*${state}` } });
    if (ch.watches.length === 0)
      blocks.push({ type: 'section', text: plain(t(lang, 'list.empty').replace('/watch', '/rased watch')) });
    for (const w of ch.watches) {
      blocks.push({
        type: 'section',
        text: plain(fitText(`#${w.id}  ${w.query}`, 2000)),
        accessory: {
          type: 'button',
          text: plain(t(lang, 'list.remove', { id: w.id })),
          action_id: ACTION.unwatch,
          value: `${ch.channelId}:${w.id}`,
          style: 'danger',
        },
      });
    }
  }
  if (left > 0) blocks.push({ type: 'context', elements: [plain(`+${left} …`)] });
  return { type: 'home', blocks };
}
