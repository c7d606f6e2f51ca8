// What every chat platform's service needs from the app (Telegram and Slack extend it).

import type { DeliverLog, DeliveryEvent } from '../deliver/outcome';
import type { DeliveryPartsDeps } from '../deliver/parts';
import type { PlanConfig } from '../deliver/plan';
import type { SourceHealth } from './commands/core';
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
  readonly scanEveryMs?: number;
}
