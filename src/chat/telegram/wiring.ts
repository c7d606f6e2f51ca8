// The Telegram service from the validated configuration (TELEGRAM_* and DELIVERY_* settings in
// src/config.ts), for `rased run`. Webhook mode when TELEGRAM_WEBHOOK_URL is set: the listener binds
// TELEGRAM_WEBHOOK_PORT (put it behind your HTTPS proxy) and checks the secret token header.
import { randomBytes } from 'node:crypto';
import type { AppConfig } from '../../config';
import { DEFAULT_PLAN } from '../../deliver/plan';
import type { ChatWiringDeps } from '../platform';
import { createTelegramService, type TelegramService } from './service';

export type TelegramWiringDeps = ChatWiringDeps;

/** null when TELEGRAM_BOT_TOKEN is not set. */
export function telegramFromConfig(config: AppConfig, deps: TelegramWiringDeps): TelegramService | null {
  if (!config.telegramBotToken) return null;
  const t = config.telegram;
  const d = config.delivery;
  return createTelegramService({
    ...deps,
    token: config.telegramBotToken,
    apiRoot: t.apiRoot,
    webhook: t.webhookUrl
      ? { url: t.webhookUrl, secret: t.webhookSecret ?? randomBytes(24).toString('hex'), port: t.webhookPort }
      : null,
    adminUserIds: new Set(t.adminIds),
    limits: { perChatPerSec: d.perChatPerSec, perGroupPerMin: d.perGroupPerMin, globalPerSec: d.globalPerSec },
    plan: { ...DEFAULT_PLAN, catchUpAfterMs: d.catchUpAfterMs, dailyHourUtc: d.dailyDigestHourUtc },
    maxInFlight: d.maxInFlight,
    clock: Date.now,
    random: Math.random,
  });
}
