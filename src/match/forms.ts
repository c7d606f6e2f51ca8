// Watch terms become the exact token forms they may take in text (shared/reference/arabic-matching.md
// §2): no stemming of article text, the term is expanded instead.
// - Arabic proclitics: conjunction (none, و, ف) then preposition (none, ب, ك, ل); with the article ال,
//   ل + ال is written لل and merges with a following ل (للاذقية). 12 forms per word. In a phrase only
//   the first word takes them. The bare stem of an ال word (باب from الباب) is never generated.
//   A form says CLITICS instead of listing its 12 first tokens: the scanner peels exactly these
//   proclitics off a token (./clitics), which finds the same forms without storing them 12 times.
// - Topic words (not names) also take the article, pronoun suffixes and sound plurals (ة becomes ت
//   before a suffix: محافظتها); suffixes are matched by stripping them from the token (see SuffixForm)
//   so a topic word costs 2 forms and a few stems, not 300.
// - English: topic words take simple plurals (possessives are cut by the tokenizer); names drop their
//   article tokens (al-, el-, ez-), which the matcher skips in text.
import { AR, charTable, LAT } from '../text/charmap';
import { hashKey, tokenize } from '../text/tokenize';
import {
  ACRONYM_MAX_LENGTH,
  AR_ARTICLE_PREPOSITIONS,
  AR_ARTICLE_SUFFIXES,
  AR_CONJUNCTIONS,
  AR_PREPOSITIONS,
  AR_SUFFIXES,
  EN_ARTICLES,
} from './rules';

/** Needs a context word or (English) an article token before it: الباب, "Bab", "Hol". */
export const AMBIGUOUS = 1;
/** Short capitals alias (IS, SDF): the surface must be in capitals. */
export const ACRONYM = 2;
/** Counts only when the same term also has a non-weak hit in the article (shared village names). */
export const WEAK = 4;
/** Latin article tokens in the text between the words are skipped (Deir ez-Zor = Deir Zor). */
export const SKIP_ARTICLES = 8;
/** A name of a place inside the watched one: shown after the place's own names in evidence. */
export const INSIDE = 16;
/** The first token may carry the Arabic proclitics (arabicProclitics): و، ف then ب، ك، ل. */
export const CLITICS = 32;

/** The forms of one word or phrase: any of the first tokens, then the rest (shared, not copied). */
export interface Form {
  /** Variants of the first normalized token (plurals, the article): each is a lookup key; see also CLITICS. */
  readonly firsts: readonly string[];
  readonly rest: readonly string[];
  readonly restHashes: readonly number[];
  readonly flags: number;
  /** For fold-sensitive keys (علي vs على): the last letter the user typed. */
  readonly lastLetter?: string;
}

/** A stem that matches a token equal to stem + one of the suffixes, with proclitics (Arabic topic words). */
export interface SuffixForm {
  readonly stem: string;
  readonly suffixes: readonly string[];
}

const hasArticle = (w: string) => w.startsWith('ال') && w.length > 3;

export function arabicProclitics(word: string): string[] {
  const out: string[] = [];
  if (hasArticle(word)) {
    const bare = word.slice(2);
    for (const c of AR_CONJUNCTIONS) {
      for (const p of AR_ARTICLE_PREPOSITIONS) out.push(c + p + word);
      out.push(c + (bare.startsWith('ل') ? `ل${bare}` : `لل${bare}`));
    }
  } else {
    for (const c of AR_CONJUNCTIONS) for (const p of AR_PREPOSITIONS) out.push(c + p + word);
  }
  return out;
}

/** One-word forms (most of them) share their empty rest: at 100,000 watches the arrays add up. */
const NO_REST: readonly never[] = Object.freeze([]);

const form = (firsts: string[], rest: readonly string[], flags: number): Form =>
  rest.length === 0
    ? { firsts, rest: NO_REST, restHashes: NO_REST, flags }
    : { firsts, rest, restHashes: hashes(rest), flags };

const withFirst = (firsts: string[], rest: readonly string[], flags: number): Form[] => [form(firsts, rest, flags)];

function hashes(keys: readonly string[]): number[] {
  const out = new Array<number>(keys.length);
  for (let i = 0; i < keys.length; i++) out[i] = hashKey(keys[i]!);
  return out;
}

/** Every first token a form stands for (its clitic forms spelled out): for tests and explanations. */
export function surfaces(f: Form): string[] {
  return f.flags & CLITICS ? f.firsts.flatMap(arabicProclitics) : [...f.firsts];
}

