import { describe, expect, it } from 'vitest';
import { stripBoilerplate } from '../../src/dedup/boilerplate';
import { contentTerms, numbersOf } from '../../src/dedup/terms';
import { keyTokens } from '../../src/text/normalize';

describe('dedup text keys (src/text keyTokens)', () => {
  it.each([
    ['folds alef, teh marbuta, diacritics and tatweel', 'أنّهم حاجزاً بالحسكـة', ['انهم', 'حاجزا', 'بالحسكه']],
    ['splits on quotes glued to clitics', 'لـ"قسد" و”داعش”', ['ل', 'قسد', 'و', 'داعش']],
    ['folds Arabic-Indic digits and splits them from letters', 'ب٢٠ سجيناً', ['ب', '20', 'سجينا']],
    ['lowercases Latin and drops accents', 'Hassaké SDF', ['hassake', 'sdf']],
  ])('%s', (_name, input, tokens) => {
    expect(keyTokens(input)).toEqual(tokens);
  });
});

describe('contentTerms and numbersOf', () => {
  it('drops stopwords and the article/preposition prefix of Arabic terms', () => {
    expect(contentTerms(keyTokens('في مدينة الحسكة وبالحسكة the prison of Hasakah'))).toEqual([
      'مدينه',
      'حسكه',
      'حسكه',
      'prison',
      'hasakah',
    ]);
  });
  it.each([
    ['keeps counts, drops single digits and years', 'killed 8 and 25 wounded in 2025, 150 families', ['25', '150']],
    ['reads Arabic-Indic digits', 'نحو ٢٠ سجيناً و3 قياديين', ['20']],
  ])('%s', (_n, text, nums) => {
    expect(numbersOf(keyTokens(text))).toEqual(nums);
  });
});

describe('stripBoilerplate', () => {
  it.each([
    ['drops a copyright line', 'Body text here.\n© 2025 Wire. All rights reserved.', 'Body text here.'],
    ['drops an Arabic rights notice', 'نص الخبر.\nجميع الحقوق محفوظة للموقع', 'نص الخبر.'],
    ['drops a follow-us line', 'نص الخبر.\n(لمتابعة آخر التطورات الخبرية على الشاشة، شاهد القناة)', 'نص الخبر.'],
    [
      'drops a read-also header and the headlines under it',
      'اقرأ أيضاً:\nعنوان أول قصير\nعنوان ثان قصير\nنص الخبر الطويل الذي يبدأ هنا ويستمر بكلمات كثيرة جدا حتى يتجاوز الحد المسموح لعناوين القوائم القصيرة في الصفحة',
      'نص الخبر الطويل الذي يبدأ هنا ويستمر بكلمات كثيرة جدا حتى يتجاوز الحد المسموح لعناوين القوائم القصيرة في الصفحة',
    ],
    ['trims an English dateline', 'AZAZ, Syria (Reuters) - A car bomb exploded.', 'A car bomb exploded.'],
    ['trims an Arabic dateline', 'دمشق - (سانا) انفجرت سيارة.', 'انفجرت سيارة.'],
    ['drops a contact email line', `Body.\nPlease write to: desk${'@'}example.org`, 'Body.'],
    ['drops an obfuscated email line', 'Body.\nيرجى ارسال رسالة الى:\n[email\u00a0protected]', 'Body.'],
    ['keeps ordinary paragraphs', 'First paragraph.\n\nSecond paragraph.', 'First paragraph.\nSecond paragraph.'],
  ])('%s', (_n, input, expected) => {
    expect(stripBoilerplate(input)).toBe(expected);
  });
});
