// `rased run [--once]`: the bot. Polls sources on their schedules until SIGINT/SIGTERM; with
// --once, polls every enabled source once, delivers what is due and exits 0.
import cron from 'node-cron';
import { createApp } from '../app';
import { describeConfig } from '../config';
import { createObserveServer, listen } from '../observe/http';
import { createLogger } from '../observe/log';
import { loadAll } from './load';
import type { CommandIO } from './parse-command';

export async function runCommand(
  args: string[],
  env: Record<string, string | undefined>,
  io: CommandIO,
): Promise<number> {
  const unknown = args.filter((a) => a !== '--once');
  if (unknown.length) {
    io.err(`rased run: unknown option ${unknown[0]} (usage: rased run [--once])`);
    return 2;
  }
  const once = args.includes('--once');
  const loaded = loadAll(env);
  if (!loaded.ok) {
    io.err(`rased: ${loaded.error}`);
    return 1;
  }
  const { config, sources } = loaded.value;
  const log = createLogger({ level: config.logLevel });
  log.info(describeConfig(config), 'starting');
  if (!config.telegramBotToken && !config.slackBotToken) {
    log.info('no TELEGRAM_BOT_TOKEN or SLACK_BOT_TOKEN set: running with console output (new articles print below)');
  }

  let app: ReturnType<typeof createApp>;
  try {
    app = createApp({ config, sources, log, write: io.out });
  } catch (err) {
    io.err(`rased: ${(err as Error).message}`);
    return 1;
  }
  // The gazetteer indexes load on first use (~1 s, synchronous): build them now, before any chat
  // command or poll waits on them (a Slack command must be acknowledged within 3 s).
  const t0 = Date.now();
  void app.world.ctx;
  log.debug({ ms: Date.now() - t0 }, 'gazetteer and aliases loaded');
  const observe = createObserveServer({ health: app.health, metrics: app.renderMetrics });
  // What every chat platform needs from the app.
  const chatDeps = {
    db: app.store.db,
    articles: app.articles,
    matchContext: () => app.world.ctx,
    sourceName: (id: string) => app.sourceHealth().sources.find((s) => s.id === id)?.name ?? id,
    sources: () =>
      app.sourceHealth().sources.map((s) => ({ name: s.name, ok: s.status !== 'failing', error: s.lastError ?? null })),
    log,
    onWatchesChanged: () => app.alerting.invalidate(),
    summarize: app.summarize,
    sourceAdmin: app.sourceAdmin,
  };
  // A platform's client (grammY, Bolt) loads only when its token is set: console mode stays small.
  const slackWiring = config.slackBotToken ? await import('../chat/slack/wiring') : null;
  // Each platform reports its connection state and send results for /healthz and /metrics.
  const slack =
    slackWiring?.slackFromConfig(config, { ...chatDeps, ...app.delivery.reporter('slack'), observe }) ?? null;
  const telegram = config.telegramBotToken
    ? (await import('../chat/telegram/wiring')).telegramFromConfig(config, {
        ...chatDeps,
        ...app.delivery.reporter('telegram'),
      })
    : null;
  const enabled = app.sources().filter((s) => s.enabled).length;
  if (enabled === 0) log.warn({ config_dir: config.configDir }, 'no enabled sources: nothing will be polled');
  if (once) {
    // Poll every source once, then deliver what is due on each configured platform, and exit.
    const reports = await app.scheduler.runOnce();
    for (const platform of [telegram, slack]) await platform?.dispatcher.drain();
    const failed = reports.filter((r) => r.outcome === 'failed');
    log.info({ sources: reports.length, failed: failed.length, new: reports.reduce((n, r) => n + r.new, 0) }, 'done');
    await app.close();
    return 0;
  }
  app.onTick(() => {
    telegram?.dispatcher.wake();
    slack?.dispatcher.wake();
  });
  app.scheduler.start();
  // Retention once a day (03:17 UTC, away from the hour when many feeds publish) and once at start.
  const maintenance = cron.schedule('17 3 * * *', () => app.maintain(), { name: 'rased-retention', timezone: 'UTC' });
  setTimeout(() => app.maintain(), 60_000).unref();
  log.info({ sources: enabled }, 'polling');
  const stopped = new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  // Chat platforms start beside polling: a chat API that is slow or down at start holds up no poll
  // and no /healthz (alerts wait in the outbox until a platform can send).
  let serving = false;
  const serveObserve = async (slackStarted: Awaited<ReturnType<NonNullable<typeof slack>['start']>> | null) => {
    // In Slack's HTTP mode Bolt owns PORT and routes /healthz and /metrics to the observe server.
    if (config.port === null || slackWiring?.slackOwnsPort(slackStarted)) return;
    serving = true;
    const port = await listen(observe, config.port);
    log.info({ port }, 'serving /healthz and /metrics');
  };
  const slackHttp = slack !== null && config.slack.appToken === null;
  if (!slackHttp) await serveObserve(null);
  void Promise.all([
    slack
      ?.start()
      .then(async (started) => {
        if (started.kind === 'failed') log.error({ error: started.reason }, 'Slack is off');
        if (slackHttp) await serveObserve(started);
      })
      .catch((err: unknown) => log.error({ err }, 'Slack is off: the app could not start')),
    telegram?.start().catch((err: unknown) => log.error({ err }, 'Telegram is off: the bot could not start')),
  ]);
  const signal = await stopped;
  log.info({ signal }, 'stopping');
  if (serving) observe.close();
  await maintenance.stop();
  await slack?.stop();
  await telegram?.stop();
  await app.close();
  log.info('stopped');
  return 0;
}
