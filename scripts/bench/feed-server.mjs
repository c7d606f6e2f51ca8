// Benchmark feed server (child process): /feed/N serves feed N with PER_FEED articles of generated Arabic and
// English text, RSS 2.0 with content:encoded, ETag + 304. Prints its port on stdout.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';

const PER_FEED = Number(process.env.PER_FEED ?? 50);
// Distinct articles from a seeded vocabulary (pseudo-words plus real place and actor names), so the
// pipeline sees the spread of real news rather than one text repeated: shared words, rare duplicates.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const AR_LETTERS = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';
const EN_LETTERS = 'abcdefghijklmnoprstuvwy';
function vocabulary(letters, n, seed, names) {
  const r = rng(seed);
  const words = [...names];
  while (words.length < n) {
    const len = 3 + Math.floor(r() * 6);
    let w = '';
    for (let i = 0; i < len; i++) w += letters[Math.floor(r() * letters.length)];
    words.push(w);
  }
  return words;
}
const AR = vocabulary(AR_LETTERS, 4000, 1, [
  'الحسكة',
  'دير الزور',
  'إدلب',
  'حلب',
  'قسد',
  'داعش',
  'التحالف الدولي',
  'قوات النظام',
  'الرقة',
  'القامشلي',
]);
const EN = vocabulary(EN_LETTERS, 4000, 2, [
  'Hasakah',
  'Deir ez-Zor',
  'Idlib',
  'Aleppo',
  'SDF',
  'ISIS',
  'coalition',
  'Raqqa',
  'Qamishli',
  'Damascus',
]);

function words(list, n, seed) {
  const r = rng(seed);
  const out = [];
  // Zipf-like: common words often, the long tail rarely.
  for (let i = 0; i < n; i++) out.push(list[Math.floor(list.length * r() ** 3)]);
  return out.join(' ');
}

function feed(f, origin) {
  const ar = f % 2 === 0;
  const items = [];
  for (let i = 0; i < PER_FEED; i++) {
    const id = f * 100000 + i;
    const list = ar ? AR : EN;
    const paras = [0, 1, 2, 3].map((p) => `<p>${words(list, 60, id * 7 + p)}.</p>`).join('');
    items.push(
      `<item><title>${words(list, 9, id * 13 + 5)}</title><link>${origin}/a/${f}/${i}?utm_source=rss</link>` +
        `<guid isPermaLink="false">bench-${id}</guid><pubDate>${new Date(Date.UTC(2026, 10, 20, 0, 0, 0) + i * 60000).toUTCString()}</pubDate>` +
        `<description>${words(list, 25, id * 7)}</description><content:encoded><![CDATA[${paras}]]></content:encoded></item>`,
    );
  }
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Bench ${f}</title><link>${origin}/</link>${items.join('')}</channel></rss>`;
}

const cache = new Map();
function entryFor(f, origin) {
  let entry = cache.get(f);
  if (!entry) {
    const body = Buffer.from(feed(f, origin));
    entry = { body, etag: `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"` };
    cache.set(f, entry);
  }
  return entry;
}
const server = createServer((req, res) => {
  const m = /^\/feed\/(\d+)$/.exec(req.url ?? '');
  if (!m) return res.writeHead(404).end();
  const f = Number(m[1]);
  const entry = entryFor(f, `http://127.0.0.1:${server.address().port}`);
  if (req.headers['if-none-match'] === entry.etag) return res.writeHead(304, { etag: entry.etag }).end();
  res.writeHead(200, {
    'content-type': 'application/rss+xml; charset=utf-8',
    etag: entry.etag,
    'content-length': entry.body.length,
  });
  res.end(entry.body);
});
// Every feed is built before the port is announced: generating text is the bench's own work, and done
// during round 1 it competed with the pipeline being measured (the main process sat idle waiting on it).
server.listen(0, '127.0.0.1', () => {
  const origin = `http://127.0.0.1:${server.address().port}`;
  for (let f = 0; f < Number(process.env.FEEDS ?? 0); f++) entryFor(f, origin);
  process.stdout.write(`${server.address().port}\n`);
});
process.on('SIGTERM', () => process.exit(0));
