// The alerting stage, run inside the ingest transaction of every new or edited article:
//   1. entities (places, actors, numbers) for clustering
//   2. dedup: same article (never alerts twice) or which story it joins
//   3. match the article against every active watch (one compiled matcher)
//   4. record one alert per matching subscriber in the outbox: the story's first alert for that
//      subscriber, or a follow-up replying to it; held while the subscriber is paused
// The dispatcher (src/deliver) sends the outbox and applies the follow-up policy.
import type { Dedup } from '../dedup/dedup';
import { type AliasPair, applyAliasPairs, withAliasGroups } from '../match/chat-aliases';
import type { MatchContext } from '../match/context';
import type { Entities } from '../match/entities';
import type { PlaceTag } from '../match/geotag';
import { compileWatches, type Match, type MatchArticle, type Matcher } from '../match/matcher';
import { parseQuery, type Query } from '../match/query';
import type { Logger } from '../observe/log';
import type { AlertsRepo } from '../store/alerts-repo';
import type { Db } from '../store/db';
import type { MatchRepo } from '../store/match-repo';
import type { SubscribersRepo, Watch } from '../store/subscribers-repo';
import type { ArticleCandidate } from './candidate';

export interface AlertingDeps {
  db: Db;
  dedup: Dedup;
  alerts: AlertsRepo;
  subscribers: SubscribersRepo;
  ctx: MatchContext;
  entities: (a: MatchArticle) => Entities;
  /** Places an article mentions, stored for alerts ("📍 Hasakah") and the dry run. */
  geotag: (a: MatchArticle) => PlaceTag[];
  places: MatchRepo;
  outletName: (sourceId: string) => string;
  clock: () => number;
  log: Logger;
}

export interface AlertingReport {
  readonly storyId: number | null;
  readonly duplicateOf: number | null;
  readonly alerts: number;
}

