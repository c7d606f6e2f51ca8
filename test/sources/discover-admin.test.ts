// `/source add|remove|list` core: what is refused and why, the new id, and chat-added sources kept in
// the real SQLite store (real migrations) and read back through the config rules.
import { describe, expect, it } from 'vitest';
import { dynamicSources, planSourceAdd } from '../../src/sources/admin';
import type { DiscoveryReport } from '../../src/sources/discover';
import { openStore } from '../../src/store/db';
import { createSourcesRepo } from '../../src/store/sources-repo';
import type { Result } from '../../src/types';

const feed = (url: string): Result<DiscoveryReport> => ({
  ok: true,
  value: { found: { kind: 'feed', url, title: 'عنب بلدي', lang: 'ar', articles: 20 }, tried: [] },
});
const existing = [{ id: 'enabbaladi-net', url: 'https://www.enabbaladi.net/feed/' }];

describe('planSourceAdd', () => {
  it.each([
    ['file:///etc/passwd', feed('file:///etc/passwd'), 'is not a web address'],
    ['javascript:alert(1)', feed('x'), 'is not a web address'],
    [
      'http://intranet.example/',
      { ok: false, error: 'refused http://intranet.example/: intranet.example resolves to 10.0.0.5 (private)' },
      'could not fetch http://intranet.example/: refused',
    ],
    ['https://x.example/', { ok: true, value: { found: null, tried: [] } }, 'no feed and no list of article links'],
    ['https://www.enabbaladi.net/', feed('https://www.enabbaladi.net/feed/'), 'already a source (enabbaladi-net)'],
  ] as [string, Result<DiscoveryReport>, string][])('refuses %s', (url, discovered, reason) => {
    const plan = planSourceAdd(url, existing, discovered);
    expect(plan.kind).toBe('refused');
    expect(plan.kind === 'refused' && plan.reason).toContain(reason);
  });

  it('gives a new feed a free id and a valid entry', () => {
    const plan = planSourceAdd('https://enabbaladi.net/en', existing, feed('https://enabbaladi.net/en/feed/'));
    expect(plan).toEqual({
      kind: 'ok',
      entry: {
        id: 'enabbaladi-net-2',
        name: 'عنب بلدي',
        url: 'https://enabbaladi.net/en/feed/',
        kind: 'feed',
        lang: 'ar',
        every: '10m',
      },
    });
  });
});

describe('chat-added sources in the store', () => {
  it('adds, lists, refuses a taken id, removes; read back as validated sources', () => {
    const store = openStore(':memory:');
    const repo = createSourcesRepo(store.db);
    const entry = {
      id: 'furat-post',
      name: 'فرات بوست',
      url: 'https://t.me/s/furatpost',
      kind: 'telegram',
      every: '10m',
    };
    expect(repo.add(entry, 'telegram:1001', 1_000)).toBe(true);
    expect(repo.add({ ...entry, name: 'again' }, 'slack:U1', 2_000)).toBe(false);
    expect(repo.add({ id: 'bad', name: 'Bad', url: 'https://x.example/', kind: 'rss' }, 'telegram:1001', 3_000)).toBe(
      true,
    );
    expect(repo.list().map((r) => [r.id, r.addedBy, r.addedAt])).toEqual([
      ['furat-post', 'telegram:1001', 1_000],
      ['bad', 'telegram:1001', 3_000],
    ]);
    const { sources, skipped } = dynamicSources(
      repo.list().map((r) => r.entry),
      new Set(['enabbaladi-net']),
    );
    expect(sources.map((s) => [s.id, s.kind, s.url])).toEqual([['furat-post', 'telegram', 'https://t.me/s/furatpost']]);
    expect(skipped).toEqual([expect.stringContaining('sources_dynamic (bad): sources[0].kind: must be one of')]);
    expect(dynamicSources([entry], new Set(['furat-post'])).skipped[0]).toContain('the file wins');
    expect(repo.remove('furat-post')).toBe(true);
    expect(repo.remove('furat-post')).toBe(false);
    expect(repo.list().map((r) => r.id)).toEqual(['bad']);
    store.close();
  });
});
