// SQL for matching: each article's geotags (article_places, 0002_match.sql) and the recent articles a
// dry run of a new watch reads. Prepared once; plain values in and out.
import type { DryRunArticle } from '../match/dry-run';
import type { PlaceTag } from '../match/geotag';
import type { Db } from './db';

interface PlaceRow {
  place_id: string;
  kind: string;
  name_en: string;
  name_ar: string;
  governorate_id: string | null;
  governorate_en: string | null;
  governorate_ar: string | null;
  lat: number | null;
  lon: number | null;
  mentions: number;
}

export interface MatchRepo {
  /** Replaces the article's places. */
  savePlaces(articleId: number, tags: readonly PlaceTag[]): void;
  /** Most mentioned first. */
  placesOf(articleId: number): PlaceTag[];
  /** Ids of articles published since `sinceMs` that mention the place, newest first. */
  articlesInPlace(placeId: string, sinceMs: number, limit: number): number[];
  /** Articles published since `sinceMs`, newest first: the input of dryRun. */
  recentArticles(sinceMs: number, limit: number): DryRunArticle[];
}

export const DRY_RUN_ARTICLE_LIMIT = 5000;

export function createMatchRepo(db: Db): MatchRepo {
  const del = db.prepare('DELETE FROM article_places WHERE article_id = ?');
  const ins = db.prepare(
    `INSERT INTO article_places (article_id, place_id, kind, name_en, name_ar, governorate_id, governorate_en,
       governorate_ar, lat, lon, mentions)
     VALUES (@article_id, @place_id, @kind, @name_en, @name_ar, @governorate_id, @governorate_en, @governorate_ar,
       @lat, @lon, @mentions)`,
  );
  const sel = db.prepare('SELECT * FROM article_places WHERE article_id = ? ORDER BY mentions DESC, place_id');
  const inPlace = db.prepare(
    `SELECT a.id FROM article_places p JOIN articles a ON a.id = p.article_id
     WHERE p.place_id = ? AND a.published_at >= ? ORDER BY a.published_at DESC LIMIT ?`,
  );
  const recent = db.prepare(
    `SELECT id, title, text, published_at AS publishedAt FROM articles
     WHERE published_at >= ? ORDER BY published_at DESC LIMIT ?`,
  );
  const save = db.transaction((articleId: number, tags: readonly PlaceTag[]) => {
    del.run(articleId);
    for (const t of tags)
      ins.run({
        article_id: articleId,
        place_id: t.placeId,
        kind: t.kind,
        name_en: t.nameEn,
        name_ar: t.nameAr,
        governorate_id: t.governorateId,
        governorate_en: t.governorateEn,
        governorate_ar: t.governorateAr,
        lat: t.lat,
        lon: t.lon,
        mentions: t.count,
      });
  });
  return {
    savePlaces: (articleId, tags) => save(articleId, tags),
    placesOf: (articleId) =>
      (sel.all(articleId) as PlaceRow[]).map((r) => ({
        placeId: r.place_id,
        kind: r.kind as PlaceTag['kind'],
        nameEn: r.name_en,
        nameAr: r.name_ar,
        governorateId: r.governorate_id,
        governorateEn: r.governorate_en,
        governorateAr: r.governorate_ar,
        lat: r.lat,
        lon: r.lon,
        count: r.mentions,
      })),
    articlesInPlace: (placeId, sinceMs, limit) =>
      (inPlace.all(placeId, sinceMs, limit) as { id: number }[]).map((r) => r.id),
    recentArticles: (sinceMs, limit) => recent.all(sinceMs, limit) as DryRunArticle[],
  };
}
