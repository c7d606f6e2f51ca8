import { describe, expect, it } from 'vitest';
import { boilerplateRuleFor, foldForRules, isBoilerplateBlock, isSectionHeading } from '../../src/extract/boilerplate';

const LINES: [text: string, rule: string | null][] = [
  // Arabic boilerplate, in the spellings outlets use
  ['اقرأ أيضاً: ارتفاع الأسعار في دمشق', 'read-also-ar'],
  ['اقرأ أيضا', 'read-also-ar'],
  ['إقرأ أيضاً:', 'read-also-ar'],
  ['اقـرأ أيـضـاً', 'read-also-ar'],
  ['« اقرأ المزيد »', 'read-also-ar'],
  ['مواضيع ذات صلة', 'related-ar'],
  ['أخبار ذات صلة:', 'related-ar'],
  ['الأكثر قراءة', 'most-read-ar'],
  ['الاكثر مشاهدة', 'most-read-ar'],
  ['شارك', 'share-ar'],
  ['شارك:', 'share-ar'],
  ['شارك الخبر على فيسبوك', 'share-ar'],
  ['تابعونا على تلغرام', 'follow-ar'],
  ['(لمتابعة آخر التطورات الخبرية على الشاشة، شاهد العربي أخبار)', 'follow-updates-ar'],
  ['شاهد:', 'watch-ar'],
  ['شاهد أيضاً: جولة في السوق القديم', 'watch-ar'],
  ['جميع الحقوق محفوظة © 2022', 'rights-ar'],
  ['حقوق النشر محفوظة للموقع', 'rights-ar'],
  ['© 2023 شبكة النهر', 'copyright-sign'],
  ['استعمال المضامين بموجب بند 27 أ لقانون الحقوق الأدبية لسنة 2007، يرجى ارسال رسالة الى:', 'copyright-law-ar'],
  ['[email protected]', 'email-only'],
  ['desk@news.example', 'email-only'],
  ['اشترك في النشرة البريدية', 'newsletter-ar'],
  ['الوسوم: الحسكة، داعش', 'tags'],
  ['إعلان', 'advert'],
  // English boilerplate
  ['Read also: Fuel queues return to Basra', 'read-also-en'],
  ['READ MORE', 'read-also-en'],
  ['Related', 'related-en'],
  ['Related stories:', 'related-en'],
  ['Most read', 'most-read-en'],
  ['Share this article', 'share-en'],
  ['Share:', 'share-en'],
  ['Follow us on X and Instagram', 'follow-en'],
  ['Sign up for our morning briefing', 'sign-up-en'],
  ['Donate now', 'donate-en'],
  ['Support our journalism today', 'donate-en'],
  ['Copyright 2023 The Daily Ledger. All rights reserved.', 'rights-en'],
  ['All rights reserved', 'rights-en'],
  ['Use of this content under section 52 of the Copyright Act requires permission', 'copyright-law-en'],
  ['Advertisement', 'advert'],
  ['The post Grain convoy reaches Mosul appeared first on The Daily Ledger.', 'wordpress-feed-en'],
  ['ظهرت المقالة شح المياه في الحسكة أولاً على شبكة النهر.', 'wordpress-feed-ar'],
  // real sentences that start or look the same: kept
  ['شارك آلاف المتظاهرين في مسيرة وسط المدينة للمطالبة بالإفراج عن المعتقلين', null],
  ['شاهد عيان قال إن الانفجار وقع قرب البوابة الرئيسية للسجن', null],
  ['وقال المصدر: اقرأ أيضاً البيان الكامل على الموقع الرسمي للوزارة', null],
  ['تابع الوفد جولته في المدينة', null],
  ['وأكدت المصادر أن حقوق المعتقلين مكفولة بموجب القانون الدولي الإنساني', null],
  ['Related to this, the minister said talks would resume next week.', null],
  ['Shares in the company fell 4% after the announcement.', null],
  ['The court ruled on the copyright dispute between the two broadcasters, ending a long case.', null],
  ['Most of the detainees were moved to another facility overnight.', null],
  ['Read the full statement below, published after the attack on the prison in Hasakah.', null],
];

describe('boilerplateRuleFor', () => {
  it.each(LINES)('%s → %s', (text, rule) => {
    expect(boilerplateRuleFor(text)).toBe(rule);
  });

  it('leaves a long paragraph alone even when it ends with a boilerplate phrase', () => {
    const long = `${'كلمة '.repeat(60)}جميع الحقوق محفوظة`;
    expect(boilerplateRuleFor(long)).toBeNull();
  });
});

describe('isSectionHeading', () => {
  it.each([
    ['اقرأ أيضاً', true],
    ['اقرأ أيضاً:', true],
    ['الأكثر قراءة', true],
    ['مواضيع ذات صلة', true],
    ['Most read', true],
    ['Related stories', true],
    ['  Comments  ', true],
    ['الحسكة', false],
    ['Related reading on the war in Syria and Iraq', false],
    ['', false],
  ] as const)('%s → %s', (text, expected) => {
    expect(isSectionHeading(text)).toBe(expected);
  });
});

describe('isBoilerplateBlock', () => {
  const attrs = (a: Record<string, string>) => (name: string) => a[name];
  it.each([
    ['nav', {}, true],
    ['footer', {}, true],
    ['aside', {}, true],
    ['div', { class: 'post-body Share' }, true],
    ['div', { id: 'Comments' }, true],
    ['div', { role: 'navigation' }, true],
    ['span', { style: 'display: none !important' }, true],
    ['div', { hidden: '' }, true],
    ['div', { 'aria-hidden': 'true' }, true],
    ['div', { class: 'article-body shareable' }, false],
    ['form', { id: 'form1' }, false],
    ['p', {}, false],
  ] as const)('<%s %o> → %s', (tag, a, expected) => {
    expect(isBoilerplateBlock(tag, attrs(a))).toBe(expected);
  });
});

// The one-pass folding against the regular-expression definition it replaced, on random texts made of
// the characters it treats specially (marks, tatweel, foldable letters, every kind of space, capitals).
describe('foldForRules agrees with its regular-expression definition', () => {
  const reference = (s: string) =>
    s
      .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
      .replace(/[أإآٱةى]/g, (c) => ({ أ: 'ا', إ: 'ا', آ: 'ا', ٱ: 'ا', ة: 'ه', ى: 'ي' })[c] ?? c)
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim();
  const parts = [
    'أ',
    'إ',
    'آ',
    'ٱ',
    'ة',
    'ى',
    'ب',
    '\u064E',
    '\u0651',
    '\u0670',
    'ـ',
    ' ',
    '\n',
    '\u00a0',
    '\u2009',
    'A',
    'é',
    'É',
    '\ud83d',
    ':',
    '©',
  ];
  it('on 3,000 random texts', () => {
    let a = 7;
    for (let k = 0; k < 3000; k++) {
      let s = '';
      for (let i = 0; i < k % 50; i++) {
        a = (Math.imul(a, 1103515245) + 12345) >>> 0;
        s += parts[a % parts.length];
      }
      expect(foldForRules(s)).toBe(reference(s));
    }
  });
});
