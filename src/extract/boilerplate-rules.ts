// What is not the article, as data. Used on pages before Readability (dom-clean.ts), on feed HTML
// (paragraphs.ts) and on every extracted paragraph (boilerplate.ts). Add a site's quirk here, not in code.
//
// Text rules are written as they appear on pages; they are compared after folding (boilerplate.ts:
// diacritics and tatweel removed, hamza/madda alef forms as bare alef, lowercase, spaces collapsed), so
// "اقرأ أيضاً", "اقرا ايضا" and "إقرأ أيضاً" are one rule. Every rule has a word limit: a boilerplate line is
// short, and the limit keeps real sentences that happen to start the same way ("شارك آلاف..." means "thousands
// took part", not "share") out of reach.

/**
 * Elements that are never the article, by tag, class token, id or ARIA role (hidden elements too, and on
 * pages the site header: a <header> straight under <body>; a <header> inside the article holds the title).
 */
export const BOILERPLATE_BLOCKS = {
  // not <form>: ASP.NET WebForms sites wrap the whole page in one.
  tags: ['nav', 'footer', 'aside', 'button', 'dialog', 'menu'],
  classes: [
    'related',
    'related-articles',
    'related-posts',
    'related-news',
    'read-also',
    'read-more',
    'most-read',
    'mostread',
    'most-popular',
    'most-viewed',
    'popular-posts',
    'share',
    'sharing',
    'share-buttons',
    'social-share',
    'social-links',
    'comments',
    'comment-list',
    'newsletter',
    'newsletter-signup',
    'subscribe',
    'donate',
    'breadcrumb',
    'breadcrumbs',
    'tags',
    'post-tags',
    'advert',
    'advertisement',
    'ads',
    'sidebar',
    'cookie-banner',
  ],
  ids: ['comments', 'disqus_thread', 'respond', 'related', 'sidebar', 'newsletter', 'most-read', 'footer', 'header'],
  roles: ['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog'],
} as const;

/** Elements whose content is never text: dropped with everything inside. */
export const NON_TEXT_TAGS: readonly string[] = [
  'script',
  'style',
  'iframe',
  'noscript',
  'template',
  'svg',
  'math',
  'object',
  'embed',
  'canvas',
  'select',
  'textarea',
  'head',
  'audio',
  'video',
];

/**
 * Titles of boilerplate sections ("Read also" over a list of other headlines). A short element whose whole
 * text is one of these (a trailing colon allowed) marks its section for removal: the heading and the links
 * list after it, or the small container that holds both.
 */
export const SECTION_HEADINGS: readonly string[] = [
  'اقرأ أيضاً',
  'اقرأ المزيد',
  'مواضيع ذات صلة',
  'أخبار ذات صلة',
  'مقالات ذات صلة',
  'ذات صلة',
  'الأكثر قراءة',
  'الأكثر مشاهدة',
  'الأكثر تداولاً',
  'الأكثر قراءة اليوم',
  'شارك',
  'شارك الخبر',
  'شارك المقال',
  'تابعونا',
  'تابعونا على',
  'التعليقات',
  'النشرة البريدية',
  'Read also',
  'Read more',
  'Related',
  'Related stories',
  'Related articles',
  'Related content',
  'Related coverage',
  'Related topics',
  'More stories',
  'Most read',
  'Most popular',
  'Most viewed',
  'Share',
  'Share this',
  'Share this article',
  'Follow us',
  'Comments',
  'Newsletter',
  'Donate',
  'Support our journalism',
];

export interface LineRule {
  readonly id: string;
  /**
   * Regex source (flag u), tested against the folded paragraph; Arabic letters in it are folded the same way,
   * so write them as on the page. `^LEAD` allows leading punctuation and symbols: "(", "«", "•", "-".
   * Arabic letters are not \w in JS, so Arabic rules end on `END` (space, colon or end) instead of \b.
   */
  readonly pattern: string;
  /** The rule applies only to paragraphs of at most this many words. */
  readonly maxWords: number;
}

const LEAD = '^[\\s\\p{P}\\p{S}]*';
const END = '(?:\\s|:|$)';

