// Where the places and actors the pipeline found are named in a text, so every name in a brief points
// at a span. Names are looked up as the matcher looks them up (src/match/names: Latin articles
// dropped), each text word in its prefix-stripped forms (./words). Ambiguous place names (الباب, Bab)
// count only after a context word (مدينة، بلدة، city, camp ...); short Latin acronyms (IS) only
// written exactly so.
import { nameTokens } from '../match/names';
import type { AliasGroup, Place } from '../match/places-types';
import { CONTEXT_WORDS } from '../match/rules';
import { matchesAt, type Word } from './words';

export interface Mention {
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

interface NameEntry {
  readonly id: string;
  readonly keys: readonly string[];
  readonly ambiguous: boolean;
  /** Exact surface required (case-sensitive acronyms). */
  readonly exact: string | null;
}

export interface NameIndex {
  readonly byFirst: ReadonlyMap<string, readonly NameEntry[]>;
}

function add(map: Map<string, NameEntry[]>, e: NameEntry) {
  const list = map.get(e.keys[0]!) ?? [];
  if (!list.some((x) => x.id === e.id && x.keys.join(' ') === e.keys.join(' '))) list.push(e);
  map.set(e.keys[0]!, list);
}

export function buildNameIndex(places: readonly Place[], actors: readonly AliasGroup[]): NameIndex {
  const byFirst = new Map<string, NameEntry[]>();
  for (const p of places) {
    const ambiguous = new Set(p.ambiguousNames ?? []);
    for (const name of new Set([p.nameEn, p.nameAr, ...p.names])) {
      const keys = nameTokens(name);
      if (keys.join('').length >= 3) add(byFirst, { id: p.id, keys, ambiguous: ambiguous.has(name), exact: null });
    }
  }
  for (const g of actors) {
    const exact = new Set(g.caseSensitiveAliases ?? []);
    for (const name of new Set([g.nameEn, g.nameAr, ...g.aliases])) {
      const keys = nameTokens(name);
      if (keys.length === 0) continue;
      if (exact.has(name)) add(byFirst, { id: g.id, keys, ambiguous: false, exact: name });
      else if (keys.join('').length >= 3) add(byFirst, { id: g.id, keys, ambiguous: false, exact: null });
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  return { byFirst };
}

function accepts(e: NameEntry, text: string, words: readonly Word[], i: number): boolean {
  if (e.exact !== null) return text.slice(words[i]!.start, words[i + e.keys.length - 1]!.end) === e.exact;
  if (!e.ambiguous) return true;
  const prev = words[i - 1];
  return !!prev && prev.variants.some((v) => CONTEXT_WORDS.has(v));
}

/** Mentions in text order; at each word the longest name wins and mentions never overlap. */
export function findMentions(text: string, words: readonly Word[], index: NameIndex): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < words.length; i++) {
    let best: NameEntry | null = null;
    for (const v of words[i]!.variants) {
      for (const e of index.byFirst.get(v) ?? []) {
        if ((!best || e.keys.length > best.keys.length) && matchesAt(words, i, e.keys) && accepts(e, text, words, i))
          best = e;
      }
    }
    if (best) {
      out.push({ id: best.id, start: words[i]!.start, end: words[i + best.keys.length - 1]!.end });
      i += best.keys.length - 1;
    }
  }
  return out;
}
