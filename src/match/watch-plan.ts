// How the matcher meets each watch, decided once per compile. A watch whose query is one term (most
// of them) joins a group on its slot: the group matches when the slot has a strong hit, with no
// evaluation. The other watches are users of their terms' slots, for ./watch-eval. Every (slot, term
// as written) pair gets an evidence id, so watches that matched through the same words share
// evidence. Flat typed arrays: at 100,000 watches, one small array per slot or watch costs more
// memory than the lists themselves.
import type { CompiledWatch } from './compile';

/** Single-term watches on one slot, with the term written alike. */
export interface Group {
  readonly term: string;
  readonly evidence: number;
  readonly watches: number[];
}

export interface WatchPlan {
  /** Groups of single-term watches on a slot, if any. */
  groupsOf(slot: number): readonly Group[] | undefined;
  /** [watch index, term index] pairs of the other watches, flattened, slot by slot: see userStart. */
  readonly users: Int32Array;
  /** users of slot s are users[userStart[s] .. userStart[s + 1]). */
  readonly userStart: Int32Array;
  /** Evidence id of a watch's term. */
  termId(watch: number, term: number): number;
  /** Evidence ids are below this. */
  readonly idCount: number;
}

function groupWith(list: readonly Group[], evidence: number): Group | undefined {
  for (const g of list) if (g.evidence === evidence) return g;
  return undefined;
}

export function planWatches(watches: readonly CompiledWatch[], slotCount: number): WatchPlan {
  // A slot's first spelling has the slot's number as its id; other spellings get ids after them.
  const spellings = new Spellings(slotCount);
  // Plain loops: a closure per watch costs more than the work it does.
  const n = watches.length;
  const termBase = new Int32Array(n + 1);
  for (let wi = 0; wi < n; wi++) termBase[wi + 1] = termBase[wi]! + watches[wi]!.slots.length;
  const termIds = new Int32Array(termBase[n]!);
  const groups: (Group[] | undefined)[] = new Array(slotCount);
  const userStart = new Int32Array(slotCount + 1);
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
    const slot = slots[root.term]!;
    const evidence = termIds[base + root.term]!;
    const list = groups[slot];
    const group = list ? groupWith(list, evidence) : undefined;
    if (group) group.watches.push(wi);
    else {
      const fresh = { term: terms[root.term]!.raw, evidence, watches: [wi] };
      if (list) list.push(fresh);
      else groups[slot] = [fresh];
    }
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
    groupsOf: (slot) => groups[slot],
    users,
    userStart,
    termId: (watch, term) => termIds[termBase[watch]! + term]!,
    idCount: spellings.count,
  };
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