/** A place or alias name: clitics on the first Arabic word; Latin article tokens dropped and skipped. */
export function nameForms(name: string, flags = 0): Form[] {
  const t = tokenize(name);
  if (t.keys.length === 0) return [];
  if (t.kinds[0] === AR) return withFirst([t.keys[0]!], t.keys.slice(1), flags | CLITICS);
  const kept = t.keys.filter((k, i) => !(t.kinds[i] === LAT && EN_ARTICLES.has(k)));
  const [first, ...rest] = (kept.length > 0 ? kept : t.keys) as [string, ...string[]];
  return withFirst([first], rest, flags | SKIP_ARTICLES);
}

let classes: Uint8Array | undefined;

/**
 * nameForms of a name whose key (../names nameKey: its tokens, Latin article tokens dropped, joined by
 * one space) is known: the same forms without tokenizing the name again. The key drops Latin articles
 * and nameForms keeps them after an Arabic first word, so a name in both scripts (rare) is tokenized.
 */
export function nameFormsOfKey(name: string, key: string, flags = 0): Form[] {
  if (key === '') return [];
  // charTable() allocates its default options on each call: the table is read once.
  classes ??= charTable().cls;
  const cls = classes;
  const arabic = cls[key.charCodeAt(0)] === AR;
  if (arabic && hasLatin(name, cls)) return nameForms(name, flags);
  const space = key.indexOf(' ');
  if (space < 0) return withFirst([key], NO_REST, flags | (arabic ? CLITICS : SKIP_ARTICLES));
  return withFirst([key.slice(0, space)], key.slice(space + 1).split(' '), flags | (arabic ? CLITICS : SKIP_ARTICLES));
}

function hasLatin(text: string, cls: Uint8Array): boolean {
  for (let i = 0; i < text.length; i++) if (cls[text.charCodeAt(i)] === LAT) return true;
  return false;
}

/** A name written as an acronym (SDF, YPG): two to ACRONYM_MAX_LENGTH capitals. */
export const isAcronym = (name: string) => /^[A-Z]{2,}$/.test(name) && name.length <= ACRONYM_MAX_LENGTH;

/** An =exact term: its normalized tokens, nothing else. */
export function exactForms(text: string): Form[] {
  return exactFormsOf(tokenize(text).keys);
}

/** exactForms of a term already tokenized (its normalized keys). */
export function exactFormsOf(keys: readonly string[]): Form[] {
  return keys.length > 0 ? withFirst([keys[0]!], keys.length === 1 ? NO_REST : keys.slice(1), 0) : [];
}

/**
 * w, ws, wes after a sibilant or o (buses, boxes, churches, heroes), and -ies for -y: the plurals that
 * are not a name ("Hama" + s is Hamas). No "attackes": a form no text has costs a bucket per term.
 */
function englishPlurals(before: string, w: string, isName: IsName): string[] {
  const out = [w];
  plural(out, before, `${w}s`, isName);
  if (takesEs(w)) plural(out, before, `${w}es`, isName);
  if (w.length > 2 && w.charCodeAt(w.length - 1) === 0x79) plural(out, before, `${w.slice(0, -1)}ies`, isName);
  return out;
}

/** Ends in s, x, z, o, ch or sh. */
function takesEs(w: string): boolean {
  const last = w.charCodeAt(w.length - 1);
  if (last === 0x73 || last === 0x78 || last === 0x7a || last === 0x6f) return true;
  return last === 0x68 && w.length > 1 && (w.charCodeAt(w.length - 2) === 0x63 || w.charCodeAt(w.length - 2) === 0x73);
}

function plural(out: string[], before: string, w: string, isName: IsName): void {
  if (!isName(before === '' ? w : before + w)) out.push(w);
}

export interface TopicForms {
  readonly forms: readonly Form[];
  readonly suffixForms: readonly SuffixForm[];
}

type IsName = (key: string) => boolean;

const NOT_A_NAME: IsName = () => false;
/** Shared by every topic that takes no suffix (a list read, never written). */
const NO_SUFFIXES: SuffixForm[] = [];

/**
 * A topic word or phrase. `isName` says whether a generated form is a known name: "Hama" + s is
 * Hamas, which must not match.
 */
export function topicForms(text: string, isName: IsName = NOT_A_NAME): TopicForms {
  const t = tokenize(text);
  return topicFormsOf(t.keys, t.kinds, isName);
}

/**
 * topicForms of a term already tokenized: its normalized keys and their classes (../text/charmap),
 * as the tokenizer gives them. Compiling takes them from the parsed query: no term is tokenized twice.
 */
export function topicFormsOf(
  keys: readonly string[],
  kinds: readonly number[],
  isName: IsName = NOT_A_NAME,
): TopicForms {
  const list = new FormList();
  addTopicForms(list, keys, kinds, isName, 0, undefined);
  return { forms: list.forms, suffixForms: list.suffixForms };
}

/**
 * Where addTopicForms puts a topic's forms, then its suffix stems: the form table builder
 * (./form-table), which stores them with no Form made, or a list (topicFormsOf).
 */
