// Which watches an article matches, given which of their terms were found. Per article, the terms
// found are bits in one reused buffer (a watch gets ceil(terms / 32) words), so marking and
// evaluating allocate nothing. Most queries are a conjunction of terms and excluded terms (a b -c)
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

/** Terms that must all be found (need) and must not be (forbid), when the query has that shape. */
function conjunction(node: QueryNode, need: number[], forbid: number[]): boolean {
  if (node.kind === 'term') need.push(node.term);
  else if (node.kind === 'not' && node.child.kind === 'term') forbid.push(node.child.term);
  else if (node.kind === 'and') return node.children.every((c) => conjunction(c, need, forbid));
  else return false;
  return true;
}

function disjunction(node: QueryNode, any: number[]): boolean {
  if (node.kind === 'term') any.push(node.term);
  else if (node.kind === 'or') return node.children.every((c) => disjunction(c, any));
  else return false;
  return true;
}

function positiveTerms(node: QueryNode, negated: boolean, out: number[]): number[] {
  if (node.kind === 'term') {
    if (!negated) out.push(node.term);
  } else if (node.kind === 'not') positiveTerms(node.child, !negated, out);
  else for (const c of node.children) positiveTerms(c, negated, out);
  return out;
}

export function compileEvaluators(queries: readonly Query[]): Evaluators {
  const n = queries.length;
  const base = new Int32Array(n + 1);
  for (let w = 0; w < n; w++) base[w + 1] = base[w]! + Math.ceil(queries[w]!.terms.length / 32);
  const bits = new Int32Array(base[n]!);
  const need = new Int32Array(base[n]!); // ALL: required terms; ANY: any of these terms
  const forbid = new Int32Array(base[n]!);
  const kind = new Uint8Array(n);
  /** Of TREE watches only: the others' positive terms are their need bits. */
  const positives = new Map<number, number[]>();
  const set = (arr: Int32Array, w: number, t: number) => {
    arr[base[w]! + (t >>> 5)]! |= 1 << (t & 31);
  };
  // Scratch lists reused from one watch to the next.
  const req: number[] = [];
  const not: number[] = [];
  const any: number[] = [];
  for (let w = 0; w < n; w++) {
    const q = queries[w]!;
    req.length = 0;
    not.length = 0;
    any.length = 0;
    if (conjunction(q.root, req, not)) {
      for (const t of req) set(need, w, t);
      for (const t of not) set(forbid, w, t);
    } else if (disjunction(q.root, any)) {
      kind[w] = ANY;
      for (const t of any) set(need, w, t);
    } else {
      kind[w] = TREE;
      positives.set(
        w,
        positiveTerms(q.root, false, []).sort((a, b) => a - b),
      );
    }
  }

  const stamp = new Int32Array(n);
  let epoch = 0;
  const touched: number[] = [];
  const out: number[] = [];
  const has = (w: number, t: number) => stamp[w] === epoch && (bits[base[w]! + (t >>> 5)]! & (1 << (t & 31))) !== 0;

  const satisfied = (w: number): boolean => {
    const k = kind[w]!;
    if (k === TREE) return evaluate(queries[w]!.root, (t) => has(w, t));
    let any = false;
    for (let i = base[w]!; i < base[w + 1]!; i++) {
      const b = bits[i]!;
      if (k === ANY) any ||= (b & need[i]!) !== 0;
      else if ((b & need[i]!) !== need[i]! || (b & forbid[i]!) !== 0) return false;
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
        if (stamp[w] !== epoch) {
          stamp[w] = epoch;
          for (let i = base[w]!; i < base[w + 1]!; i++) bits[i] = 0;
          touched.push(w);
        }
        set(bits, w, users[k + 1]!);
      }
    },
    matched() {
      out.length = 0;
      for (const w of touched) if (satisfied(w)) out.push(w);
      return out;
    },
    has,
    present(w, out) {
      let n = 0;
      if (kind[w] === TREE) {
        for (const t of positives.get(w)!) if (has(w, t)) out[n++] = t;
        return n;
      }
      // A conjunction's positive terms are the required ones, a disjunction's are all its terms.
      for (let i = base[w]!; i < base[w + 1]!; i++)
        for (let b = bits[i]! & need[i]!, t = (i - base[w]!) * 32; b !== 0; b >>>= 1, t++) if (b & 1) out[n++] = t;
      return n;
    },
  };
}
