// The command core: a parsed command (./parse) + the chat + the actor's permission → the change in
// the store and the reply text, in the chat's language. Platform-neutral; adapters decide who may
// edit (getChatMember in Telegram groups) and render the reply. Steps of every command:
//   1. the reply language: the chat's /lang, else the actor's language code;
//   2. editing commands from someone who may not edit: a polite refusal, nothing changes;
//   3. the command itself (./watch for /watch, ./source for /source (deployment admins), the rest below).
import type { OutboxStore } from '../../deliver/outbox-store';
import type { MatchContext } from '../../match/context';
import type { ArticlesRepo } from '../../store/articles-repo';
import type { Subscriber } from '../../store/subscribers-repo';
import { langFromCode, t, type UiLang } from '../i18n';
import { handleAction } from './actions';
import { type Command, EDITING } from './parse';
import { type SourceAdmin, type SourceCommand, sourceCommand } from './source';
import type { Action, ActionResult, Actor, ChatRef, Reply } from './types';
import { watchCommand } from './watch';

export interface SourceHealth {
  readonly name: string;
  readonly ok: boolean;
  readonly error: string | null;
}

export interface CommandDeps {
  readonly store: OutboxStore;
  readonly articles: ArticlesRepo;
  /** The match context (gazetteer, aliases), loaded on first use. */
  readonly matchContext: () => MatchContext;
  readonly sources: () => readonly SourceHealth[];
  readonly clock: () => number;
  /** Watches or aliases changed: the matcher must be recompiled. */
  readonly onWatchesChanged?: () => void;
  /** /source list|add|remove; without it /source says sources cannot be changed here. */
  readonly sourceAdmin?: SourceAdmin;
}

