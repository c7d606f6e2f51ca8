import { createConsoleSender } from '../../src/deliver/console-sender';
import { type DeliveredMessage, runSenderContract } from './sender-contract';

runSenderContract('console', async () => {
  const out: DeliveredMessage[] = [];
  let n = 0;
  const sender = createConsoleSender((text) => {
    n++;
    const [head, ...body] = text.split('\n');
    const reply = /reply to (\d+)/.exec(head ?? '');
    out.push({ ref: String(n), text: body.join('\n'), replyTo: reply ? reply[1]! : null, threadId: null });
  });
  return { sender, chatId: 'console', delivered: () => out, close: async () => {} };
});
