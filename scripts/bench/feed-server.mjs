// Benchmark feed server (child process): FEEDS feeds × PER_FEED articles of generated Arabic and
// English text, RSS 2.0 with content:encoded, ETag + 304. Prints its port on stdout.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';

const FEEDS = Number(process.env.FEEDS ?? 200);
const PER_FEED = Number(process.env.PER_FEED ?? 50);
const AR = 'قالت مصادر محلية إن اشتباكات اندلعت في محيط مدينة الحسكة بين قوات سوريا الديمقراطية وخلايا تنظيم داعش وسط تحليق لطيران التحالف الدولي'.split(' ');
const EN = 'local sources said clashes broke out near the city of Hasakah between the Syrian Democratic Forces and Islamic State cells as coalition aircraft flew overhead'.split(' ');

function words(list, n, seed) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(list[(seed * 31 + i * 7) % list.length]);
  return out.join(' ');
}

function feed(f, origin) {
  const ar = f % 2 === 0;
  const items = [];
  for (let i = 0; i < PER_FEED; i++) {
    const id = f * 100000 + i;
    const list = ar ? AR : EN;
    const paras = [0, 1, 2, 3].map((p) => `<p>${words(list, 60, id + p)} ${id}-${p}.</p>`).join('');
    items.push(`<item><title>${words(list, 9, id)} ${id}</title><link>${origin}/a/${f}/${i}?utm_source=rss</link>` +
      `<guid isPermaLink="false">bench-${id}</guid><pubDate>${new Date(Date.UTC(2026, 10, 20, 0, 0, 0) + i * 60000).toUTCString()}</pubDate>` +
      `<description>${words(list, 25, id)}</description><content:encoded><![CDATA[${paras}]]></content:encoded></item>`);
  }
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Bench ${f}</title><link>${origin}/</link>${items.join('')}</channel></rss>`;
}

const cache = new Map();
const server = createServer((req, res) => {
  const m = /^\/feed\/(\d+)$/.exec(req.url ?? '');
  if (!m) return res.writeHead(404).end();
  const f = Number(m[1]);
  const origin = `http://127.0.0.1:${server.address().port}`;
  let entry = cache.get(f);
  if (!entry) {
    const body = Buffer.from(feed(f, origin));
    entry = { body, etag: `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"` };
    cache.set(f, entry);
  }
  if (req.headers['if-none-match'] === entry.etag) return res.writeHead(304, { etag: entry.etag }).end();
  res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: entry.etag, 'content-length': entry.body.length });
  res.end(entry.body);
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
process.on('SIGTERM', () => process.exit(0));
