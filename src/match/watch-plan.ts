// How the matcher meets each watch, decided once per compile. A watch whose query is one term (most
// of them) joins a group on its slot: the group matches when the slot has a strong hit, with no
// evaluation. The other watches are users of their terms' slots, for ./watch-eval. Every (slot, term
// as written) pair gets an evidence id, so watches that matched through the same words share
// evidence. Flat typed arrays: at 100,000 watches, one small array per slot or watch costs more
// memory than the lists themselves.
import type { CompiledWatch } from './compile';

export interface WatchPlan {
  /**
   * Groups of single-term watches on one slot with the term written alike: the groups of slot s are
   * g = groupStart[s] .. groupStart[s + 1] - 1; group g has the evidence id groupEvidence[g] and the
   * watches groupWatches[watchStart[g] .. watchStart[g + 1]), in watch order.
   */
  readonly groupStart: Int32Array;
  readonly groupEvidence: Int32Array;
  readonly watchStart: Int32Array;
  readonly groupWatches: Int32Array;
  /** [watch index, term index] pairs of the other watches, flattened, slot by slot: see userStart. */
  readonly users: Int32Array;
  /** users of slot s are users[userStart[s] .. userStart[s + 1]). */
  readonly userStart: Int32Array;
  /** Evidence id of a watch's term. */
  termId(watch: number, term: number): number;
  /** Evidence ids are below this. */
  readonly idCount: number;
}

export function planWatches(watches: readonly CompiledWatch[], slotCount: number): WatchPlan {
  // A slot's first spelling has the slot's number as its id; other spellings get ids after them.
  const spellings = new Spellings(slotCount);
  // Plain loops: a closure per watch costs more than the work it does.
  const n = watches.length;
  const termBase = new Int32Array(n + 1);
  for (let wi = 0; wi < n; wi++) termBase[wi + 1] = termBase[wi]! + watches[wi]!.slots.length;
  const termIds = new Int32Array(termBase[n]!);
  const userStart = new Int32Array(slotCount + 1);
  // The evidence id of each single-term watch (-1 for the others), then its group by (slot, id).
  const single = new Int32Array(n).fill(-1);
  const singleSlot = new Int32Array(n);
  for (let wi = 0; wi < n; wi++) {
    const w = watches[wi]!;
    const terms = w.query.terms;
    const slots = w.slots;
    const base = termBase[wi]!;
    for (let ti = 0; ti < terms.length; ti++) termIds[base + ti] = spellings.id(slots[ti]!, terms[ti]!.raw);
    const root = w.query.root;
    if (root.kind !== 'term') {
      for (let ti = 0; ti < slots.length; ti++) userStart[slots[ti]! + 1]! += 2;
      continue;
    }
    single[wi] = termIds[base + root.term]!;
    singleSlot[wi] = slots[root.term]!;
  }
  for (let s = 0; s < slotCount; s++) userStart[s + 1]! += userStart[s]!;
  const users = new Int32Array(userStart[slotCount]!);
  const fill = userStart.slice(0, slotCount);
  for (let wi = 0; wi < n; wi++) {
    const w = watches[wi]!;
    if (w.query.root.kind === 'term') continue;
    for (let ti = 0; ti < w.slots.length; ti++) {
      const slot = w.slots[ti]!;
      users[fill[slot]!++] = wi;
      users[fill[slot]!++] = ti;
    }
  }
  return {
    ...groupsBySlot(single, singleSlot, slotCount, spellings.count),
    users,
    userStart,
    termId: (watch, term) => termIds[termBase[watch]! + term]!,
    idCount: spellings.count,
  };
}

/**
 * The groups of single-term watches (single[wi]: evidence id, -1 when not single), slot by slot: a
 * group per evidence id, in the order of its first watch, each group's watches in watch order.
 */
function groupsBySlot(single: Int32Array, singleSlot: Int32Array, slotCount: number, idCount: number) {
  const n = single.length;
  // Watches per evidence id, then the ids' groups in order of first watch within their slot.
  const perId = new Int32Array(idCount);
  const groupOf = new Int32Array(idCount).fill(-1);
  const groupsPerSlot = new Int32Array(slotCount + 1);
  let singles = 0;
  for (let wi = 0; wi < n; wi++) {
    const id = single[wi]!;
    if (id < 0) continue;
    singles++;
    if (perId[id]!++ === 0) groupsPerSlot[singleSlot[wi]! + 1]!++;
  }
  const groupStart = new Int32Array(slotCount + 1);
  for (let s = 0; s < slotCount; s++) groupStart[s + 1] = groupStart[s]! + groupsPerSlot[s + 1]!;
  const groups = groupStart[slotCount]!;
  const groupEvidence = new Int32Array(groups);
  const watchStart = new Int32Array(groups + 1);
  const nextGroup = groupStart.slice(0, slotCount);
  for (let wi = 0; wi < n; wi++) {
    const id = single[wi]!;
    if (id < 0 || groupOf[id]! >= 0) continue;
    const g = nextGroup[singleSlot[wi]!]!++;
    groupOf[id] = g;
    groupEvidence[g] = id;
    watchStart[g + 1] = perId[id]!;
  }
  for (let g = 0; g < groups; g++) watchStart[g + 1]! += watchStart[g]!;
  const groupWatches = new Int32Array(singles);
  const fill = watchStart.slice(0, groups);
  for (let wi = 0; wi < n; wi++) {
    const id = single[wi]!;
    if (id >= 0) groupWatches[fill[groupOf[id]!]!++] = wi;
  }
  return { groupStart, groupEvidence, watchStart, groupWatches };
}

/** Evidence ids of (slot, term as written) pairs: a slot's first spelling has the slot's number. */
class Spellings {
  private readonly first: (string | undefined)[];
  private readonly others = new Map<string, number>();
  count: number;

  constructor(slotCount: number) {
    this.first = new Array(slotCount);
    this.count = slotCount;
  }

  id(slot: number, raw: string): number {
    const first = this.first[slot];
    if (first === undefined) this.first[slot] = raw;
    if (first === undefined || first === raw) return slot;
    const k = `${slot}\u0000${raw}`;
    let id = this.others.get(k);
    if (id === undefined) {
      id = this.count++;
      this.others.set(k, id);
    }
    return id;
  }
}
