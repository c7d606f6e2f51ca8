// From a parsed feed article to the article we store: keys, text, language, dates. Pure; the
// stage functions it needs (URL keying, HTML cleaning, language detection, hashing) are passed in.
import type { ArticleText, ParsedArticle, Source } from '../types';

export interface CandidateDeps {
  canonicalUrlKey(url: string): string | null;
  htmlToParagraphs(html: string): string[];
  detectLang(text: string): 'ar' | 'en' | null;
  contentHash(title: string, text: string): string;
}

export interface ArticleCandidate {
  readonly sourceId: string;
  readonly url: string | null;
  readonly urlKey: string | null;
  readonly guid: string | null;
  readonly title: string;
  readonly paragraphs: readonly string[];
  readonly summary: string;
  readonly author: string | null;
  readonly lang: string | null;
  readonly imageUrl: string | null;
  readonly publishedAt: number;
  readonly fetchedAt: number;
  readonly contentHash: string;
  /** The feed carries only an excerpt (or the source asks for full text): fetch the page. */
  readonly needsPage: boolean;
  /** Key of the outlet article this one links to (Telegram posts), for dedup. */
  readonly linkedUrlKey: string | null;
}

/** Below this many characters of text, or ending in an ellipsis, feed text is an excerpt. */
const EXCERPT_CHARS = 600;
const ELLIPSIS = /(\.\.\.|…|\[…\]|\[\.\.\.\]|\(\.\.\.\))\s*$/;
/** A date more than this far in the future is a broken feed clock: use the fetch time. */
const FUTURE_SLACK_MS = 60 * 60 * 1000;

export function normalizeLang(tag: string | null | undefined): 'ar' | 'en' | null {
  const t = tag?.trim().toLowerCase().slice(0, 2);
  return t === 'ar' || t === 'en' ? t : null;
}

export function toCandidate(
  a: ParsedArticle,
  source: Source,
  fetchedAt: number,
  deps: CandidateDeps,
): ArticleCandidate {
  const paragraphs = a.contentHtml ? deps.htmlToParagraphs(a.contentHtml) : splitParagraphs(a.summary);
  const text = paragraphs.join('\n\n');
  const title = a.title.trim() || firstWords(text);
  const published = a.published !== null && a.published <= fetchedAt + FUTURE_SLACK_MS ? a.published : fetchedAt;
  return {
    sourceId: source.id,
    url: a.url,
    urlKey: a.url ? deps.canonicalUrlKey(a.url) : null,
    guid: a.guid ?? (a.url ? null : `sha:${deps.contentHash(title, String(a.published ?? ''))}`),
    title,
    paragraphs,
    summary: a.summary.slice(0, 1000),
    author: a.author,
    lang: source.lang !== 'auto' ? source.lang : (normalizeLang(a.lang) ?? deps.detectLang(`${title} ${text}`)),
    imageUrl: a.imageUrl,
    publishedAt: published,
    fetchedAt,
    contentHash: deps.contentHash(title, text),
    // A Telegram post is its own page: nothing more to fetch.
    needsPage:
      a.url !== null &&
      source.kind !== 'telegram' &&
      (source.fullText || text.length < EXCERPT_CHARS || ELLIPSIS.test(text)),
    linkedUrlKey: a.linkedUrl ? deps.canonicalUrlKey(a.linkedUrl) : null,
  };
}

/** The candidate with the page's extracted text (and its canonical URL, when the page names one). */
export function withPage(c: ArticleCandidate, page: ArticleText, deps: CandidateDeps): ArticleCandidate {
  const paragraphs = withoutLeadingTitle(page.paragraphs, [c.title, page.title]);
  const text = paragraphs.join('\n\n');
  const feedText = c.paragraphs.join('\n\n');
  if (text.length < feedText.length) return { ...c, needsPage: false };
  const url = page.canonicalUrl ?? c.url;
  return {
    ...c,
    url,
    urlKey: url ? (deps.canonicalUrlKey(url) ?? c.urlKey) : c.urlKey,
    paragraphs,
    author: c.author ?? page.author,
    imageUrl: c.imageUrl ?? page.imageUrl,
    lang: c.lang ?? normalizeLang(page.lang),
    contentHash: deps.contentHash(c.title, text),
    needsPage: false,
  };
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Pages often repeat the headline as the first block of text; the title is stored on its own. */
function withoutLeadingTitle(paragraphs: readonly string[], titles: readonly string[]): string[] {
  const known = new Set(titles.map(squash).filter(Boolean));
  let i = 0;
  while (i < paragraphs.length && known.has(squash(paragraphs[i]!))) i++;
  return paragraphs.slice(i);
}

function splitParagraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

function firstWords(text: string): string {
  const words = text.split(/\s+/).slice(0, 12).join(' ');
  return words || '(untitled)';
}
