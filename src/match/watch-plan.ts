// How the matcher meets each watch, decided once per compile. A watch whose query is one term (most
// of them) joins a group on its slot: the group matches when the slot has a strong hit, with no
// evaluation. The other watches are evaluated (./watch-eval) as users of their terms' slots, under
// numbers of their own that keep each slot's users together: at 100,000 watches a popular term has
// hundreds of users, and touching them in a run of memory instead of all over it is most of the cost
// of meeting them. Every (slot, term as written) pair gets an evidence id, so watches that matched
// through the same words share evidence. Flat typed arrays: at 100,000 watches, one small array per
// slot or watch costs more memory than the lists themselves.
import type { CompiledWatch } from './compile';

export interface WatchPlan {
  /**
   * Groups of single-term watches on one slot with the term written alike: the groups of slot s are
   * g = groupStart[s] .. groupStart[s + 1] - 1; group g has the evidence id groupEvidence[g] and the
   * watches (indices into the watches given) groupWatches[watchStart[g] .. watchStart[g + 1]), in
   * watch order.
   */
  readonly groupStart: Int32Array;
  readonly groupEvidence: Int32Array;
  readonly watchStart: Int32Array;
  readonly groupWatches: Int32Array;
  /** The evaluated watches: evaluated[e] is the index of evaluated watch e in the watches given. */
  readonly evaluated: Int32Array;
  /** [evaluated watch, term index] pairs, flattened, slot by slot: see userStart. */
  readonly users: Int32Array;
  /** users of slot s are users[userStart[s] .. userStart[s + 1]). */
  readonly userStart: Int32Array;
  /** Evidence id of a term of evaluated watch e. */
  termId(e: number, term: number): number;
  /** The term as written and the slot of each evidence id. */
  readonly idRaw: readonly string[];
  readonly idSlot: Int32Array;
  /** Evidence ids are below this. */
  readonly idCount: number;
}

export function planWatches(watches: readonly CompiledWatch[], slotCount: number): WatchPlan {
  // A slot's first spelling has the slot's number as its id; other spellings get ids after them.
  const spellings = new Spellings(slotCount);
  // Plain loops: a closure per watch costs more than the work it does.
  const n = watches.length;
  // The evidence id of each single-term watch (-1 for the others), then its group by (slot, id).
  const single = new Int32Array(n).fill(-1);
  const singleSlot = new Int32Array(n);
  // Users per slot, counted in userStart[slot + 1].
  const userStart = new Int32Array(slotCount + 1);
  let evaluatedCount = 0;
  for (let wi = 0; wi < n; wi++) {
    const w = watches[wi]!;
    const root = w.query.root;
    if (root.kind === 'term') {
      single[wi] = spellings.id(w.slots[root.term]!, w.query.terms[root.term]!.raw);
      singleSlot[wi] = w.slots[root.term]!;
      continue;
    }
    evaluatedCount++;
    for (let ti = 0; ti < w.slots.length; ti++) userStart[w.slots[ti]! + 1]! += 2;
  }
  const evaluated = numberUsers(watches, single, userStart, evaluatedCount);
  const termBase = new Int32Array(evaluatedCount + 1);
  for (let e = 0; e < evaluatedCount; e++) termBase[e + 1] = termBase[e]! + watches[evaluated[e]!]!.slots.length;
  const termIds = new Int32Array(termBase[evaluatedCount]!);
  for (let s = 0; s < slotCount; s++) userStart[s + 1]! += userStart[s]!;
  const users = new Int32Array(userStart[slotCount]!);
  const fill = userStart.slice(0, slotCount);
  for (let e = 0; e < evaluatedCount; e++) {
    const w = watches[evaluated[e]!]!;
    for (let ti = 0; ti < w.slots.length; ti++) {
      const slot = w.slots[ti]!;
      termIds[termBase[e]! + ti] = spellings.id(slot, w.query.terms[ti]!.raw);
      users[fill[slot]!++] = e;
      users[fill[slot]!++] = ti;
    }
  }
  return {
    ...groupsBySlot(single, singleSlot, slotCount, spellings.count),
    evaluated,
    users,
    userStart,
    termId: (e, term) => termIds[termBase[e]! + term]!,
    idRaw: spellings.raw,
    idSlot: spellings.slot,
    idCount: spellings.count,
  };
}

