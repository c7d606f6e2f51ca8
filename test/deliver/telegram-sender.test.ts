import { Api } from 'grammy';
import { createTelegramSender } from '../../src/chat/telegram/sender';
import { startTelegramApi } from '../helpers/telegram-api-server';
import { runSenderContract } from './sender-contract';

runSenderContract('telegram (grammY Api → Bot API stand-in)', async () => {
  const tg = await startTelegramApi();
  tg.setChat({ id: 1001, type: 'private', first_name: 'Reader' });
  tg.block(2002);
  const sender = createTelegramSender(new Api(tg.token, { apiRoot: tg.apiRoot }));
  return {
    sender,
    chatId: '1001',
    blockedChatId: '2002',
    delivered: () =>
      tg.sent.map((m) => ({
        ref: String(m.messageId),
        text: m.text,
        replyTo: m.replyTo !== null ? String(m.replyTo) : null,
        threadId: m.threadId !== null ? String(m.threadId) : null,
      })),
    rateLimitNext: () => tg.inject('sendMessage', 429, 'Too Many Requests: retry after 3', { retry_after: 3 }),
    serverErrorNext: () => tg.inject('sendMessage', 502, 'Bad Gateway'),
    close: () => tg.close(),
  };
});
