// All active watches compile into ONE matcher (STYLE §7). Terms that mean the same thing (Hasakah,
// الحسكة, place:Hasakah) share a slot, so the cost grows with distinct terms, not with watches; every
// slot's forms (./forms) go into one form table (./form-table) where a form shared by several slots
// (a town inside a watched district and a watched governorate) is stored once with all its slots.
// Matching (./matcher) then makes one pass over an article's tokens and evaluates only the watches
// whose slots were hit.
import type { MatchContext } from './context';
import { createFormTableBuilder, type FormTable } from './form-table';
import { ACRONYM, AMBIGUOUS, exactForms, type Form, INSIDE, topicForms, WEAK } from './forms';
import type { Place } from './places-types';
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
  /** For each slot: [watch index, term index] pairs, flattened. */
  readonly slotUsers: readonly Int32Array[];
  readonly watches: readonly CompiledWatch[];
}

const isAcronym = (name: string) => /^[A-Z]{2,}$/.test(name) && name.length <= ACRONYM_MAX_LENGTH;

export function compileQueries(watches: readonly { id: number | string; query: Query }[], ctx: MatchContext): Compiled {
  const table = createFormTableBuilder();
  const users: number[][] = [];
  const slotBySignature = new Map<string, number>();
  // A generated plural must not be a place or an actor: "Hama" + s is Hamas.
  const isName = (key: string) =>
    ctx.places.byKey(key).length > 0 || ctx.aliases.byKey(key).some((g) => g.kind === 'actor');

  const slotOf = (term: QueryTerm): number => {
    const sig = signature(term);
    const known = slotBySignature.get(sig);
    if (known !== undefined) return known;
    const slot = users.push([]) - 1;
    slotBySignature.set(sig, slot);
    for (const { form, lastLetter } of termForms(term, ctx, isName)) table.add(form, slot, lastLetter);
    for (const text of suffixSources(term, ctx))
      for (const s of topicForms(text, isName).suffixForms) table.addSuffix(s, slot);
    return slot;
  };

  const compiled = watches.map((w, wi) => {
    const slots = w.query.terms.map((t, ti) => {
      const slot = slotOf(t);
      users[slot]!.push(wi, ti);
      return slot;
    });
    return { id: w.id, query: w.query, slots };
  });
  return { table: table.build(), slotUsers: users.map((u) => Int32Array.from(u)), watches: compiled };
}

/** Topic words and the aliases of topic groups (car bomb, prison break) take suffixes. */
function suffixSources(t: QueryTerm, ctx: MatchContext): string[] {
  if (t.mode !== 'term') return [];
  if (t.placeIds.length === 0 && t.aliasIds.length === 0) return [t.raw];
  const topics = t.aliasIds.map((id) => ctx.aliases.byId(id)).filter((g) => g?.kind === 'topic');
  return topics.flatMap((g) => [g!.nameAr, ...g!.aliases]);
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

interface TermForm {
  readonly form: Form;
  readonly lastLetter?: string | undefined;
}

function* termForms(t: QueryTerm, ctx: MatchContext, isName: (k: string) => boolean): Generator<TermForm> {
  if (t.mode === 'exact') {
    for (const form of exactForms(t.raw)) yield { form };
    return;
  }
  if (t.placeIds.length === 0 && t.aliasIds.length === 0) {
    const lastLetter = lastLetterOf(t);
    for (const form of topicForms(t.raw, isName).forms) yield { form, lastLetter };
    return;
  }
  yield* placeForms(t.placeIds, ctx);
  for (const id of t.aliasIds) {
    const g = ctx.aliases.byId(id);
    if (!g) continue;
    // Topic and spelling groups are words, not names: they take the article and plurals (militias).
    if (g.kind === 'topic' || g.kind === 'spelling') {
      for (const alias of new Set([g.nameEn, g.nameAr, ...g.aliases]))
        for (const form of topicForms(alias, isName).forms) yield { form };
      continue;
    }
    const caseSensitive = new Set(g.caseSensitiveAliases ?? []);
    for (const alias of new Set([g.nameEn, g.nameAr, ...g.aliases]))
      for (const form of ctx.nameForms(alias, isAcronym(alias) || caseSensitive.has(alias) ? ACRONYM : 0))
        yield { form };
  }
}

/**
 * A town or village whose name is one Arabic word with the article (السجن, المزرعة, الصالحية) is
 * usually also a common word: it counts only next to a context word or with its area also named.
 */
export function needsReinforcement(p: Place, key: string): boolean {
  return (p.kind === 'town' || p.kind === 'village') && key.startsWith('ال') && !key.includes(' ');
}

/**
 * Every name of the places and of everything inside them. A descendant's name that also names a
 * place elsewhere is WEAK (it needs a strong hit of the same term); common-word names are AMBIGUOUS.
 */
function* placeForms(placeIds: readonly string[], ctx: MatchContext): Generator<TermForm> {
  const inside = new Set<string>(placeIds);
  const roots = placeIds.map((id) => ctx.places.byId(id)).filter((p) => p !== undefined);
  const all = [...roots];
  for (const r of roots) for (const d of ctx.places.descendants(r.id)) if (!inside.has(d.id)) all.push(d);
  for (const p of all) inside.add(p.id);
  for (const r of roots) for (const a of ctx.places.ancestors(r.id)) inside.add(a.id);
  for (const p of all) {
    const isRoot = placeIds.includes(p.id);
    for (const { name, key, ambiguous } of ctx.placeNames(p.id)) {
      let flags = isRoot ? 0 : INSIDE;
      if (ambiguous || (/^[a-z]{1,3}$/.test(key) && !isAcronym(name))) flags |= AMBIGUOUS;
      if (!isRoot && (needsReinforcement(p, key) || ctx.places.byKey(key).some((o) => !inside.has(o.id))))
        flags |= WEAK;
      for (const form of ctx.nameForms(name, flags)) yield { form };
    }
  }
}
