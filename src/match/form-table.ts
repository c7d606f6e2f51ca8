// The lookup table every scanner uses (matcher, geotagger, entity extractor). Each distinct form is
// stored ONCE, with the list of slots it stands for (a slot is whatever the caller counts: a watch
// term, a place, an alias group). A name that 300 watches share (الحسكة, داعش) costs one check per
// token, and its targets are visited only when it is found in the text.
// - Forms are found by the hash of their first token; a bucket holds the forms of ONE first key
//   (hash collisions chain), so the key is compared once per token, with no string built.
// - A first token that starts many phrases (منطقة X, محافظة Y, Tell X) indexes them again by the
//   hash of their second token.
// - The clitic variants of a form (و، ب، لل ...) share its rest and its target list.
// - Arabic topic stems (a token may be the stem plus a suffix: هجومهم) live in the bucket of the stem.
// Layout: Int32Arrays indexed by bucket, pattern, list entry and target, not an object per bucket
// and per pattern. 10,000 watches make ~27,000 buckets and ~30,000 patterns: as objects (with a list
// or two each) they were ~190,000 small heap objects, which every garbage collection during a compile
// copied, and which at match time are a cache miss each. A bucket's lists and a pattern's targets are
// linked lists in those arrays, read as the builder made them: build() copies nothing (laying them
// out flat cost ~10% of a compile, run once in code V8 had not optimized).
import { hashKey } from '../text/tokenize';
import {
  ACRONYM,
  AMBIGUOUS,
  CLITICS,
  type Form,
  type FormSink,
  INSIDE,
  SKIP_ARTICLES,
  type SuffixForm,
  WEAK,
} from './forms';
import { AR_SUFFIXES } from './rules';

/** Flags checked on the text when the tokens match; the others (WEAK, INSIDE) belong to a target. */
const SCAN_FLAGS = SKIP_ARTICLES | AMBIGUOUS | ACRONYM | CLITICS;
/** Above this many phrases under one first key, they are indexed by their second token. */
const PHRASES_BEFORE_INDEX = 4;

/** In FormTable.flags: some target of the pattern is WEAK (the hit needs its context checked). */
export const PATTERN_WEAK = 1 << 30;
/** In FormTable.flags: the pattern has a last letter (FormTable.lastLetters). */
export const PATTERN_LAST_LETTER = 1 << 29;

/** In FormTable.bucketFlags: some phrase skips Latin article tokens (Deir ez-Zor). */
export const BUCKET_SKIPS = 1;
/** In FormTable.bucketFlags: the phrases are indexed by their second token (FormTable.next). */
export const BUCKET_INDEXED = 2;

/** A bucket's three lists: at heads[3j + SINGLES], heads[3j + PHRASES], heads[3j + SUFFIXED]. */
export const SINGLES = 0;
export const PHRASES = 1;
export const SUFFIXED = 2;

/**
 * Buckets are numbered 0 .. keys.length - 1, patterns 0 .. flags.length - 1. A pattern is a form (its
 * first token is its bucket's key, its other tokens are `rest`) or, in a bucket's suffixed list, a
 * stem that takes suffixes. Each pattern has a list of targets: [slot, WEAK | INSIDE], or for a
 * place's name (slot < 0) the name's index << 8. Lists end at -1.
 */
