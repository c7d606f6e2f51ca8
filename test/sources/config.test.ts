import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSourcesConfig } from '../../src/sources/config';

const FILE = 'config/sources.yaml';
const one = (fields: string) => `sources:\n  - { id: a, name: A, url: "https://example.org/feed", ${fields} }\n`;

describe('parseSourcesConfig', () => {
  it('accepts the shipped config/sources.yaml', () => {
    const r = parseSourcesConfig(readFileSync('config/sources.yaml', 'utf8'), FILE);
    expect(r.ok && r.value.length).toBeGreaterThanOrEqual(8);
    if (r.ok) {
      expect(new Set(r.value.map((s) => s.lang))).toEqual(new Set(['ar', 'en']));
      expect(r.value.every((s) => s.url.startsWith('https://'))).toBe(true);
    }
  });

  it('fills defaults', () => {
    const r = parseSourcesConfig('sources:\n  - { id: a, name: A, url: "file:///tmp/x.xml" }\n', FILE);
    expect(r).toMatchObject({
      ok: true,
      value: [
        {
          kind: 'feed',
          every: '10m',
          lang: 'auto',
          fullText: false,
          enabled: true,
          backfill: 0,
          schedule: { kind: 'interval', ms: 600_000 },
        },
      ],
    });
  });

  it.each([
    ['every: 30s', { kind: 'interval', ms: 30_000 }],
    ['every: 1h30m', { kind: 'interval', ms: 5_400_000 }],
    ['every: "*/10 * * * *"', { kind: 'cron', expr: '*/10 * * * *' }],
    ['every: "*/15 * * * * *"', { kind: 'cron', expr: '*/15 * * * * *' }],
  ])('parses %s', (fields, schedule) => {
    const r = parseSourcesConfig(one(fields), FILE);
    expect(r.ok && r.value[0]!.schedule).toEqual(schedule);
  });

  // Each bad file names the file, the path inside it and what is wrong.
  it.each([
    ['sources: [', 'config/sources.yaml: YAML error'],
    ['feeds: []', 'config/sources.yaml: no "sources:" list at the top level (found: feeds)'],
    ['sources: 3', 'config/sources.yaml: sources: Invalid input'],
    [one('kind: rss'), 'sources[0].kind: must be one of: feed, html, telegram'],
    [one('kind: feed, html: { linkSelector: "h2 a" }'), 'sources[0] (a).html: rules apply only to kind: html'],
    [one('kind: html, html: { linkSelector: "h2 >> a" }'), 'sources[0].html.linkSelector: "h2 >> a" is not a valid'],
    [one('kind: html, html: { linkSelector: "" }'), 'sources[0].html.linkSelector: must not be empty'],
    [one('kind: html, html: { include: "/news/" }'), 'sources[0].html.include: must be a list of URL patterns'],
    [one('kind: html, html: { regex: "^/news" }'), 'sources[0].html'],
    [
      'sources:\n  - { id: a, name: A, kind: telegram, url: "https://t.me/s/ab/12/x" }',
      'sources[0] (a).url: "https://t.me/s/ab/12/x" does not name a public channel',
    ],
    [
      'sources:\n  - { id: a, name: A, kind: telegram, url: "ftp://t.me/deirezzor24" }',
      'sources[0] (a).url: scheme "ftp:" is not allowed',
    ],
    [one('every: 3s'), 'sources[0] (a).every: "3s" is shorter than the minimum of 5s'],
    [one('every: "* * * * * *"'), 'fires more often than the minimum of every 5s'],
    [one('every: soon'), 'neither a duration'],
    [one('every: "61 * * * *"'), 'invalid cron expression'],
    [one('lang: fr'), 'sources[0].lang: must be ar, en or auto'],
    [one('fullText: yes please'), 'sources[0].fullText'],
    [one('colour: red'), 'sources[0]'],
    ['sources:\n  - { id: "Bad Id", name: A, url: "https://x.org" }', 'sources[0].id: must be a slug'],
    ['sources:\n  - { id: a, name: A, url: "ftp://x.org/f" }', 'sources[0] (a).url: scheme "ftp:" is not allowed'],
    [
      'sources:\n  - { id: a, name: A, url: "/etc/passwd" }',
      'sources[0] (a).url: "/etc/passwd" is not an absolute URL',
    ],
    [
      `${one('')}  - { id: a, name: B, url: "https://y.org" }\n`,
      'sources[1] (a).id: duplicate id, also used by sources[0]',
    ],
    ['sources:\n  - { name: A, url: "https://x.org" }', 'sources[0].id'],
  ])('rejects %j with a message naming where', (text, message) => {
    const r = parseSourcesConfig(text, FILE);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toContain(message);
      expect(r.error.startsWith(FILE)).toBe(true);
    }
  });

  it.each([
    ['deirezzor24', 'https://t.me/s/deirezzor24'],
    ['"@deirezzor24"', 'https://t.me/s/deirezzor24'],
    ['t.me/deirezzor24', 'https://t.me/s/deirezzor24'],
    ['https://t.me/deirezzor24', 'https://t.me/s/deirezzor24'],
    ['https://telegram.me/s/deirezzor24', 'https://t.me/s/deirezzor24'],
    ['https://t.me/s/deirezzor24', 'https://t.me/s/deirezzor24'],
    ['http://127.0.0.1:8080/s/deirezzor24', 'http://127.0.0.1:8080/s/deirezzor24'],
  ])('normalizes the telegram source %s to the preview URL', (url, expected) => {
    const r = parseSourcesConfig(`sources:\n  - { id: a, name: A, kind: telegram, url: ${url} }\n`, FILE);
    expect(r.ok && r.value[0]!.url).toBe(expected);
  });

  it('keeps the html rules of a listing source', () => {
    const text = `sources:
  - id: a
    name: A
    kind: html
    url: https://example.org/news/
    html:
      linkSelector: "h3.title a"
      dateSelector: time
      include: ["/news/*"]
      exclude: ["/tag/"]
`;
    const r = parseSourcesConfig(text, FILE);
    expect(r.ok && r.value[0]).toMatchObject({
      kind: 'html',
      html: { linkSelector: 'h3.title a', dateSelector: 'time', include: ['/news/*'], exclude: ['/tag/'] },
    });
  });
});
