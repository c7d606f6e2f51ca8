import { describe, expect, it } from 'vitest';
import { findCounts } from '../../src/summarize/counts';
import { textWords } from '../../src/summarize/words';
import { lexicon } from './fixtures';

const counts = (text: string) =>
  findCounts(text, textWords(text), lexicon).map((c) =>
    [c.approx?.id, c.value, c.subject?.id, c.id].filter((x) => x !== undefined).join(' '),
  );

describe('counts: a number next to a count word', () => {
  const cases: [string, string[]][] = [
    ['مقتل 17', ['17 killed']],
    ['مقتل ١٧ شخصاً', ['17 civilians killed']],
    ['هروب 20 محتجزاً من داخل السجن', ['20 prisoners escaped']],
    ['أنباء عن نجاح 20 سجيناً بالهروب', ['20 prisoners escaped']],
    ['فرار نحو 20 سجيناً', ['about 20 prisoners escaped']],
    ['وأصيب أكثر من 25 آخرين', ['more-than 25 wounded']],
    ['قُتل ثمانية مدنيين', ['8 civilians killed']],
    ['ارتفعت الحصيلة إلى 8 قتلى', ['8 killed']],
    ['اعتقال 12 شخصاً في حملة مداهمات', ['12 civilians arrested']],
    ['about 20 prisoners escaped on Friday', ['about 20 prisoners escaped']],
    ['The blast killed 8 civilians and wounded 25 others', ['8 civilians killed', '25 wounded']],
    ['Two aid workers were killed', ['2 aid-workers killed']],
    ['17 killed in Deir ez-Zor', ['17 killed']],
    ['نزوح 3 آلاف عائلة', ['3000 families displaced']],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(counts(text)).toEqual(expected);
  });
});

describe('counts: nothing invented', () => {
  // A number in each, never beside a count word (or only across a clause break).
  const texts = [
    'أكد البيان على القرار 2254 الصادر عن مجلس الأمن',
    'وإخراج نحو 3 آلاف من أخطر قادة التنظيم',
    'ما أدى إلى احتراق 3 منها',
    'تعتقل قسد نحو 12 ألف مسلح من نحو 50 جنسية',
    'كما تحتجز نحو 2500 عائلة داخل المخيم',
    'تمكن عدد من المعتقلين من الفرار، بينهم 3 قياديين',
    'استهدفت المدفعية بأربع قذائف مدفعية نقطة المراقبة',
    'بموجب بند 27 لقانون سنة 2007',
    'The 2 sides met in Geneva. Nobody was killed.',
    'Prices rose 2.5 times while 40 trucks waited',
    'In 2019, fighting killed thousands',
    'Five years after the war, residents returned',
  ];
  it.each(texts)('%s', (text) => {
    expect(counts(text)).toEqual([]);
  });
});