export function createAlerting(deps: AlertingDeps) {
  let matcher: Matcher | null = null;
  let watchesById = new Map<number, Watch>();
  let version = '';
  const versionQuery = deps.db.prepare<[], { v: string }>(
    `SELECT (SELECT count(*) FROM watches) || ':' || (SELECT coalesce(max(id), 0) FROM watches) || ':' ||
            (SELECT count(*) FROM subscribers WHERE active = 1) || ':' ||
            (SELECT count(*) || '/' || coalesce(max(id), 0) FROM chat_aliases) AS v`,
  );

  const aliasRows = deps.db.prepare<[], { subscriber_id: number | null; alias: string; canonical: string }>(
    'SELECT subscriber_id, alias, canonical FROM chat_aliases ORDER BY id',
  );

  /**
   * Alias contexts: global `/alias` pairs extend the shared groups; each chat's pairs make that chat's
   * own copies (src/match/chat-aliases). Watches parse in their chat's context; one matcher is
   * compiled over every group.
   */
  function aliasContexts() {
    const pairs = new Map<number | null, AliasPair[]>();
    for (const r of aliasRows.all()) pairs.set(r.subscriber_id, [...(pairs.get(r.subscriber_id) ?? []), r]);
    const global = pairs.get(null);
    const baseGroups = global
      ? applyAliasPairs(deps.ctx.aliases.groups, global, 'global', deps.ctx.aliases.resolve)
      : deps.ctx.aliases.groups;
    const base = global ? withAliasGroups(deps.ctx, baseGroups) : deps.ctx;
    const perChat = new Map<number, MatchContext>();
    const all = new Map(baseGroups.map((g) => [g.id, g]));
    for (const [sub, list] of pairs) {
      if (sub === null) continue;
      const groups = applyAliasPairs(baseGroups, list, `s${sub}`, base.aliases.resolve);
      for (const g of groups) all.set(g.id, g);
      perChat.set(sub, withAliasGroups(base, groups));
    }
    const compileCtx = perChat.size ? withAliasGroups(base, [...all.values()]) : base;
    return { ctxOf: (sub: number) => perChat.get(sub) ?? base, compileCtx };
  }

  // Kept between recompiles: the alias contexts while the alias rows stay the same, and each
  // context's parsed queries by text (of the watches compiled last), so a recompile after one watch
  // changed parses one watch.
  type Parsed = WeakMap<MatchContext, Map<string, ReturnType<typeof parseQuery>>>;
  let contexts: { rows: string; value: ReturnType<typeof aliasContexts> } | null = null;
  let parsed: Parsed = new WeakMap();

  /** Recompiles the matcher when watches, active subscribers or aliases changed (cheap check). */
  function current(): Matcher {
    const v = versionQuery.get()!.v;
    if (matcher && v === version) return matcher;
    const watches = deps.subscribers.activeWatches();
    const rows = JSON.stringify(aliasRows.all());
    if (contexts?.rows !== rows) contexts = { rows, value: aliasContexts() };
    const { ctxOf, compileCtx } = contexts.value;
    const compiled: { id: number; query: Query }[] = [];
    const previous = parsed;
    parsed = new WeakMap();
    for (const w of watches) {
      const ctx = ctxOf(w.subscriberId);
      let byText = parsed.get(ctx);
      if (!byText) {
        byText = new Map();
        parsed.set(ctx, byText);
      }
      const q = byText.get(w.query) ?? previous.get(ctx)?.get(w.query) ?? parseQuery(w.query, ctx);
      byText.set(w.query, q);
      if (q.ok) compiled.push({ id: w.id, query: q.value });
      else deps.log.warn({ watch_id: w.id, error: q.error }, 'stored watch no longer parses; skipped');
    }
    matcher = compileWatches(compiled, compileCtx);
    watchesById = new Map(watches.map((w) => [w.id, w]));
    version = v;
    deps.log.debug({ watches: compiled.length }, 'matcher compiled');
    return matcher;
  }

  function classify(id: number, c: ArticleCandidate) {
    const text = c.paragraphs.join('\n\n');
    const article = { title: c.title, text, lang: c.lang };
    const tags = deps.geotag(article);
    deps.places.savePlaces(id, tags);
    const entities = deps.entities(article);
    const cls = deps.dedup.classify({
      id,
      sourceId: c.sourceId,
      outlet: deps.outletName(c.sourceId),
      urlKey: c.urlKey,
      guid: c.guid,
      title: c.title,
      text,
      lang: c.lang,
      publishedAt: c.publishedAt,
      contentHash: c.contentHash,
      entities,
      linkedUrlKey: c.linkedUrlKey,
    });
    return { cls, story: deps.dedup.record(id, cls), text, placeIds: tags.map((t) => t.placeId) };
  }

  /** Groups matches by subscriber: one alert per subscriber and article, evidence of every watch. */
  function bySubscriber(matches: readonly Match[]) {
    const out = new Map<number, { watch: Watch; matches: Match[] }>();
    for (const m of matches) {
      const w = watchesById.get(Number(m.watchId));
      if (!w) continue;
      const entry = out.get(w.subscriberId) ?? { watch: w, matches: [] };
      entry.matches.push(m);
      out.set(w.subscriberId, entry);
    }
    return out;
  }

  return {
    /** For a newly stored article. `announce` false (a first, silent poll) stores facts but no alerts. */
    onNew(id: number, c: ArticleCandidate, announce: boolean): AlertingReport {
      const { cls, story, text, placeIds } = classify(id, c);
      const d = cls.decision;
      if (d.kind !== 'new') {
        deps.log.debug({ article_id: id, decision: d.kind, of: d.of }, 'same article as one already stored');
        return { storyId: story.storyId, duplicateOf: d.of, alerts: 0 };
      }
      if (!announce) return { storyId: story.storyId, duplicateOf: null, alerts: 0 };
      const now = deps.clock();
      let n = 0;
      for (const [subscriberId, { watch, matches }] of bySubscriber(
        current().match({ title: c.title, text, lang: c.lang }),
      )) {
        const sub = deps.subscribers.get(subscriberId);
        if (!sub?.active) continue;
        if (story.storyId !== null && deps.alerts.isMuted(subscriberId, story.storyId)) continue;
        const first = story.storyId === null ? undefined : deps.alerts.firstOfStory(subscriberId, story.storyId);
        const evidence = {
          watches: matches.map((m) => m.watchId),
          hits: matches.flatMap((m) => m.hits),
          snippet: matches[0]!.snippet,
          places: placeIds,
        };
        const alertId = deps.alerts.insert(
          {
            subscriberId,
            articleId: id,
            storyId: story.storyId,
            watchId: watch.id,
            kind: first ? 'follow-up' : 'alert',
            replyTo: first?.id ?? null,
            threadId: watch.threadId,
            evidence: JSON.stringify(evidence),
            status: sub.pausedAt !== null ? 'held' : 'pending',
          },
          now,
        );
        if (alertId !== null) n++;
      }
      if (n) deps.log.info({ article_id: id, story_id: story.storyId, alerts: n }, 'alerts recorded');
      return { storyId: story.storyId, duplicateOf: null, alerts: n };
    },
    /** An edited article: dedup keeps its signature right; it never alerts again. */
    onUpdated(id: number, c: ArticleCandidate): void {
      classify(id, c);
    },
    /** Forces a recompile on the next article (after a watch change in this process). */
    invalidate(): void {
      version = '';
    },
    matcher: current,
  };
}

export type Alerting = ReturnType<typeof createAlerting>;
