// Boilerplate stripped before shingling, so two sites carrying the same wire text with their own
// footers still look alike. Rules are data: a line rule drops a whole paragraph, a list rule drops a
// "read also" header and the short headline lines under it, a prefix rule trims a dateline.

export interface BoilerplateRule {
  readonly name: string;
  readonly kind: 'line' | 'list' | 'prefix';
  readonly pattern: RegExp;
}

export const BOILERPLATE_RULES: readonly BoilerplateRule[] = [
  {
    name: 'copyright',
    kind: 'line',
    pattern:
      /©|\(c\)\s*\d{4}|copyright|all rights reserved|جميع الحقوق محفوظة|حقوق النشر|استعمال المضامين|الحقوق الأدبية/i,
  },
  {
    name: 'contact-email',
    kind: 'line',
    pattern: /^[^\n]{0,120}(\S+@\S+\.\S+|\[email[\s\u00a0]protected\])[^\n]{0,40}$/,
  },
  {
    name: 'contact-us',
    kind: 'line',
    pattern: /^(يرجى [اإ]رسال رسالة|للتواصل معنا|contact us|to contact the (editor|newsroom))/i,
  },
  {
    name: 'follow-us',
    kind: 'line',
    pattern:
      /^\(?\s*(follow us|subscribe|sign up|join our|download our app|تابعونا|تابعوا|لمتابعة آخر|اشترك|حمّ?ل تطبيق)/i,
  },
  { name: 'watch-also', kind: 'line', pattern: /^\(?\s*(watch|شاهد)(\s+(also|أيضا|أيضاً))?\s*[:：]/i },
  { name: 'source-credit', kind: 'line', pattern: /^(source|المصدر|photo|الصورة|image)\s*[:：]/i },
  {
    name: 'read-also',
    kind: 'list',
    pattern:
      /^(read also|read more|related( stories| articles)?|more on this|اقرأ أيضاً?|إقرأ أيضاً?|اقرأ المزيد|مواضيع ذات صلة|أخبار ذات صلة|روابط ذات صلة)\s*[:：]?/i,
  },
  {
    name: 'dateline-en',
    kind: 'prefix',
    pattern: /^[A-Z][A-Za-z .,'-]{1,40}\((?:Reuters|AP|AFP|Rased Wire|SANA|Anadolu)\)\s*[-–—:]\s*/,
  },
  {
    name: 'dateline-ar',
    kind: 'prefix',
    pattern: /^[^\n]{1,30}?\s*[-–—]?\s*\((?:رويترز|أ ف ب|ا ف ب|الأناضول|سانا|د ب أ)\)\s*[-–—:]?\s*/,
  },
];

/** A list rule also eats up to this many short lines after its header ("read also" headlines). */
const LIST_MAX_LINES = 6;
const LIST_LINE_MAX_WORDS = 16;

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** Body text without boilerplate paragraphs; paragraphs joined by "\n". */
export function stripBoilerplate(text: string, rules: readonly BoilerplateRule[] = BOILERPLATE_RULES): string {
  const lines = text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean);
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    const hit = rules.find((r) => r.kind !== 'prefix' && r.pattern.test(line));
    if (hit?.kind === 'line') continue;
    if (hit?.kind === 'list') {
      let eaten = 0;
      while (eaten < LIST_MAX_LINES && i + 1 < lines.length && words(lines[i + 1]!) <= LIST_LINE_MAX_WORDS) {
        i++;
        eaten++;
      }
      continue;
    }
    if (kept.length === 0) {
      for (const r of rules) if (r.kind === 'prefix') line = line.replace(r.pattern, '');
    }
    if (line) kept.push(line);
  }
  return kept.join('\n');
}
