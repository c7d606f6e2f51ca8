// The core of `/source add|remove|list` for deployment admins. The chat command fetches once
// (discoverSource, with the address guard on the fetcher), and when the plan is ok stores the entry
// (src/store/sources-repo.ts). Decisions here: what is refused and why, which id the new source gets,
// and turning stored entries back into validated sources with the file's own rules. The registry
// merges them after the file's sources for the scheduler; it is handed its store, so no I/O here.
import { stringify } from 'yaml';
import type { Result } from '../types';
import { type ConfiguredSource, parseSourcesConfig } from './config';
import { type DiscoveryReport, sourceEntry, sourceIdFor } from './discover';

/** Why an add is refused; `params` fill the chat's translated message, `reason` is the English text. */
export type SourceRefusal = 'scheme' | 'fetch' | 'none' | 'duplicate' | 'invalid';

export type SourceAddPlan =
  | { kind: 'ok'; entry: Record<string, unknown> & { id: string } }
  | { kind: 'refused'; why: SourceRefusal; reason: string; params: Record<string, string> };

/** Only http(s) URLs are ever fetched for a new source (checked before any fetch). */
export function isWebAddress(url: string): boolean {
  const u = URL.parse(url);
  return u !== null && (u.protocol === 'http:' || u.protocol === 'https:');
}

export function planSourceAdd(
  url: string,
  existing: readonly Pick<ConfiguredSource, 'id' | 'url'>[],
  discovered: Result<DiscoveryReport>,
): SourceAddPlan {
  const refuse = (why: SourceRefusal, reason: string, params: Record<string, string>): SourceAddPlan => ({
    kind: 'refused',
    why,
    reason,
    params: { url, ...params },
  });
  if (!isWebAddress(url)) return refuse('scheme', `"${url}" is not a web address (http:// or https://)`, {});
  if (!discovered.ok)
    return refuse('fetch', `could not fetch ${url}: ${discovered.error}`, { error: discovered.error });
  const found = discovered.value.found;
  if (!found) return refuse('none', `no feed and no list of article links found at ${url}`, {});
  const same = existing.find((s) => s.url === found.url);
  if (same)
    return refuse('duplicate', `${found.url} is already a source (${same.id})`, { url: found.url, id: same.id });
  const id = sourceIdFor(found.url, new Set(existing.map((s) => s.id)));
  const entry = { ...sourceEntry(found, id), id };
  const check = parseSourcesConfig(stringify({ sources: [entry] }), 'chat');
  if (!check.ok) return refuse('invalid', check.error, { error: check.error });
  return { kind: 'ok', entry };
}

/** Stored chat-added entries as sources, validated like the file; ids taken by the file lose. */
export function dynamicSources(
  entries: readonly Record<string, unknown>[],
  fileIds: ReadonlySet<string>,
): { sources: ConfiguredSource[]; skipped: string[] } {
  const sources: ConfiguredSource[] = [];
  const skipped: string[] = [];
  for (const entry of entries) {
    const id = String(entry.id);
    const r = parseSourcesConfig(stringify({ sources: [entry] }), `sources_dynamic (${id})`);
    if (!r.ok) skipped.push(r.error);
    else if (fileIds.has(id))
      skipped.push(`sources_dynamic (${id}): id also used in config/sources.yaml; the file wins`);
    else sources.push(r.value[0]!);
  }
  return { sources, skipped };
}

/** What the registry needs of the store (src/store/sources-repo.ts). */
export interface DynamicSourceStore {
  add(entry: Record<string, unknown> & { id: string }, addedBy: string, now: number): boolean;
  remove(id: string): boolean;
  list(): readonly { readonly entry: Record<string, unknown> }[];
}

export type SourceOrigin = 'file' | 'chat';

/**
 * The sources to poll: the file's, then the chat-added ones. The stored list is read again only after
 * an add or remove through this registry (chat commands run in the same process as the scheduler),
 * and `all()` returns the same array until then, so callers can cache per source object.
 */
export function createSourceRegistry(deps: {
  fileSources: readonly ConfiguredSource[];
  store: DynamicSourceStore;
  onSkipped?: (reason: string) => void;
}) {
  const fileIds = new Set(deps.fileSources.map((s) => s.id));
  let cached: { all: readonly ConfiguredSource[]; chat: ReadonlySet<string> } | null = null;
  const load = () => {
    if (!cached) {
      const { sources, skipped } = dynamicSources(
        deps.store.list().map((r) => r.entry),
        fileIds,
      );
      for (const reason of skipped) deps.onSkipped?.(reason);
      cached = { all: [...deps.fileSources, ...sources], chat: new Set(sources.map((s) => s.id)) };
    }
    return cached;
  };
  return {
    all: (): readonly ConfiguredSource[] => load().all,
    origin: (id: string): SourceOrigin | null => (fileIds.has(id) ? 'file' : load().chat.has(id) ? 'chat' : null),
    /** False when the id is taken. */
    add(entry: Record<string, unknown> & { id: string }, addedBy: string, now: number): boolean {
      const added = deps.store.add(entry, addedBy, now);
      cached = null;
      return added;
    },
    /** Config-file sources are read-only here. */
    remove(id: string): 'removed' | 'read-only' | 'missing' {
      if (fileIds.has(id)) return 'read-only';
      const removed = deps.store.remove(id);
      cached = null;
      return removed ? 'removed' : 'missing';
    },
  };
}

export type SourceRegistry = ReturnType<typeof createSourceRegistry>;
