// The watch query language → AST. Words and "phrases" must all appear (AND by space); OR / أو;
// parentheses; -term or NOT term excludes; place:NAME; =word is exact (no aliases, no clitics).
// A bare word or phrase that names a place or an alias group stands for all its names. Bad input is a
// value with a message and an example, never an exception.

import { tokenize } from '../text/tokenize';
import type { Result } from '../types';
import type { MatchContext } from './context';
import { nameKey, nameTokensOf } from './names';
import { type Lexeme, lex } from './query-lexer';

export type QueryNode =
  | { readonly kind: 'term'; readonly term: number }
  | { readonly kind: 'and' | 'or'; readonly children: readonly QueryNode[] }
  | { readonly kind: 'not'; readonly child: QueryNode };

export interface QueryTerm {
  /** As the user typed it (without prefixes and quotes). */
  readonly raw: string;
  readonly mode: 'term' | 'exact' | 'place';
  readonly keys: readonly string[];
  /** Class of each key (AR, LAT, DIG, OTH: ../text/charmap), as the tokenizer gave it. */
  readonly kinds: readonly number[];
  readonly placeIds: readonly string[];
  readonly aliasIds: readonly string[];
}

export interface Query {
  readonly text: string;
  readonly root: QueryNode;
  readonly terms: readonly QueryTerm[];
}

export const MAX_QUERY_CHARS = 300;
export const MAX_QUERY_TERMS = 50;
/** Bare words are joined into one name when together they name a place or alias: Deir ez-Zor. */
const MAX_NAME_WORDS = 4;

const EXAMPLES = 'Examples: الحسكة قسد · "سجن غويران" OR "Ghwayran prison" · place:Hasakah -Qamishli · =علي';
const fail = (error: string): { ok: false; error: string } => ({ ok: false, error: `${error}. ${EXAMPLES}` });

export function parseQuery(text: string, ctx: MatchContext): Result<Query> {
  if (text.trim() === '') return fail('The query is empty: write the words to watch');
  if (text.length > MAX_QUERY_CHARS)
    return fail(
      `The query has ${text.length} characters; the limit is ${MAX_QUERY_CHARS}: split it into several watches`,
    );
  const lexed = lex(text);
  if (!lexed.ok) return fail(`The query has ${lexed.error}`);
  const termLexemes = lexed.value.filter((l) => l.kind === 'term').length;
  if (termLexemes > MAX_QUERY_TERMS)
    return fail(`The query has ${termLexemes} terms; the limit is ${MAX_QUERY_TERMS}: split it into several watches`);
  const p = new Parser(lexed.value, ctx);
  const root = p.parseOr();
  if (p.error) return fail(p.error);
  if (p.pos < lexed.value.length)
    return fail(`The query has an unbalanced ")" at position ${lexed.value[p.pos]!.at + 1}`);
  if (!root) return fail('The query is empty: write the words to watch');
  if (evaluate(root, () => false))
    return fail('The query only excludes words: it needs at least one word that must appear, e.g. داعش -تركيا');
  return { ok: true, value: { text, root, terms: p.terms } };
}

/** Evaluates the AST given which terms are present. */
export function evaluate(node: QueryNode, has: (term: number) => boolean): boolean {
  switch (node.kind) {
    case 'term':
      return has(node.term);
    case 'not':
      return !evaluate(node.child, has);
    case 'and':
      return node.children.every((c) => evaluate(c, has));
    case 'or':
      return node.children.some((c) => evaluate(c, has));
  }
}

type TermLexeme = Extract<Lexeme, { kind: 'term' }>;

/** A bare word: no quotes, no prefix (Deir ez-Zor may be written without quotes). */
const isPlain = (x: Lexeme | undefined) => x?.kind === 'term' && !x.quoted && !x.exact && !x.place && !x.exclude;

/** Terms that name no place or alias group (most) share one empty list. */
const NONE: readonly string[] = [];

const ids = (list: readonly { readonly id: string }[]): readonly string[] => {
  if (list.length === 0) return NONE;
  const out: string[] = [];
  for (const x of list) out.push(x.id);
  return out;
};

class Parser {
  pos = 0;
  error: string | null = null;
  readonly terms: QueryTerm[] = [];
  constructor(
    private readonly lx: readonly Lexeme[],
    private readonly ctx: MatchContext,
  ) {}

