// The Bot API stand-in in its own process for the delivery benchmark (Telegram's servers do not
// share our CPU). Prints its API root; answers {stats} with sent times, 429s and early sends.
import { startTelegramApi } from '../../test/helpers/telegram-api-server';

const limits = JSON.parse(process.env.LIMITS ?? 'null');
const groups: number[] = JSON.parse(process.env.GROUPS ?? '[]');
const tg = await startTelegramApi({ limits });
for (const id of groups) tg.setChat({ id, type: 'supergroup', title: 'g' });
process.send?.({ apiRoot: tg.apiRoot, token: tg.token });
process.on('message', async (m: { cmd: string }) => {
  if (m.cmd !== 'stats') return;
  process.send?.({
    times: tg.sent.map((s) => s.at),
    rateLimited: tg.rateLimited,
    early: tg.early,
    limitedBy: tg.limitedBy,
  });
  await tg.close();
  process.exit(0);
});
