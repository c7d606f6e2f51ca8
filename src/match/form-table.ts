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

/** What a found pattern stands for (a field of the pattern itself: one object less per form). */
export interface Targets {
  /** [slot, WEAK | INSIDE] pairs; a list of one pair may be shared (see pushTarget). */
  list: number[];
  /** Some target is WEAK: the hit needs its context checked. */
  weak: boolean;
}

export interface Pattern extends Targets {
  /** Every first token of the form (one bucket each): a form is stored once, found by its first. */
  readonly firsts: readonly string[];
  readonly rest: readonly string[];
  readonly restHashes: readonly number[];
  /** SKIP_ARTICLES, AMBIGUOUS, ACRONYM, CLITICS. */
  readonly flags: number;
  /** For fold-sensitive keys (علي vs على): the last letter the user typed. */
  readonly lastLetter: string | undefined;
}

export interface Bucket {
  /** The normalized first token every pattern here starts with. */
  readonly key: string;
  singles: readonly Pattern[];
  phrases: readonly Pattern[];
  /** The key may also be followed by a suffix (Arabic topic words). */
  suffixed: readonly SuffixPattern[];
  /** Phrases by the hash of their second token, when there are many. */
  next: Map<number, Pattern[]> | null;
  /**
   * The hash of each phrase's second token (phrases[k].restHashes[0]), set by build: a phrase whose
   * second token is not next is passed over without reading the pattern (at 100,000 watches each
   * pattern read is a cache miss). A small array of integers: a typed array costs ~200 bytes more.
   */
  seconds: number[] | null;
  /** Some phrase skips Latin article tokens (Deir ez-Zor). */
  skips: boolean;
  /** Another first key with the same hash. */
  collision: Bucket | null;
}

export interface SuffixPattern extends Targets {
  /** Bit i set: AR_SUFFIXES[i] may follow the stem. */
  readonly suffixes: number;
}

