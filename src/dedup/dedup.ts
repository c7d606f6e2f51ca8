// Same article and same story, once per new or changed article, inside the caller's transaction:
//   1. exact keys: own row (edit), canonical-URL key, GUID in source, content hash;
//   2. near-duplicate text: LSH band lookup, stored signatures checked, exact containment for excerpts;
//   3. same story: candidate stories from the index of recently active stories, scored, decided.
// `classify` only reads; `record` is the only writer. Decisions are pure (decide.ts, near-dup.ts,
// story-score.ts); this file gathers their facts and stores their outcome.

import type { Db } from '../store/db';
import { createDedupRepo, type DedupRepo, type StoryRow, sigFromBuffer } from '../store/dedup-repo';
import { type DuplicateReason, decideExact } from './decide';
import { type ArticleEntities, type ArticleFeatures, createFeatureExtractor } from './features';
import { exactOverlap } from './minhash';
import { bestNearDuplicate, type NearDupCandidate, needsExactCheck } from './near-dup';
import { type DedupParams, withParams } from './params';
import { EMPTY_STORY, mergeIntoStory, type StorySummary, storyKeys } from './story-merge';
import { decideStory, type Shared, type StoryFacts } from './story-score';
import { type IdfModel, idf, tfidfVector } from './tfidf';

export interface DedupArticle {
  /** The article's row when the caller stored it first (then it is never its own duplicate). */
  readonly id?: number | null;
  readonly sourceId: string;
  /** Display name of the outlet ("also published by …", follow-up policy: one per outlet). */
  readonly outlet: string;
  readonly urlKey: string | null;
  readonly guid: string | null;
  readonly title: string;
  readonly text: string;
  readonly lang: string | null;
  readonly publishedAt: number;
  /** The store's hash of normalized title + text (articles.content_hash). */
  readonly contentHash: string;
  readonly entities?: ArticleEntities;
}

export type DedupDecision =
  | { kind: 'duplicate'; of: number; reason: DuplicateReason; score: number; storyId: number | null }
  | { kind: 'edited'; of: number; reason: 'url' | 'guid' | 'stored' }
  | {
      kind: 'new';
      joined: 'new-story' | 'existing' | 'reopened';
      /** The joined story; null until `record` opens the new one. */
      storyId: number | null;
      previousStoryId: number | null;
      score: number;
      shared: Shared | null;
    };

export interface Classification {
  readonly decision: DedupDecision;
  readonly article: DedupArticle;
  readonly features: ArticleFeatures;
  readonly vector: ReadonlyMap<string, number>;
}

export interface DedupDeps {
  readonly db: Db;
  readonly clock?: () => number;
  readonly params?: Partial<DedupParams>;
}

const parse = <T>(s: string): T => JSON.parse(s) as T;

export const storyFacts = (r: StoryRow): StoryFacts => ({
  id: r.id,
  centroid: new Map(Object.entries(parse<Record<string, number>>(r.centroid))),
  places: parse(r.places),
  actors: parse(r.actors),
  numbers: parse(r.numbers),
  firstSeen: r.first_seen,
  lastSeen: r.last_seen,
});

const summaryOf = (r: StoryRow): StorySummary => ({
  ...storyFacts(r),
  articleCount: r.article_count,
  outlets: parse(r.outlets),
  languages: parse(r.languages),
});

const entityKeys = (f: ArticleFeatures) => [...f.places.map((p) => `p:${p}`), ...f.actors.map((a) => `a:${a}`)];

