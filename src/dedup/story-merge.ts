// How a story's summary changes when an article joins it. Pure: rows in, row out.
import { addToCentroid, type SparseVector, topTerms } from './tfidf';

export interface StorySummary {
  readonly firstSeen: number;
  readonly lastSeen: number;
  readonly articleCount: number;
  readonly outlets: readonly string[];
  readonly languages: readonly string[];
  readonly places: readonly string[];
  readonly actors: readonly string[];
  readonly numbers: readonly string[];
  readonly centroid: SparseVector;
}

export interface JoiningArticle {
  readonly outlet: string;
  readonly lang: string | null;
  readonly publishedAt: number;
  readonly places: readonly string[];
  readonly actors: readonly string[];
  readonly numbers: readonly string[];
  /** Null for a copy: it adds an outlet, not new words. */
  readonly vector: SparseVector | null;
}

/** Caps keep a long-running story's row small; the first-seen values are kept. */
const CAP = { places: 60, actors: 40, numbers: 40 };

const union = (a: readonly string[], b: readonly string[], cap = Number.POSITIVE_INFINITY) =>
  [...new Set([...a, ...b])].slice(0, cap);

export const EMPTY_STORY: StorySummary = {
  firstSeen: Number.POSITIVE_INFINITY,
  lastSeen: 0,
  articleCount: 0,
  outlets: [],
  languages: [],
  places: [],
  actors: [],
  numbers: [],
  centroid: new Map(),
};

export function mergeIntoStory(s: StorySummary, a: JoiningArticle, centroidTerms: number): StorySummary {
  return {
    firstSeen: Math.min(s.firstSeen, a.publishedAt),
    lastSeen: Math.max(s.lastSeen, a.publishedAt),
    articleCount: s.articleCount + 1,
    outlets: union(s.outlets, [a.outlet]),
    languages: union(s.languages, a.lang ? [a.lang] : []),
    places: union(s.places, a.places, CAP.places),
    actors: union(s.actors, a.actors, CAP.actors),
    numbers: union(s.numbers, a.numbers, CAP.numbers),
    centroid: a.vector ? addToCentroid(s.centroid, a.vector, centroidTerms) : s.centroid,
  };
}

/** Keys under which a story is found as a candidate: entities, numbers, heaviest terms. */
export function storyKeys(
  a: { places: readonly string[]; actors: readonly string[]; numbers: readonly string[] },
  centroid: SparseVector,
  indexTerms: number,
): string[] {
  return [
    ...a.places.map((p) => `p:${p}`),
    ...a.actors.map((x) => `a:${x}`),
    ...a.numbers.map((n) => `n:${n}`),
    ...topTerms(centroid, indexTerms).map((t) => `t:${t}`),
  ];
}
