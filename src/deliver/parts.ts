// What every platform's delivery is built from: the outbox store and the view builder (place names
// from the gazetteer in the chat's language, summaries when a summarizer is wired in).
import type { MatchContext } from '../match/context';
import type { ArticlesRepo } from '../store/articles-repo';
import type { Db } from '../store/db';
import { createOutboxStore } from './outbox-store';
import { type AlertSummarizer, createViewBuilder } from './view';

export interface DeliveryPartsDeps {
  readonly db: Db;
  readonly articles: ArticlesRepo;
  readonly sourceName: (sourceId: string) => string;
  readonly matchContext: () => MatchContext;
  readonly summarize?: AlertSummarizer;
}

export function createDeliveryParts(deps: DeliveryPartsDeps) {
  const store = createOutboxStore(deps.db);
  const views = createViewBuilder({
    store,
    articles: deps.articles,
    sourceName: deps.sourceName,
    placeName: (id, lang) => {
      const p = deps.matchContext().places.byId(id);
      return p ? (lang === 'ar' ? p.nameAr : p.nameEn) : undefined;
    },
    ...(deps.summarize ? { summarize: deps.summarize } : {}),
  });
  return { store, views };
}
