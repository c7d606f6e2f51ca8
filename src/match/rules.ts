// Matching rules as data (shared/reference/arabic-matching.md §2-§4). Keys are normalized forms
// (see src/text): ة→ه, ى→ي, أ→ا, lowercase Latin.

/** Arabic conjunctions, then prepositions, that attach to the next word (§2). */
export const AR_CONJUNCTIONS = ['', 'و', 'ف'] as const;
export const AR_PREPOSITIONS = ['', 'ب', 'ك', 'ل'] as const;
/** With the article: ل + ال is written لل; the other prepositions keep ال. */
export const AR_ARTICLE_PREPOSITIONS = ['', 'ب', 'ك'] as const;

/** Suffixes that topic words (not names) may take: pronouns and sound plurals (§2). */
export const AR_SUFFIXES = ['ه', 'ها', 'هم', 'هما', 'هن', 'ك', 'كم', 'نا', 'ي', 'ات', 'ان', 'ين', 'ون'] as const;
/** Plural endings that also go with the article (الهجمات); pronoun suffixes never do. */
export const AR_ARTICLE_SUFFIXES = ['ات', 'ان', 'ين', 'ون'] as const;

/** Latin article tokens in transliterated names: al-Hasakah, Deir ez-Zor, Ras el-Ain (§4). */
export const EN_ARTICLES: ReadonlySet<string> = new Set([
  'al',
  'el',
  'il',
  'ul',
  'ar',
  'as',
  'ash',
  'ad',
  'adh',
  'at',
  'ath',
  'az',
  'ez',
  'an',
  'en',
  'es',
  'ed',
  'et',
  'er',
  'ad',
]);

/**
 * Words that make an ambiguous place name count (مدينة الباب, al-Hol camp): checked in the token
 * just before the name (Arabic, clitics allowed; English also "town of") or just after it (English "Hol camp").
 */
export const CONTEXT_WORDS: ReadonlySet<string> = new Set([
  // Arabic, normalized (ة→ه)
  'مدينه',
  'بلده',
  'قريه',
  'ريف',
  'حي',
  'مخيم',
  'مخيمي',
  'منطقه',
  'محافظه',
  'ناحيه',
  'بلدات',
  'قري',
  'مدن',
  'احياء',
  'سجن',
  'معبر',
  'مطار',
  'قاعده',
  // English
  'city',
  'town',
  'village',
  'countryside',
  'district',
  'camp',
  'province',
  'governorate',
  'neighbourhood',
  'neighborhood',
  'area',
  'region',
  'subdistrict',
  'prison',
  'crossing',
  'airport',
  'base',
  'outskirts',
]);

/** Names no watch expands to and no geotag fires on without context: common words (§3). */
export const AMBIGUOUS_NAMES: ReadonlySet<string> = new Set([
  'الباب',
  'الهول',
  'الحول',
  'bab',
  'hol',
  'al bab',
  'al hol',
  'el bab',
  'tal',
  'tell',
  'ain',
  'ras',
  'deir',
  'jisr',
  'kafr',
  'tel',
  'النصر',
  'السلام',
  'الحريه',
  'الثوره',
  'الجديده',
  'الشيخ',
  'الجسر',
  'العين',
  'البحر',
  'الجبل',
  'المدينه',
  'السوق',
  'الجامع',
  'الدوله',
  'التنظيم',
  'الميادين', // also a TV channel: وفق مصادر للميادين
  'النظام',
  'الجيش',
  'الشعب',
  'الوطن',
  'الامل',
  'السعاده',
  'الخير',
  'الفتح',
  'الريف',
]);

/**
 * Keys that folding merges with a common word: على (preposition) folds to علي (the name Ali). A term
 * whose key is here matches only a surface whose last letter is the one the user typed (ي vs ى).
 */
export const FOLD_SENSITIVE: ReadonlySet<string> = new Set([
  'علي',
  'الي',
  'مني',
  'هدي',
  'سلمي',
  'ليلي',
  'يحيي',
  'موسي',
  'عيسي',
]);

/** Short all-capital aliases (IS, SDF, YPG) count only when written in capitals: "is" is a word. */
export const ACRONYM_MAX_LENGTH = 5;

/** Context words that name the kind of a place, for geotagging (محافظة الحسكة → the governorate). */
export const GOVERNORATE_WORDS: ReadonlySet<string> = new Set(['محافظه', 'governorate', 'province']);
