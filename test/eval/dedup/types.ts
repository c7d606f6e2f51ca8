// Shape of the labelled dedup evaluation set. Every report here was written for Rased: the places and
// armed groups are real, the events, figures and outlets' wording are invented for evaluation.

export interface LabelledArticle {
  readonly id: string;
  /** Same-story label: reports of one event share it. */
  readonly story: string;
  /** Same-article label; defaults to `id` (derived copies carry their original's). */
  readonly article?: string;
  readonly outlet: string;
  readonly lang: 'ar' | 'en';
  readonly url: string;
  readonly guid?: string;
  /** ISO time (UTC). */
  readonly at: string;
  readonly title: string;
  readonly text: string;
  /**
   * Entities as the matching stage produces them (gazetteer place ids, alias-group ids), written by
   * hand because src/match's extractEntities did not exist when this set was made.
   */
  readonly places: readonly string[];
  readonly actors: readonly string[];
}

export type Derivation =
  /** Same page again with tracking parameters: same canonical-URL key. */
  | { kind: 'tracking'; query: string }
  /** Same URL, headline changed and a sentence appended: an edit of the stored article. */
  | { kind: 'headline-edit'; title: string; append: string }
  /** Republished under a new URL with a new headline and about `every`-th word edited. */
  | { kind: 'republish'; title: string; every: number }
  /** The same wire text on another site with that site's boilerplate around it. */
  | { kind: 'syndicate'; title: string; header: string; footer: string }
  /** The first `words` words of the text, as a feed description or an aggregator's teaser. */
  | { kind: 'excerpt'; words: number };

export interface DerivedArticle {
  readonly id: string;
  readonly from: string;
  readonly outlet: string;
  readonly url: string;
  readonly at: string;
  readonly derive: Derivation;
}

/** A seed from ../shared/seeds, read at eval time (never copied into the repo). */
export interface SeedLabel {
  readonly id: string;
  readonly file: string;
  readonly story: string;
  readonly outlet: string;
  readonly url: string;
  readonly at: string;
  readonly title: string;
  readonly places: readonly string[];
  readonly actors: readonly string[];
}
