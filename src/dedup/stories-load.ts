// Reads the story listing for `rased stories` from the store (the formatting is stories-report.ts).

import type { Db } from '../store/db';
import { createDedupRepo } from '../store/dedup-repo';
import type { ListedArticle, ListedStory } from './stories-report';

export function loadStoryListing(db: Db, sinceMs: number): ListedStory[] {
  const repo = createDedupRepo(db);
  const stories = repo.storiesSince(sinceMs);
  const byStory = new Map<number, ListedArticle[]>();
  for (const r of repo.articlesOfStories(stories.map((s) => s.id))) {
    const list = byStory.get(r.story_id) ?? [];
    list.push({
      id: r.id,
      outlet: r.source_id,
      url: r.url,
      title: r.title,
      publishedAt: r.published_at,
      lang: r.lang,
      joined: r.joined as ListedArticle['joined'],
      score: r.score,
      shared: JSON.parse(r.shared) as Record<string, unknown>,
    });
    byStory.set(r.story_id, list);
  }
  return stories.map((s) => ({
    id: s.id,
    title: s.title,
    firstSeen: s.first_seen,
    lastSeen: s.last_seen,
    outlets: JSON.parse(s.outlets) as string[],
    languages: JSON.parse(s.languages) as string[],
    places: JSON.parse(s.places) as string[],
    previousStoryId: s.previous_story_id,
    articleCount: s.article_count,
    articles: byStory.get(s.id) ?? [],
  }));
}
