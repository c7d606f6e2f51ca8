// Text-level boilerplate tests over the rules in boilerplate-rules.ts. Pure.
//
// Folding for comparison only (the text kept is never folded): Arabic diacritics (U+064B–U+065F, U+0670)
// and tatweel removed; أ إ آ ٱ as ا; ة as ه; ى as ي; lowercase; whitespace collapsed. Broad enough that one
// rule covers the spellings outlets actually use ("اقرأ أيضاً", "اقرا ايضا", "إقرأ أيضا").
import { BOILERPLATE_BLOCKS, LINE_RULES, SECTION_HEADINGS } from './boilerplate-rules';

const ARABIC_MARKS = /[\u064B-\u065F\u0670\u0640]/g;
const LETTER_FOLDS: Record<string, string> = { أ: 'ا', إ: 'ا', آ: 'ا', ٱ: 'ا', ة: 'ه', ى: 'ي' };
const FOLDABLE = /[أإآٱةى]/g;

/** Arabic letter folding without touching anything else (safe on regex sources). */
function foldLetters(s: string): string {
  return s.replace(ARABIC_MARKS, '').replace(FOLDABLE, (c) => LETTER_FOLDS[c] ?? c);
}

/** The comparison form of a text (see the header). */
export function foldForRules(text: string): string {
  return foldLetters(text).toLowerCase().replace(/\s+/g, ' ').trim();
}

const COMPILED_RULES = LINE_RULES.map((rule) => ({
  id: rule.id,
  maxWords: rule.maxWords,
  pattern: new RegExp(foldLetters(rule.pattern), 'u'),
}));

const HEADINGS = new Set(SECTION_HEADINGS.map(foldForRules));
const HEADING_MAX_CHARS = 40;

function wordCount(folded: string): number {
  return folded === '' ? 0 : folded.split(' ').length;
}

const MAX_RULE_WORDS = Math.max(...LINE_RULES.map((r) => r.maxWords));

/** More whitespace-separated words than any rule allows, with a wide margin (folding only drops characters). */
function tooLongForRules(text: string): boolean {
  const limit = MAX_RULE_WORDS * 2 + 10;
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 160;
    if (!space && !inWord && ++words > limit) return true;
    inWord = !space;
  }
  return false;
}

/** The id of the first line rule that marks this paragraph as boilerplate, or null when none does. */
export function boilerplateRuleFor(text: string): string | null {
  // A long paragraph is article text: no rule allows that many words, so skip folding it.
  if (tooLongForRules(text)) return null;
  const folded = foldForRules(text);
  const words = wordCount(folded);
  for (const rule of COMPILED_RULES) {
    if (words <= rule.maxWords && rule.pattern.test(folded)) return rule.id;
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