  parseOr(): QueryNode | null {
    const parts: QueryNode[] = [];
    for (;;) {
      const at = this.lx[this.pos];
      const part = this.parseAnd();
      if (this.error) return null;
      if (!part) {
        if (parts.length > 0 || this.lx[this.pos]?.kind === 'or')
          this.error = `The query has OR with nothing on one side at position ${(at?.at ?? 0) + 1}`;
        return null;
      }
      parts.push(part);
      if (this.lx[this.pos]?.kind !== 'or') break;
      this.pos++;
    }
    return parts.length === 1 ? parts[0]! : { kind: 'or', children: parts };
  }

  parseAnd(): QueryNode | null {
    const parts: QueryNode[] = [];
    for (;;) {
      const l = this.lx[this.pos];
      if (!l || l.kind === 'or' || l.kind === 'close') break;
      const node = this.parseUnary();
      if (this.error) return null;
      if (node) parts.push(node);
    }
    if (parts.length === 0) return null;
    return parts.length === 1 ? parts[0]! : { kind: 'and', children: parts };
  }

  parseUnary(): QueryNode | null {
    const l = this.lx[this.pos]!;
    if (l.kind === 'not') {
      this.pos++;
      const next = this.lx[this.pos];
      if (!next || next.kind === 'or' || next.kind === 'close') {
        this.error = `The query has NOT with nothing after it at position ${l.at + 1}`;
        return null;
      }
      const child = this.parseUnary();
      return child ? { kind: 'not', child } : null;
    }
    if (l.kind === 'open') {
      this.pos++;
      const inner = this.parseOr();
      if (this.error) return null;
      if (this.lx[this.pos]?.kind !== 'close') {
        this.error = `The query has an unbalanced "(" at position ${l.at + 1}`;
        return null;
      }
      this.pos++;
      if (!inner) this.error = `The query has empty parentheses at position ${l.at + 1}`;
      return inner;
    }
    if (l.kind === 'term') return this.parseTerm();
    this.error = `The query has an unexpected "${l.kind === 'close' ? ')' : l.kind}" at position ${l.at + 1}`;
    return null;
  }

  parseTerm(): QueryNode | null {
    const l = this.lx[this.pos] as TermLexeme;
    const run = this.nameRun();
    const lexemes = run > 1 ? this.lx.slice(this.pos, this.pos + run) : [l];
    this.pos += lexemes.length;
    const raw = lexemes.map((x) => (x as TermLexeme).text).join(' ');
    const term = this.resolve(l, raw);
    if (!term) return null;
    const node: QueryNode = { kind: 'term', term: this.terms.push(term) - 1 };
    return l.exclude ? { kind: 'not', child: node } : node;
  }

  /** How many plain bare words from here together name a place or an alias group (1 if none). */
  nameRun(): number {
    let plainRun = 0;
    while (plainRun < MAX_NAME_WORDS && isPlain(this.lx[this.pos + plainRun])) plainRun++;
    for (let n = plainRun; n > 1; n--) {
      let text = (this.lx[this.pos] as TermLexeme).text;
      for (let k = 1; k < n; k++) text += ` ${(this.lx[this.pos + k] as TermLexeme).text}`;
      const key = nameKey(text);
      if (this.ctx.places.byKey(key).length > 0 || this.ctx.aliases.byKey(key).length > 0) return n;
    }
    return 1;
  }

  resolve(l: TermLexeme, raw: string): QueryTerm | null {
    const { keys, kinds } = tokenize(raw);
    if (keys.length === 0) {
      this.error = `The term "${raw}" at position ${l.at + 1} has no letters or digits`;
      return null;
    }
    if (l.exact) return { raw, mode: 'exact', keys, kinds, placeIds: NONE, aliasIds: NONE };
    const key = nameTokensOf(keys, kinds).join(' ');
    const placeIds = ids(this.ctx.places.byKey(key));
    if (l.place) {
      if (placeIds.length === 0) {
        this.error = `The query names a place that is not in the gazetteer: place:${raw} (try another spelling, or the Arabic name)`;
        return null;
      }
      return { raw, mode: 'place', keys, kinds, placeIds, aliasIds: NONE };
    }
    const aliasIds = ids(this.ctx.aliases.byKey(key));
    return { raw, mode: 'term', keys, kinds, placeIds, aliasIds };
  }
}