/** Paragraphs that are boilerplate on their own, wherever they appear. */
export const LINE_RULES: readonly LineRule[] = [
  { id: 'read-also-ar', pattern: `${LEAD}اقرأ\\s+(?:أيضاً|المزيد)${END}`, maxWords: 30 },
  { id: 'read-also-en', pattern: `${LEAD}(?:read|see|watch) (?:also|more|next)\\b`, maxWords: 30 },
  { id: 'related-ar', pattern: `${LEAD}(?:مواضيع|أخبار|مقالات) ذات صلة${END}`, maxWords: 20 },
  {
    id: 'related-en',
    pattern: `${LEAD}related(?: (?:stories|articles|news|content|coverage|topics|links))?\\s*(?::|$)`,
    maxWords: 20,
  },
  { id: 'most-read-ar', pattern: `${LEAD}الأكثر (?:قراءة|مشاهدة|تداولاً)${END}`, maxWords: 6 },
  { id: 'most-read-en', pattern: `${LEAD}most (?:read|popular|viewed|shared)\\b`, maxWords: 6 },
  {
    id: 'share-ar',
    pattern: `${LEAD}شارك(?:وا)?(?:\\s*(?::|$)|\\s+(?:هذا|هذه|الخبر|المقال|المقالة|على|عبر)${END})`,
    maxWords: 8,
  },
  { id: 'share-en', pattern: `${LEAD}share(?:\\s*(?::|$)| (?:this|on|via)\\b)`, maxWords: 8 },
  { id: 'follow-ar', pattern: `${LEAD}تابعونا`, maxWords: 15 },
  { id: 'follow-en', pattern: `${LEAD}follow us\\b`, maxWords: 15 },
  { id: 'follow-updates-ar', pattern: `${LEAD}لمتابعة (?:آخر|أحدث) (?:التطورات|الأخبار|المستجدات)`, maxWords: 30 },
  {
    id: 'watch-ar',
    pattern: `${LEAD}شاهد(?:وا)?(?:\\s*(?::|$)|\\s+(?:أيضاً|الفيديو|بالفيديو|المزيد)${END})`,
    maxWords: 20,
  },
  { id: 'rights-ar', pattern: 'جميع الحقوق محفوظة|حقوق (?:النشر|الطبع)', maxWords: 30 },
  { id: 'rights-en', pattern: `all rights reserved|${LEAD}copyright\\b`, maxWords: 30 },
  { id: 'copyright-sign', pattern: '©|\\(c\\)\\s*(?:19|20)\\d\\d', maxWords: 30 },
  {
    // A notice citing a copyright-law clause, as some Arabic outlets end articles ("use of the content under
    // clause 27a of the copyright law of 2007, please write to ...").
    id: 'copyright-law-ar',
    pattern: '(?:بموجب|وفق|حسب).{0,60}(?:بند|البند|مادة|المادة)\\s*\\d+.{0,60}قانون.{0,30}حقوق',
    maxWords: 50,
  },
  {
    id: 'copyright-law-en',
    pattern: '\\b(?:section|clause|article)\\s+\\d+\\w*.{0,80}\\bcopyright (?:act|law)\\b',
    maxWords: 50,
  },
  // An address alone on its line, or Cloudflare's stand-in for an obfuscated one.
  { id: 'email-only', pattern: '^[^\\s@]+@[^\\s@]+\\.[a-z]{2,}$|^\\[email protected\\]$', maxWords: 2 },
  { id: 'sign-up-en', pattern: `${LEAD}(?:sign up|subscribe) (?:for|to)\\b`, maxWords: 40 },
  { id: 'newsletter-ar', pattern: 'النشرة البريدية', maxWords: 25 },
  { id: 'donate-en', pattern: `${LEAD}donate\\b|support (?:our|independent) journalism`, maxWords: 40 },
  { id: 'donate-ar', pattern: `${LEAD}(?:تبرع|ادعم|ادعموا)${END}`, maxWords: 15 },
  { id: 'click-here', pattern: `${LEAD}(?:اضغط|انقر) هنا|${LEAD}click here\\b`, maxWords: 12 },
  { id: 'advert', pattern: `${LEAD}(?:advertisement|إعلان)[\\s\\p{P}\\p{S}]*$`, maxWords: 1 },
  // WordPress feed footers: "The post X appeared first on Site." and its Arabic translation.
  { id: 'wordpress-feed-en', pattern: `${LEAD}the post .+ appeared first on .+`, maxWords: 60 },
  { id: 'wordpress-feed-ar', pattern: `${LEAD}ظهرت (?:المقالة|التدوينة) .+ أولاً على .+`, maxWords: 60 },
  { id: 'tags', pattern: `${LEAD}(?:الوسوم|كلمات مفتاحية|tags)\\s*:`, maxWords: 30 },
];
