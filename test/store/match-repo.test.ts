import { afterEach, describe, expect, it } from 'vitest';
import type { PlaceTag } from '../../src/match/geotag';
import { openStore, type Store } from '../../src/store/db';
import { createMatchRepo } from '../../src/store/match-repo';

const NOW = Date.UTC(2022, 0, 21, 12);
let store: Store;
afterEach(() => store.close());

function insertArticle(s: Store, id: number, title: string, publishedAt: number) {
  s.db
    .prepare(
      `INSERT INTO articles (id, source_id, title, text, published_at, fetched_at, updated_at, content_hash)
       VALUES (?, 'src', ?, 'نص', ?, ?, ?, ?)`,
    )
    .run(id, title, publishedAt, publishedAt, publishedAt, `h${id}`);
}

const tag = (placeId: string, count: number): PlaceTag => ({
  placeId,
  kind: 'city',
  nameEn: 'Hasakah',
  nameAr: 'الحسكة',
  governorateId: 'sy:hasakah',
  governorateEn: 'al-Hasakah governorate',
  governorateAr: 'محافظة الحسكة',
  lat: 36.5,
  lon: 40.75,
  count,
});

describe('match repo', () => {
  it('stores, replaces and reads back an article’s places, most mentioned first', () => {
    store = openStore(':memory:');
    const repo = createMatchRepo(store.db);
    insertArticle(store, 1, 'a', NOW);
    repo.savePlaces(1, [tag('gn:1', 1), tag('gn:2', 3)]);
    expect(repo.placesOf(1).map((p) => [p.placeId, p.count])).toEqual([
      ['gn:2', 3],
      ['gn:1', 1],
    ]);
    repo.savePlaces(1, [tag('gn:3', 2)]);
    expect(repo.placesOf(1)).toEqual([tag('gn:3', 2)]);
  });

  it('finds recent articles by place and lists recent articles for a dry run', () => {
    store = openStore(':memory:');
    const repo = createMatchRepo(store.db);
    insertArticle(store, 1, 'old', NOW - 48 * 3_600_000);
    insertArticle(store, 2, 'new', NOW - 3_600_000);
    insertArticle(store, 3, 'newest', NOW);
    for (const id of [1, 2, 3]) repo.savePlaces(id, [tag('gn:1', 1)]);
    expect(repo.articlesInPlace('gn:1', NOW - 24 * 3_600_000, 10)).toEqual([3, 2]);
    expect(repo.recentArticles(NOW - 24 * 3_600_000, 10).map((a) => a.title)).toEqual(['newest', 'new']);
  });

  it('deletes an article’s places with the article', () => {
    store = openStore(':memory:');
    const repo = createMatchRepo(store.db);
    insertArticle(store, 1, 'a', NOW);
    repo.savePlaces(1, [tag('gn:1', 1)]);
    store.db.prepare('DELETE FROM articles WHERE id = 1').run();
    expect(repo.placesOf(1)).toEqual([]);
  });
});
