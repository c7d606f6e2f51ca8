// Application configuration from the environment, loaded once in main and passed down as a frozen
// value. Secrets stay in here and are never logged: `describeConfig` prints only what is safe.
import { type SummarizerConfig, summarizerConfigFromEnv } from './summarize/config';
import type { Result } from './types';

export interface AppConfig {
  readonly configDir: string;
  readonly databasePath: string;
  /** HTTP port for /healthz and /metrics (and later webhooks); null = no server. */
  readonly port: number | null;
  readonly logLevel: string;
  readonly fetch: {
    readonly timeoutMs: number;
    readonly connectTimeoutMs: number;
    readonly maxBytes: number;
    readonly perHost: number;
    readonly global: number;
    readonly userAgent: string;
  };
  /** Concurrent sources polled per tick. */
  readonly pollConcurrency: number;
  /** Fetch from loopback/private/link-local addresses (self-hosted setups, tests). Default false. */
  readonly allowPrivateSources: boolean;
  /** Articles older than this are pruned (stories keep a summary row). */
  readonly retentionDays: number;
  /** Optional summary providers (OpenAI-compatible, LibreTranslate); built-in summaries need none. */
  readonly summary: SummarizerConfig;
  readonly telegramBotToken: string | null;
  readonly slackBotToken: string | null;
  /** Slack (src/chat/slack): Socket Mode when appToken is set, else HTTP on PORT at /slack/events. */
  readonly slack: {
    readonly appToken: string | null;
    readonly signingSecret: string | null;
    /** SLACK_API_URL: another Web API base (tests, proxies). */
    readonly apiUrl: string | null;
    /** SLACK_ADMIN_IDS: only these user ids may change a channel's watches; empty = any member. */
    readonly adminIds: readonly string[];
  };
  /** Telegram (src/chat/telegram): long polling, or a webhook when webhookUrl is set. */
  readonly telegram: {
    /** TELEGRAM_API_ROOT: another Bot API server (self-hosted telegram-bot-api, tests). */
    readonly apiRoot: string | null;
    readonly webhookUrl: string | null;
    /** TELEGRAM_WEBHOOK_SECRET: checked on every webhook request (random per start when unset). */
    readonly webhookSecret: string | null;
    /** TELEGRAM_WEBHOOK_PORT: where the webhook listener binds (behind your HTTPS proxy). */
    readonly webhookPort: number;
    /** TELEGRAM_ADMIN_IDS: Telegram user ids of the deployment's administrators (global aliases). */
    readonly adminIds: readonly string[];
  };
  /** Delivery limits (src/deliver), shared by the platforms' dispatchers. */
  readonly delivery: {
    readonly perChatPerSec: number;
    readonly perGroupPerMin: number;
    readonly globalPerSec: number;
    /** An alert this old at send time means delivery was paused: the backlog becomes one digest. */
    readonly catchUpAfterMs: number;
    readonly dailyDigestHourUtc: number;
    /** Sends on the wire at once: also the most duplicates a crash can cause. */
    readonly maxInFlight: number;
  };
}

export const USER_AGENT = 'Rased/0.1 (+https://github.com/rased-news/rased; news monitoring bot)';

type Env = Record<string, string | undefined>;

function int(env: Env, key: string, def: number, min: number, max: number): Result<number> {
  const raw = env[key]?.trim();
  if (raw === undefined || raw === '') return { ok: true, value: def };
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    return { ok: false, error: `${key}=${raw} is invalid: expected a whole number from ${min} to ${max}` };
  }
  return { ok: true, value: n };
}

