// What every chat platform's service needs from the app (Telegram and Slack extend it).

import type { LinkReport } from '../deliver/monitor';
import type { DeliverLog, DeliveryEvent } from '../deliver/outcome';
import { createDeliveryParts, type DeliveryPartsDeps } from '../deliver/parts';
import type { PlanConfig } from '../deliver/plan';
import { createCommandCore, type SourceHealth } from './commands/core';
import type { SourceAdmin } from './commands/source';

export interface ChatPlatformDeps extends DeliveryPartsDeps {
  readonly sources: () => readonly SourceHealth[];
  readonly plan?: PlanConfig;
  readonly clock: () => number;
  readonly random: () => number;
  readonly log: DeliverLog;
  readonly onWatchesChanged?: () => void;
  /** /source add|remove|list (the app's sources); without it /source is unavailable. */
  readonly sourceAdmin?: SourceAdmin;
  readonly onEvent?: (e: DeliveryEvent) => void;
  /** Where the client reports its connection state (/healthz, /metrics). */
  readonly link?: LinkReport;
  readonly scanEveryMs?: number;
}

/** What the app hands each platform's wiring (the rest comes from config and defaults). */
export type ChatWiringDeps = Pick<
  ChatPlatformDeps,
  | 'db'
  | 'articles'
  | 'matchContext'
  | 'sourceName'
  | 'sources'
  | 'log'
  | 'onWatchesChanged'
  | 'summarize'
  | 'sourceAdmin'
  | 'onEvent'
  | 'link'
>;

/** The parts both platforms build the same way: outbox store, views, and the command core. */
export function createPlatformParts(deps: ChatPlatformDeps) {
  const { store, views } = createDeliveryParts(deps);
  const core = createCommandCore({
    store,
    articles: deps.articles,
    matchContext: deps.matchContext,
    sources: deps.sources,
    clock: deps.clock,
    ...(deps.onWatchesChanged ? { onWatchesChanged: deps.onWatchesChanged } : {}),
    ...(deps.sourceAdmin ? { sourceAdmin: deps.sourceAdmin } : {}),
  });
  return { store, views, core };
}
