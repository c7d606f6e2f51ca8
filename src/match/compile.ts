// All active watches compile into ONE matcher (STYLE §7): every term is expanded once into its token
// forms (./forms), and a hash map goes from the hash of a form's first token to the term "slots" that
// form belongs to. Terms that mean the same thing (Hasakah, الحسكة, place:Hasakah) share a slot, so
// the cost grows with distinct terms, not with watches. Matching (./matcher) then makes one pass
// over an article's tokens and evaluates only the watches whose slots were hit.
import { hashKey } from '../text/tokenize';
import type { MatchContext } from './context';
import { addForm, formId } from './form-map';
import { ACRONYM, AMBIGUOUS, exactForms, type Form, INSIDE, type SuffixForm, topicForms, WEAK } from './forms';
import { nameKey } from './names';
import type { Place } from './places-types';
import type { Query, QueryTerm } from './query';
import { ACRONYM_MAX_LENGTH, AMBIGUOUS_NAMES, FOLD_SENSITIVE } from './rules';

export interface Entry {
  readonly key: string;
  readonly rest: readonly string[];
  readonly restHashes: readonly number[];
  readonly flags: number;
  readonly lastLetter: string | undefined;
  readonly slot: number;
}

export interface SuffixEntry {
  readonly stem: string;
  readonly suffixes: ReadonlySet<string>;
  readonly slot: number;
}

export interface CompiledWatch {
  readonly id: number | string;
  readonly query: Query;
  /** Slot of each of the query's terms. */
  readonly slots: readonly number[];
}

export interface Compiled {
  readonly forms: Map<number, Entry[]>;
  readonly suffixForms: Map<number, SuffixEntry[]>;
  /** For each slot: [watch index, term index] pairs, flattened. */
  readonly slotUsers: number[][];
  readonly watches: readonly CompiledWatch[];
}

function push<K, V>(map: Map<K, V[]>, k: K, v: V) {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}

const isAcronym = (name: string) => /^[A-Z]{2,}$/.test(name) && name.length <= ACRONYM_MAX_LENGTH;

export function compileQueries(watches: readonly { id: number | string; query: Query }[], ctx: MatchContext): Compiled {
  const forms = new Map<number, Entry[]>();
  const suffixForms = new Map<number, SuffixEntry[]>();
  const slotUsers: number[][] = [];
  const slotBySignature = new Map<string, number>();
  // A generated plural must not be a place or an actor: "Hama" + s is Hamas.
  const isName = (key: string) =>
    ctx.places.byKey(key).length > 0 || ctx.aliases.byKey(key).some((g) => g.kind === 'actor');

  const addSuffix = (s: SuffixForm, slot: number) =>
    push(suffixForms, hashKey(s.stem), { stem: s.stem, suffixes: new Set(s.suffixes), slot });

  const slotOf = (term: QueryTerm): number => {
    const sig = signature(term);
    const known = slotBySignature.get(sig);
    if (known !== undefined) return known;
    const slot = slotUsers.push([]) - 1;
    slotBySignature.set(sig, slot);
    const seen = new Set<string>();
    for (const { form, lastLetter } of termForms(term, ctx, isName)) {
      const id = formId(form);
      if (seen.has(id)) continue;
      seen.add(id);
      addForm(forms, form, slot, lastLetter);
    }
    for (const text of suffixSources(term, ctx))
      for (const s of topicForms(text, isName).suffixForms) addSuffix(s, slot);
    return slot;
  };

  const compiled = watches.map((w, wi) => {
    const slots = w.query.terms.map((t, ti) => {
      const slot = slotOf(t);
      slotUsers[slot]!.push(wi, ti);
      return slot;
    });
    return { id: w.id, query: w.query, slots };
  });
  return { forms, suffixForms, slotUsers, watches: compiled };
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
    const ambiguous = new Set((p.ambiguousNames ?? []).map(nameKey));
    for (const name of new Set([p.nameEn, p.nameAr, ...p.names])) {
      const key = nameKey(name);
      if (key === '') continue;
      let flags = isRoot ? 0 : INSIDE;
      if (ambiguous.has(key) || AMBIGUOUS_NAMES.has(key) || (/^[a-z]{1,3}$/.test(key) && !isAcronym(name)))
        flags |= AMBIGUOUS;
      if (!isRoot && (needsReinforcement(p, key) || ctx.places.byKey(key).some((o) => !inside.has(o.id))))
        flags |= WEAK;
      for (const form of ctx.nameForms(name, flags)) yield { form };
    }
  }
}
