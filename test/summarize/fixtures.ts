// Places, actors and texts written for the summary tests (not copied from anywhere).
import type { AliasGroup, Place } from '../../src/match/places-types';
import { loadLexicon } from '../../src/summarize/lexicon-file';

export const lexicon = loadLexicon();
export const SEEDS_DIR = new URL('../../../shared/seeds/', import.meta.url);

const place = (
  id: string,
  kind: Place['kind'],
  nameEn: string,
  nameAr: string,
  parentId: string | null,
  names: string[] = [],
): Place => ({
  id,
  kind,
  nameEn,
  nameAr,
  names: [nameEn, nameAr, ...names],
  parentId,
  countryCode: 'SY',
  lat: null,
  lon: null,
  population: 0,
});

export const PLACES: Place[] = [
  place('syria', 'country', 'Syria', 'سوريا', null, ['سورية']),
  place('raqqa-gov', 'governorate', 'Raqqa Governorate', 'محافظة الرقة', 'syria'),
  place('raqqa', 'city', 'Raqqa', 'الرقة', 'raqqa-gov', ['Al-Raqqa']),
  place('maadan', 'town', 'Maadan', 'معدان', 'raqqa-gov'),
  place('raqqa-prison', 'site', 'Raqqa central prison', 'سجن الرقة المركزي', 'raqqa'),
  place('daraa-gov', 'governorate', 'Daraa Governorate', 'محافظة درعا', 'syria'),
  place('tafas', 'town', 'Tafas', 'طفس', 'daraa-gov'),
];

const actor = (
  id: string,
  nameEn: string,
  nameAr: string,
  aliases: string[],
  caseSensitiveAliases?: string[],
): AliasGroup => ({
  id,
  kind: 'actor',
  nameEn,
  nameAr,
  aliases,
  ...(caseSensitiveAliases ? { caseSensitiveAliases } : {}),
});

export const ACTORS: AliasGroup[] = [
  actor('actor:isis', 'ISIS', 'داعش', ['تنظيم الدولة', 'Islamic State', 'IS'], ['IS']),
  actor('actor:sdf', 'SDF', 'قسد', ['قوات سوريا الديمقراطية', 'Syrian Democratic Forces']),
  actor('actor:regime', 'Syrian government forces', 'قوات النظام', ['قوات النظام', 'government forces']),
];

export const placeById = (id: string) => PLACES.find((p) => p.id === id);

/** A two-story Arabic report: Raqqa prison, then "in a separate context" Tafas in Daraa. */
export const TWO_STORIES_AR = [
  'هاجم مسلحون من تنظيم داعش سجن الرقة المركزي فجر الأحد بسيارة مفخخة، ما أدى إلى مقتل 4 من حراس السجن.',
  'وقالت قسد إن اشتباكات عنيفة دارت في محيط السجن، وإن نحو 15 سجيناً تمكنوا من الفرار.',
  'وفرضت قسد حظر تجول في مدينة الرقة حتى إشعار آخر.',
  'اقرأ أيضاً:',
  'ارتفاع أسعار الخبز في الرقة',
  'في سياق منفصل، قصفت قوات النظام بلدة طفس في ريف درعا الغربي بقذائف الهاون، ما أدى إلى إصابة ثلاثة مدنيين.',
  'وقال ناشطون إن القصف استهدف منازل المدنيين وسط البلدة.',
  '© جميع الحقوق محفوظة لموقع الخبر 2025',
].join('\n');