export interface FormSink {
  addForm(
    firsts: readonly string[],
    rest: readonly string[],
    restHashes: readonly number[],
    formFlags: number,
    slot: number,
    target: number,
    lastLetter: string | undefined,
  ): void;
  addStem(stem: string, suffixes: readonly string[], slot: number): void;
}

class FormList implements FormSink {
  readonly forms: Form[] = [];
  suffixForms: SuffixForm[] = NO_SUFFIXES;

  addForm(firsts: readonly string[], rest: readonly string[], restHashes: readonly number[], flags: number): void {
    this.forms.push({ firsts, rest, restHashes, flags });
  }

  addStem(stem: string, suffixes: readonly string[]): void {
    if (this.suffixForms === NO_SUFFIXES) this.suffixForms = [];
    this.suffixForms.push({ stem, suffixes });
  }
}

/**
 * The forms of a topic word or phrase (topicFormsOf) for a slot, into sink. Most watch terms are
 * topics: compiling puts their forms straight into the table, with no Form or list made for each.
 */
export function addTopicForms(
  sink: FormSink,
  keys: readonly string[],
  kinds: readonly number[],
  isName: IsName,
  slot: number,
  lastLetter: string | undefined,
): void {
  const n = keys.length;
  if (n === 0) return;
  const first = keys[0]!;
  if (kinds[0] === AR) {
    if (n === 1) arabicWord(sink, first, slot, lastLetter);
    else arabicPhrase(sink, first, keys.slice(1), kinds, slot, lastLetter);
    return;
  }
  if (kinds[n - 1] !== LAT) {
    const rest = n === 1 ? NO_REST : keys.slice(1);
    sink.addForm([first], rest, n === 1 ? NO_REST : hashes(rest), 0, slot, 0, lastLetter);
    return;
  }
  // A plural is dropped when the whole phrase with it is a name.
  if (n === 1) {
    sink.addForm(englishPlurals('', first, isName), NO_REST, NO_REST, 0, slot, 0, lastLetter);
    return;
  }
  const before = `${keys.slice(0, -1).join(' ')} `;
  const lasts = englishPlurals(before, keys[n - 1]!, isName);
  for (let i = 0; i < lasts.length; i++) {
    const rest = keys.slice(1);
    rest[n - 2] = lasts[i]!;
    sink.addForm([first], rest, hashes(rest), 0, slot, 0, lastLetter);
  }
}

/**
 * One word: itself and with the article, one form with two first tokens (one pattern to store), then
 * the stems it takes suffixes on.
 */
function arabicWord(sink: FormSink, word: string, slot: number, lastLetter: string | undefined): void {
  if (hasArticle(word)) {
    sink.addForm([word], NO_REST, NO_REST, CLITICS, slot, 0, lastLetter);
    const feminine = word.endsWith('ه');
    sink.addStem(feminine ? word.slice(0, -1) : word, feminine ? PLURAL_AT : AR_ARTICLE_SUFFIXES, slot);
    return;
  }
  const definite = `ال${word}`;
  sink.addForm([word, definite], NO_REST, NO_REST, CLITICS, slot, 0, lastLetter);
  if (word.length < 3) return;
  if (word.endsWith('ه')) {
    const stem = word.slice(0, -1);
    sink.addStem(`${stem}ت`, PRONOUNS, slot); // محافظتها
    sink.addStem(stem, PLURAL_AT, slot); // محافظات
    sink.addStem(`ال${stem}`, PLURAL_AT, slot); // المحافظات
    return;
  }
  sink.addStem(word, AR_SUFFIXES, slot);
  sink.addStem(definite, AR_ARTICLE_SUFFIXES, slot);
}

function arabicPhrase(
  sink: FormSink,
  first: string,
  rest: readonly string[],
  kinds: readonly number[],
  slot: number,
  lastLetter: string | undefined,
): void {
  sink.addForm([first], rest, hashes(rest), CLITICS, slot, 0, lastLetter);
  let definite = !hasArticle(first);
  for (let i = 0; i < rest.length; i++) if (hasArticle(rest[i]!)) definite = false;
  // A definite noun phrase puts ال on every Arabic word: سيارة مفخخة → السيارة المفخخة.
  if (!definite) return;
  const withArticle = new Array<string>(rest.length);
  for (let i = 0; i < rest.length; i++) withArticle[i] = kinds[i + 1] === AR ? `ال${rest[i]!}` : rest[i]!;
  sink.addForm([`ال${first}`], withArticle, hashes(withArticle), CLITICS, slot, 0, lastLetter);
}

const PRONOUNS = AR_SUFFIXES.filter((s) => s !== 'ات' && s !== 'ون');
/** The sound feminine plural alone (one list shared by every form that takes only it). */
const PLURAL_AT: readonly string[] = Object.freeze(['ات']);
