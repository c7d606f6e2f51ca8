// Domain types shared by every stage. Pure data: no behaviour, no imports of I/O.
// One word per concept: source, article, watch, match, story, alert, subscriber.

export type Lang = 'ar' | 'en';
export type SourceLang = Lang | 'auto';
export type SourceKind = 'feed' | 'html' | 'telegram';

/** When a source is polled: a fixed interval or a cron expression (node-cron syntax). */
export type Schedule = { kind: 'interval'; ms: number } | { kind: 'cron'; expr: string };

/** One configured source, validated (see src/sources/config.ts). */
export interface Source {
  readonly id: string;
  readonly name: string;
  readonly url: string;
  readonly kind: SourceKind;
  readonly every: string;
  readonly schedule: Schedule;
  readonly lang: SourceLang;
  readonly fullText: boolean;
  readonly enabled: boolean;
  /** How many of the newest articles the first poll announces (default 0: first poll is silent). */
  readonly backfill: number;
}

/** A feed after parsing: format-neutral. */
export interface ParsedFeed {
  readonly format: FeedFormat;
  readonly title: string;
  readonly link: string | null;
  readonly lang: string | null;
  readonly articles: readonly ParsedArticle[];
  /** A paged source (a Telegram channel preview) says where its older items are. */
  readonly older?: PageCursor;
}

/** The items on the page just read and the cursor to the page before them (null: no older page). */
export interface PageCursor {
  readonly posts: readonly {
    readonly postId: number;
    readonly published: number | null;
    readonly guid?: string | null;
  }[];
  readonly before: number | null;
}

export type FeedFormat =
  | 'rss090'
  | 'rss091'
  | 'rss092'
  | 'rss093'
  | 'rss094'
  | 'rss20'
  | 'rss10'
  | 'atom03'
  | 'atom10'
  | 'json10'
  | 'json11'
  /** A listing page read with per-source selectors (kind: html). */
  | 'html'
  /** A public Telegram channel's web preview (kind: telegram). */
  | 'telegram';

/** One article as a feed describes it. Text fields are plain text unless named *Html. */
export interface ParsedArticle {
  readonly title: string;
  /** Absolute URL of the article page (resolved against xml:base / the feed URL), or null. */
  readonly url: string | null;
  /** The feed's own id for the article (RSS guid, Atom id, JSON Feed id), or null. */
  readonly guid: string | null;
  /** Epoch milliseconds, or null when the feed gave no date or an unparseable one. */
  readonly published: number | null;
  /** Short plain-text description (the RSS description / Atom summary), cleaned of HTML. */
  readonly summary: string;
  /** Full content as HTML when the feed carries it (content:encoded, Atom content), else null. */
  readonly contentHtml: string | null;
  readonly author: string | null;
  readonly imageUrl: string | null;
  readonly lang: string | null;
  /** An outlet's article this one points to (a Telegram post sharing a link): the same story. */
  readonly linkedUrl?: string | null;
}

/** Expected failures are values; exceptions are for bugs. */
export type Result<T, E = string> = { ok: true; value: T } | { ok: false; error: E };

/** The text of an article after extraction: what is stored and matched. */
export interface ArticleText {
  readonly title: string;
  readonly paragraphs: readonly string[];
  readonly canonicalUrl: string | null;
  readonly author: string | null;
  readonly published: number | null;
  readonly lang: string | null;
  readonly imageUrl: string | null;
  readonly siteName: string | null;
}
