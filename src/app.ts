// Wiring: builds the pipeline from its parts for one configuration. The only place that knows
// which adapter implements which port. Everything is passed in; nothing is global. Sources are the
// config file's plus those added from chat (/source add), read through one registry on every tick.

import type { SourceAdmin } from './chat/commands/source';
import type { AppConfig } from './config';
import { createDedup } from './dedup/dedup';
import { pruneArticles } from './dedup/retention';
import { createConsoleDelivery } from './deliver/console-delivery';
import { createDeliveryMonitor } from './deliver/monitor';
import { extractArticle } from './extract/article';
import { canonicalUrlKey } from './extract/canonical-url';
import { detectLang } from './extract/lang';
import { htmlToParagraphs } from './extract/paragraphs';
import { createFetcher } from './fetch';
import { createAddressGuard, createGuardedLookup } from './fetch/address-guard';
import type { Logger } from './observe/log';
import { createMetrics } from './observe/metrics';
import { decodeBody } from './parse/decode';
import { parseFeedBytes } from './parse/feed';
import { createAlertSummarizer } from './pipeline/alert-summary';
import { createAlerting } from './pipeline/alerting';
import type { CandidateDeps } from './pipeline/candidate';
import { createConsoleSink } from './pipeline/console-sink';
import { createContentHash } from './pipeline/content-hash';
import { createIngest } from './pipeline/ingest';
import { pollSource } from './pipeline/poll-source';
import type { LoadPage, ParseFeed, ReadOlder } from './pipeline/ports';
import { createScheduler } from './pipeline/scheduler';
import { createSourceRegistry } from './sources/admin';
import type { ConfiguredSource } from './sources/config';
import { discoverSource } from './sources/discover';
import { healthReport } from './sources/health';
import { createListingParser } from './sources/html/parse';
import { readPollPages } from './sources/telegram/history';
import { parseTelegramBytes } from './sources/telegram/parse';
import { createAlertsRepo } from './store/alerts-repo';
import { createArticlesRepo } from './store/articles-repo';
import { openStore } from './store/db';
import { createMatchRepo } from './store/match-repo';
import { createSourceStateRepo } from './store/source-state-repo';
import { createSourcesRepo } from './store/sources-repo';
import { createSubscribersRepo } from './store/subscribers-repo';
import { createSummaryRepo } from './store/summary-repo';
import { loadLexicon } from './summarize/lexicon-file';
import { createSummarizer } from './summarize/summarizer';
import { normalize } from './text/normalize';
import { openWorld, type World } from './world';

export interface AppDeps {
  readonly config: AppConfig;
  readonly sources: readonly ConfiguredSource[];
  /** ALLOW_PRIVATE_SOURCES: fetch loopback/private addresses. TODO(lead): default false from AppConfig. */
  readonly log: Logger;
  readonly clock?: () => number;
  readonly random?: () => number;
  /** Where console output goes (default stdout). */
  readonly write?: (line: string) => void;
  /** Gazetteer and aliases, when already loaded (tests share one); loaded from config otherwise. */
  readonly world?: World;
  /** Store articles without the alerting stage (dedup, matching): benchmarks of fetch + parse + store. */
  readonly ingestOnly?: boolean;
}