export function createCommandCore(deps: CommandDeps) {
  const { store } = deps;
  const subs = store.subscribers;

  const ensure = (chat: ChatRef): Subscriber =>
    subs.ensure(
      { platform: chat.platform, chatId: chat.chatId, title: chat.title, chatType: chat.chatType },
      deps.clock(),
    );
  const langOf = (chat: ChatRef, actor: Actor): UiLang =>
    subs.find(chat.platform, chat.chatId)?.uiLang ?? langFromCode(actor.langCode);

  function run(cmd: Exclude<Command, SourceCommand>, chat: ChatRef, actor: Actor, lang: UiLang): Reply {
    const now = deps.clock();
    const say = (text: string, buttons?: Reply['buttons']): Reply => ({ lang, text, ...(buttons ? { buttons } : {}) });
    switch (cmd.name) {
      case 'start':
        ensure(chat);
        return say([t(lang, 'start.1'), t(lang, 'start.2'), t(lang, 'start.3')].join('\n'));
      case 'help':
        return say(
          [`${t('ar', 'help.title')} / ${t('en', 'help.title')}`, t('en', 'help.body'), '', t('ar', 'help.body')].join(
            '\n',
          ),
        );
      case 'watch':
        return watchCommand(deps, ensure(chat), cmd.query, chat, actor, lang, now);
      case 'unwatch': {
        const sub = subs.find(chat.platform, chat.chatId);
        const removed = sub ? subs.removeWatch(sub.id, cmd.watchId) : false;
        if (removed) deps.onWatchesChanged?.();
        return say(t(lang, removed ? 'unwatch.done' : 'unwatch.missing', { id: cmd.watchId }));
      }
      case 'list': {
        const sub = subs.find(chat.platform, chat.chatId);
        const watches = sub ? subs.watches(sub.id) : [];
        if (watches.length === 0) return say(t(lang, 'list.empty'));
        return say(
          [t(lang, 'list.title'), ...watches.map((w) => `#${w.id}  ${w.query}`)].join('\n'),
          watches.map((w) => [
            { text: t(lang, 'list.remove', { id: w.id }), action: { kind: 'unwatch', watchId: w.id } },
          ]),
        );
      }
      case 'lang': {
        const sub = ensure(chat);
        subs.setSummaryLang(sub.id, cmd.lang);
        const ui: UiLang = cmd.lang === 'both' ? lang : cmd.lang;
        if (cmd.lang !== 'both') subs.setUiLang(sub.id, cmd.lang);
        return { lang: ui, text: t(ui, 'lang.done', { lang: t(ui, `lang.${cmd.lang}`) }) };
      }
      case 'pause': {
        const sub = ensure(chat);
        if (sub.pausedAt !== null) return say(t(lang, 'pause.already'));
        subs.setPaused(sub.id, now);
        return say(t(lang, 'pause.done'));
      }
      case 'resume': {
        const sub = ensure(chat);
        subs.setPaused(sub.id, null);
        store.setResumed(sub.id, now);
        store.releaseHeld(now);
        const missed = store.backlog(sub.id);
        if (missed.alerts === 0) return say(t(lang, 'resume.done'));
        return say(`${t(lang, 'resume.done')}\n${t(lang, 'resume.missed', missed)}`, [
          [{ text: t(lang, 'resume.skip'), action: { kind: 'skip-missed' } }],
        ]);
      }
      case 'digest': {
        const sub = ensure(chat);
        subs.setDigest(sub.id, cmd.mode);
        return say(t(lang, `digest.${cmd.mode}`));
      }
      case 'sources': {
        const list = deps.sources();
        if (list.length === 0) return say(t(lang, 'sources.none'));
        const lines = list.map((s) =>
          s.ok
            ? t(lang, 'sources.ok', { name: s.name })
            : t(lang, 'sources.failing', { name: s.name, error: s.error ?? '?' }),
        );
        return say([t(lang, 'sources.title'), ...lines].join('\n'));
      }
      case 'alias': {
        const global = cmd.global && actor.isDeploymentAdmin;
        const sub = ensure(chat);
        store.addAlias(global ? null : sub.id, cmd.alias, cmd.canonical, now);
        deps.onWatchesChanged?.();
        return say(t(lang, global ? 'alias.doneGlobal' : 'alias.done', { alias: cmd.alias, canonical: cmd.canonical }));
      }
      case 'usage':
        return say(t(lang, cmd.usage));
      case 'unknown':
        return say(t(lang, 'unknown'));
    }
  }

  return {
    /** Whether the platform must check the actor's rights before `execute` (saves an API call). */
    needsPermission: (cmd: Command) => EDITING.has(cmd.name),
    /** Commands that wait on the network (adding a source fetches it): platforms answer them off the update loop. */
    isSlow: (cmd: Command) => cmd.name === 'source' && cmd.action === 'add',
    async execute(cmd: Command, chat: ChatRef, actor: Actor): Promise<Reply> {
      const lang = langOf(chat, actor);
      const known = subs.find(chat.platform, chat.chatId);
      const hint = actor.langCode ? langFromCode(actor.langCode) : null;
      if (EDITING.has(cmd.name) && !actor.canEdit) return { lang, text: t(lang, 'perm.refused') };
      const reply =
        cmd.name === 'source'
          ? await sourceCommand(deps.sourceAdmin, cmd, chat, actor, lang)
          : run(cmd, chat, actor, lang);
      const sub = known ?? subs.find(chat.platform, chat.chatId);
      if (sub && hint) store.setLangHint(sub.id, hint);
      return reply;
    },
    /** A button press. Buttons that change the chat need the same permission as commands. */
    action(action: Action, chat: ChatRef, actor: Actor): ActionResult {
      const lang = langOf(chat, actor);
      if (action.kind !== 'lang' && !actor.canEdit)
        return { kind: 'notice', text: t(lang, 'perm.refused'), alert: true };
      return handleAction(deps, action, chat, actor, lang);
    },
    langOf,
  };
}

export type CommandCore = ReturnType<typeof createCommandCore>;
