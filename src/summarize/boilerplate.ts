// What is never a summary sentence, as data: copyright and contact lines, "read also" lists (the
// header and the short headlines under it), follow/subscribe/share/watch prompts. Phrases are compared
// after normalization (src/text), so "اقرأ أيضاً" also catches "اقرا ايضا". A phrase rule only applies to
// short lines (`maxWords`): a long sentence that happens to start with "شارك" ("took part") is news.
import { matchKey } from '../text/normalize';

interface PhraseRule {
  readonly name: string;
  /** 'start': the line starts with a phrase; 'contains': it has one anywhere. */
  readonly at: 'start' | 'contains';
  readonly phrases: readonly string[];
  readonly maxWords: number;
  /** A list header: the short lines that follow it are boilerplate too. */
  readonly list?: boolean;
}

export const PHRASE_RULES: readonly PhraseRule[] = [
  {
    name: 'copyright',
    at: 'contains',
    phrases: [
      'all rights reserved',
      'copyright',
      'جميع الحقوق محفوظة',
      'حقوق النشر',
      'استعمال المضامين',
      'الحقوق الأدبية',
    ],
    maxWords: 40,
  },
  {
    name: 'read-also',
    at: 'start',
    phrases: [
      'read also',
      'read more',
      'see also',
      'related',
      'اقرأ أيضاً',
      'اقرأ أيضا',
      'اقرأ المزيد',
      'إقرأ',
      'اقرأ',
      'مواضيع ذات صلة',
      'ذات صلة',
    ],
    maxWords: 6,
    list: true,
  },
  {
    name: 'follow',
    at: 'start',
    phrases: [
      'follow us',
      'follow our',
      'subscribe',
      'sign up',
      'join our',
      'download our app',
      'تابعونا',
      'تابعوا',
      'لمتابعة آخر',
      'اشترك',
      'اشتركوا',
      'حمل تطبيق',
      'انضموا',
    ],
    maxWords: 20,
  },
  {
    name: 'share',
    at: 'start',
    phrases: ['share this', 'share on', 'share', 'شارك الخبر', 'شارك على', 'شارك', 'مشاركة'],
    maxWords: 6,
  },
  { name: 'watch', at: 'start', phrases: ['watch', 'شاهد', 'شاهدوا', 'شاهد أيضاً', 'watch also'], maxWords: 10 },
  { name: 'watch-channel', at: 'contains', phrases: ['على الشاشة شاهد', 'شاهد العربي'], maxWords: 20 },
];

/** Raw patterns: © sign, an e-mail address on a short line. */
const RAW_RULES: readonly { name: string; pattern: RegExp; maxWords: number }[] = [
  { name: 'copyright-sign', pattern: /©|\(c\)\s*\d{4}/i, maxWords: 40 },
  { name: 'email', pattern: /\S+@\S+\.\S+|\[email[^\]]*protected\]/i, maxWords: 25 },
];

/** Wire datelines kept off the sentence: "AZAZ, Syria (Reuters) - ". */
export const DATELINE = /^[A-Z][A-Za-z ,.'-]{0,40}\((?:Reuters|AFP|AP|dpa|Anadolu|SANA)\)\s*[-–—]\s*/;

const compiled = PHRASE_RULES.map((r) => ({ ...r, keys: r.phrases.map((p) => matchKey(p)) }));

/** The name of the rule that makes this line boilerplate, or null. */
export function boilerplateRule(line: string): { name: string; list: boolean } | null {
  const key = matchKey(line);
  const words = key === '' ? 0 : key.split(' ').length;
  for (const r of RAW_RULES) if (words <= r.maxWords && r.pattern.test(line)) return { name: r.name, list: false };
  for (const r of compiled) {
    if (words > r.maxWords) continue;
    const hit = r.keys.some((k) =>
      r.at === 'start' ? key === k || key.startsWith(`${k} `) : ` ${key} `.includes(` ${k} `),
    );
    if (hit) return { name: r.name, list: r.list ?? false };
  }
  return null;
}

/** Lines under a list header: short and without a sentence end. */
export const isListLine = (line: string) =>
  matchKey(line).split(' ').length <= 14 && !/[.؟?!]["”»)]?\s*$/.test(line.trim());
