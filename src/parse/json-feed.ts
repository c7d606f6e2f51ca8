// JSON Feed 1.0 / 1.1 (https://www.jsonfeed.org/version/1.1/). Tolerant of wrong types: a field of
// the wrong type is treated as absent. A document needs a jsonfeed.org version or an items array.
import type { ParsedArticle, ParsedFeed, Result } from '../types';
import { summaryOf } from './common';
import { parseDate } from './dates';
import { cleanPlain, htmlToPlain, plainToHtml } from './text';
import { resolveHtmlUrls, resolveUrl } from './urls';

type Json = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);
const obj = (v: unknown): Json | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null);

export function parseJsonFeed(text: string, baseUrl: string | null): Result<ParsedFeed> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `invalid JSON: ${(err as Error).message}` };
  }
  const feed = obj(doc);
  const version = str(feed?.['version']) ?? '';
  const knownVersion = /jsonfeed\.org\/version\/|^1(?:\.\d)?$/.test(version.trim());
  if (!feed || (!knownVersion && !Array.isArray(feed['items']))) {
    return { ok: false, error: 'JSON document is not a JSON Feed (no jsonfeed.org version, no items)' };
  }
  const base = resolveUrl(str(feed['feed_url']), baseUrl) ?? baseUrl;
  const lang = str(feed['language']);
  const feedAuthor = authorOf(feed);
  const items = Array.isArray(feed['items']) ? feed['items'] : [];
  return {
    ok: true,
    value: {
      format: /1\.1\/?$/.test(version.trim()) ? 'json11' : 'json10',
      title: htmlToPlain(str(feed['title']) ?? ''),
      link: resolveUrl(str(feed['home_page_url']), base),
      lang,
      articles: items.flatMap((raw) => {
        const item = obj(raw);
        return item ? [parseItem(item, base, lang, feedAuthor)] : [];
      }),
    },
  };
}

function parseItem(item: Json, base: string | null, lang: string | null, feedAuthor: string | null): ParsedArticle {
  const url = resolveUrl(str(item['url']) ?? str(item['external_url']), base);
  const html = str(item['content_html']);
  const text = str(item['content_text']);
  const contentHtml = html ? resolveHtmlUrls(html, url ?? base) : text ? plainToHtml(text) : null;
  const id = item['id'];
  const summary = str(item['summary']);
  return {
    title: htmlToPlain(str(item['title']) ?? ''),
    url,
    guid: typeof id === 'string' && id.trim() ? id.trim() : typeof id === 'number' ? String(id) : null,
    published: parseDate(str(item['date_published']) ?? str(item['date_modified'])),
    summary: summary ? cleanPlain(summary) : summaryOf(null, contentHtml),
    contentHtml,
    author: authorOf(item) ?? feedAuthor,
    imageUrl: resolveUrl(str(item['image']) ?? str(item['banner_image']), base),
    lang: str(item['language']) ?? lang,
  };
}

/** 1.1 `authors` array, else the deprecated 1.0 `author` object. */
function authorOf(o: Json): string | null {
  const authors = Array.isArray(o['authors']) ? o['authors'] : [];
  const first = obj(authors[0]) ?? obj(o['author']);
  return first ? str(first['name']) : null;
}
