// The alerting stage, run inside the ingest transaction of every new or edited article:
//   1. entities (places, actors, numbers) for clustering
//   2. dedup: same article (never alerts twice) or which story it joins
//   3. match the article against every active watch (one compiled matcher)
//   4. record one alert per matching subscriber in the outbox: the story's first alert for that
//      subscriber, or a follow-up replying to it; held while the subscriber is paused
// The dispatcher (src/deliver) sends the outbox and applies the follow-up policy.
import type { Dedup } from '../dedup/dedup';
import type { MatchContext } from '../match/context';
import type { Entities } from '../match/entities';
import { compileWatches, type Match, type MatchArticle, type Matcher } from '../match/matcher';
import { parseQuery, type Query } from '../match/query';
import type { Logger } from '../observe/log';
import type { AlertsRepo } from '../store/alerts-repo';
import type { Db } from '../store/db';
import type { SubscribersRepo, Watch } from '../store/subscribers-repo';
import type { ArticleCandidate } from './candidate';

export interface AlertingDeps {
  db: Db;
  dedup: Dedup;
  alerts: AlertsRepo;
  subscribers: SubscribersRepo;
  ctx: MatchContext;
  entities: (a: MatchArticle) => Entities;
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
            (SELECT count(*) FROM subscribers WHERE active = 1) AS v`,
  );

  /** Recompiles the matcher when watches or active subscribers changed (cheap check). */
  function current(): Matcher {
    const v = versionQuery.get()!.v;
    if (matcher && v === version) return matcher;
    const watches = deps.subscribers.activeWatches();
    const compiled: { id: number; query: Query }[] = [];
    for (const w of watches) {
      const q = parseQuery(w.query, deps.ctx);
      if (q.ok) compiled.push({ id: w.id, query: q.value });
      else deps.log.warn({ watch_id: w.id, error: q.error }, 'stored watch no longer parses; skipped');
    }
    matcher = compileWatches(compiled, deps.ctx);
    watchesById = new Map(watches.map((w) => [w.id, w]));
    version = v;
    deps.log.debug({ watches: compiled.length }, 'matcher compiled');
    return matcher;
  }

  function classify(id: number, c: ArticleCandidate) {
    const text = c.paragraphs.join('\n\n');
    const entities = deps.entities({ title: c.title, text, lang: c.lang });
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
    return { cls, story: deps.dedup.record(id, cls), text };
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
      const { cls, story, text } = classify(id, c);
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
