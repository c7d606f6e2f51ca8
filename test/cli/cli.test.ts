import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { tempDir } from '../helpers/app';
import { startServer, type TestServer } from '../helpers/http-server';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
}

const RSS = `<?xml version="1.0" encoding="windows-1256"?><rss version="2.0"><channel><title>T</title>
<item><title>A</title><link>https://news.example/a?utm_source=x</link><guid>ga</guid><pubDate>Fri, 20 Nov 2026 06:00:00 GMT</pubDate><description>one</description></item>
</channel></rss>`;

let server: TestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('rased parse', () => {
  it('prints {format, title, items} as JSON for a file and exits 0', async () => {
    const dir = tempDir();
    const file = join(dir, 'feed.xml');
    writeFileSync(file, RSS);
    const t = io();
    expect(await main(['parse', file], {}, t.io)).toBe(0);
    const json = JSON.parse(t.out.join('\n'));
    expect(json).toEqual({
      format: 'rss20',
      title: 'T',
      items: [
        {
          title: 'A',
          url: 'https://news.example/a?utm_source=x',
          guid: 'ga',
          published: '2026-11-20T06:00:00.000Z',
          summary: 'one',
        },
      ],
    });
  });

  it('fetches a URL', async () => {
    server = await startServer((_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(RSS));
    const t = io();
    expect(await main(['parse', `${server.url}/feed`], {}, t.io)).toBe(0);
    expect(JSON.parse(t.out.join('\n')).items).toHaveLength(1);
  });

  it.each([
    [['parse'], 2, /usage: rased parse <file-or-url>/],
    [['parse', 'a', 'b'], 2, /usage/],
    [['parse', '/nonexistent/feed.xml'], 1, /cannot read \/nonexistent\/feed.xml: ENOENT/],
  ])('%j exits %i', async (argv, code, message) => {
    const t = io();
    expect(await main(argv, {}, t.io)).toBe(code);
    expect(t.err.join('\n')).toMatch(message);
  });

  it('exits 1 with a one-line reason when the document is not a feed', async () => {
    server = await startServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>hi</body></html>'),
    );
    const t = io();
    expect(await main(['parse', `${server.url}/`], {}, t.io)).toBe(1);
    expect(t.err).toHaveLength(1);
    expect(t.err[0]).toMatch(/an HTML page, not a feed/);
  });

  it('exits 1 when the server fails', async () => {
    server = await startServer((_req, res) => res.writeHead(503).end());
    const t = io();
    expect(await main(['parse', `${server.url}/`], {}, t.io)).toBe(1);
  });
});

describe('rased (dispatch and configuration errors)', () => {
  it('unknown command → help on stderr, exit 2', async () => {
    const t = io();
    expect(await main(['frobnicate'], {}, t.io)).toBe(2);
    expect(t.err.join('\n')).toMatch(/unknown command "frobnicate"/);
  });

  it('help → exit 0', async () => {
    const t = io();
    expect(await main(['help'], {}, t.io)).toBe(0);
    expect(t.out.join('\n')).toMatch(/run \[--once\]/);
  });

  it('a bad sources file stops run with a message naming file and path', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'sources.yaml'), 'sources:\n  - { id: x, name: X, url: "https://x.org/f", every: 1s }\n');
    const t = io();
    expect(await main(['run', '--once'], { CONFIG_DIR: dir, DATABASE_PATH: join(dir, 'db') }, t.io)).toBe(1);
    expect(t.err.join('\n')).toContain(
      `${join(dir, 'sources.yaml')}: sources[0] (x).every: "1s" is shorter than the minimum of 5s`,
    );
  });

  it('a missing sources file is named', async () => {
    const dir = tempDir();
    const t = io();
    expect(await main(['sources'], { CONFIG_DIR: dir }, t.io)).toBe(1);
    expect(t.err.join('\n')).toMatch(/sources.yaml: cannot read the sources file \(ENOENT\)/);
  });

  it('an invalid environment value is named', async () => {
    const t = io();
    expect(await main(['sources'], { FETCH_PER_HOST: 'lots' }, t.io)).toBe(1);
    expect(t.err.join('\n')).toMatch(/FETCH_PER_HOST=lots is invalid/);
  });

  it('rased sources lists every configured source as pending before the first poll', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'sources.yaml'),
      'sources:\n  - { id: one, name: One, url: "https://x.org/f" }\n  - { id: two, name: Two, url: "https://y.org/f", enabled: false }\n',
    );
    const t = io();
    expect(await main(['sources'], { CONFIG_DIR: dir, DATABASE_PATH: join(dir, 'none.db') }, t.io)).toBe(0);
    const out = t.out.join('\n');
    expect(out).toMatch(/ok: 2 sources, 0 failing/);
    expect(out).toMatch(/… one\s+pending/);
    expect(out).toMatch(/− two\s+disabled/);
  });
});
