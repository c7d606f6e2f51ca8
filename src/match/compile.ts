// All active watches compile into ONE matcher (STYLE §7). Terms that mean the same thing (Hasakah,
// الحسكة, place:Hasakah) share a slot, so the cost grows with distinct terms, not with watches; every
// slot's forms (./forms) go into one form table (./form-table), where a form several slots share is
// stored once with all of them. Places are handled apart: their names go in once per
// place, and a hit reaches the terms that watch the place or contain it (./place-watch). Matching
// (./matcher) then makes one pass over an article's tokens and evaluates only the watches whose
// slots were hit.
import type { MatchContext } from './context';
import { createFormTableBuilder, type FormTable, type FormTableBuilder } from './form-table';
import { ACRONYM, exactForms, topicForms } from './forms';
import { createPlaceWatch, type PlaceWatch, type PlaceWatchBuilder } from './place-watch';
import type { Query, QueryTerm } from './query';
import { ACRONYM_MAX_LENGTH, FOLD_SENSITIVE } from './rules';

export interface CompiledWatch {
  readonly id: number | string;
  readonly query: Query;
  /** Slot of each of the query's terms. */
  readonly slots: readonly number[];
}

export interface Compiled {
  readonly table: FormTable;
  /** Turns hits of watched places' names into hits of the terms that watch them. */
  readonly places: PlaceWatch;
  /** Slots are numbered 0 .. slotCount - 1. */
  readonly slotCount: number;
  readonly watches: readonly CompiledWatch[];
}

const isAcronym = (name: string) => /^[A-Z]{2,}$/.test(name) && name.length <= ACRONYM_MAX_LENGTH;

export function compileQueries(watches: readonly { id: number | string; query: Query }[], ctx: MatchContext): Compiled {
  const table = createFormTableBuilder();
  const builders: Builders = { table, places: createPlaceWatch(ctx) };
  const slotBySignature = new Map<string, number>();
  // One-word topic terms (most terms) by their key alone: no signature string built and hashed, and
  // the key's hash is cached on the parsed term's string from one compile to the next.
  const slotByWord = new Map<string, number>();
  let slotCount = 0;
  // A generated plural must not be a place or an actor: "Hama" + s is Hamas.
  const isName = (key: string) => ctx.places.byKey(key).length > 0 || hasActor(ctx.aliases.byKey(key));

  const slotOf = (term: QueryTerm): number => {
    const word = oneWordTopic(term);
    const sig = word === undefined ? signature(term) : '';
    const known = word === undefined ? slotBySignature.get(sig) : slotByWord.get(word);
    if (known !== undefined) return known;
    const slot = slotCount++;
    if (word === undefined) slotBySignature.set(sig, slot);
    else slotByWord.set(word, slot);
    addTerm(term, slot, builders, ctx, isName);
    return slot;
  };

  const compiled = watches.map((w) => ({ id: w.id, query: w.query, slots: w.query.terms.map(slotOf) }));
  const places = builders.places.build(table);
  return { table: table.build(), places, slotCount, watches: compiled };
}

function hasActor(groups: readonly { kind: string }[]): boolean {
  for (const g of groups) if (g.kind === 'actor') return true;
  return false;
}

/** The key of a one-word topic term whose signature is its key alone (no last letter kept). */
function oneWordTopic(t: QueryTerm): string | undefined {
  if (t.mode === 'exact' || t.keys.length !== 1 || t.placeIds.length > 0 || t.aliasIds.length > 0) return undefined;
  return FOLD_SENSITIVE.has(t.keys[0]!) ? undefined : t.keys[0];
}

function signature(t: QueryTerm): string {
  if (t.mode === 'exact') return `e:${t.keys.join(' ')}`;
  if (t.placeIds.length === 0 && t.aliasIds.length === 0) return `t:${t.keys.join(' ')}|${lastLetterOf(t)}`;
  return `n:${[...t.placeIds].sort().join(',')}|${[...t.aliasIds].sort().join(',')}`;
}

/** The last letter typed, kept for fold-sensitive keys only (علي must not match على). */
function lastLetterOf(t: QueryTerm): string | undefined {
  if (t.keys.length !== 1 || !FOLD_SENSITIVE.has(t.keys[0]!)) return undefined;
  const letters = t.raw.replace(/[^\p{L}]/gu, '');
  return letters[letters.length - 1];
}

/** Topic words take suffixes (./forms); so do the aliases of topic groups (car bomb, prison break). */
function addTopic(text: string, slot: number, table: FormTableBuilder, isName: IsName, lastLetter?: string) {
  const { forms, suffixForms } = topicForms(text, isName);
  for (const form of forms) table.add(form, slot, 0, lastLetter);
  for (const s of suffixForms) table.addSuffix(s, slot);
}

type IsName = (key: string) => boolean;

interface Builders {
  readonly table: FormTableBuilder;
  readonly places: PlaceWatchBuilder;
}

function addTerm(t: QueryTerm, slot: number, { table, places }: Builders, ctx: MatchContext, isName: IsName): void {
  if (t.mode === 'exact') {
    for (const form of exactForms(t.raw)) table.add(form, slot);
    return;
  }
  if (t.placeIds.length === 0 && t.aliasIds.length === 0) {
    addTopic(t.raw, slot, table, isName, lastLetterOf(t));
    return;
  }
  if (t.placeIds.length > 0) places.watch(t.placeIds, slot);
  for (const id of t.aliasIds) {
    const g = ctx.aliases.byId(id);
    if (!g) continue;
    const names = new Set([g.nameEn, g.nameAr, ...g.aliases]);
    // Topic and spelling groups are words, not names: they take the article and plurals (militias).
    if (g.kind === 'topic' || g.kind === 'spelling') {
      for (const alias of names) {
        const { forms } = topicForms(alias, isName);
        for (const form of forms) table.add(form, slot);
      }
      if (t.mode === 'term' && g.kind === 'topic')
        for (const alias of [g.nameAr, ...g.aliases])
          for (const s of topicForms(alias, isName).suffixForms) table.addSuffix(s, slot);
      continue;
    }
    const caseSensitive = new Set(g.caseSensitiveAliases ?? []);
    for (const alias of names)
      for (const form of ctx.nameForms(alias, isAcronym(alias) || caseSensitive.has(alias) ? ACRONYM : 0))
        table.add(form, slot);
  }
}
