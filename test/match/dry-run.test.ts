import { describe, expect, it } from 'vitest';
import { createMatchContext } from '../../src/match/context';
import { dryRun } from '../../src/match/dry-run';
import { parseQuery } from '../../src/match/query';
import { fixtureAliasGroups, fixturePlaces } from './fixtures/world';

const ctx = createMatchContext({ places: fixturePlaces, aliasGroups: fixtureAliasGroups });
const HOUR = 3_600_000;
const NOW = Date.UTC(2022, 0, 21, 12);

describe('dryRun', () => {
  const articles = [
    { id: 1, title: 'قصف في الحسكة', text: 'نص', publishedAt: NOW - 1 * HOUR },
    { id: 2, title: 'Clashes in Hasakah', text: '', publishedAt: NOW - 2 * HOUR },
    { id: 3, title: 'هجوم على سجن غويران', text: '', publishedAt: NOW - 3 * HOUR },
    { id: 4, title: 'اشتباكات في حي غويران', text: '', publishedAt: NOW - 4 * HOUR },
    { id: 5, title: 'الحسكة قبل أسبوع', text: '', publishedAt: NOW - 7 * 24 * HOUR },
    { id: 6, title: 'Aleppo news', text: '', publishedAt: NOW - 1 * HOUR },
  ];

  it('counts the articles since the given time and shows the 3 newest titles', () => {
    const q = parseQuery('place:Hasakah', ctx);
    if (!q.ok) throw new Error(q.error);
    expect(dryRun({ query: q.value, ctx }, articles, NOW - 24 * HOUR)).toEqual({
      count: 4,
      titles: ['قصف في الحسكة', 'Clashes in Hasakah', 'هجوم على سجن غويران'],
    });
  });

  it('reports zero when nothing matched', () => {
    const q = parseQuery('Raqqa', ctx);
    if (!q.ok) throw new Error(q.error);
    expect(dryRun({ query: q.value, ctx }, articles, 0)).toEqual({ count: 0, titles: [] });
  });
});
