// Same story: reports of one event in different words (and languages) join one story. Score, as in
// online news clustering (TDT-style single pass): TF-IDF centroid cosine + IDF-weighted overlap of
// alias-resolved places and actors + shared numbers, all times a time decay since the story was last
// seen. Places, actors and numbers are language-neutral ids, so an English and an Arabic report of
// one event score on them even though their cosine is near 0.
import type { DedupParams } from './params';
import { type KeyedVector, keyedCosine, type PackedVector } from './tfidf';

export interface StoryFacts {
  readonly id: number;
  readonly centroid: PackedVector;
  readonly places: readonly string[];
  readonly actors: readonly string[];
  readonly numbers: readonly string[];
  readonly firstSeen: number;
  readonly lastSeen: number;
}

export interface ArticleStoryFacts {
  readonly vector: KeyedVector;
  readonly places: readonly string[];
  readonly actors: readonly string[];
  readonly numbers: readonly string[];
  readonly publishedAt: number;
  /**
   * Specificity of an entity key ("p:<id>", "a:<id>") in (0, 1]: its IDF over the IDF of an unseen
   * key. A shared town says more than a shared country.
   */
  readonly entityWeight: (key: string) => number;
}

export interface Shared {
  readonly cosine: number;
  readonly places: readonly string[];
  readonly actors: readonly string[];
  readonly numbers: readonly string[];
  readonly decay: number;
}

export interface StoryScore {
  readonly storyId: number;
  readonly score: number;
  /** The score without time decay (used to link a closed story). */
  readonly raw: number;
  readonly shared: Shared;
}

/**
 * Shared entities, weighted by specificity and saturating at `saturation` fully specific ones:
 * two reports naming the same prison and town score 1 whatever else each one mentions (a fraction
 * of the article's entities would punish a report for giving more context).
 */
function sharedEntities(
  mine: readonly string[],
  theirs: readonly string[],
  prefix: string,
  weight: (k: string) => number,
  saturation: number,
) {
  // Lists are short (a story keeps at most 60 places): a scan allocates nothing, a Set per candidate did.
  const shared: string[] = [];
  let mass = 0;
  for (const e of mine) {
    if (!theirs.includes(e)) continue;
    shared.push(e);
    mass += weight(prefix + e);
  }
  return { value: Math.min(1, mass / saturation), shared };
}

export function scoreStory(a: ArticleStoryFacts, s: StoryFacts, p: DedupParams): StoryScore {
  const cos = keyedCosine(a.vector, s.centroid);
  const places = sharedEntities(a.places, s.places, 'p:', a.entityWeight, p.entitySaturation);
  const actors = sharedEntities(a.actors, s.actors, 'a:', a.entityWeight, p.entitySaturation);
  const sharedNumbers = a.numbers.filter((n) => s.numbers.includes(n));
  const numberScore = a.numbers.length ? sharedNumbers.length / Math.min(a.numbers.length, 4) : 0;
  const w = p.weights;
  const raw = w.text * cos + w.place * places.value + w.actor * actors.value + w.number * Math.min(1, numberScore);
  // Reports arriving before the story's last report (late feeds) are not penalized.
  const gap = Math.max(0, a.publishedAt - s.lastSeen);
  const decay = 0.5 ** (gap / p.halfLifeMs);
  return {
    storyId: s.id,
    score: raw * decay,
    raw,
    shared: { cosine: cos, places: places.shared, actors: actors.shared, numbers: sharedNumbers, decay },
  };
}

export type StoryDecision =
  | { kind: 'join'; storyId: number; score: number; shared: Shared }
  | { kind: 'open'; previousStoryId: number | null; score: number; shared: Shared | null };

/**
 * Join the best-scoring story still inside the window; otherwise open a new story, linked to the
 * best closed one (quiet for longer than the window) when that one clears the reopen threshold.
 */
export function decideStory(a: ArticleStoryFacts, candidates: readonly StoryFacts[], p: DedupParams): StoryDecision {
  let bestOpen: StoryScore | null = null;
  let bestClosed: StoryScore | null = null;
  for (const s of candidates) {
    const sc = scoreStory(a, s, p);
    const active = a.publishedAt - s.lastSeen <= p.windowMs;
    if (active && (!bestOpen || sc.score > bestOpen.score)) bestOpen = sc;
    if (!active && (!bestClosed || sc.raw > bestClosed.raw)) bestClosed = sc;
  }
  if (bestOpen && bestOpen.score >= p.storyThreshold) {
    return { kind: 'join', storyId: bestOpen.storyId, score: bestOpen.score, shared: bestOpen.shared };
  }
  if (bestClosed && bestClosed.raw >= p.reopenThreshold) {
    return { kind: 'open', previousStoryId: bestClosed.storyId, score: bestClosed.raw, shared: bestClosed.shared };
  }
  return { kind: 'open', previousStoryId: null, score: bestOpen?.score ?? 0, shared: bestOpen?.shared ?? null };
}
