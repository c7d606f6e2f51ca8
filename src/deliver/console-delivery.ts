// Delivery to the terminal: the real dispatcher (outbox, follow-up policy, summaries) with the
// console sender, for subscribers on the 'console' platform (the demo, a terminal-only setup).
import type { MatchContext } from '../match/context';
import type { ArticlesRepo } from '../store/articles-repo';
import type { Db } from '../store/db';
import { createConsoleSender } from './console-sender';
import { createDispatcher } from './dispatcher';
import { createDeliveryParts } from './parts';
import type { AlertSummarizer } from './view';

export interface ConsoleDeliveryDeps {
  db: Db;
  articles: ArticlesRepo;
  sourceName: (id: string) => string;
  matchContext: () => MatchContext;
  summarize: AlertSummarizer;
  write: (text: string) => void;
  clock: () => number;
  log: { info(o: object, m: string): void; warn(o: object, m: string): void; error(o: object, m: string): void };
}

export function createConsoleDelivery(deps: ConsoleDeliveryDeps) {
  const { store, views } = createDeliveryParts(deps);
  return createDispatcher({
    store,
    views,
    sender: createConsoleSender(deps.write),
    // A terminal has no flood limits worth pacing for.
    limits: { perChatPerSec: 1000, perGroupPerMin: 60_000, globalPerSec: 1000 },
    clock: deps.clock,
    random: Math.random,
    log: deps.log,
  });
}
