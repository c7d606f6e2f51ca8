// All active watches compile into ONE matcher (STYLE §7). Terms that mean the same thing (Hasakah,
// الحسكة, place:Hasakah) share a slot, so the cost grows with distinct terms, not with watches; every
// slot's forms (./forms) go into one form table (./form-table), where a form several slots share is
// stored once with all of them. Places are handled apart: their names go in once per
// place, and a hit reaches the terms that watch the place or contain it (./place-watch). Matching
// (./matcher) then makes one pass over an article's tokens and evaluates only the watches whose
// slots were hit.
// Speed: compiling runs when the bot starts, before V8 has optimized any of it, so the loops are
// plain, the calls monomorphic (one class, no closure per term) and each term's forms come from the
// keys the query parser already has (no term is tokenized again) and go into the table as they are
// made (no objects in between).
import type { MatchContext } from './context';
import { createFormTableBuilder, type FormTable, type FormTableBuilder } from './form-table';
import { ACRONYM, addTopicForms, exactFormsOf, isAcronym, topicForms } from './forms';
import { createPlaceWatch, type PlaceWatch, type PlaceWatchBuilder } from './place-watch';
import type { Query, QueryTerm } from './query';
import { FOLD_SENSITIVE } from './rules';

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

export function compileQueries(watches: readonly { id: number | string; query: Query }[], ctx: MatchContext): Compiled {
  const slots = new Slots(ctx);
  const compiled = slotWatches(watches, slots);
  // A slot gives one to three keys (a word and its forms), places a few thousand: sized once for most.
  const builder = createFormTableBuilder(slots.count * 1.5);
  slots.addForms(builder);
  const places = slots.places.build(builder);
  const table = builder.build();
  return { table, places, slotCount: slots.count, watches: compiled };
}

/** Each loop in a function of its own: V8 optimizes a function with everything after its loop run. */
function slotWatches(watches: readonly { id: number | string; query: Query }[], slots: Slots): CompiledWatch[] {
  const compiled = new Array<CompiledWatch>(watches.length);
  for (let i = 0; i < watches.length; i++) {
    const { id, query } = watches[i]!;
    const terms = query.terms;
    const list = new Array<number>(terms.length);
    for (let k = 0; k < terms.length; k++) list[k] = slots.of(terms[k]!);
    compiled[i] = { id, query, slots: list };
  }
  return compiled;
}

/** Gives each distinct term a slot (of), then puts every slot's forms in the table (addForms). */
class Slots {
  readonly places: PlaceWatchBuilder;
  count = 0;
  /** One-word topic terms (most terms) by their key alone: no signature string built and hashed. */
  private readonly byWord = new Map<string, number>();
  private readonly bySignature = new Map<string, number>();
  /** The first term of each slot, whose forms go into the table (addForms). */
  private readonly terms: QueryTerm[] = [];
  /** A generated plural must not be a place or an actor: "Hama" + s is Hamas. */
  private readonly isName: (key: string) => boolean;

  constructor(private readonly ctx: MatchContext) {
    this.places = createPlaceWatch(ctx);
    this.isName = (key) => ctx.places.byKey(key).length > 0 || hasActor(ctx.aliases.byKey(key));
  }

  of(t: QueryTerm): number {
    const word = oneWordTopic(t);
    if (word !== undefined) {
      const known = this.byWord.get(word);
      if (known !== undefined) return known;
      const slot = this.count++;
      this.byWord.set(word, slot);
      this.terms.push(t);
      return slot;
    }
    const sig = signature(t);
    const known = this.bySignature.get(sig);
    if (known !== undefined) return known;
    const slot = this.count++;
    this.bySignature.set(sig, slot);
    this.terms.push(t);
    return slot;
  }

  /** Adds every slot's forms to the table: a topic's go straight in (./forms addTopicForms). */
  addForms(table: FormTableBuilder): void {
    const { terms, isName } = this;
    for (let slot = 0; slot < terms.length; slot++) {
      const t = terms[slot]!;
      if (isTopic(t)) addTopicForms(table, t.keys, t.kinds, isName, slot, lastLetterOf(t));
      else this.add(table, t, slot);
    }
  }

  /** Exact terms, places and alias groups. */
  private add(table: FormTableBuilder, t: QueryTerm, slot: number): void {
    if (t.mode === 'exact') {
      const forms = exactFormsOf(t.keys);
      for (let i = 0; i < forms.length; i++) table.add(forms[i]!, slot);
      return;
    }
    if (t.placeIds.length > 0) this.places.watch(t.placeIds, slot);
    for (let i = 0; i < t.aliasIds.length; i++) this.addGroup(table, t.aliasIds[i]!, t.mode, slot);
  }

  private addGroup(table: FormTableBuilder, id: string, mode: QueryTerm['mode'], slot: number): void {
    const { ctx, isName } = this;
    const g = ctx.aliases.byId(id);
    if (!g) return;
    const names = new Set([g.nameEn, g.nameAr, ...g.aliases]);
    // Topic and spelling groups are words, not names: they take the article and plurals (militias).
    if (g.kind === 'topic' || g.kind === 'spelling') {
      for (const alias of names) for (const form of topicForms(alias, isName).forms) table.add(form, slot);
      if (mode === 'term' && g.kind === 'topic')
        for (const alias of [g.nameAr, ...g.aliases])
          for (const s of topicForms(alias, isName).suffixForms) table.addSuffix(s, slot);
      return;
    }
    const caseSensitive = new Set(g.caseSensitiveAliases ?? []);
    for (const alias of names)
      for (const form of ctx.nameForms(alias, isAcronym(alias) || caseSensitive.has(alias) ? ACRONYM : 0))
        table.add(form, slot);
  }
}

function hasActor(groups: readonly { kind: string }[]): boolean {
  for (let i = 0; i < groups.length; i++) if (groups[i]!.kind === 'actor') return true;
  return false;
}

/** A topic word or phrase: not exact, no place, no alias group (./forms topicForms). */
const isTopic = (t: QueryTerm) => t.mode !== 'exact' && t.placeIds.length === 0 && t.aliasIds.length === 0;

/** The key of a one-word topic term whose signature is its key alone (no last letter kept). */
function oneWordTopic(t: QueryTerm): string | undefined {
  if (t.mode === 'exact' || t.keys.length !== 1 || t.placeIds.length > 0 || t.aliasIds.length > 0) return undefined;
  return FOLD_SENSITIVE.has(t.keys[0]!) ? undefined : t.keys[0];
}

function signature(t: QueryTerm): string {
  if (t.mode === 'exact') return `e:${t.keys.join(' ')}`;
  if (t.placeIds.length === 0 && t.aliasIds.length === 0) return `t:${t.keys.join(' ')}|${lastLetterOf(t)}`;
  return `n:${sorted(t.placeIds)}|${sorted(t.aliasIds)}`;
}

const sorted = (ids: readonly string[]) => (ids.length < 2 ? (ids[0] ?? '') : [...ids].sort().join(','));

/** The last letter typed, kept for fold-sensitive keys only (علي must not match على). */
function lastLetterOf(t: QueryTerm): string | undefined {
  if (t.keys.length !== 1 || !FOLD_SENSITIVE.has(t.keys[0]!)) return undefined;
  const letters = t.raw.replace(/[^\p{L}]/gu, '');
  return letters[letters.length - 1];
}
