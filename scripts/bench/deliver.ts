// Delivery benchmark (issue 6): drain 5,000 queued alerts to 500 chats (400 private, 100 groups)
// through the real dispatcher and Telegram sender against the Bot API stand-in enforcing the same
// limits. Reports the achieved rate as a fraction of the allowed maximum (target >= 90%), the 429s
// provoked (target 0) and the sends before a retry_after elapsed (target 0).
// The limits are Telegram's × `scale` (default 10: 250 msg/s overall, 10/s per chat, 200/min per
// group) so the run takes ~20 s; RASED_BENCH_DELIVER_SCALE=1 runs at Telegram's real numbers (~200 s).
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Api } from 'grammy';
import { createTelegramSender } from '../../src/chat/telegram/sender';
import { createDispatcher } from '../../src/deliver/dispatcher';
import { createOutboxStore } from '../../src/deliver/outbox-store';
import { chatSpacingMs, type Limits, TELEGRAM_LIMITS } from '../../src/deliver/pacer';
import { createViewBuilder } from '../../src/deliver/view';
import { silentLogger } from '../../src/observe/log';
import { createArticlesRepo } from '../../src/store/articles-repo';
import { openStore } from '../../src/store/db';
import { seedAlerts } from '../../test/deliver/seed';

export interface DeliverBenchResult {
  readonly alerts: number;
  readonly chats: number;
  readonly limits: Limits;
  readonly elapsedMs: number;
  readonly minimumMs: number;
  readonly achievedPerSec: number;
  readonly maxPerSec: number;
  readonly fraction: number;
  readonly rateLimited: number;
  readonly early: number;
  readonly sent: number;
}

export async function runDeliverBench(
  opts: { scale?: number; privateChats?: number; groups?: number; perChat?: number } = {},
): Promise<DeliverBenchResult> {
  const scale = opts.scale ?? Number(process.env.RASED_BENCH_DELIVER_SCALE ?? 10);
  const limits: Limits = {
    perChatPerSec: TELEGRAM_LIMITS.perChatPerSec * scale,
    perGroupPerMin: TELEGRAM_LIMITS.perGroupPerMin * scale,
    globalPerSec: TELEGRAM_LIMITS.globalPerSec * scale,
  };
  const privateChats = opts.privateChats ?? 400;
  const groups = opts.groups ?? 100;
  const perChat = opts.perChat ?? 10;
  const store = openStore(':memory:');
  const chats = [
    ...Array.from({ length: privateChats }, (_, i) => ({ chatId: String(10_000 + i), chatType: 'private' as const })),
    ...Array.from({ length: groups }, (_, i) => ({ chatId: String(-100_000 - i), chatType: 'supergroup' as const })),
  ];
  const tg = await startStandIn(
    limits,
    chats.filter((c) => c.chatType !== 'private').map((c) => Number(c.chatId)),
  );
  const ids = seedAlerts(store.db, chats, perChat, { createdAt: Date.now() });
  const outbox = createOutboxStore(store.db);
  const dispatcher = createDispatcher({
    store: outbox,
    views: createViewBuilder({ store: outbox, articles: createArticlesRepo(store.db), sourceName: () => 'Outlet One' }),
    sender: createTelegramSender(new Api(tg.token, { apiRoot: tg.apiRoot })),
    limits,
    clock: Date.now,
    random: Math.random,
    log: silentLogger(),
  });
  await dispatcher.drain();
  const stats = await tg.stats();
  if (stats.rateLimited) console.error('429s by limit:', stats.limitedBy);
  const times = stats.times;
  const elapsedMs = Math.max(...times) - Math.min(...times);
  // The fastest the limits allow: the overall rate, or the slowest chat's own pacing.
  const minimumMs = Math.max(
    ((ids.length - 1) * 1000) / limits.globalPerSec,
    (perChat - 1) * chatSpacingMs(limits, groups > 0 ? 'group' : 'private'),
  );
  const result: DeliverBenchResult = {
    alerts: ids.length,
    chats: chats.length,
    limits,
    elapsedMs,
    minimumMs,
    achievedPerSec: ((times.length - 1) * 1000) / elapsedMs,
    maxPerSec: ((ids.length - 1) * 1000) / minimumMs,
    fraction: minimumMs / elapsedMs,
    rateLimited: stats.rateLimited,
    early: stats.early,
    sent: times.length,
  };
  store.close();
  return result;
}

interface Stats {
  times: number[];
  rateLimited: number;
  early: number;
  limitedBy: Record<string, number>;
}

/** Starts the stand-in in a child process (./telegram-standin). */
async function startStandIn(limits: Limits, groups: number[]) {
  const child = fork(fileURLToPath(new URL('./telegram-standin.ts', import.meta.url)), [], {
    env: { ...process.env, LIMITS: JSON.stringify(limits), GROUPS: JSON.stringify(groups) },
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { apiRoot, token } = await new Promise<{ apiRoot: string; token: string }>((r) =>
    child.once('message', r as never),
  );
  return {
    apiRoot,
    token,
    stats: () =>
      new Promise<Stats>((resolve) => {
        child.once('message', resolve as never);
        child.send({ cmd: 'stats' });
      }),
  };
}

export function formatDeliver(r: DeliverBenchResult): string {
  const l = r.limits;
  return [
    '## Delivery (Telegram dispatcher → Bot API stand-in enforcing the limits)',
    '',
    `limits: ${l.globalPerSec}/s overall, ${l.perChatPerSec}/s per chat, ${l.perGroupPerMin}/min per group`,
    '',
    '| alerts | chats | sent | elapsed | allowed minimum | achieved | allowed max | fraction (≥ 90%) | 429s (0) | sends before retry_after (0) |',
    '|---|---|---|---|---|---|---|---|---|---|',
    `| ${r.alerts} | ${r.chats} | ${r.sent} | ${(r.elapsedMs / 1000).toFixed(1)} s | ${(r.minimumMs / 1000).toFixed(1)} s | ` +
      `${r.achievedPerSec.toFixed(1)}/s | ${r.maxPerSec.toFixed(1)}/s | ${(r.fraction * 100).toFixed(1)}% | ${r.rateLimited} | ${r.early} |`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(formatDeliver(await runDeliverBench()));
}
