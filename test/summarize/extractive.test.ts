import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { boilerplateRule } from '../../src/summarize/boilerplate';
import { extractiveSummary, truncateAtWord } from '../../src/summarize/extractive';
import { SEEDS_DIR, TWO_STORIES_AR } from './fixtures';

const hitsOf = (text: string, word: string) =>
  [...text.matchAll(new RegExp(word, 'g'))].map((m) => ({ start: m.index, end: m.index + word.length }));

describe('extractiveSummary: sentence choice', () => {
  const cases: { name: string; watch: string; has: string[]; hasNot: string[] }[] = [
    {
      name: 'a Raqqa watch gets the Raqqa story',
      watch: 'الرقة',
      has: ['سجن الرقة المركزي'],
      hasNot: ['طفس', 'حقوق', 'الخبز'],
    },
    { name: 'a Tafas watch gets the Tafas story', watch: 'طفس', has: ['طفس'], hasNot: ['الرقة', 'حقوق'] },
    { name: 'no hits: the lead story', watch: 'لا-يوجد', has: ['سجن الرقة المركزي'], hasNot: ['طفس'] },
  ];
  it.each(cases)('$name', ({ watch, has, hasNot }) => {
    const s = extractiveSummary({
      title: 'عنوان',
      text: TWO_STORIES_AR,
      lang: 'ar',
      hits: hitsOf(TWO_STORIES_AR, watch),
    });
    expect(s.text.length).toBeLessThanOrEqual(400);
    expect(s.sentences.length).toBeGreaterThanOrEqual(1);
    expect(s.sentences.length).toBeLessThanOrEqual(3);
    for (const h of has) expect(s.text).toContain(h);
    for (const h of hasNot) expect(s.text).not.toContain(h);
  });

  it('picks 2–3 sentences when they fit, in article order', () => {
    const text =
      'Gunmen attacked a checkpoint in Raqqa on Sunday. Two guards were killed. The weather was cold. Officials said an investigation had begun.';
    const s = extractiveSummary({ title: 't', text, lang: 'en', hits: hitsOf(text, 'Raqqa') });
    expect(s.sentences.length).toBeGreaterThanOrEqual(2);
    expect(s.sentences[0]).toBe('Gunmen attacked a checkpoint in Raqqa on Sunday.');
    expect(s.spans.map((x) => text.slice(x.start, x.end))).toEqual(s.sentences);
  });

  it('cuts a single long sentence at a word boundary with …', () => {
    const text = `${'word '.repeat(150)}end.`;
    const s = extractiveSummary({ title: 't', text, lang: 'en', maxChars: 100 });
    expect(s.text.length).toBeLessThanOrEqual(100);
    expect(s.text.endsWith('word…')).toBe(true);
  });

  it('falls back to the title when the text is only boilerplate', () => {
    const s = extractiveSummary({ title: 'Headline here', text: '© 2025 Wire. All rights reserved.', lang: 'en' });
    expect(s.text).toBe('Headline here');
  });

  it('trims a wire dateline', () => {
    const text = 'AZAZ, Syria (Reuters) - A car bomb exploded in a market on Monday, killing eight people.';
    expect(extractiveSummary({ title: '', text, lang: 'en' }).text).toMatch(/^A car bomb/);
  });
});

describe('boilerplate rules', () => {
  const cases: [string, string | null][] = [
    ['© جميع الحقوق محفوظة لشبكة المرصد 2025', 'copyright-sign'],
    ['استعمال المضامين بموجب بند 27 أ لقانون الحقوق الأدبية لسنة 2007، يرجى ارسال رسالة الى:', 'copyright'],
    ['[email protected]', 'email'],
    ['اقرأ أيضاً:', 'read-also'],
    ['Read also:', 'read-also'],
    ['(لمتابعة آخر التطورات الخبرية على الشاشة، شاهد العربي أخبار)', 'follow'],
    ['تابعونا على تلغرام وفيسبوك', 'follow'],
    ['Follow us on Telegram for breaking news.', 'follow'],
    ['Share this article', 'share'],
    ['شارك آلاف المتظاهرين في وقفة احتجاجية وسط مدينة السويداء للمطالبة بالإفراج عن المعتقلين', null],
    ['قتل ثلاثة مدنيين في قصف على ريف إدلب.', null],
  ];
  it.each(cases)('%s → %s', (line, rule) => {
    expect(boilerplateRule(line)?.name ?? null).toBe(rule);
  });

  it('drops the headlines listed under "read also"', () => {
    const s = extractiveSummary({ title: '', text: TWO_STORIES_AR, lang: 'ar', maxSentences: 3, maxChars: 2000 });
    expect(s.text).not.toContain('الخبز');
  });

  it('truncateAtWord keeps short text as is', () => {
    expect(truncateAtWord('short text', 50)).toBe('short text');
  });
});

const seedsPresent = existsSync(SEEDS_DIR);
if (!seedsPresent) console.warn(`SKIPPED: seed tests need ${fileURLToPath(SEEDS_DIR)} (../shared/seeds)`);

describe.skipIf(!seedsPresent)('extractiveSummary on the seeds', () => {
  const seed = (n: string) =>
    readFileSync(new URL(n === '000' ? '000_4c626860a6bcd3a7.txt' : '001_243280284c1793f2.txt', SEEDS_DIR), 'utf8');

  it('seed 000 with an Idlib watch: Idlib sentences, nothing about Hasakah', () => {
    const text = seed('000');
    const s = extractiveSummary({ title: '', text, lang: 'ar', hits: hitsOf(text, 'إدلب') });
    expect(s.text).toContain('إدلب');
    expect(s.text).not.toContain('الحسكة');
    expect(s.text).not.toContain('سجن');
    expect(s.spans.every((sp) => sp.start > text.indexOf('في سياق منفصل') - 1)).toBe(true);
  });

  it('seed 000 with a Hasakah watch: the Hasakah lead', () => {
    const text = seed('000');
    const s = extractiveSummary({ title: '', text, lang: 'ar', hits: hitsOf(text, 'الحسكة') });
    expect(s.text).toContain('الحسكة');
    expect(s.text).not.toContain('كنصفرة');
  });

  it('seed 001 with a Hasakah watch: Hasakah sentences, never the copyright line', () => {
    const text = seed('001');
    const s = extractiveSummary({ title: '', text, lang: 'ar', hits: hitsOf(text, 'الحسكة') });
    expect(s.text).toContain('الحسكة');
    expect(s.text).not.toMatch(/المضامين|الحقوق الأدبية|@/);
    expect(s.text.length).toBeLessThanOrEqual(400);
  });
});
