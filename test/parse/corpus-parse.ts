// Decode + parse one corpus row the way the corpus's own tests fetch it.
import { parseFeedBytes } from '../../src/parse/feed';
import type { ParsedFeed } from '../../src/types';
import { corpusBytes, type Row, simulatedHeaders } from './corpus-files';

/** The URL each corpus's own tests fetch from (feedparser's test server; feed-rs uses example.com). */
function feedUrl(corpus: string, file: string): string {
  if (corpus === 'feed-rs') return 'http://example.com';
  return `http://127.0.0.1:8097/tests/${file}`;
}

export function parseRow(corpus: string, row: Row) {
  const file = row['file']!;
  const headers = simulatedHeaders(row['simulated_http_headers']);
  return parseFeedBytes(corpusBytes(`feeds/${corpus}/${file}`), {
    contentType: headers['content-type'] ?? null,
    url: feedUrl(corpus, file),
    contentLocation: headers['content-location'] ?? null,
  });
}

export function parsed(corpus: string, file: string, headers = ''): ParsedFeed {
  const result = parseRow(corpus, { file, simulated_http_headers: headers });
  if (!result.ok) throw new Error(`${corpus}/${file} failed: ${result.error}`);
  return result.value.feed;
}
