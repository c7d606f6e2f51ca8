// A Sender that prints: for running without a chat platform (and the contract's reference). Message
// refs are a counter; nothing ever fails.
import { plainText } from './plain-text';
import type { Sender } from './sender';

export function createConsoleSender(write: (text: string) => void): Sender {
  let next = 0;
  return {
    platform: 'console',
    async send(m) {
      next++;
      const where = [m.chatId, m.threadId ? `topic ${m.threadId}` : '', m.replyTo ? `reply to ${m.replyTo}` : '']
        .filter(Boolean)
        .join(', ');
      write(`── #${next} → ${where}\n${plainText(m.view)}`);
      return { kind: 'sent', messageRef: String(next) };
    },
  };
}