export interface FormTable {
  /**
   * The buckets by hash of their key, open addressing: slots[2p] is a hash, slots[2p + 1] is 1 + the
   * index of its bucket in `list` (0: an empty slot). Half the slots stay empty. See bucketOf.
   */
  readonly slots: Int32Array;
  readonly slotShift: number;
  readonly list: readonly Bucket[];
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
   * its hit from these arrays alone, without its object, key string, pattern or targets being read
   * (at 100,000 watches each of those is a cache miss). Filled at match time: a pass over every bucket
   * at compile time cost ~10% of a first compile.
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
 * The hit of a bucket whose forms can only give one (slot × 4 + SIMPLE_INSIDE + SIMPLE_CLITICS), or -1:
 * no collision, one single-token pattern and no phrase, no rule to check on the text (AMBIGUOUS,
 * ACRONYM, a last letter), and one target, a slot that is not weak (so no context is read).
 */
export function simpleHit(b: Bucket): number {
  if (b.collision !== null || b.singles.length !== 1 || b.phrases.length !== 0) return -1;
  const p = b.singles[0]!;
  if (p.lastLetter !== undefined || p.weak || (p.flags & (AMBIGUOUS | ACRONYM)) !== 0 || p.list.length !== 2) return -1;
  const slot = p.list[0]!;
  const flags = p.list[1]!;
  if (slot < 0 || (flags & WEAK) !== 0) return -1;
  return slot * 4 + (flags & INSIDE ? SIMPLE_INSIDE : 0) + (p.flags & CLITICS ? SIMPLE_CLITICS : 0);
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

/** Most buckets hold one kind of pattern: the others share this empty list until they get one. */
const NONE: readonly never[] = Object.freeze([]);

/**
 * list with item added. `alone` is [item], which the buckets of a new pattern's first tokens share (one
 * array, not one per bucket): a list of one item may be shared, so it is copied, never grown in place.
 */
function append<T>(list: readonly T[], item: T, alone: readonly T[]): readonly T[] {
  if (list === NONE) return alone;
  if (list.length === 1) return [list[0]!, item];
  (list as T[]).push(item);
  return list;
}

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
 * The pattern in list equal to the form, if any. Indexed loops here and below: the builder runs
 * before V8 optimizes it, and a for-of there allocates an iterator result per item.
 */
function sameAs(
  list: readonly Pattern[],
  firsts: readonly string[],
  rest: readonly string[],
  flags: number,
  lastLetter: string | undefined,
) {
  for (let i = 0; i < list.length; i++) {
    const p = list[i]!;
    if (p.flags === flags && p.lastLetter === lastLetter && equal(p.rest, rest) && equal(p.firsts, firsts)) return p;
  }
  return undefined;
}

/**
 * A slot's forms are added together: a repeat (two spellings, one form) is at the end of the list.
 * A place (slot < 0) counts once per form, whichever of its names gave it. A list of one pair may be
 * shared by the forms of its slot (see targetsOf in the builder): it is copied, never grown in place.
 */
function pushTarget(t: Targets, slot: number, flags: number): void {
  const list = t.list;
  for (let k = list.length - 2; k >= 0 && list[k] === slot; k -= 2) if (list[k + 1] === flags || slot < 0) return;
  if (list.length === 2) t.list = [list[0]!, list[1]!, slot, flags];
  else list.push(slot, flags);
  if (flags & WEAK) t.weak = true;
}

/** expectedKeys: how many first keys to make room for at once (the table grows past it). */
export function createFormTableBuilder(expectedKeys = 0): FormTableBuilder {
  // The first bucket of each hash (heads[i], whose key hashes to hashes[i]), found by open addressing
  // as in the table (byHash[2p] a hash, byHash[2p + 1] 1 + its index), grown when half full: a Map
  // costs more per lookup, and the table is built from these arrays with no copy.
  const heads: Bucket[] = [];
  const hashes: number[] = [];
  // Each grow rehashes every key so far, in code V8 has not optimized yet: room for the keys expected.
  const bits = Math.max(10, Math.ceil(Math.log2(2 * expectedKeys)));
  let byHash = new Int32Array(2 ** (bits + 1));
  let shift = 32 - bits;
  let hasSuffixes = false;
  const masks = new Map<readonly string[], number>();

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
  let bucket1: Bucket | null = null;
  let key2 = '';
  let bucket2: Bucket | null = null;

  // A new pattern's targets are one pair (most forms keep one): the forms of one slot with the same
  // flags (a topic's word, its article form and its stems) share that list (see pushTarget).
  let one: number[] = [0, -1];
  const targetsOf = (slot: number, flags: number): number[] => {
    if (one[0] !== slot || one[1] !== flags) one = [slot, flags];
    return one;
  };

  const bucketOf = (key: string): Bucket => {
    if (key === key1 && bucket1 !== null) return bucket1;
    if (key === key2 && bucket2 !== null) return bucket2;
    const b = findOrAdd(key);
    key2 = key1;
    bucket2 = bucket1;
    key1 = key;
    bucket1 = b;
    return b;
  };

  const findOrAdd = (key: string): Bucket => {
    const h = hashKey(key);
    const p = probe(h);
    const at = byHash[2 * p + 1]!;
    const head = at === 0 ? null : heads[at - 1]!;
    let b = head;
    while (b && b.key !== key) b = b.collision;
    if (b) return b;
    const fresh: Bucket = {
      key,
      singles: NONE,
      phrases: NONE,
      suffixed: NONE,
      next: null,
      seconds: null,
      skips: false,
      collision: head,
    };
    if (at !== 0) {
      heads[at - 1] = fresh;
      return fresh;
    }
    heads.push(fresh);
    hashes.push(h);
    byHash[2 * p] = h;
    byHash[2 * p + 1] = heads.length;
    if (heads.length * 4 > byHash.length) grow();
    return fresh;
  };

  const addForm: FormSink['addForm'] = (firsts, rest, restHashes, formFlags, slot, target, lastLetter) => {
    const flags = formFlags & SCAN_FLAGS;
    const first = bucketOf(firsts[0]!);
    const targetFlags = target | (formFlags & (WEAK | INSIDE));
    const p = sameAs(rest.length === 0 ? first.singles : first.phrases, firsts, rest, flags, lastLetter);
    if (p) {
      pushTarget(p, slot, targetFlags);
      return;
    }
    const fresh: Pattern = {
      firsts,
      rest,
      restHashes,
      flags,
      lastLetter,
      list: targetsOf(slot, targetFlags),
      weak: (targetFlags & WEAK) !== 0,
    };
    const alone = [fresh];
    for (let i = 0; i < firsts.length; i++) {
      const b = i === 0 ? first : bucketOf(firsts[i]!);
      if (rest.length === 0) b.singles = append(b.singles, fresh, alone);
      else {
        b.phrases = append(b.phrases, fresh, alone);
        if (flags & SKIP_ARTICLES) b.skips = true;
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
    const suffixed = b.suffixed;
    for (let i = 0; i < suffixed.length; i++)
      if (suffixed[i]!.suffixes === mask) {
        pushTarget(suffixed[i]!, slot, 0);
        return;
      }
    const fresh: SuffixPattern = { suffixes: mask, list: targetsOf(slot, 0), weak: false };
    b.suffixed = append(b.suffixed, fresh, [fresh]);
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
      for (let i = 0; i < heads.length; i++)
        for (let b: Bucket | null = heads[i]!; b; b = b.collision) {
          if (b.phrases.length > PHRASES_BEFORE_INDEX) index(b);
          else if (b.phrases.length > 0) b.seconds = secondsOf(b.phrases);
        }
      // One 32-bit word per key (its index from one mix of the hash), two bits in it (from another mix).
      const words = Math.max(32, 2 ** Math.ceil(Math.log2((heads.length * FILTER_BITS_PER_KEY) / 32 + 1)));
      const filter = new Uint32Array(words);
      const filterShift = 32 - Math.log2(words);
      for (let i = 0; i < hashes.length; i++) {
        const h = hashes[i]!;
        filter[Math.imul(h, 0x9e3779b1) >>> filterShift]! |= filterBits(h);
      }
      // byHash has the layout of the table and, unless made bigger than needed, its size: no second one.
      const table =
        byHash.length === 2 * tableSize(heads.length)
          ? { slots: byHash, slotShift: shift, list: heads }
          : openAddressing(hashes, heads);
      const simple = { at: new Int32Array(3 * table.list.length), keys: new Uint16Array(1024), used: 0 };
      return { ...table, hasSuffixes, filter, filterShift, simple };
    },
  };
}

/** Slots of the table for n keys: at most half of them used. */
const tableSize = (n: number) => 2 ** Math.max(4, Math.ceil(Math.log2(n * 2 + 1)));

/** A Map lookup costs a few cache misses; a probe in one flat array costs about one. */
function openAddressing(
  hashes: readonly number[],
  list: readonly Bucket[],
): Pick<FormTable, 'slots' | 'slotShift' | 'list'> {
  const size = tableSize(list.length);
  const slots = new Int32Array(2 * size);
  const slotShift = 32 - Math.log2(size);
  const mask = size - 1;
  for (let i = 0; i < list.length; i++) {
    const h = hashes[i]!;
    let p = Math.imul(h, 0x85ebca6b) >>> slotShift;
    while (slots[2 * p + 1] !== 0) p = (p + 1) & mask;
    slots[2 * p] = h;
    slots[2 * p + 1] = i + 1;
  }
  return { slots, slotShift, list };
}

/** The first bucket (see Bucket.collision) whose key has hash h, if any. */
export function bucketOf(table: FormTable, h: number): Bucket | null {
  const j = bucketIndex(table, h);
  return j < 0 ? null : table.list[j]!;
}

/** The index in table.list of the first bucket whose key has hash h, or -1. */
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

function secondsOf(phrases: readonly Pattern[]): number[] {
  const out = new Array<number>(phrases.length);
  for (let k = 0; k < phrases.length; k++) out[k] = phrases[k]!.restHashes[0]!;
  return out;
}

function index(b: Bucket): void {
  const next = new Map<number, Pattern[]>();
  for (let i = 0; i < b.phrases.length; i++) {
    const p = b.phrases[i]!;
    const list = next.get(p.restHashes[0]!);
    if (list) list.push(p);
    else next.set(p.restHashes[0]!, [p]);
  }
  b.next = next;
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
