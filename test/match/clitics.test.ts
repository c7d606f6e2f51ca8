import { describe, expect, it } from 'vitest';
import { createPeeled, peel, stemEquals } from '../../src/match/clitics';
import { arabicProclitics } from '../../src/match/forms';
import { createTokenizer } from '../../src/text/tokenize';

/** The stems (with "ال" spelled out) and whether something was peeled, for one token. */
function stems(token: string): { stem: string; clitic: boolean }[] {
  const t = createTokenizer().run(token);
  const out = createPeeled();
  peel(t, 0, out);
  return Array.from({ length: out.count }, (_, k) => {
    const chars = String.fromCharCode(...t.chars.subarray(out.from[k]!, out.end));
    return { stem: (out.article[k] ? 'ال' : '') + chars, clitic: out.clitic[k] === 1 };
  });
}

describe('clitics', () => {
  it.each(['الحسكه', 'اللاذقيه', 'حلب', 'لبنان', 'الليره', 'ادلب', 'سجن', 'الف'])(
    'peels every generated form of %s back to the word',
    (word) => {
      for (const form of arabicProclitics(word)) {
        const found = stems(form).filter((s) => s.stem === word);
        expect(found, form).toHaveLength(1);
        expect(found[0]!.clitic, form).toBe(form !== word);
      }
    },
  );

  it.each([
    ['لالحسكه', 'الحسكه'], // ل is never written before ال
    ['لللاذقيه', 'اللاذقيه'], // the lams merge: للاذقية
    ['حسكه', 'الحسكه'], // the bare stem of an article word
    ['كللاذقيه', 'اللاذقيه'], // only ل merges with ال
  ])('never turns %s into %s with clitics', (token, word) => {
    expect(stems(token).filter((s) => s.stem === word && s.clitic)).toEqual([]);
  });

  it('compares a stem with "ال" before it without building a string', () => {
    const t = createTokenizer().run('للحسكه');
    expect(stemEquals(t.chars, 2, 6, 1, 'الحسكه')).toBe(true);
    expect(stemEquals(t.chars, 2, 6, 0, 'حسكه')).toBe(true);
    expect(stemEquals(t.chars, 2, 6, 1, 'الحسكة')).toBe(false);
  });
});
