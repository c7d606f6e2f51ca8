// The writing half of dedup: stores what `classify` decided, inside the caller's transaction —
// signature and LSH rows, document counts, the story (merged summary, candidate-index keys), the
// article's story link with why it joined, copy and post→article links.
import { packCentroid, sigFromBuffer } from '../store/dedup-columns';
import type { DedupRepo } from '../store/dedup-repo';
import type { Classification } from './dedup';
import type { DfCache } from './df-cache';
import { type ArticleFeatures, entityKeys, type FeatureExtractor } from './features';
import type { DedupParams } from './params';
import { EMPTY_STORY, mergeIntoStory, storyKeys } from './story-merge';
import { storySummary } from './story-rows';

export interface RecorderDeps {
  readonly repo: DedupRepo;
  readonly params: DedupParams;
  readonly extractor: FeatureExtractor;
  readonly df: DfCache;
  readonly clock: () => number;
}

export function createRecorder({ repo, params, extractor, df, clock }: RecorderDeps) {
  let prunedUpTo = 0;

  function writeSignature(id: number, f: ArticleFeatures) {
    const old = repo.signature(id);
    if (old) repo.deleteLsh(extractor.keysOf(sigFromBuffer(old.sig), sigFromBuffer(old.lead)), id);
    repo.putSignature(id, f.shingles.length, f.signature, f.lead);
    repo.putLsh([...f.bandKeys, ...f.leadKeys], id);
  }

  function joinStory(articleId: number, c: Classification, storyId: number | null, previous: number | null) {
    const { article: a, features: f } = c;
    const before = storyId === null ? undefined : storySummary(repo, storyId);
    const vector = c.vector.size ? c.vector : null;
    const joining = { ...a, places: f.places, actors: f.actors, numbers: f.numbers, vector };
    const s = mergeIntoStory(before ?? EMPTY_STORY, joining, params.centroidTerms);
    const write = {
      first_seen: s.firstSeen,
      last_seen: s.lastSeen,
      article_count: s.articleCount,
      outlets: JSON.stringify(s.outlets),
      languages: JSON.stringify(s.languages),
      places: JSON.stringify(s.places),
      actors: JSON.stringify(s.actors),
      numbers: JSON.stringify(s.numbers),
      ...packCentroid(s.centroid),
    };
    let id = before?.id;
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
    if (c.article.linkedUrlKey) repo.putLink(d.kind === 'edited' ? d.of : articleId, c.article.linkedUrlKey);
    if (d.kind === 'edited') {
      writeSignature(d.of, c.features);
      return { storyId: repo.storyOfArticle(d.of) ?? null };
    }
    if (d.kind === 'duplicate') {
      if (d.of === articleId) return { storyId: d.storyId };
      repo.putCopy(articleId, d.of, d.reason, d.score);
      const storyId = joinStory(articleId, c, d.storyId, null);
      const why = d.reason === 'linked' ? { linkedTo: d.of } : { copyOf: d.of };
      repo.putArticleStory(articleId, storyId, d.storyId === null ? 'new-story' : 'copy', d.score, why);
      return { storyId };
    }
    writeSignature(articleId, c.features);
    df.count(new Set([...c.features.tf.keys(), ...entityKeys(c.features)]));
    const storyId = joinStory(articleId, c, d.storyId, d.previousStoryId);
    const why = d.linkedFrom === undefined ? (d.shared ?? {}) : { linkedFrom: d.linkedFrom };
    repo.putArticleStory(articleId, storyId, d.joined, d.score, why);
    return { storyId };
  }

  return record;
}
