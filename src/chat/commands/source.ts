// /source list|add|remove: the deployment's sources from chat. `list` is for anyone (file sources and
// chat-added ones, with health); add and remove only for deployment admins (TELEGRAM_ADMIN_IDS,
// SLACK_ADMIN_IDS), anyone else gets a polite refusal and nothing changes. `add` steps:
//   1. only http(s) URLs are fetched at all;
//   2. fetch once (discoverSource through the app's guarded fetcher: internal addresses are refused
//      with the guard's reason);
//   3. the plan (src/sources/admin): nothing found, already a source → refused with the reason;
//   4. saved at once (no confirmation step) and answered with what was found and how to remove it.
// Config-file sources are read-only here.
import { isWebAddress, planSourceAdd, type SourceOrigin, type SourceRefusal } from '../../sources/admin';
import type { DiscoveryReport } from '../../sources/discover';
import type { Result } from '../../types';
import { type MessageKey, t, type UiLang } from '../i18n';
import type { Actor, ChatRef, Reply } from './types';

export interface SourceListing {
  readonly id: string;
  readonly name: string;
  readonly url: string;
  readonly origin: SourceOrigin;
  readonly ok: boolean;
  readonly error: string | null;
}

/** The app's side of /source: the sources with health, one discovery fetch, the chat-added store. */
export interface SourceAdmin {
  list(): readonly SourceListing[];
  discover(url: string): Promise<Result<DiscoveryReport>>;
  /** False when the id is taken. */
  save(entry: Record<string, unknown> & { id: string }, addedBy: string): boolean;
  remove(id: string): 'removed' | 'read-only' | 'missing';
}

export type SourceCommand =
  | { readonly name: 'source'; readonly action: 'list' }
  | { readonly name: 'source'; readonly action: 'add'; readonly url: string }
  | { readonly name: 'source'; readonly action: 'remove'; readonly id: string };

const REFUSAL: Record<SourceRefusal, MessageKey> = {
  scheme: 'source.scheme',
  fetch: 'source.fetchFailed',
  none: 'source.none',
  duplicate: 'source.duplicate',
  invalid: 'source.invalid',
};

export async function sourceCommand(
  admin: SourceAdmin | undefined,
  cmd: SourceCommand,
  chat: ChatRef,
  actor: Actor,
  lang: UiLang,
): Promise<Reply> {
  const say = (key: MessageKey, params: Record<string, string | number> = {}): Reply => ({
    lang,
    text: t(lang, key, params),
  });
  if (!admin) return say('source.unavailable');
  if (cmd.action === 'list') return { lang, text: listText(admin.list(), lang) };
  if (!actor.isDeploymentAdmin) return say('source.refused');
  if (cmd.action === 'remove') {
    const r = admin.remove(cmd.id);
    return say(r === 'removed' ? 'source.removed' : r === 'read-only' ? 'source.readOnly' : 'source.missing', {
      id: cmd.id,
    });
  }
  const discovered = isWebAddress(cmd.url)
    ? await admin.discover(cmd.url)
    : { ok: false as const, error: 'not fetched' };
  const plan = planSourceAdd(cmd.url, admin.list(), discovered);
  if (plan.kind === 'refused') return say(REFUSAL[plan.why], plan.params);
  const found = discovered.ok ? discovered.value.found : null; // an ok plan always found something
  if (!found || !admin.save(plan.entry, `${chat.platform}:${actor.userId ?? '?'}`))
    return say('source.duplicate', { url: cmd.url, id: plan.entry.id });
  return say('source.added', {
    id: plan.entry.id,
    kind: t(lang, found.kind === 'feed' ? 'source.kind.feed' : 'source.kind.html'),
    title: found.title.trim() || found.url,
    url: found.url,
    n: found.articles,
  });
}

function listText(list: readonly SourceListing[], lang: UiLang): string {
  if (list.length === 0) return t(lang, 'sources.none');
  const lines = list.map((s) => {
    const params = { id: s.id, name: s.name, error: s.error ?? '?' };
    const line = t(lang, s.ok ? 'source.line.ok' : 'source.line.failing', params);
    return s.origin === 'chat' ? `${line} ${t(lang, 'source.fromChat')}` : line;
  });
  return [t(lang, 'sources.title'), ...lines].join('\n');
}
