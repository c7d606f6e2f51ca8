// Article text from a fetched page. Pure: HTML in, paragraphs and metadata out.
//
// Steps:
// 0. measure the nesting depth in one linear pass: DOM parsing (htmlparser2's stack) is quadratic and
//    Readability roughly cubic in depth, so a hostile or broken page (thousands of unclosed <font>s) would
//    hang them. Real article pages nest 10-40 deep. Above MAX_READABILITY_DEPTH the cleaned body is used
//    without Readability; above MAX_DOM_DEPTH no DOM is built and the page is read as plain paragraphs;
// 1. parse the page into a server-side DOM: linkedom, enough DOM for Readability (over it, Readability
//    reproduces its own expected text on its test pages, scripts/eval-extract.ts), so no jsdom;
// 2. read the metadata (metadata.ts) before anything is removed;
// 3. remove what is not the article (dom-clean.ts, rules in boilerplate-rules.ts);
// 4. let Mozilla Readability find the article body; when it finds none, fall back to the cleaned body;
// 5. turn that HTML into paragraphs and drop boilerplate lines (paragraphs.ts);
// 6. settle title, lang and canonical URL, falling back to what Readability saw.

import type { ArticleText, Result } from '../types';
import { pickCanonical } from './canonical-url';
import type { DomDocument } from './dom';
import { removeBoilerplate } from './dom-clean';
import { maxDepth } from './html-walk';
import { detectLang } from './lang';
import { parseHTML, readabilityClass } from './lazy-dom';
import { normalizeLang, type PageMetadata, parseDate, readMetadata } from './metadata';
import { htmlToParagraphs } from './paragraphs';

/** Pages above this size are refused rather than parsed: no news article is that big. */
export const MAX_PAGE_CHARS = 8_000_000;
/** Nesting limits (step 0 above). Readability takes ~0.4 s at 150 levels, ~2 s at 250. */
export const MAX_READABILITY_DEPTH = 150;
export const MAX_DOM_DEPTH = 1_000;
/** Readability gives up (throws) above this many elements; the cleaned body is used then. */
const MAX_READABILITY_ELEMENTS = 50_000;

const NO_METADATA: PageMetadata = {
  title: null,
  author: null,
  published: null,
  lang: null,
  imageUrl: null,
  siteName: null,
  linkCanonical: null,
  ogUrl: null,
};

type PageDocument = DomDocument & { readonly body: { readonly innerHTML: string } | null };

interface ReadabilityArticle {
  title?: string | null;
  content?: string | null;
  byline?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
  lang?: string | null;
}

export function extractArticle(html: string, pageUrl: string): Result<ArticleText, string> {
  if (html.trim() === '') return { ok: false, error: `empty page at ${pageUrl}` };
  if (html.length > MAX_PAGE_CHARS) {
    return { ok: false, error: `page at ${pageUrl} is ${html.length} chars, over the ${MAX_PAGE_CHARS} limit` };
  }
  const page = readPage(html, pageUrl);
  if (!page.ok) return page;
  const { meta, found, bodyHtml } = page.value;
  const paragraphs = htmlToParagraphs(found?.content ?? bodyHtml);
  if (paragraphs.length === 0) return { ok: false, error: `no article text found at ${pageUrl}` };
  return {
    ok: true,
    value: {
      title: meta.title ?? clean(found?.title) ?? '',
      paragraphs,
      canonicalUrl: pickCanonical(pageUrl, { linkCanonical: meta.linkCanonical, ogUrl: meta.ogUrl }),
      author: meta.author ?? byline(found?.byline),
      published: meta.published ?? (found?.publishedTime ? parseDate(found.publishedTime) : null),
      lang: settleLang(meta.lang ?? normalizeLang(found?.lang), detectLang(paragraphs.join(' '))),
      imageUrl: meta.imageUrl,
      siteName: meta.siteName ?? clean(found?.siteName),
    },
  };
}

interface PageReading {
  readonly meta: PageMetadata;
  /** Readability's article, or null when skipped (too deep) or when it found none. */
  readonly found: ReadabilityArticle | null;
  /** The body after boilerplate removal (the whole input when no DOM was built). */
  readonly bodyHtml: string;
}

/** Steps 0-4 of the header. */
function readPage(html: string, pageUrl: string): Result<PageReading, string> {
  const depth = maxDepth(html);
  if (depth > MAX_DOM_DEPTH) return { ok: true, value: { meta: NO_METADATA, found: null, bodyHtml: html } };
  try {
    const { document } = parseHTML(withDocumentShell(html)) as unknown as { document: PageDocument };
    const meta = readMetadata(document, pageUrl);
    removeBoilerplate(document);
    const bodyHtml = document.body?.innerHTML ?? '';
    const found = depth <= MAX_READABILITY_DEPTH ? runReadability(document) : null;
    return { ok: true, value: { meta, found, bodyHtml } };
  } catch (cause) {
    return { ok: false, error: `could not parse the page at ${pageUrl}: ${String(cause)}` };
  }
}

/**
 * linkedom builds no implied <html>/<body> (an HTML parser would): a page or fragment without both tags
 * would come out with an empty body. Such input is rewrapped: its <head> block kept as the head, the rest
 * as the body.
 */
export function withDocumentShell(html: string): string {
  if (/<html[\s>]/i.test(html) && /<body[\s>]/i.test(html)) return html;
  const stripped = html.replace(/<!doctype[^>]*>|<\/?html\b[^>]*>|<\/?body\b[^>]*>/gi, '');
  const head = /<head\b[^>]*>([\s\S]*?)<\/head>/i.exec(stripped);
  const body = head ? stripped.replace(head[0], '') : stripped;
  return `<!DOCTYPE html><html><head>${head?.[1] ?? ''}</head><body>${body}</body></html>`;
}

/** Readability's article, or null when it finds none or gives up on a huge page (it throws then). */
function runReadability(document: DomDocument): ReadabilityArticle | null {
  const Readability = readabilityClass();
  try {
    return new Readability(document as never, {
      charThreshold: 200,
      maxElemsToParse: MAX_READABILITY_ELEMENTS,
    }).parse();
  } catch {
    return null;
  }
}

/**
 * The declared language unless the text's script contradicts it: Arabic sites built on English templates
 * often keep lang="en"; the letters on the page are the better witness for the two languages we handle.
 */
function settleLang(declared: string | null, fromText: 'ar' | 'en' | null): string | null {
  if (fromText && (declared === 'ar' || declared === 'en') && declared !== fromText) return fromText;
  return declared ?? fromText;
}

function byline(value: string | null | undefined): string | null {
  return clean(value?.replace(/^\s*(by|بقلم|كتب|كتبت)\s*[:：]?\s+/i, ''));
}

function clean(s: string | null | undefined): string | null {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
}