export function loadConfig(env: Env): Result<AppConfig> {
  const ints = {
    port: int(env, 'PORT', -1, 0, 65535),
    timeoutMs: int(env, 'FETCH_TIMEOUT_MS', 30_000, 1_000, 600_000),
    connectTimeoutMs: int(env, 'FETCH_CONNECT_TIMEOUT_MS', 10_000, 500, 120_000),
    maxBytes: int(env, 'FETCH_MAX_BYTES', 10 * 1024 * 1024, 1024, 200 * 1024 * 1024),
    perHost: int(env, 'FETCH_PER_HOST', 2, 1, 32),
    global: int(env, 'FETCH_GLOBAL', 16, 1, 256),
    pollConcurrency: int(env, 'POLL_CONCURRENCY', 8, 1, 256),
    retentionDays: int(env, 'RETENTION_DAYS', 90, 1, 3650),
    webhookPort: int(env, 'TELEGRAM_WEBHOOK_PORT', 8443, 0, 65535),
    perChatPerSec: int(env, 'DELIVERY_PER_CHAT_PER_SEC', 1, 1, 100),
    perGroupPerMin: int(env, 'DELIVERY_PER_GROUP_PER_MIN', 20, 1, 6000),
    globalPerSec: int(env, 'DELIVERY_GLOBAL_PER_SEC', 25, 1, 1000),
    catchUpAfterMin: int(env, 'DELIVERY_CATCH_UP_AFTER_MIN', 15, 1, 10_080),
    dailyDigestHourUtc: int(env, 'DIGEST_DAILY_HOUR_UTC', 6, 0, 23),
    maxInFlight: int(env, 'DELIVERY_MAX_IN_FLIGHT', 1, 1, 256),
  };
  for (const r of Object.values(ints)) if (!r.ok) return r;
  const summary = summarizerConfigFromEnv(env);
  if (!summary.ok) return { ok: false, error: `summary settings: ${summary.error}` };
  const v = (k: keyof typeof ints) => (ints[k] as { ok: true; value: number }).value;
  const secret = (k: string) => (env[k]?.trim() ? env[k]!.trim() : null);
  const slack = {
    appToken: secret('SLACK_APP_TOKEN'),
    signingSecret: secret('SLACK_SIGNING_SECRET'),
    apiUrl: secret('SLACK_API_URL'),
    adminIds: Object.freeze((env.SLACK_ADMIN_IDS ?? '').split(/[\s,]+/).filter(Boolean)),
  };
  const webhookSecret = secret('TELEGRAM_WEBHOOK_SECRET');
  if (webhookSecret && !/^[A-Za-z0-9_-]{1,256}$/.test(webhookSecret))
    return { ok: false, error: 'TELEGRAM_WEBHOOK_SECRET may only use A-Z a-z 0-9 _ - (1 to 256 characters)' };
  if (secret('SLACK_BOT_TOKEN') && !slack.appToken) {
    if (!slack.signingSecret)
      return {
        ok: false,
        error: 'SLACK_BOT_TOKEN is set: also set SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode)',
      };
    if (v('port') < 0)
      return { ok: false, error: 'Slack over HTTP needs PORT (it serves /slack/events), or set SLACK_APP_TOKEN' };
  }
  return {
    ok: true,
    value: Object.freeze({
      configDir: env.CONFIG_DIR?.trim() || 'config',
      databasePath: env.DATABASE_PATH?.trim() || 'data/rased.db',
      port: v('port') >= 0 ? v('port') : null,
      logLevel: env.LOG_LEVEL?.trim() || 'info',
      fetch: Object.freeze({
        timeoutMs: v('timeoutMs'),
        connectTimeoutMs: v('connectTimeoutMs'),
        maxBytes: v('maxBytes'),
        perHost: v('perHost'),
        global: v('global'),
        userAgent: USER_AGENT,
      }),
      pollConcurrency: v('pollConcurrency'),
      allowPrivateSources: env.ALLOW_PRIVATE_SOURCES?.trim().toLowerCase() === 'true',
      retentionDays: v('retentionDays'),
      summary: Object.freeze(summary.value),
      telegramBotToken: secret('TELEGRAM_BOT_TOKEN'),
      slackBotToken: secret('SLACK_BOT_TOKEN'),
      slack: Object.freeze(slack),
      telegram: Object.freeze({
        apiRoot: secret('TELEGRAM_API_ROOT'),
        webhookUrl: secret('TELEGRAM_WEBHOOK_URL'),
        webhookSecret,
        webhookPort: v('webhookPort'),
        adminIds: Object.freeze((env.TELEGRAM_ADMIN_IDS ?? '').split(/[\s,]+/).filter(Boolean)),
      }),
      delivery: Object.freeze({
        perChatPerSec: v('perChatPerSec'),
        perGroupPerMin: v('perGroupPerMin'),
        globalPerSec: v('globalPerSec'),
        catchUpAfterMs: v('catchUpAfterMin') * 60_000,
        dailyDigestHourUtc: v('dailyDigestHourUtc'),
        maxInFlight: v('maxInFlight'),
      }),
    }),
  };
}

/** What may be logged about the configuration: never a secret's value, only whether it is set. */
export function describeConfig(c: AppConfig): Record<string, unknown> {
  return {
    config_dir: c.configDir,
    database_path: c.databasePath,
    port: c.port,
    telegram: c.telegramBotToken ? (c.telegram.webhookUrl ? 'webhook' : 'long polling') : 'off',
    slack: c.slackBotToken ? (c.slack.appToken ? 'socket mode' : 'http') : 'off',
  };
}
