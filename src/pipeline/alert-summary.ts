// The summarizer behind the delivery port: when an alert is dispatched, gather its story (every
// stored report, outlets, the places and actors they name) and ask src/summarize for the chat's
// languages. Made at dispatch time, so a story with more reports gets a better summary; cached per
// story, language set and report count; the previous summary's facts make "what's new" for follow-ups.
import type { AlertSummarizer } from '../deliver/view';
import type { AliasGroup, Place } from '../match/places-types';
import type { ArticlesRepo } from '../store/articles-repo';
import type { Db } from '../store/db';
import type { SummaryRepo } from '../store/summary-repo';
import type { Summarizer } from '../summarize/summarizer';
import type { World } from '../world';

export interface AlertSummaryDeps {
  db: Db;
  articles: ArticlesRepo;
  world: World;
  summarizer: Summarizer;
  repo: SummaryRepo;
  outletName: (sourceId: string) => string;
}

/** Reports of a story used for its summary: the newest ones matter less than the first. */
const MAX_STORY_ARTICLES = 12;

export function createAlertSummarizer(deps: AlertSummaryDeps): AlertSummarizer {
  const storyArticles = deps.db.prepare<[number, number], { article_id: number }>(
    `SELECT s.article_id FROM article_story s JOIN articles a ON a.id = s.article_id
     WHERE s.story_id = ? ORDER BY a.published_at LIMIT ?`,
  );
  const placeById = (id: string) => deps.world.ctx.places.byId(id);
  let groups: Map<string, AliasGroup> | null = null;
  const groupById = (id: string) => {
    groups ??= new Map(deps.world.ctx.aliases.groups.map((g) => [g.id, g]));
    return groups.get(id);
  };

  return async ({ article, storyId, langs, hits, followUp }) => {
    const rows = storyId === null ? [] : storyArticles.all(storyId, MAX_STORY_ARTICLES);
    const stored = rows.map((r) => deps.articles.get(r.article_id)).filter((a) => a !== undefined);
    const all = stored.some((a) => a.id === article.id) ? stored : [...stored, article];
    const previous = storyId === null ? null : deps.repo.latest(storyId, langs);
    // A follow-up whose story was already summarized with every report (they all arrived in one poll)
    // would repeat the first alert's summary: it summarizes its own report instead.
    const own = followUp === true && previous !== null && previous.articleCount >= all.length;
    const reports = own ? [article] : all;
    const places = new Map<string, Place>();
    const actors = new Map<string, AliasGroup>();
    for (const a of reports) {
      const e = deps.world.entities({ title: a.title, text: a.text, lang: a.lang });
      for (const id of e.places) {
        const p = placeById(id);
        if (p) places.set(id, p);
      }
      for (const id of e.actors) {
        const g = groupById(id);
        if (g) actors.set(id, g);
      }
    }
    const toInput = (a: (typeof reports)[number]) => ({
      title: a.title,
      text: a.text,
      lang: a.lang,
      outlet: deps.outletName(a.sourceId),
    });
    const matched = toInput(article);
    const summary = await deps.summarizer.summarize({
      ...(storyId === null || own ? {} : { storyId }),
      articles: reports.map((a) => (a.id === article.id ? matched : toInput(a))),
      matched,
      hits,
      langs,
      places: [...places.values()],
      actors: [...actors.values()],
      placeById,
      previous: previous && !own && previous.articleCount < reports.length ? { keys: previous.keys } : null,
      at: reports[0]?.publishedAt ?? article.publishedAt,
      articleCount: reports.length,
    });
    const withNew = (lang: 'ar' | 'en') => {
      const text = summary[lang];
      const extra = summary.whatsNew?.[lang];
      return text === undefined ? undefined : extra ? `${extra}\n${text}` : text;
    };
    const out: { ar?: string; en?: string } = {};
    const ar = withNew('ar');
    const en = withNew('en');
    if (ar !== undefined) out.ar = ar;
    if (en !== undefined) out.en = en;
    return out;
  };
}
