// The hits of one article, by slot: one scan of title and body (./scan), place-name hits turned into
// hits of the terms watching those places (./place-watch), and a slot kept only when it has a
// strong hit (WEAK hits need one of the same term).
import { createTokenizer, tokenizeNow } from '../text/tokenize';
import type { Compiled } from './compile';
import type { MatchArticle } from './matcher';
import { type RawHit, scanTokens } from './scan';

export interface SlotHits {
  /** Scans an article; valid until the next call. */
  collect(article: MatchArticle): void;
  /** Slots with a strong hit, in the order of their first hit. */
  readonly slots: readonly number[];
  /** Hits of a slot in `slots`, in text order (title first). */
  hitsOf(slot: number): readonly RawHit[];
  /** The body has whitespace other than single ' ' and '\n' (see Tokens.otherSpaces). */
  readonly bodyOtherSpaces: boolean;
}

const sameSpan = (a: RawHit, b: RawHit) => a.start === b.start && a.end === b.end && a.where === b.where;

/** One term reaching the same words twice (a place's name that is also an alias) counts once. */
const stronger = (a: RawHit, b: RawHit): RawHit =>
  a.weak === b.weak && a.rank <= b.rank ? a : { ...a, weak: a.weak && b.weak, rank: Math.min(a.rank, b.rank) };

/**
 * Nothing young outlives an article: the hits and their lists live in arrays made per article, and
 * the long-lived arrays hold only numbers. (At 100,000 watches, long-lived arrays pointing at each
 * article's hits made every scavenge promote them, and old-space collections took a fifth of the time.)
 */
export function createSlotHits(compiled: Compiled): SlotHits {
  const tokenizer = createTokenizer();
  const stamp = new Int32Array(compiled.slotCount);
  const listOf = new Int32Array(compiled.slotCount);
  let epoch = 0;
  let lists: RawHit[][] = [];
  let slots: number[] = [];
  let bodyOtherSpaces = true;

  return {
    get slots() {
      return slots;
    },
    get bodyOtherSpaces() {
      return bodyOtherSpaces;
    },
    hitsOf: (slot) => lists[listOf[slot]!]!,
    collect(article) {
      const raw: RawHit[] = [];
      // Each text's tokens are read before the next is tokenized: no copy (see tokenizeNow).
      scanTokens(article.title, tokenizeNow(article.title, tokenizer), compiled.table, 'title', raw);
      const body = tokenizeNow(article.text, tokenizer);
      scanTokens(article.text, body, compiled.table, 'body', raw);
      bodyOtherSpaces = body.otherSpaces;
      compiled.places.expand(raw, 0);
      epoch++;
      slots = [];
      lists = [];
      for (const h of raw) {
        if (stamp[h.slot] !== epoch) {
          stamp[h.slot] = epoch;
          listOf[h.slot] = lists.length;
          lists.push([h]);
          slots.push(h.slot);
          continue;
        }
        const list = lists[listOf[h.slot]!]!;
        if (!sameSpan(list[list.length - 1]!, h)) list.push(h);
        else list[list.length - 1] = stronger(list[list.length - 1]!, h);
      }
      let kept = 0;
      for (const slot of slots) if (lists[listOf[slot]!]!.some((h) => !h.weak)) slots[kept++] = slot;
      slots.length = kept;
    },
  };
}
