// Text-level boilerplate tests over the rules in boilerplate-rules.ts. Pure.
//
// Folding for comparison only (the text kept is never folded): Arabic diacritics (U+064B–U+065F, U+0670)
// and tatweel removed; أ إ آ ٱ as ا; ة as ه; ى as ي; lowercase; whitespace collapsed. Broad enough that one
// rule covers the spellings outlets actually use ("اقرأ أيضاً", "اقرا ايضا", "إقرأ أيضا").
import { fromCodeUnits, isSurrogate } from '../text/code-units';
import { isSpace } from '../text/space';
import { BOILERPLATE_BLOCKS, LINE_RULES, SECTION_HEADINGS } from './boilerplate-rules';

const ARABIC_MARKS = /[\u064B-\u065F\u0670\u0640]/g;
const LETTER_FOLDS: Record<string, string> = { أ: 'ا', إ: 'ا', آ: 'ا', ٱ: 'ا', ة: 'ه', ى: 'ي' };
const FOLDABLE = /[أإآٱةى]/g;

/** Arabic letter folding without touching anything else (safe on regex sources). */
function foldLetters(s: string): string {
  return s.replace(ARABIC_MARKS, '').replace(FOLDABLE, (c) => LETTER_FOLDS[c] ?? c);
}

/** Diacritics and tatweel: dropped by the folding. */
const isMark = (c: number) => (c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640;
/** أ إ آ ٱ → ا, ة → ه, ى → ي (LETTER_FOLDS by code unit); 0 for the rest. */
const foldCode = (c: number) => (c >= 0x622 && c <= 0x671 ? (LETTER_FOLD_CODES[c - 0x622] ?? 0) : 0);
const LETTER_FOLD_CODES = new Uint16Array(0x671 - 0x622 + 1);
for (const [from, to] of Object.entries(LETTER_FOLDS)) LETTER_FOLD_CODES[from.charCodeAt(0) - 0x622] = to.charCodeAt(0);

let buf = new Uint16Array(1024);

/**
 * The comparison form of a text (see the header), in one pass: marks dropped, letters folded, runs of
 * whitespace as one space, trimmed, then lowercased.
 */
export function foldForRules(text: string): string {
  if (buf.length < text.length) buf = new Uint16Array(text.length * 2);
  let n = 0;
  let pendingSpace = false;
  let surrogates = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      pendingSpace = n > 0;
      continue;
    }
    if (isMark(c)) continue;
    if (pendingSpace) buf[n++] = 32;
    pendingSpace = false;
    if (isSurrogate(c)) surrogates = true;
    buf[n++] = foldCode(c) || c;
  }
  return fromCodeUnits(buf, n, surrogates).toLowerCase();
}

/** The number of words `foldForRules(text)` has, without building it: runs of non-space characters
 *  holding something besides marks. */
function foldedWordCount(text: string, stopAbove: number): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) inWord = false;
    else if (!inWord && !isMark(c)) {
      inWord = true;
      if (++words > stopAbove) return words;
    }
  }
  return words;
}

const COMPILED_RULES = LINE_RULES.map((rule) => ({
  id: rule.id,
  maxWords: rule.maxWords,
  pattern: new RegExp(foldLetters(rule.pattern), 'u'),
}));

const HEADINGS = new Set(SECTION_HEADINGS.map(foldForRules));
const HEADING_MAX_CHARS = 40;

const MAX_RULE_WORDS = Math.max(...LINE_RULES.map((r) => r.maxWords));

/** The id of the first line rule that marks this paragraph as boilerplate, or null when none does. */
export function boilerplateRuleFor(text: string): string | null {
  // A paragraph longer than every rule allows is article text: it is never folded.
  const words = foldedWordCount(text, MAX_RULE_WORDS);
  if (words > MAX_RULE_WORDS) return null;
  let folded: string | null = null;
  for (const rule of COMPILED_RULES) {
    if (words > rule.maxWords) continue;
    folded ??= foldForRules(text);
    if (rule.pattern.test(folded)) return rule.id;
  }
  return null;
}

export function isBoilerplateLine(text: string): boolean {
  return boilerplateRuleFor(text) !== null;
}

/** True when a short text is the title of a boilerplate section ("اقرأ أيضاً:", "Most read"). */
export function isSectionHeading(text: string): boolean {
  if (text.length > HEADING_MAX_CHARS * 2) return false;
  const folded = foldForRules(text).replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '');
  return folded.length <= HEADING_MAX_CHARS && HEADINGS.has(folded);
}

const BLOCK_TAGS = new Set<string>(BOILERPLATE_BLOCKS.tags);
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
const BLOCK_CLASSES = new Set<string>(BOILERPLATE_BLOCKS.classes);
const BLOCK_IDS = new Set<string>(BOILERPLATE_BLOCKS.ids);
const BLOCK_ROLES = new Set<string>(BOILERPLATE_BLOCKS.roles);

/**
 * True for an element that is never the article: a boilerplate tag, class token, id or role, or hidden
 * (`hidden`, aria-hidden="true", display:none or visibility:hidden). `tag` is lowercase; `attr` reads an attribute. Class and id compare
 * case-insensitively: CMS themes are not consistent about it.
 */
export function isBoilerplateBlock(tag: string, attr: (name: string) => string | null | undefined): boolean {
  if (BLOCK_TAGS.has(tag)) return true;
  if (attr('hidden') != null || attr('aria-hidden') === 'true') return true;
  const style = attr('style');
  if (style && HIDDEN_STYLE.test(style)) return true;
  const id = attr('id');
  if (id && BLOCK_IDS.has(id.toLowerCase())) return true;
  const role = attr('role');
  if (role && BLOCK_ROLES.has(role.toLowerCase())) return true;
  const classes = attr('class');
  return (
    !!classes &&
    classes
      .toLowerCase()
      .split(/\s+/)
      .some((c) => BLOCK_CLASSES.has(c))
  );
}
