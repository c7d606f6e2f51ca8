// Console output when no chat platform is configured: prints each new article that is due for
// announcement, then marks it announced (a tiny outbox: a crash between print and mark prints
// that article once more, never loses it).
import type { ArticlesRepo, StoredArticle } from '../store/articles-repo';

export function formatArticleLine(a: StoredArticle, sourceName: string): string {
  const when = new Date(a.publishedAt).toISOString().slice(0, 16).replace('T', ' ');
  const lang = a.lang ? ` [${a.lang}]` : '';
  // Isolate the title (U+2068…U+2069) so an Arabic headline does not reorder the Latin parts around it.
  return `📰 ${when} ${sourceName}${lang}: \u2068${a.title}\u2069\n   ${a.url ?? '(no link)'}`;
}

export function createConsoleSink(deps: {
  articles: ArticlesRepo;
  sourceName: (id: string) => string;
  write: (line: string) => void;
}) {
  return {
    async deliver(): Promise<number> {
      let n = 0;
      for (
        let batch = deps.articles.pendingAnnouncements();
        batch.length;
        batch = deps.articles.pendingAnnouncements()
      ) {
        for (const a of batch) {
          deps.write(formatArticleLine(a, deps.sourceName(a.sourceId)));
          deps.articles.markAnnounced(a.id);
          n++;
        }
      }
      return n;
    },
  };
}
