import { describe, expect, it } from 'vitest';
import { type MatchJson, runMatchCommand, splitArticle } from '../../src/cli/match-command';
import { createMatchContext } from '../../src/match/context';
import { fixtureAliasGroups, fixturePlaces } from '../match/fixtures/world';

const ctx = createMatchContext({ places: fixturePlaces, aliasGroups: fixtureAliasGroups });
const inputs = [
  { name: 'a.txt', text: 'هجوم بالحسكة\nقالت مصادر إن عناصر لـ”قسد” اشتبكوا.' },
  { name: 'b.txt', text: 'Aleppo\nCalm returned.' },
];

describe('rased match', () => {
  it('prints each input with its evidence and exits 0 when one matched', () => {
    const out = runMatchCommand({ query: 'قسد الحسكة', inputs, json: false }, { ctx });
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toEqual([
      'query: قسد → SDF (5 names) AND الحسكة → al-Hasakah governorate, Hasakah (city)',
      '✓ a.txt',
      '  الحسكة → «بالحسكة» (title)',
      '  قسد → «قسد» (body)',
      '  قالت مصادر إن عناصر لـ”قسد” اشتبكوا.',
      '✗ b.txt: no match',
    ]);
  });

  it('prints JSON with --json', () => {
    const out = runMatchCommand({ query: 'Aleppo', inputs, json: true }, { ctx });
    const parsed = JSON.parse(out.stdout[0]!) as MatchJson[];
    expect(parsed.map((r) => r.matched)).toEqual([false, true]);
    expect(parsed[1]!.hits[0]).toMatchObject({ term: 'Aleppo', surface: 'Aleppo', where: 'title' });
  });

  it('exits 1 when nothing matched and 2 with a message when the query is invalid', () => {
    expect(runMatchCommand({ query: 'Raqqa', inputs, json: false }, { ctx }).exitCode).toBe(1);
    const bad = runMatchCommand({ query: '"سجن غويران', inputs, json: false }, { ctx });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr[0]).toContain('unbalanced quotes');
  });

  it('splits a plain text article into title and body', () => {
    expect(splitArticle('\n  Title here \nbody\nmore')).toEqual({ title: 'Title here', text: 'body\nmore' });
  });
});
