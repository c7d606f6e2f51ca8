// Article facts from schema.org JSON-LD blocks (https://schema.org/NewsArticle). Pure.
// Pages put these in one object, an array, or an @graph; values may be strings, objects or arrays of
// either. Broken JSON is common (CMS templates) and is skipped, not an error.

export interface JsonLdFacts {
  readonly headline: string | null;
  readonly datePublished: string | null;
  readonly author: string | null;
  readonly image: string | null;
  readonly publisher: string | null;
}

const ARTICLE_TYPES = /article|posting|report/i;
const MAX_DEPTH = 6;

export function readJsonLd(blocks: readonly string[]): JsonLdFacts {
  const articles: Record<string, unknown>[] = [];
  for (const block of blocks) {
    const parsed = parseJson(block);
    if (parsed !== undefined) collectArticles(parsed, articles, 0);
  }
  const first = <T>(pick: (a: Record<string, unknown>) => T | null): T | null => {
    for (const a of articles) {
      const v = pick(a);
      if (v !== null) return v;
    }
    return null;
  };
  return {
    headline: first((a) => asText(a['headline'])),
    datePublished: first((a) => asText(a['datePublished'])),
    author: first((a) => nameOf(a['author'])),
    image: first((a) => urlOf(a['image'])),
    publisher: first((a) => nameOf(a['publisher'])),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.trim().replace(/^<!--|-->$/g, ''));
  } catch {
    return undefined;
  }
}

function collectArticles(node: unknown, out: Record<string, unknown>[], depth: number): void {
  if (depth > MAX_DEPTH || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) collectArticles(item, out, depth + 1);
    return;
  }
  const obj = node as Record<string, unknown>;
  const types = ([] as unknown[]).concat(obj['@type'] ?? []).filter((t): t is string => typeof t === 'string');
  if (types.some((t) => ARTICLE_TYPES.test(t)) || (types.length === 0 && 'datePublished' in obj)) out.push(obj);
  if (obj['@graph']) collectArticles(obj['@graph'], out, depth + 1);
  if (obj['mainEntity']) collectArticles(obj['mainEntity'], out, depth + 1);
}

function asText(v: unknown): string | null {
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  if (Array.isArray(v)) return asText(v[0]);
  return null;
}

function nameOf(v: unknown): string | null {
  if (Array.isArray(v)) {
    const names = v.map(nameOf).filter((n): n is string => n !== null);
    return names.length > 0 ? names.join(', ') : null;
  }
  if (v && typeof v === 'object') return asText((v as Record<string, unknown>)['name']);
  return asText(v);
}

function urlOf(v: unknown): string | null {
  if (Array.isArray(v)) return v.length > 0 ? urlOf(v[0]) : null;
  if (v && typeof v === 'object') return asText((v as Record<string, unknown>)['url']);
  return asText(v);
}
