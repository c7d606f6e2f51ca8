// Feed parsing: text (or bytes) in, a format-neutral ParsedFeed or a one-line reason out. Never throws.
//
// Why our own adapters on htmlparser2's tokenizer rather than a feed library: the corpus needs
// tolerance (bare `&`, undeclared prefixes, HTML entities inside XML, truncated files, lying
// charsets), xml:base resolution, strict-vs-legacy entity rules and our own field choices (plain-text
// titles, imageUrl, ids left null for the pipeline). htmlparser2 in xmlMode never throws and recovers
// from broken markup; the format logic on top is a few small files we can read and fix, and it passes
// every corpus row (test/parse/corpus.test.ts). feedsmith and @rowanmanning/feed-parser were not
// measured against the corpus (time); either would still need our decoding, URL and text rules.
//
// Failure rules: empty input, an HTML page, an unknown XML root, invalid JSON, JSON that is not a JSON
// Feed, and a truncated document (root never closed) with no article recovered are failures. A complete
// feed with zero articles is a feed.
import type { ParsedFeed, Result } from '../types';
import { parseAtom } from './atom';
import { type BodyKind, decodeBody } from './decode';
import { parseJsonFeed } from './json-feed';
import { parseRss } from './rss';
import { resolveUrl } from './urls';
import { parseXml, type XmlElement } from './xml';

export interface ParseFeedOptions {
  /** The URL the feed was fetched from: the base for relative links. */
  readonly url: string;
  /** Content-Location response header, when sent: overrides the base (RFC 9110 section 8.7). */
  readonly contentLocation?: string | null;
}

export interface ParsedFeedBytes {
  readonly feed: ParsedFeed;
  /** The charset the body was decoded with, and why any declared one was overridden. */
  readonly encoding: string;
  readonly warnings: readonly string[];
}

const HTML_ROOTS = new Set(['html', 'head', 'body']);

export function parseFeed(text: string, opts: ParseFeedOptions): Result<ParsedFeed> {
  const base = documentBase(opts);
  const start = text.search(/[^\s\uFEFF]/);
  if (start === -1) return { ok: false, error: 'empty document: no feed content' };
  if (text[start] === '{' || text[start] === '[') return parseJsonFeed(text.slice(start), base);
  const doc = parseXml(text, base);
  if (!doc.root) return { ok: false, error: 'no XML element found: empty or not a feed' };
  const feed = parseRoot(doc.root);
  if (!feed.ok) return feed;
  if (doc.truncated && feed.value.articles.length === 0) {
    return { ok: false, error: `truncated document: <${doc.root.local}> never closed and no article recovered` };
  }
  return feed;
}

export function parseFeedBytes(
  bytes: Uint8Array,
  opts: ParseFeedOptions & { readonly contentType: string | null },
): Result<ParsedFeedBytes> {
  const decoded = decodeBody(bytes, { contentType: opts.contentType, kind: bodyKind(bytes, opts.contentType) });
  const parsed = parseFeed(decoded.text, opts);
  if (!parsed.ok) return parsed;
  return { ok: true, value: { feed: parsed.value, encoding: decoded.encoding, warnings: decoded.warnings } };
}

function parseRoot(root: XmlElement): Result<ParsedFeed> {
  switch (root.local) {
    case 'rss':
    case 'rdf':
    case 'channel':
      return { ok: true, value: parseRss(root) };
    case 'feed':
      return { ok: true, value: parseAtom(root) };
    default:
      if (HTML_ROOTS.has(root.local)) return { ok: false, error: `an HTML page, not a feed (root <${root.local}>)` };
      return { ok: false, error: `unknown XML document, not RSS, RDF or Atom (root <${root.local}>)` };
  }
}

function documentBase(opts: ParseFeedOptions): string | null {
  const url = resolveUrl(opts.url, null);
  return (opts.contentLocation ? resolveUrl(opts.contentLocation, url) : null) ?? url;
}

function bodyKind(bytes: Uint8Array, contentType: string | null): BodyKind {
  if (contentType && /json/i.test(contentType)) return 'json';
  for (let i = 0; i < bytes.length && i < 64; i++) {
    const b = bytes[i]!;
    if (b === 0x7b) return 'json';
    if (b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09) break;
  }
  return 'xml';
}