export function createApp(deps: AppDeps) {
  const { config, sources, log } = deps;
  const clock = deps.clock ?? Date.now;
  const random = deps.random ?? Math.random;
  const world = deps.world ?? unwrap(openWorld(config.configDir));
  const store = openStore(config.databasePath);
  const articles = createArticlesRepo(store.db);
  const sourceState = createSourceStateRepo(store.db);
  const subscribers = createSubscribersRepo(store.db);
  const alerts = createAlertsRepo(store.db);
  const metrics = createMetrics();
  const fetcher = createFetcher({
    userAgent: config.fetch.userAgent,
    connectTimeoutMs: config.fetch.connectTimeoutMs,
    totalTimeoutMs: config.fetch.timeoutMs,
    maxBodyBytes: config.fetch.maxBytes,
    perHostLimit: config.fetch.perHost,
    globalLimit: config.fetch.global,
    // Every source, from the config file or from chat, is fetched from public addresses only unless
    // ALLOW_PRIVATE_SOURCES=true; the connection itself is pinned to checked addresses.
    checkUrl: createAddressGuard({ allowPrivate: config.allowPrivateSources }),
    ...(config.allowPrivateSources ? {} : { lookup: createGuardedLookup() }),
  });
  const loadPage: LoadPage = async (url) => {
    const res = await fetcher.fetch({ url, accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' });
    if (res.kind !== 'ok') return { ok: false, error: res.kind === 'failed' ? res.reason : res.kind };
    const { text } = decodeBody(res.body, { contentType: res.contentType, kind: 'html' });
    return extractArticle(text, res.url);
  };
  const candidate: CandidateDeps = {
    canonicalUrlKey,
    htmlToParagraphs,
    detectLang,
    contentHash: createContentHash(normalize),
  };
  const registry = createSourceRegistry({
    fileSources: sources,
    store: createSourcesRepo(store.db),
    onSkipped: (reason) => log.warn({ reason }, 'chat-added source skipped'),
  });
  const nameOf = sourceNames(registry.all);
  const tickHooks: (() => void)[] = [];
  const dedup = createDedup({ db: store.db, clock });
  const alerting = createAlerting({
    db: store.db,
    dedup,
    alerts,
    subscribers,
    get ctx() {
      return world.ctx; // the gazetteer loads on the first article to match, not at start
    },
    entities: world.entities,
    geotag: world.geotag,
    places: createMatchRepo(store.db),
    outletName: (id) => nameOf(id),
    clock,
    log,
  });
  const ingest = createIngest(
    deps.ingestOnly
      ? { db: store.db, articles }
      : { db: store.db, articles, onNew: alerting.onNew, onUpdated: alerting.onUpdated },
  );
  const write = deps.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const sink = createConsoleSink({
    articles,
    sourceName: (id) => nameOf(id),
    write,
  });
  const pollDeps = {
    fetcher,
    parseFeed: parseFeedBytes,
    loadPage,
    readOlder: ((url, cursor, o) => readPollPages(url, cursor, o, fetcher)) satisfies ReadOlder,
    ingest,
    sourceState,
    candidate,
    clock,
    random,
    log,
    metrics,
  };
  // One parser per source, chosen by kind; listing rules are compiled once per source. Keyed by the
  // source object: the registry keeps it until an add/remove, and a removed source's parser is freed.
  const parsers = new WeakMap<ConfiguredSource, ParseFeed>();
  const parserFor = (s: ConfiguredSource): ParseFeed => {
    let parse = parsers.get(s);
    if (!parse) {
      parse =
        s.kind === 'telegram'
          ? parseTelegramBytes
          : s.kind === 'html'
            ? createListingParser(s.html ?? {})
            : parseFeedBytes;
      parsers.set(s, parse);
    }
    return parse;
  };
  const sourceHealth = () => healthReport(registry.all(), sourceState.all());
  // Delivery per chat platform: the services report to it (run-command wires them); an alert waiting
  // longer than the catch-up age (DELIVERY_CATCH_UP_AFTER_MIN) is an outage, for /healthz too.
  const delivery = createDeliveryMonitor({
    db: store.db,
    clock,
    configured: { telegram: !!config.telegramBotToken, slack: !!config.slackBotToken },
    staleAfterMs: config.delivery.catchUpAfterMs,
    secrets: secretsOf(config),
    metrics,
  });
  /** GET /healthz: sources and delivery; degraded when either is (answered with 200 all the same). */
  const health = () => {
    const sources = sourceHealth();
    const d = delivery.report();
    const status = sources.status === 'ok' && d.status === 'ok' ? ('ok' as const) : ('degraded' as const);
    return { ...sources, status, delivery: d.platforms };
  };
  const sourceAdmin: SourceAdmin = {
    list: () => {
      const byId = new Map(registry.all().map((s) => [s.id, s]));
      return sourceHealth().sources.map((h) => ({
        id: h.id,
        name: h.name,
        url: byId.get(h.id)?.url ?? '',
        origin: registry.origin(h.id) ?? 'file',
        ok: h.status !== 'failing',
        error: h.lastError,
      }));
    },
    discover: (url) => discoverSource(url, { fetcher, parseFeed: parseFeedBytes }),
    save: (entry, addedBy) => registry.add(entry, addedBy, clock()),
    remove: (id) => registry.remove(id),
  };
  // Summaries for alerts, made when an alert is dispatched (src/summarize; providers are optional).
  const summaryRepo = createSummaryRepo(store.db);
  const summarize = createAlertSummarizer({
    db: store.db,
    articles,
    world,
    repo: summaryRepo,
    outletName: (id) => nameOf(id),
    summarizer: createSummarizer({
      config: config.summary,
      lexicon: loadLexicon(),
      repo: summaryRepo,
      clock: { now: clock },
      log,
    }),
  });
  // Alerts for console subscribers (the demo, a terminal-only setup) go through the real dispatcher.
  const consoleDelivery = createConsoleDelivery({
    db: store.db,
    articles,
    sourceName: (id) => nameOf(id),
    matchContext: () => world.ctx,
    summarize,
    write,
    clock,
    log,
  });
  const scheduler = createScheduler({
    sources: registry.all,
    sourceState,
    poll: (s) => pollSource(s, { ...pollDeps, parseFeed: parserFor(s) }),
    afterTick: async () => {
      await sink.deliver();
      await consoleDelivery.drain();
      for (const hook of tickHooks) hook();
    },
    clock,
    log,
    concurrency: config.pollConcurrency,
  });

  return {
    store,
    world,
    articles,
    sourceState,
    subscribers,
    alerts,
    alerting,
    summarize,
    scheduler,
    metrics,
    health,
    /** Per-source health only (chat /sources, source names): no outbox query. */
    sourceHealth,
    delivery,
    /** File + chat-added sources, as polled now. */
    sources: registry.all,
    /** For the chat's /source list|add|remove (pass to the Telegram and Slack services). */
    sourceAdmin,
    /** Runs after every poll tick (chat dispatchers wake up to send what the tick recorded). */
    onTick(hook: () => void) {
      tickHooks.push(hook);
    },
    renderMetrics() {
      const h = sourceHealth();
      metrics.set('rased_sources_failing', 'Enabled sources whose last poll failed', {}, h.sources_failing);
      metrics.set('rased_articles_stored', 'Articles in the database', {}, articles.count());
      delivery.collect();
      return metrics.render();
    },
    /** Retention: articles older than RETENTION_DAYS go, with their LSH rows; stories keep a summary. */
    maintain(now = clock()) {
      const started = Date.now();
      const r = pruneArticles(store.db, config.retentionDays * 86_400_000, now);
      summaryRepo.prune(now - config.retentionDays * 86_400_000);
      log.info({ pruned_articles: r.articles, pruned_lsh_rows: r.lshRows, ms: Date.now() - started }, 'retention');
      return r;
    },
    async close() {
      await scheduler.stop();
      await consoleDelivery.stop();
      dedup.flush(); // document frequencies are written in batches: keep the last one
      await fetcher.close();
      store.close();
    },
  };
}

export type App = ReturnType<typeof createApp>;

/** Source id → name over the current list, rebuilt only when the list changes. */
function sourceNames(all: () => readonly ConfiguredSource[]) {
  let list: readonly ConfiguredSource[] | null = null;
  let names = new Map<string, string>();
  return (id: string): string => {
    if (all() !== list) {
      list = all();
      names = new Map(list.map((s) => [s.id, s.name]));
    }
    return names.get(id) ?? id;
  };
}

/** Every configured secret, so no error message shows one on /healthz or /metrics. */
function secretsOf(c: AppConfig): string[] {
  const all = [c.telegramBotToken, c.slackBotToken, c.slack.appToken, c.slack.signingSecret, c.telegram.webhookSecret];
  return all.filter((s): s is string => !!s);
}

function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}
