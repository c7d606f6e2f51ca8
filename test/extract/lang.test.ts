import { describe, expect, it } from 'vitest';
import { detectLang } from '../../src/extract/lang';

describe('detectLang', () => {
  it.each([
    ['قالت مصادر خاصة إن خلايا تابعة للتنظيم هاجمت حاجزاً أمنياً', 'ar'],
    ['A convoy of trucks carrying wheat reached Mosul on Thursday', 'en'],
    ['هجوم على سجن غويران في الحسكة (Hasakah) بحسب SDF', 'ar'],
    ['The SDF said the attack on سجن غويران was repelled overnight by its forces', 'en'],
    ['ﻣﺮﺣﺒﺎ ﺑﻜﻢ', 'ar'], // presentation forms, as in some old PDFs and sites
    ['Türkiye and Irak: élections', 'en'], // Latin taken as English (the product handles ar and en only)
    ['', null],
    ['2022-01-20 12:00', null],
    ['ab', null],
    ['abc دمش', null], // a tie decides nothing
  ] as const)('%s → %s', (text, lang) => {
    expect(detectLang(text)).toBe(lang);
  });

  it('decides a 5 MB text from a sample, quickly', () => {
    const text = 'نص عربي طويل '.repeat(400_000);
    const started = performance.now();
    expect(detectLang(text)).toBe('ar');
    expect(performance.now() - started).toBeLessThan(500);
  });
});
