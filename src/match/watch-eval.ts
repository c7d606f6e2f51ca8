// Which watches an article matches, given which of their terms were found. Per article, the terms
// found are bits in one reused buffer (a watch gets ceil(terms / 32) words, beside its masks), so
// marking and evaluating allocate nothing. Most queries are a conjunction of terms and excluded terms (a b -c)
// or an OR of terms: those are two mask tests; any other shape walks the query tree.
import { evaluate, type Query, type QueryNode } from './query';

const ALL = 0;
const ANY = 1;
const TREE = 2;

export interface Evaluators {
  /** Forgets the previous article. */
  reset(): void;
  /** Marks terms found: [watch index, term index] pairs, flattened, in users[from .. to). */
  mark(users: Int32Array, from: number, to: number): void;
  /** The marked watches whose query is satisfied (a buffer reused by the next call). */
  matched(): readonly number[];
  has(watch: number, term: number): boolean;
  /**
   * The terms found that serve as evidence (not under an odd number of NOTs), in query order, into
   * out; returns how many.
   */
  present(watch: number, out: Int32Array): number;
}

const setBit = (state: Int32Array, at: number, t: number) => {
  state[at + (t >>> 5)]! |= 1 << (t & 31);
};

/**
 * Sets the bits of the terms that must all be found (at need) and must not be (at forbid), when the
 * query has that shape. Bits, not lists, and loops, not every(): compiling runs before V8 optimizes
 * it, and an array or a closure per watch costs.
 */
function conjunction(node: QueryNode, state: Int32Array, need: number, forbid: number): boolean {
  if (node.kind === 'term') setBit(state, need, node.term);
  else if (node.kind === 'not' && node.child.kind === 'term') setBit(state, forbid, node.child.term);
  else if (node.kind === 'and') {
    for (let i = 0; i < node.children.length; i++)
      if (!conjunction(node.children[i]!, state, need, forbid)) return false;
  } else return false;
  return true;
}

function disjunction(node: QueryNode, state: Int32Array, any: number): boolean {
  if (node.kind === 'term') setBit(state, any, node.term);
  else if (node.kind === 'or') {
    for (let i = 0; i < node.children.length; i++) if (!disjunction(node.children[i]!, state, any)) return false;
  } else return false;
  return true;
}

function positiveTerms(node: QueryNode, negated: boolean, out: number[]): number[] {
  if (node.kind === 'term') {
    if (!negated) out.push(node.term);
  } else if (node.kind === 'not') positiveTerms(node.child, !negated, out);
  else for (const c of node.children) positiveTerms(c, negated, out);
  return out;
}

/**
 * One watch's state in one run of `state` (a cache line or two, not a load from each of several
 * arrays: at 100,000 watches every watch an article touches is a cache miss):
 * [stamp, kind, bits × words, need × words, forbid × words], `words` = ceil(most terms / 32).
 */
const STAMP = 0;
const KIND = 1;
const BITS = 2;

export function compileEvaluators(queries: readonly Query[]): Evaluators {
  const n = queries.length;
  let most = 1;
  for (let w = 0; w < n; w++) most = Math.max(most, queries[w]!.terms.length);
  const words = Math.ceil(most / 32);
  const stride = BITS + 3 * words;
  const NEED = BITS + words; // ALL: required terms; ANY: any of these terms
  const FORBID = BITS + 2 * words;
  const state = new Int32Array(n * stride);
  /** Of TREE watches only: the others' positive terms are their need bits. */
  const positives = new Map<number, number[]>();
  const set = (at: number, t: number) => {
    state[at + (t >>> 5)]! |= 1 << (t & 31);
  };
  for (let w = 0; w < n; w++) {
    const q = queries[w]!;
    const at = w * stride;
    if (conjunction(q.root, state, at + NEED, at + FORBID)) continue;
    // Not that shape: the bits set so far are cleared.
    state.fill(0, at + NEED, at + stride);
    if (disjunction(q.root, state, at + NEED)) {
      state[at + KIND] = ANY;
      continue;
    }
    state.fill(0, at + NEED, at + stride);
    state[at + KIND] = TREE;
    positives.set(
      w,
      positiveTerms(q.root, false, []).sort((a, b) => a - b),
    );
  }

  let epoch = 0;
  const touched: number[] = [];
  const out: number[] = [];
  const has = (w: number, t: number) => {
    const at = w * stride;
    return state[at + STAMP] === epoch && (state[at + BITS + (t >>> 5)]! & (1 << (t & 31))) !== 0;
  };

  const satisfied = (w: number): boolean => {
    const at = w * stride;
    const k = state[at + KIND]!;
    if (k === TREE) return evaluate(queries[w]!.root, (t) => has(w, t));
    let any = false;
    for (let i = 0; i < words; i++) {
      const b = state[at + BITS + i]!;
      const need = state[at + NEED + i]!;
      if (k === ANY) any ||= (b & need) !== 0;
      else if ((b & need) !== need || (b & state[at + FORBID + i]!) !== 0) return false;
    }
    return k === ALL || any;
  };

  return {
    reset() {
      epoch++;
      touched.length = 0;
    },
    mark(users, from, to) {
      for (let k = from; k < to; k += 2) {
        const w = users[k]!;
        const at = w * stride;
        if (state[at + STAMP] !== epoch) {
          state[at + STAMP] = epoch;
          for (let i = 0; i < words; i++) state[at + BITS + i] = 0;
          touched.push(w);
        }
        set(at + BITS, users[k + 1]!);
      }
    },
    matched() {
      out.length = 0;
      for (const w of touched) if (satisfied(w)) out.push(w);
      return out;
    },
    has,
    present(w, list) {
      let n = 0;
      const at = w * stride;
      if (state[at + KIND] === TREE) {
        for (const t of positives.get(w)!) if (has(w, t)) list[n++] = t;
        return n;
      }
      // A conjunction's positive terms are the required ones, a disjunction's are all its terms.
      for (let i = 0; i < words; i++)
        for (let b = state[at + BITS + i]! & state[at + NEED + i]!, t = i * 32; b !== 0; b >>>= 1, t++)
          if (b & 1) list[n++] = t;
      return n;
    },
  };
}
