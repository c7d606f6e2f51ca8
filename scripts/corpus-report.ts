// Parse speed on real feeds: `npx tsx scripts/corpus-report.ts`. Decodes and parses each corpus file
// repeatedly and prints articles per second (the ingest target needs parse well above 10,000/s), next
// to the cost of htmlparser2's bare tokenizer on the same text, so results on a busy machine can be
// read as a ratio.
import { readFileSync } from 'node:fs';
import { Parser } from 'htmlparser2';
import { parseFeedBytes } from '../src/parse/feed';

const FILES = [
  'feeds/miniflux/parser/large_rss.xml',
  'feeds/miniflux/parser/large_atom.xml',
  'feeds/miniflux/parser/urdu_UTF8.xml',
  'feeds/rss-parser/input/giantbomb-podcast.rss',
];
const corpus = new URL('../../shared/corpus/', import.meta.url);

for (const file of FILES) {
  const bytes = new Uint8Array(readFileSync(new URL(file, corpus)));
  const opts = { contentType: 'application/rss+xml', url: 'https://example.com/feed' };
  const first = parseFeedBytes(bytes, opts);
  if (!first.ok) throw new Error(`${file}: ${first.error}`);
  const articles = first.value.feed.articles.length;
  for (let i = 0; i < 5; i++) parseFeedBytes(bytes, opts);
  const runs = Math.max(10, Math.ceil(2_000_000 / bytes.length));
  const start = performance.now();
  for (let i = 0; i < runs; i++) parseFeedBytes(bytes, opts);
  const ms = (performance.now() - start) / runs;
  const perSec = Math.round((articles / ms) * 1000);
  const text = new TextDecoder().decode(bytes);
  const tokStart = performance.now();
  for (let i = 0; i < runs; i++) new Parser({}, { xmlMode: true, decodeEntities: false }).end(text);
  const tokMs = (performance.now() - tokStart) / runs;
  console.log(
    `${file}: ${(bytes.length / 1024).toFixed(0)} KB, ${articles} articles, ${ms.toFixed(2)} ms/parse, ${perSec} articles/s, ${((bytes.length / 1024 / 1024 / ms) * 1000).toFixed(1)} MB/s, bare tokenizer ${tokMs.toFixed(2)} ms (x${(ms / tokMs).toFixed(1)})`,
  );
}
