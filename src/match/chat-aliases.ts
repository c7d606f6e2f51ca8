// Aliases a chat adds with `/alias a = b` (and global ones from deployment admins). Pure.
// Rules: when either side already belongs to an alias group, the chat gets its own copy of that
// group with the new name added (a distinct id, so other chats keep the shared group unchanged);
// otherwise the pair becomes a new spelling group of its own. A chat's watches are parsed against
// its groups; one matcher is compiled over every chat's groups (ids never collide).
import { buildAliasIndex } from './alias-index';
import type { MatchContext } from './context';
import type { AliasGroup } from './places-types';

export interface AliasPair {
  readonly alias: string;
  readonly canonical: string;
}

export function applyAliasPairs(
  base: readonly AliasGroup[],
  pairs: readonly AliasPair[],
  scope: string,
  resolve: (name: string) => readonly AliasGroup[],
): AliasGroup[] {
  const groups = new Map(base.map((g) => [g.id, g]));
  const copies = new Map<string, string>(); // original id → scoped copy id
  let n = 0;
  for (const { alias, canonical } of pairs) {
    const target = resolve(canonical)[0] ?? resolve(alias)[0];
    if (!target) {
      n++;
      const id = `${scope}:spelling:${n}`;
      groups.set(id, { id, kind: 'spelling', nameEn: canonical, nameAr: canonical, aliases: [canonical, alias] });
      continue;
    }
    const originalId = [...copies.entries()].find(([, copy]) => copy === target.id)?.[0] ?? target.id;
    const copyId = copies.get(originalId) ?? `${originalId}@${scope}`;
    const current = groups.get(copyId) ?? groups.get(originalId) ?? target;
    groups.delete(originalId);
    copies.set(originalId, copyId);
    groups.set(copyId, { ...current, id: copyId, aliases: [...new Set([...current.aliases, alias, canonical])] });
  }
  return [...groups.values()];
}

/** The context with other alias groups: places and memoized name forms are shared, not rebuilt. */
export function withAliasGroups(ctx: MatchContext, groups: readonly AliasGroup[]): MatchContext {
  return { ...ctx, aliases: buildAliasIndex(groups) };
}
