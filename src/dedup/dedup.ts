// Same article and same story, once per new or changed article, inside the caller's transaction:
//   1. exact keys: own row (edit), canonical-URL key, GUID in source, content hash;
//   2. near-duplicate text: LSH band lookup, stored signatures checked, exact containment for excerpts;
//   3. links: a post linking a stored article is a copy-like 'linked' duplicate of it (one alert per
//      news); an article that a stored post linked joins the post's story as a new report (it is
//      usually the richer one, so subscribers who got the post get it as a follow-up);
//   4. same story: candidate stories from the index of recently active stories, scored, decided.
// `classify` only reads; `record` is the only writer. Decisions are pure (decide.ts, near-dup.ts,
// story-score.ts); this file gathers their facts and stores their outcome. Document frequencies
// are cached in memory (df-cache.ts); stories are read per decision (story-rows.ts says why).

import type { Db } from '../store/db';
import { sigFromBuffer } from '../store/dedup-columns';
import { createDedupRepo, type DedupRepo } from '../store/dedup-repo';
import { type DuplicateReason, decideExact } from './decide';
import { createDfCache } from './df-cache';
import { type ArticleEntities, type ArticleFeatures, createFeatureExtractor, entityKeys } from './features';
import { exactOverlap } from './minhash';
import { bestNearDuplicate, type NearDupCandidate, needsExactCheck } from './near-dup';
import { type DedupParams, withParams } from './params';
import { createRecorder } from './record';
import { storyKeys } from './story-merge';
import { candidateStories } from './story-rows';
import { decideStory, type Shared } from './story-score';
import { idf, keyed, tfidfVector } from './tfidf';

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
  /** Canonical key of the outlet article this one links to (a Telegram post's link). */
  readonly linkedUrlKey?: string | null;
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
      /** Joined because this stored article (a post) linked it. */
      linkedFrom?: number;
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

const NO_VECTOR: ReadonlyMap<string, number> = new Map();

export function createDedup(deps: DedupDeps) {
  const params = withParams(deps.params);
  const clock = deps.clock ?? Date.now;
  const repo: DedupRepo = createDedupRepo(deps.db);
  const extractor = createFeatureExtractor(params);
  const df = createDfCache(repo);

  function nearDuplicate(f: ArticleFeatures, selfId: number) {
    const keys = [...f.bandKeys, ...f.leadKeys];
    const hits = repo.lshCandidates(keys, selfId, params.maxArticleCandidates, params.lshBucketCap);
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
    const near = bestNearDuplicate(input, candidates, params);
    return near && ({ kind: 'duplicate', of: near.articleId, reason: 'near-duplicate', score: near.score } as const);
  }

  function weigh(f: ArticleFeatures) {
    const model = df.model([...f.tf.keys(), ...entityKeys(f)]);
    const unseen = Math.log(Math.min(model.docs, params.entityReferenceDocs) + 1) + 1;
    return { vector: tfidfVector(f.tf, model), entityWeight: (k: string) => Math.min(1, idf(model, k) / unseen) };
  }

  /** Steps 1–3: the same article as a stored one, or linked to one; null when neither. */
  function sameArticle(a: DedupArticle, f: ArticleFeatures): DedupDecision | null {
    const selfId = a.id ?? null;
    const exact = decideExact({
      selfId,
      selfRecorded: selfId !== null && repo.hasSignature(selfId),
      contentHash: a.contentHash,
      byUrl: a.urlKey ? repo.byUrlKey(a.urlKey) : undefined,
      byGuid: a.guid ? repo.byGuid(a.sourceId, a.guid) : undefined,
      byHash: repo.byHash(a.contentHash, selfId ?? -1),
    });
    if (exact?.kind === 'edited') return exact;
    const copy = exact ?? nearDuplicate(f, selfId ?? -1);
    if (copy) return { ...copy, storyId: repo.storyOfArticle(copy.of) ?? null };
    const linked = a.linkedUrlKey ? repo.byUrlKey(a.linkedUrlKey) : undefined;
    if (linked && linked.id !== selfId) {
      const storyId = repo.storyOfArticle(linked.id) ?? null;
      return { kind: 'duplicate', of: linked.id, reason: 'linked', score: 1, storyId };
    }
    return null;
  }

  function classify(a: DedupArticle): Classification {
    const features = extractor.extract(a);
    const same = sameArticle(a, features);
    if (same) return { decision: same, article: a, features, vector: NO_VECTOR };
    const { vector, entityWeight } = weigh(features);
    const post = a.urlKey ? repo.linkedFrom(a.urlKey, a.id ?? -1) : undefined;
    if (post) {
      const decision: DedupDecision = {
        kind: 'new',
        joined: 'existing',
        storyId: post.story_id,
        previousStoryId: null,
        score: 1,
        shared: null,
        linkedFrom: post.article_id,
      };
      return { decision, article: a, features, vector };
    }
    const at = Math.min(a.publishedAt, clock());
    const ids = repo.storyCandidateIds(storyKeys(features, vector, params.indexTerms), params.maxStoryCandidates);
    const candidates = candidateStories(repo, ids, at - params.reopenHorizonMs);
    const f = features;
    const facts = {
      vector: keyed(vector),
      places: f.places,
      actors: f.actors,
      numbers: f.numbers,
      publishedAt: at,
      entityWeight,
    };
    const story = decideStory(facts, candidates, params);
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

  const record = createRecorder({ repo, params, extractor, df, clock });

  /** Writes buffered document-frequency counts (call before closing the database). */
  const flush = () => df.flush();

  return { params, classify, record, flush };
}

export type Dedup = ReturnType<typeof createDedup>;
