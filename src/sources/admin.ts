// The pure core of `/source add|remove|list` for deployment admins. The chat handler fetches once
// (discoverSource, with the address guard on the fetcher), shows what was found, and on confirmation
// stores the entry (src/store/sources-repo.ts). Decisions here: what is refused and why, which id the
// new source gets, and turning stored entries back into validated sources with the file's own rules.
import { stringify } from 'yaml';
import type { Result } from '../types';
import { type ConfiguredSource, parseSourcesConfig } from './config';
import { type DiscoveryReport, sourceEntry, sourceIdFor } from './discover';

export type SourceAddPlan =
  | { kind: 'ok'; entry: Record<string, unknown> & { id: string } }
  | { kind: 'refused'; reason: string };

export function planSourceAdd(
  url: string,
  existing: readonly Pick<ConfiguredSource, 'id' | 'url'>[],
  discovered: Result<DiscoveryReport>,
): SourceAddPlan {
  const u = URL.parse(url);
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:')) {
    return { kind: 'refused', reason: `"${url}" is not a web address (http:// or https://)` };
  }
  if (!discovered.ok) return { kind: 'refused', reason: `could not fetch ${url}: ${discovered.error}` };
  const found = discovered.value.found;
  if (!found) return { kind: 'refused', reason: `no feed and no list of article links found at ${url}` };
  const same = existing.find((s) => s.url === found.url);
  if (same) return { kind: 'refused', reason: `${found.url} is already a source (${same.id})` };
  const id = sourceIdFor(found.url, new Set(existing.map((s) => s.id)));
  const entry = { ...sourceEntry(found, id), id };
  const check = parseSourcesConfig(stringify({ sources: [entry] }), 'chat');
  if (!check.ok) return { kind: 'refused', reason: check.error };
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