export interface FormTable {
  /**
   * The buckets by hash of their key, open addressing: slots[2p] is a hash, slots[2p + 1] is 1 + the
   * first bucket of that hash (0: an empty slot). Half the slots stay empty. See bucketIndex.
   */
  readonly slots: Int32Array;
  readonly slotShift: number;
  /** The normalized first token every pattern of bucket j starts with. */
  readonly keys: readonly string[];
  /** The next bucket with the same hash, or -1. */
  readonly collision: Int32Array;
  /** BUCKET_SKIPS, BUCKET_INDEXED. */
  readonly bucketFlags: Int32Array;
  /**
   * The first entry of each of bucket j's lists: heads[3j] its one-token forms, heads[3j + 1] its
   * phrases, heads[3j + 2] its suffixed stems; entry e is pattern entryPattern[e], then entryNext[e].
   */
  readonly heads: Int32Array;
  readonly entryPattern: Int32Array;
  readonly entryNext: Int32Array;
  /**
   * For a phrase's entry, the hash of its second token (restHashes[p][0]): a phrase whose second token
   * is not next is passed over without its pattern being read.
   */
  readonly entrySecond: Int32Array;
  /** An indexed bucket's phrases by the hash of their second token (BUCKET_INDEXED). */
  readonly next: ReadonlyMap<number, ReadonlyMap<number, readonly number[]>>;
  /**
   * A form's SKIP_ARTICLES | AMBIGUOUS | ACRONYM | CLITICS, PATTERN_WEAK and PATTERN_LAST_LETTER; a
   * suffixed stem's suffix bits (bit i: AR_SUFFIXES[i] may follow it).
   */
  readonly flags: Int32Array;
  /** A form's tokens after the first, and their hashes. */
  readonly rest: readonly (readonly string[])[];
  readonly restHashes: readonly (readonly number[])[];
  /** For fold-sensitive keys (علي vs على): the last letter the user typed (PATTERN_LAST_LETTER). */
  readonly lastLetters: readonly (string | undefined)[];
  /** Pattern p's first target is targetHead[p]; target t is (targetSlot[t], targetFlags[t]), then targetNext[t]. */
  readonly targetHead: Int32Array;
  readonly targetSlot: Int32Array;
  readonly targetFlags: Int32Array;
  readonly targetNext: Int32Array;
  /**
   * Two bits in one 32-bit word per hash of a bucket key (a blocked Bloom filter: one load per probe,
   * ~16 bits per key): most tokens and peeled stems are no key, and this says so without a map lookup.
   * See mayHave.
   */
  readonly filter: Uint32Array;
  /** A hash's word is filter[mix(h) >>> filterShift]. */
  readonly filterShift: number;
  /** Some bucket has suffixed stems: Arabic tokens are also tried with a suffix cut off. */
  readonly hasSuffixes: boolean;
  /**
   * Bucket j's shape, filled on first use (see simpleHit): simple.at[3j] is 0 not known yet, 1 not
   * simple, else 2 + its one hit (slot × 4 + SIMPLE_INSIDE + SIMPLE_CLITICS), and then its key is
   * simple.keys[at[3j + 1] .. + at[3j + 2]). A simple bucket (most: a watched word) is checked and gives
   * its hit from these arrays alone, without its key string, pattern or targets being read (at
   * 100,000 watches each of those is a cache miss). Filled at match time: most buckets are never met.
   */
  readonly simple: SimpleBuckets;
}

export interface SimpleBuckets {
  readonly at: Int32Array;
  /** Keys of the simple buckets met so far, end to end; grown (replaced) when full. */
  keys: Uint16Array;
  used: number;
}

/** In a simple hit: the hit's rank is 1 (SIMPLE_INSIDE); the form takes proclitics (SIMPLE_CLITICS). */
export const SIMPLE_INSIDE = 2;
export const SIMPLE_CLITICS = 1;

/**
 * The hit of bucket j when its forms can only give one (slot × 4 + SIMPLE_INSIDE + SIMPLE_CLITICS), or
 * -1: no collision, one single-token pattern and no phrase, no rule to check on the text (AMBIGUOUS,
 * ACRONYM, a last letter), and one target, a slot that is not weak (so no context is read).
 */
export function simpleHit(table: FormTable, j: number): number {
  const e = table.heads[3 * j + SINGLES]!;
  if (table.collision[j] !== -1 || e < 0 || table.entryNext[e] !== -1 || table.heads[3 * j + PHRASES] !== -1) return -1;
  const p = table.entryPattern[e]!;
  const flags = table.flags[p]!;
  if ((flags & (PATTERN_LAST_LETTER | PATTERN_WEAK | AMBIGUOUS | ACRONYM)) !== 0) return -1;
  const t = table.targetHead[p]!;
  if (table.targetNext[t] !== -1) return -1;
  const slot = table.targetSlot[t]!;
  const target = table.targetFlags[t]!;
  if (slot < 0 || (target & WEAK) !== 0) return -1;
  return slot * 4 + (target & INSIDE ? SIMPLE_INSIDE : 0) + (flags & CLITICS ? SIMPLE_CLITICS : 0);
}