export function createDedup(deps: DedupDeps) {
  const params = withParams(deps.params);
  const clock = deps.clock ?? Date.now;
  const repo: DedupRepo = createDedupRepo(deps.db);
  const extractor = createFeatureExtractor(params);
  let prunedUpTo = 0;

  function nearDuplicate(f: ArticleFeatures, selfId: number) {
    const hits = repo.lshCandidates([...f.bandKeys, ...f.leadKeys], selfId, params.maxArticleCandidates);
    const input = { shingleCount: f.shingles.length, signature: f.signature, lead: f.lead };
    const candidates: NearDupCandidate[] = repo.signatures(hits.map((h) => h.article_id)).map((r) => {
      const c = {
        articleId: r.article_id,
        shingleCount: r.shingles,
        signature: sigFromBuffer(r.sig),
        lead: sigFromBuffer(r.lead),
      };
      if (!needsExactCheck(input, c, params)) return c;
      const stored = repo.articleText(c.articleId);
      return stored ? { ...c, exact: exactOverlap(f.shingles, extractor.shinglesOf(stored)) } : c;
    });
    return bestNearDuplicate(input, candidates, params);
  }

  function idfModel(f: ArticleFeatures): IdfModel & { entityWeight: (k: string) => number } {
    const { docs, df } = repo.documentFrequencies([...f.tf.keys(), ...entityKeys(f)]);
    const model = { docs, df: (t: string) => df.get(t) ?? 0 };
    const unseen = Math.log(docs + 1) + 1;
    return { ...model, entityWeight: (k: string) => idf(model, k) / unseen };
  }

  function classify(a: DedupArticle): Classification {
    const selfId = a.id ?? null;
    const exact = decideExact({
      selfId,
      selfRecorded: selfId !== null && repo.signature(selfId) !== undefined,
      contentHash: a.contentHash,
      byUrl: a.urlKey ? repo.byUrlKey(a.urlKey) : undefined,
      byGuid: a.guid ? repo.byGuid(a.sourceId, a.guid) : undefined,
      byHash: repo.byHash(a.contentHash, selfId ?? -1),
    });
    const features = extractor.extract(a);
    const none = new Map<string, number>();
    if (exact?.kind === 'edited') return { decision: exact, article: a, features, vector: none };
    if (exact) {
      return {
        decision: { ...exact, storyId: repo.storyOfArticle(exact.of) ?? null },
        article: a,
        features,
        vector: none,
      };
    }
    const near = nearDuplicate(features, selfId ?? -1);
    if (near) {
      const decision = { kind: 'duplicate', of: near.articleId, reason: 'near-duplicate', score: near.score } as const;
      return {
        decision: { ...decision, storyId: repo.storyOfArticle(near.articleId) ?? null },
        article: a,
        features,
        vector: none,
      };
    }
    const model = idfModel(features);
    const vector = tfidfVector(features.tf, model);
    const at = Math.min(a.publishedAt, clock());
    const keys = storyKeys(features, vector, params.indexTerms);
    const candidates = repo
      .storyCandidates(keys, at - params.reopenHorizonMs, params.maxStoryCandidates)
      .map(storyFacts);
    const story = decideStory(
      {
        vector,
        places: features.places,
        actors: features.actors,
        numbers: features.numbers,
        publishedAt: at,
        entityWeight: model.entityWeight,
      },
      candidates,
      params,
    );
    const decision: DedupDecision =
      story.kind === 'join'
        ? {
            kind: 'new',
            joined: 'existing',
            storyId: story.storyId,
            previousStoryId: null,
            score: story.score,
            shared: story.shared,
          }
        : {
            kind: 'new',
            joined: story.previousStoryId === null ? 'new-story' : 'reopened',
            storyId: null,
            previousStoryId: story.previousStoryId,
            score: story.score,
            shared: story.shared,
          };
    return { decision, article: a, features, vector };
  }

  function writeSignature(id: number, f: ArticleFeatures) {
    const old = repo.signature(id);
    if (old) {
      const was = extractor.keysOf(sigFromBuffer(old.sig), sigFromBuffer(old.lead));
      repo.deleteLsh(was, id);
    }
    repo.putSignature(id, f.shingles.length, f.signature, f.lead);
    repo.putLsh([...f.bandKeys, ...f.leadKeys], id);
  }

  function joinStory(articleId: number, c: Classification, storyId: number | null, previous: number | null) {
    const { article: a, features: f } = c;
    const row = storyId === null ? undefined : repo.story(storyId);
    const before = row ? summaryOf(row) : EMPTY_STORY;
    const vector = c.vector.size ? c.vector : null;
    const s = mergeIntoStory(
      before,
      { ...a, places: f.places, actors: f.actors, numbers: f.numbers, vector },
      params.centroidTerms,
    );
    const write = {
      first_seen: s.firstSeen,
      last_seen: s.lastSeen,
      article_count: s.articleCount,
      outlets: JSON.stringify(s.outlets),
      languages: JSON.stringify(s.languages),
      places: JSON.stringify(s.places),
      actors: JSON.stringify(s.actors),
      numbers: JSON.stringify(s.numbers),
      centroid: JSON.stringify(Object.fromEntries(s.centroid)),
    };
    let id = row?.id;
    if (id === undefined) {
      id = repo.insertStory({ ...write, first_article_id: articleId, title: a.title, previous_story_id: previous });
    } else repo.updateStory({ ...write, id });
    repo.putStoryKeys(storyKeys(f, s.centroid, params.indexTerms), id);
    return id;
  }

  function pruneIndex(now: number) {
    const cutoff = now - params.reopenHorizonMs;
    if (cutoff - prunedUpTo < 10 * 60_000) return;
    repo.pruneStoryKeys(cutoff, prunedUpTo);
    prunedUpTo = cutoff;
  }

  /** Stores the outcome of `classify` for the stored row `articleId`; returns the article's story. */
  function record(articleId: number, c: Classification): { storyId: number | null } {
    const d = c.decision;
    pruneIndex(clock());
    if (d.kind === 'edited') {
      writeSignature(d.of, c.features);
      return { storyId: repo.storyOfArticle(d.of) ?? null };
    }
    if (d.kind === 'duplicate') {
      if (d.of === articleId) return { storyId: d.storyId };
      repo.putCopy(articleId, d.of, d.reason, d.score);
      const storyId = joinStory(articleId, c, d.storyId, null);
      repo.putArticleStory(articleId, storyId, d.storyId === null ? 'new-story' : 'copy', d.score, { copyOf: d.of });
      return { storyId };
    }
    writeSignature(articleId, c.features);
    repo.countDocument(new Set([...c.features.tf.keys(), ...entityKeys(c.features)]));
    const storyId = joinStory(articleId, c, d.storyId, d.previousStoryId);
    repo.putArticleStory(articleId, storyId, d.joined, d.score, d.shared ?? {});
    return { storyId };
  }

  return { params, classify, record };
}

export type Dedup = ReturnType<typeof createDedup>;
