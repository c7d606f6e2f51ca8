// Watched places. A term that names places (Hasakah, place:Idlib) matches their names and the names
// of everything inside them. Each place's names go into the form table ONCE, as a hit of the place
// itself; a hit then counts for every term whose places contain it, found by walking the place's
// chain of ancestors. So compiling costs the same whether one watch or a thousand name a governorate,
// and a governorate's hundreds of towns are not copied into each term.
// Rules (as for every place name): common-word names are AMBIGUOUS; a name of a place inside the
// watched one is WEAK (it needs a strong hit of the same term, or a context word) when it also names
// a place outside the term's area, or when it is a one-word ال town name that is also a common word.
import type { MatchContext } from './context';
import type { FormTableBuilder } from './form-table';
import { type Form, WEAK } from './forms';
import type { Place } from './places-types';
import type { RawHit } from './scan';

/**
 * A town or village whose name is one Arabic word with the article (السجن, المزرعة, الصالحية) is
 * usually also a common word: it counts only next to a context word or with its area also named.
 */
export function needsReinforcement(p: Place, key: string): boolean {
  return (p.kind === 'town' || p.kind === 'village') && key.startsWith('ال') && !key.includes(' ');
}

/**
 * A place's names, as hits of the place itself. WEAK here only asks the scanner for the context;
 * expandHit decides per term. The forms were made with the context (../context placeForms).
 */
function addNames(table: FormTableBuilder, slot: number, all: readonly (readonly Form[])[]): void {
  for (let i = 0; i < all.length; i++) {
    const forms = all[i]!;
    for (let k = 0; k < forms.length; k++) table.add(forms[k]!, slot, WEAK | (i << 8));
  }
}

/** A hit of place `index`'s name `name` (see RawHit): the slot -1 - index, the name's index in rank. */
export const placeSlot = (index: number) => -1 - index;

export interface PlaceWatch {
  /** Replaces the place-name hits in hits[from ..] by hits of the terms that watch those places. */
  expand(hits: RawHit[], from: number): void;
}

/** The terms watching one place: [slot, is a root] pairs; per pair and name of the place, WEAK_HIT, STRONG_HIT or UNKNOWN. */
interface Watchers {
  readonly list: Int32Array;
  readonly names: number;
  readonly weak: Int8Array;
}
const UNKNOWN = 0;
const WEAK_HIT = 1;
const STRONG_HIT = 2;

export interface PlaceWatchBuilder {
  /** The term in `slot` stands for these places and everything inside them. */
  watch(placeIds: readonly string[], slot: number): void;
  /** Adds the names of every watched place to the table. */
  build(table: FormTableBuilder): PlaceWatch;
}

export function createPlaceWatch(ctx: MatchContext): PlaceWatchBuilder {
  const { places } = ctx;
  const slotsAt = new Map<string, number[]>(); // root place id → slots
  const roots = new Map<number, readonly string[]>(); // slot → root place ids

  /** Inside the term's area: a root, inside a root, or containing one. */
  const inArea = (slot: number, o: Place) =>
    roots
      .get(slot)!
      .some(
        (r) =>
          r === o.id ||
          places.ancestors(o.id).some((a) => a.id === r) ||
          places.ancestors(r).some((a) => a.id === o.id),
      );

  const weak = (slot: number, p: Place, key: string) =>
    needsReinforcement(p, key) || places.byKey(key).some((o) => !inArea(slot, o));

  // Per place hit: the terms watching the place ([slot, is a root] pairs), and per term and name
  // whether a hit without context is weak; both computed on first use, by the place's index (a small
  // integer key; a memo keyed by slot, place and name together needed a double, and cost ~1.5% of a match).
  const watchers = new Map<number, Watchers>();

  function watchersOf(index: number): Watchers {
    let w = watchers.get(index);
    if (w) return w;
    const p = places.places[index]!;
    const out: number[] = [];
    for (const a of [p, ...places.ancestors(p.id)])
      for (const slot of slotsAt.get(a.id) ?? [])
        if (!out.some((s, k) => k % 2 === 0 && s === slot)) out.push(slot, roots.get(slot)!.includes(p.id) ? 1 : 0);
    const names = ctx.placeNames(p.id).length;
    w = { list: Int32Array.from(out), names, weak: new Int8Array((out.length / 2) * names) };
    watchers.set(index, w);
    return w;
  }

  /** Whether a hit of the place's name `name` without context is weak for the k-th pair's term. */
  function isWeak(w: Watchers, k: number, index: number, name: number): boolean {
    const at = (k / 2) * w.names + name;
    if (w.weak[at] === UNKNOWN) {
      const p = places.places[index]!;
      w.weak[at] = weak(w.list[k]!, p, ctx.placeNames(p.id)[name]!.key) ? WEAK_HIT : STRONG_HIT;
    }
    return w.weak[at] === WEAK_HIT;
  }

  function expandHit(h: RawHit, out: RawHit[]): void {
    const index = -1 - h.slot;
    const w = watchersOf(index);
    const list = w.list;
    for (let k = 0; k < list.length; k += 2) {
      const slot = list[k]!;
      const root = list[k + 1] === 1;
      const weak = !root && h.weak && isWeak(w, k, index, h.rank);
      out.push({ slot, where: h.where, start: h.start, end: h.end, weak, rank: root ? 0 : 1 });
    }
  }

  return {
    watch(placeIds, slot) {
      roots.set(slot, placeIds);
      for (const id of placeIds) {
        const list = slotsAt.get(id) ?? [];
        list.push(slot);
        slotsAt.set(id, list);
      }
    },
    build(table) {
      // Each watched place once, in index order: the roots, then everything inside them.
      const watched = new Uint8Array(places.places.length);
      for (const id of slotsAt.keys()) {
        const index = places.indexOf(id);
        if (index < 0 || watched[index] === 1) continue;
        watched[index] = 1;
        for (const d of places.descendants(id)) watched[places.indexOf(d.id)] = 1;
      }
      for (let index = 0; index < watched.length; index++)
        if (watched[index] === 1) addNames(table, placeSlot(index), ctx.placeForms(index));
      return {
        expand(hits, from) {
          let k = from;
          while (k < hits.length && hits[k]!.slot >= 0) k++;
          if (k === hits.length) return;
          for (const h of hits.splice(k))
            if (h.slot < 0) expandHit(h, hits);
            else hits.push(h);
        },
      };
    },
  };
}