/** Its FormSink methods are add() and addSuffix() from the parts of a form (topic forms, no Form made). */
export interface FormTableBuilder extends FormSink {
  /**
   * Adds a form for a slot (an equal form already there gets the slot too); `target` (WEAK, INSIDE,
   * a place name's index) and the form's WEAK and INSIDE go with the slot.
   */
  add(form: Form, slot: number, target?: number, lastLetter?: string): void;
  addSuffix(form: SuffixForm, slot: number): void;
  build(): FormTable;
}

export const SUFFIX_BIT: ReadonlyMap<string, number> = new Map(AR_SUFFIXES.map((s, i) => [s, 1 << i]));

function suffixMask(suffixes: readonly string[]): number {
  let mask = 0;
  for (let i = 0; i < suffixes.length; i++) mask |= SUFFIX_BIT.get(suffixes[i]!) ?? 0;
  return mask;
}

function equal(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * expectedKeys: how many first keys to make room for at once (the table grows past it). Its arrays
 * become the table's as they are.
 */
export function createFormTableBuilder(expectedKeys = 0): FormTableBuilder {
  // Buckets: key, next bucket of the same hash, flags; the head and tail entry of each of its three
  // lists (list l of bucket j at 3j + l; -1: empty).
  const keys: string[] = [];
  // Integers go in Int32Arrays made with room for the keys expected and doubled when full: a store
  // into one costs about half a push onto an array in code V8 has not optimized yet, and an array
  // grown by pushes leaves each smaller copy behind (~17 of a compile's ~30 MB allocated).
  const room = Math.max(1024, Math.ceil(1.7 * expectedKeys));
  let collision = new Int32Array(room);
  let bucketFlags = new Int32Array(room);
  let heads = new Int32Array(3 * room);
  let tails = new Int32Array(3 * room);
  // List entries: a pattern, the next entry, a phrase's second hash.
  let entries = 0;
  let entryPattern = new Int32Array(2 * room);
  let entryNext = new Int32Array(2 * room);
  let entrySecond = new Int32Array(2 * room);
  // Phrases per bucket, counted until an index is due; the buckets due one.
  const phraseCount = new Map<number, number>();
  const crowded: number[] = [];
  // Patterns: flags (a stem's suffix bits), tokens, last letter; their targets, a linked list of
  // entries too, and the start of its last run of one slot (see pushTarget).
  let patterns = 0;
  let flags = new Int32Array(room);
  const firsts: (readonly string[])[] = [];
  const rests: (readonly string[])[] = [];
  const restHashes: (readonly number[])[] = [];
  const lastLetters: (string | undefined)[] = [];
  let targetHead = new Int32Array(room);
  let targetTail = new Int32Array(room);
  let runHead = new Int32Array(room);
  let targets = 0;
  let targetSlot = new Int32Array(room);
  let targetFlags = new Int32Array(room);
  let targetNext = new Int32Array(room);
  // The first bucket of each hash, found by open addressing as in the table (byHash[2p] a hash,
  // byHash[2p + 1] 1 + the bucket), grown when half full; and each hash once.
  const headHashes: number[] = [];
  // Each grow rehashes every key so far, in code V8 has not optimized yet: room for the keys expected.
  const bits = Math.max(10, Math.ceil(Math.log2(2 * expectedKeys)));
  let byHash = new Int32Array(2 ** (bits + 1));
  let shift = 32 - bits;
  let hasSuffixes = false;
  const masks = new Map<readonly string[], number>();
  const next = new Map<number, Map<number, number[]>>();

  /** Where hash h is, or the empty slot where it goes. */
  const probe = (h: number): number => {
    const mask = (byHash.length >>> 1) - 1;
    let p = Math.imul(h, 0x85ebca6b) >>> shift;
    while (byHash[2 * p + 1] !== 0 && byHash[2 * p] !== h) p = (p + 1) & mask;
    return p;
  };

  const grow = () => {
    const old = byHash;
    byHash = new Int32Array(old.length * 2);
    shift--;
    for (let q = 0; q < old.length; q += 2) {
      if (old[q + 1] === 0) continue;
      const p = probe(old[q]!);
      byHash[2 * p] = old[q]!;
      byHash[2 * p + 1] = old[q + 1]!;
    }
  };

  // The last two buckets found: a topic word's stems are the keys of its forms, looked up just before.
  let key1 = '';
  let bucket1 = -1;
  let key2 = '';
  let bucket2 = -1;

  // The hot path below is written out (no helper per step): a compile runs it ~30,000 times before
  // V8 optimizes it, and in that code each call costs more than the work it wraps.
  const bucketOf = (key: string): number => {
    if (key === key1 && bucket1 >= 0) return bucket1;
    if (key === key2 && bucket2 >= 0) return bucket2;
    const h = hashKey(key);
    const mask = (byHash.length >>> 1) - 1;
    let p = Math.imul(h, 0x85ebca6b) >>> shift;
    while (byHash[2 * p + 1] !== 0 && byHash[2 * p] !== h) p = (p + 1) & mask;
    const head = byHash[2 * p + 1]! - 1;
    let b = head;
    while (b >= 0 && keys[b] !== key) b = collision[b]!;
    if (b < 0) {
      b = keys.length;
      keys.push(key);
      if (b === collision.length) {
        collision = grown(collision);
        bucketFlags = grown(bucketFlags);
        heads = grown(heads);
        tails = grown(tails);
      }
      collision[b] = head;
      heads[3 * b] = heads[3 * b + 1] = heads[3 * b + 2] = -1;
      tails[3 * b] = tails[3 * b + 1] = tails[3 * b + 2] = -1;
      byHash[2 * p + 1] = b + 1;
      if (head < 0) {
        byHash[2 * p] = h;
        headHashes.push(h);
        if (headHashes.length * 4 > byHash.length) grow();
      }
    }
    key2 = key1;
    bucket2 = bucket1;
    key1 = key;
    bucket1 = b;
    return b;
  };

  /** A new pattern, with one target. */
  const pattern = (
    patternFlags: number,
    first: readonly string[],
    rest: readonly string[],
    hashes: readonly number[],
    lastLetter: string | undefined,
    slot: number,
    target: number,
  ): number => {
    const p = patterns++;
    if (p === flags.length) {
      flags = grown(flags);
      targetHead = grown(targetHead);
      targetTail = grown(targetTail);
      runHead = grown(runHead);
    }
    flags[p] = patternFlags | (target & WEAK ? PATTERN_WEAK : 0) | (lastLetter !== undefined ? PATTERN_LAST_LETTER : 0);
    firsts.push(first);
    rests.push(rest);
    restHashes.push(hashes);
    lastLetters.push(lastLetter);
    const t = newTarget(slot, target);
    targetHead[p] = t;
    targetTail[p] = t;
    runHead[p] = t;
    return p;
  };

  const newTarget = (slot: number, target: number): number => {
    const t = targets++;
    if (t === targetSlot.length) {
      targetSlot = grown(targetSlot);
      targetFlags = grown(targetFlags);
      targetNext = grown(targetNext);
    }
    targetSlot[t] = slot;
    targetFlags[t] = target;
    targetNext[t] = -1;
    return t;
  };

  /**
   * A slot's forms are added together: a repeat (two spellings, one form) is in the last run of
   * targets, those of the slot added last. A place (slot < 0) counts once per form, whichever of its
   * names gave it.
   */
  const pushTarget = (p: number, slot: number, target: number): void => {
    const run = runHead[p]!;
    if (targetSlot[run] === slot) {
      for (let t = run; t >= 0; t = targetNext[t]!) if (targetFlags[t] === target || slot < 0) return;
    }
    const t = newTarget(slot, target);
    targetNext[targetTail[p]!] = t;
    targetTail[p] = t;
    if (targetSlot[run] !== slot) runHead[p] = t;
    if (target & WEAK) flags[p]! |= PATTERN_WEAK;
  };

  const newEntry = (p: number, second: number): number => {
    const e = entries++;
    if (e === entryPattern.length) {
      entryPattern = grown(entryPattern);
      entryNext = grown(entryNext);
      entrySecond = grown(entrySecond);
    }
    entryPattern[e] = p;
    entryNext[e] = -1;
    entrySecond[e] = second;
    return e;
  };

  const addForm: FormSink['addForm'] = (first, rest, hashes, formFlags, slot, target, lastLetter) => {
    const scanFlags = formFlags & SCAN_FLAGS;
    const b = bucketOf(first[0]!);
    const targetFlag = target | (formFlags & (WEAK | INSIDE));
    const l = rest.length === 0 ? SINGLES : PHRASES;
    // An equal form already in the bucket (sameAs) gets the slot.
    for (let e = heads[3 * b + l]!; e >= 0; e = entryNext[e]!) {
      const p = entryPattern[e]!;
      if (
        (flags[p]! & SCAN_FLAGS) === scanFlags &&
        lastLetters[p] === lastLetter &&
        equal(rests[p]!, rest) &&
        equal(firsts[p]!, first)
      ) {
        pushTarget(p, slot, targetFlag);
        return;
      }
    }
    const p = pattern(scanFlags, first, rest, hashes, lastLetter, slot, targetFlag);
    const second = l === PHRASES ? hashes[0]! : 0;
    for (let i = 0; i < first.length; i++) {
      const bi = i === 0 ? b : bucketOf(first[i]!);
      // Appended to list l of bucket bi.
      const e = newEntry(p, second);
      const tail = tails[3 * bi + l]!;
      if (tail < 0) heads[3 * bi + l] = e;
      else entryNext[tail] = e;
      tails[3 * bi + l] = e;
      if (l === PHRASES) {
        const n = (phraseCount.get(bi) ?? 0) + 1;
        phraseCount.set(bi, n);
        if (n === PHRASES_BEFORE_INDEX + 1) crowded.push(bi);
        if (scanFlags & SKIP_ARTICLES) bucketFlags[bi]! |= BUCKET_SKIPS;
      }
    }
  };

  const addStem = (stem: string, suffixes: readonly string[], slot: number): void => {
    // Suffix lists are a few shared constants: their masks by identity, not one lookup per suffix.
    let mask = masks.get(suffixes);
    if (mask === undefined) {
      mask = suffixMask(suffixes);
      masks.set(suffixes, mask);
    }
    const b = bucketOf(stem);
    hasSuffixes = true;
    for (let e = heads[3 * b + SUFFIXED]!; e >= 0; e = entryNext[e]!)
      if (flags[entryPattern[e]!] === mask) {
        pushTarget(entryPattern[e]!, slot, 0);
        return;
      }
    // Appended to the bucket's suffixed list (as in addForm).
    const p = pattern(mask, NO_TOKENS, NO_TOKENS, NO_HASHES, undefined, slot, 0);
    const e = newEntry(p, 0);
    const tail = tails[3 * b + SUFFIXED]!;
    if (tail < 0) heads[3 * b + SUFFIXED] = e;
    else entryNext[tail] = e;
    tails[3 * b + SUFFIXED] = e;
  };

  return {
    add(form, slot, target = 0, lastLetter = undefined) {
      addForm(form.firsts, form.rest, form.restHashes, form.flags, slot, target, lastLetter);
    },
    addSuffix(form, slot) {
      addStem(form.stem, form.suffixes, slot);
    },
    addForm,
    addStem,
    build() {
      for (let i = 0; i < crowded.length; i++) {
        const j = crowded[i]!;
        next.set(j, indexPhrases(heads[3 * j + PHRASES]!, entryPattern, entryNext, entrySecond));
        bucketFlags[j]! |= BUCKET_INDEXED;
      }
      // One 32-bit word per key (its index from one mix of the hash), two bits in it (from another mix).
      const words = Math.max(32, 2 ** Math.ceil(Math.log2((headHashes.length * FILTER_BITS_PER_KEY) / 32 + 1)));
      const filter = new Uint32Array(words);
      const filterShift = 32 - Math.log2(words);
      for (let i = 0; i < headHashes.length; i++) {
        const h = headHashes[i]!;
        filter[Math.imul(h, 0x9e3779b1) >>> filterShift]! |= filterBits(h);
      }
      // byHash has the layout of the table and, unless made bigger than needed, its size: no second one.
      const lookup =
        byHash.length === 2 * tableSize(headHashes.length)
          ? { slots: byHash, slotShift: shift }
          : openAddressing(byHash, headHashes.length);
      const buckets = keys.length;
      return {
        ...lookup,
        keys,
        collision: collision.subarray(0, buckets),
        bucketFlags: bucketFlags.subarray(0, buckets),
        heads: heads.subarray(0, 3 * buckets),
        entryPattern: entryPattern.subarray(0, entries),
        entryNext: entryNext.subarray(0, entries),
        entrySecond: entrySecond.subarray(0, entries),
        next,
        flags: flags.subarray(0, patterns),
        rest: rests,
        restHashes,
        lastLetters,
        targetHead: targetHead.subarray(0, patterns),
        targetSlot: targetSlot.subarray(0, targets),
        targetFlags: targetFlags.subarray(0, targets),
        targetNext: targetNext.subarray(0, targets),
        filter,
        filterShift,
        hasSuffixes,
        simple: { at: new Int32Array(3 * keys.length), keys: new Uint16Array(1024), used: 0 },
      };
    },
  };
}

/** The tokens after the first of a one-token form, and of a suffixed stem: none (one shared list). */
const NO_TOKENS: readonly string[] = Object.freeze([]);
const NO_HASHES: readonly number[] = Object.freeze([]);

/** a, twice as long, its first half copied. */
function grown(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(2 * a.length);
  b.set(a);
  return b;
}

/** Slots of the table for n keys: at most half of them used. */
const tableSize = (n: number) => 2 ** Math.max(4, Math.ceil(Math.log2(n * 2 + 1)));

/** A Map lookup costs a few cache misses; a probe in one flat array costs about one. */
function openAddressing(from: Int32Array, count: number): Pick<FormTable, 'slots' | 'slotShift'> {
  const size = tableSize(count);
  const slots = new Int32Array(2 * size);
  const slotShift = 32 - Math.log2(size);
  const mask = size - 1;
  for (let q = 0; q < from.length; q += 2) {
    if (from[q + 1] === 0) continue;
    const h = from[q]!;
    let p = Math.imul(h, 0x85ebca6b) >>> slotShift;
    while (slots[2 * p + 1] !== 0) p = (p + 1) & mask;
    slots[2 * p] = h;
    slots[2 * p + 1] = from[q + 1]!;
  }
  return { slots, slotShift };
}

/** A bucket's phrases (its list from entry `head` on) by the hash of their second token, each list in phrase order. */
function indexPhrases(
  head: number,
  patterns: Int32Array,
  nextEntry: Int32Array,
  seconds: Int32Array,
): Map<number, number[]> {
  const byHash = new Map<number, number[]>();
  for (let e = head; e >= 0; e = nextEntry[e]!) {
    const list = byHash.get(seconds[e]!);
    if (list) list.push(patterns[e]!);
    else byHash.set(seconds[e]!, [patterns[e]!]);
  }
  return byHash;
}

/** The first bucket whose key has hash h (see FormTable.collision for the others), or -1. */
export function bucketIndex(table: FormTable, h: number): number {
  const slots = table.slots;
  const mask = (slots.length >>> 1) - 1;
  let p = Math.imul(h, 0x85ebca6b) >>> table.slotShift;
  for (;;) {
    const index = slots[2 * p + 1]!;
    if (index === 0) return -1;
    if (slots[2 * p] === h) return index - 1;
    p = (p + 1) & mask;
  }
}

/** ~16 bits per key, two of them set: ~1.7% false positives (one bit per key gave ~5.5%). */
const FILTER_BITS_PER_KEY = 16;

/** The two bits of a hash in its filter word. */
const filterBits = (h: number) => {
  const m = Math.imul(h, 0x85ebca6b);
  return (1 << (m & 31)) | (1 << ((m >>> 5) & 31));
};

/** False when no bucket has this hash. */
export function mayHave(table: FormTable, h: number): boolean {
  const bits = filterBits(h);
  return (table.filter[Math.imul(h, 0x9e3779b1) >>> table.filterShift]! & bits) === bits;
}
