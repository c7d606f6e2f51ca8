// Button presses under alerts and replies: mute a story, watch a place the alert mentions, remove a
// watch (/list), skip what was missed while paused (/resume), switch an alert's summary language
// (re-rendered by the platform). A button whose alert, watch or place is gone gets a polite notice.

import { parseQuery } from '../../match/query';
import type { Subscriber } from '../../store/subscribers-repo';
import { t, type UiLang } from '../i18n';
import type { CommandDeps } from './core';
import type { Action, ActionResult, Actor, ChatRef } from './types';

export function handleAction(
  deps: CommandDeps,
  action: Action,
  chat: ChatRef,
  actor: Actor,
  lang: UiLang,
): ActionResult {
  const { store } = deps;
  const now = deps.clock();
  const notice = (text: string): ActionResult => ({ kind: 'notice', text });
  const stale = notice(t(lang, 'cb.stale'));
  const sub: Subscriber | undefined = store.subscribers.find(chat.platform, chat.chatId);
  if (!sub) return stale;
  switch (action.kind) {
    case 'mute':
      if (store.alerts.ofStory(sub.id, action.storyId).length === 0) return stale;
      store.alerts.mute(sub.id, action.storyId, now);
      return notice(t(lang, 'cb.muted'));
    case 'watch-place': {
      const ctx = deps.matchContext();
      const place = ctx.places.byId(action.placeId);
      if (!place) return stale;
      const query = `place:"${place.nameEn}"`;
      const ok = parseQuery(query, ctx).ok ? query : place.nameAr;
      const w = store.subscribers.addWatch(sub.id, ok, { threadId: chat.threadId, createdBy: actor.userId }, now);
      deps.onWatchesChanged?.();
      return notice(t(lang, 'cb.watching', { id: w.id, place: lang === 'ar' ? place.nameAr : place.nameEn }));
    }
    case 'unwatch':
      if (!store.subscribers.removeWatch(sub.id, action.watchId)) return stale;
      deps.onWatchesChanged?.();
      return notice(t(lang, 'cb.removed', { id: action.watchId }));
    case 'skip-missed': {
      const resumed = store.resumedAt(sub.id);
      const n = store.skipPending(sub.id, 'skipped after /resume', resumed ?? now);
      return notice(t(lang, 'resume.skipped', { n }));
    }
    case 'lang': {
      const alert = store.alerts.get(action.alertId);
      if (!alert || alert.subscriberId !== sub.id) return stale;
      return { kind: 'relang', alertId: alert.id, lang: action.lang };
    }
  }
}