/**
 * Numbers for the evaluated watches (the result maps them to watch indices): the slots with the most
 * users first, each slot's users not yet numbered in watch order, so the users of a popular slot are
 * a run. userStart[s + 1] holds twice slot s's users (the layout of the users array).
 */
function numberUsers(
  watches: readonly CompiledWatch[],
  single: Int32Array,
  userStart: Int32Array,
  count: number,
): Int32Array {
  const slotCount = userStart.length - 1;
  // Each slot's users in watch order (a first layout of the users array, watch indices only).
  const start = new Int32Array(slotCount + 1);
  for (let s = 0; s < slotCount; s++) start[s + 1] = start[s]! + userStart[s + 1]! / 2;
  const byWatch = new Int32Array(start[slotCount]!);
  const next = start.slice(0, slotCount);
  for (let wi = 0; wi < watches.length; wi++) {
    if (single[wi]! >= 0) continue;
    const slots = watches[wi]!.slots;
    for (let ti = 0; ti < slots.length; ti++) byWatch[next[slots[ti]!]!++] = wi;
  }
  // Slots by descending number of users (a counting sort: linear, and stable on slot number).
  let most = 0;
  for (let s = 0; s < slotCount; s++) most = Math.max(most, start[s + 1]! - start[s]!);
  const bySize = new Int32Array(most + 2);
  for (let s = 0; s < slotCount; s++) bySize[most - (start[s + 1]! - start[s]!) + 1]!++;
  for (let k = 0; k <= most; k++) bySize[k + 1]! += bySize[k]!;
  const order = new Int32Array(slotCount);
  for (let s = 0; s < slotCount; s++) order[bySize[most - (start[s + 1]! - start[s]!)]!++] = s;
  const evaluated = new Int32Array(count);
  const numbered = new Uint8Array(watches.length);
  let e = 0;
  for (let k = 0; k < slotCount && e < count; k++) {
    const s = order[k]!;
    for (let u = start[s]!; u < start[s + 1]!; u++) {
      const wi = byWatch[u]!;
      if (numbered[wi] === 1) continue;
      numbered[wi] = 1;
      evaluated[e++] = wi;
    }
  }
  return evaluated;
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
  /** The term as written and the slot of each id (ids of slots no watch has written yet: undefined). */
  readonly raw: string[];
  slot: Int32Array;
  /**
   * The ids of a slot's other spellings (few: a place named in two languages), by slot: a list to
   * scan, not a Map keyed by slot and text (a string built per term, in code V8 has not optimized yet).
   */
  private readonly others: (number[] | undefined)[];
  count: number;

  constructor(slotCount: number) {
    this.raw = new Array(slotCount);
    this.others = new Array(slotCount);
    this.slot = new Int32Array(slotCount + (slotCount >> 2) + 16);
    for (let s = 0; s < slotCount; s++) this.slot[s] = s;
    this.count = slotCount;
  }

  id(slot: number, raw: string): number {
    const first = this.raw[slot];
    if (first === undefined) this.raw[slot] = raw;
    if (first === undefined || first === raw) return slot;
    let list = this.others[slot];
    if (list === undefined) {
      list = [];
      this.others[slot] = list;
    }
    for (let k = 0; k < list.length; k++) if (this.raw[list[k]!] === raw) return list[k]!;
    const id = this.count++;
    list.push(id);
    this.raw[id] = raw;
    if (id >= this.slot.length) {
      const grown = new Int32Array(this.slot.length * 2);
      grown.set(this.slot);
      this.slot = grown;
    }
    this.slot[id] = slot;
    return id;
  }
}
