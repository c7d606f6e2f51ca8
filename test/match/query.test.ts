import { describe, expect, it } from 'vitest';
import { createMatchContext } from '../../src/match/context';
import { describeQuery } from '../../src/match/describe';
import { parseQuery, type QueryNode } from '../../src/match/query';
import { fixtureAliasGroups, fixturePlaces } from './fixtures/world';

const ctx = createMatchContext({ places: fixturePlaces, aliasGroups: fixtureAliasGroups });

function shape(q: string): string {
  const r = parseQuery(q, ctx);
  if (!r.ok) return `error: ${r.error}`;
  const show = (n: QueryNode): string =>
    n.kind === 'term'
      ? `${r.value.terms[n.term]!.mode === 'exact' ? '=' : r.value.terms[n.term]!.mode === 'place' ? 'place:' : ''}${r.value.terms[n.term]!.raw}`
      : n.kind === 'not'
        ? `-${show(n.child)}`
        : `${n.kind}(${n.children.map(show).join(', ')})`;
  return show(r.value.root);
}

describe('parseQuery', () => {
  it.each([
    ['spaces are AND', 'الحسكة قسد', 'and(الحسكة, قسد)'],
    ['ASCII quotes make a phrase', '"سجن غويران"', 'سجن غويران'],
    ['typographic quotes, either curly quote closes', '“سجن غويران” ”car bomb”', 'and(سجن غويران, car bomb)'],
    ['guillemets', '«تنظيم الدولة»', 'تنظيم الدولة'],
    ['OR and أو', 'داعش OR قسد أو Hasakah', 'or(داعش, قسد, Hasakah)'],
    ['AND binds tighter than OR', 'a b OR c', 'or(and(a, b), c)'],
    ['parentheses group', 'Hasakah (ISIS OR SDF)', 'and(Hasakah, or(ISIS, SDF))'],
    ['-term and NOT term exclude', 'قسد -تركيا NOT روسيا', 'and(قسد, -تركيا, -روسيا)'],
    ['place: with a bare or quoted name', 'place:Hasakah place:"Deir ez-Zor"', 'and(place:Hasakah, place:Deir ez-Zor)'],
    ['=word is exact', '=الباب', '=الباب'],
    ['bare words that name a place join into one term', 'Deir ez-Zor attack', 'and(Deir ez-Zor, attack)'],
    ['bare words that name an alias join into one term', 'Islamic State Hasakah', 'and(Islamic State, Hasakah)'],
    ['a low quote opens a phrase', '„car bomb“', 'car bomb'],
    ['place: in any case', 'PLACE:Hasakah Place:Idlib', 'and(place:Hasakah, place:Idlib)'],
    ['tabs and no-break spaces separate terms', 'قسد\tداعش\u00a0تركيا', 'and(قسد, داعش, تركيا)'],
    ['a quote ends a bare word', 'attack"car bomb"', 'and(attack, car bomb)'],
  ])('%s', (_name, q, expected) => {
    expect(shape(q)).toBe(expected);
  });

  it.each([
    ['empty', '   ', 'empty'],
    ['unbalanced quote', '"سجن غويران', 'unbalanced quotes'],
    ['unbalanced guillemet', '«سجن', 'unbalanced quotes'],
    ['unbalanced (', '(داعش OR قسد', 'unbalanced "("'],
    ['unbalanced )', 'داعش)', 'unbalanced ")"'],
    ['only exclusions', '-داعش -قسد', 'only excludes'],
    ['exclusion in an OR is satisfiable by nothing', 'داعش OR -قسد', 'only excludes'],
    ['unknown place', 'place:Atlantis', 'not in the gazetteer'],
    ['too long', 'a'.repeat(301), 'limit is 300'],
    ['too many terms', Array.from({ length: 51 }, (_, i) => `w${i}`).join(' '), 'limit is 50'],
    ['OR with nothing after', 'داعش OR', 'OR with nothing'],
    ['no letters', '"!!"', 'no letters'],
    ['» that closes nothing', 'قسد »', 'closes nothing'],
    ['a prefix with no word', 'قسد =', 'has no word after it'],
    [
      'a lone minus (no prefix before a space: a word with no letters)',
      'a - b',
      'The term "-" at position 3 has no letters',
    ],
  ])('rejects %s with a message and an example', (_name, q, message) => {
    const r = parseQuery(q, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toContain(message);
      expect(r.error).toContain('Examples:');
    }
  });

  it('never builds a RegExp from user text: regex metacharacters are plain characters', () => {
    const r = parseQuery('(a+)+b [x]*', ctx);
    expect(r.ok).toBe(true);
  });
});

describe('describeQuery', () => {
  it.each([
    ['الحسكة', 'en', 'الحسكة → al-Hasakah governorate, Hasakah (city)'],
    ['داعش -تركيا', 'en', 'داعش → ISIS (9 names) AND NOT تركيا'],
    ['"car bomb" OR =الباب', 'en', '“car bomb” (phrase) OR =الباب (exact)'],
    ['place:Idlib', 'ar', 'Idlib → محافظة إدلب, إدلب (مدينة)'],
  ] as const)('%s (%s)', (q, lang, expected) => {
    const r = parseQuery(q, ctx);
    if (!r.ok) throw new Error(r.error);
    expect(describeQuery(r.value, ctx, lang)).toBe(expected);
  });
});
