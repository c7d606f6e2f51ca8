import { describe, expect, it } from 'vitest';
import { matchKey, normalize } from '../../src/text/normalize';
import { tokenize } from '../../src/text/tokenize';

describe('normalize', () => {
  it.each([
    ['tatweel and harakat are deleted', 'حـــاجزاً أنّهم', 'حاجزا انهم'],
    ['alef variants fold to ا', 'أإآٱ', 'اااا'],
    ['alef maqsura and Persian yeh fold to ي', 'على ی', 'علي ي'],
    ['teh marbuta folds to ه', 'الحسكة', 'الحسكه'],
    ['Persian letters fold', 'ڤ پ چ ژ ک گ', 'ف ب ج ز ك ك'],
    ['hamza carriers fold to ء', 'مسؤول مسئول', 'مسءول مسءول'],
    ['Arabic-Indic digits become ASCII', '٢٠٢٢ ۱۲', '2022 12'],
    ['zero-width and bidi controls are deleted', 'قس\u200fد \u2067x\u2069 \u200bق', 'قسد x ق'],
    ['lam-alef ligature expands (NFKC)', 'ﻻ', 'لا'],
    ['Latin: lowercase, accents, apostrophes', "Ḩasakah Hassaké Ma'arat ʿAyn", 'hasakah hassake maarat ayn'],
    ['soft hyphen and BOM are deleted', '\ufeffal\u00adBab', 'albab'],
  ])('%s', (_name, input, expected) => {
    expect(normalize(input)).toBe(expected);
  });
});

describe('tokenize', () => {
  it.each([
    ['quotes split attached clitics', 'لـ"قسد" لـ”قسد” و”قسد”', ['ل', 'قسد', 'ل', 'قسد', 'و', 'قسد']],
    ['tatweel does not split', 'لـقسد', ['لقسد']],
    ['Arabic meets digits', 'ب500', ['ب', '500']],
    ['Arabic comma and brackets separate', 'الحسكة،(قسد)', ['الحسكه', 'قسد']],
    ['hyphens separate Latin articles', 'Deir ez-Zor', ['deir', 'ez', 'zor']],
    ['possessive ends the word', "Hama's Hasakah’s", ['hama', 'hasakah']],
    ['guillemets separate', '«سجن غويران»', ['سجن', 'غويران']],
  ])('%s', (_name, input, expected) => {
    expect(tokenize(input).keys).toEqual(expected);
  });

  it('keeps raw offsets: the surface is the text as written, marks included', () => {
    const raw = 'هاجمت حاجزاً أمنياً';
    const t = tokenize(raw);
    expect(t.keys).toEqual(['هاجمت', 'حاجزا', 'امنيا']);
    expect(t.starts.map((s, i) => raw.slice(s, t.ends[i]))).toEqual(['هاجمت', 'حاجزاً', 'أمنياً']);
  });

  it('matchKey joins the tokens of a phrase', () => {
    expect(matchKey('  “سجن   غويران” ')).toBe('سجن غويران');
  });
});
