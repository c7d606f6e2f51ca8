// /watch <query>: parse with the matching issue's query language; an invalid query gets the reason
// and an example and nothing is saved; a valid one is saved (subscribing the chat) and answered with
// its id, the query as understood (places resolved) and a dry run over the last 24 h.
import { describeQuery } from '../../match/describe';
import { dryRun } from '../../match/dry-run';
import { parseQuery } from '../../match/query';
import type { Subscriber } from '../../store/subscribers-repo';
import { t, type UiLang } from '../i18n';
import type { CommandDeps } from './core';
import type { Actor, ChatRef, Reply } from './types';

const DAY = 24 * 3_600_000;

export function watchCommand(
  deps: CommandDeps,
  sub: Subscriber,
  query: string,
  chat: ChatRef,
  actor: Actor,
  lang: UiLang,
  now: number,
): Reply {
  const ctx = deps.matchContext();
  const parsed = parseQuery(query, ctx);
  if (!parsed.ok) return { lang, text: t(lang, 'watch.invalid', { reason: parsed.error }) };
  const watch = deps.store.subscribers.addWatch(
    sub.id,
    query,
    { threadId: chat.threadId, createdBy: actor.userId },
    now,
  );
  deps.onWatchesChanged?.();
  const recent = deps.articles.publishedSince(now - DAY);
  const dry = dryRun({ query: parsed.value, ctx }, recent, now - DAY);
  const lines = [t(lang, 'watch.added', { id: watch.id, described: describeQuery(parsed.value, ctx, lang) })];
  if (dry.count === 0) lines.push(t(lang, 'watch.dryRunNone'));
  else lines.push(t(lang, 'watch.dryRun', { count: dry.count }), ...dry.titles.map((title) => `• ${title}`));
  return { lang, text: lines.join('\n') };
}
