import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractArticle, MAX_PAGE_CHARS } from '../../src/extract/article';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/extract/${name}`, import.meta.url), 'utf8');

describe('extractArticle on an Arabic page with every kind of boilerplate', () => {
  const result = extractArticle(
    fixture('arabic-article.html'),
    'https://river.example/ar/news/2023/08/14/x?utm_medium=tg',
  );
  const value = result.ok ? result.value : null;

  it('returns exactly the article paragraphs, in order', () => {
    expect(value?.paragraphs).toEqual([
      'يشكو سكان عدد من أحياء مدينة الحسكة من انقطاع مياه الشرب عن منازلهم منذ أكثر من أسبوعين، ما اضطرهم إلى شراء المياه من الصهاريج الخاصة بأسعار يقولون إنها تفوق قدرتهم.',
      'وقال أحد سكان حي الناصرة إن سعر الخزان الواحد ارتفع إلى ثلاثة أضعاف خلال الشهر الجاري، مضيفاً أن الأسر الكبيرة تحتاج إلى خزانين على الأقل كل أسبوع.',
      'وتعود أزمة المياه في المدينة إلى توقف محطة علوك التي تغذي المنطقة، وهي محطة تقع خارج المدينة وتتكرر أعطالها وانقطاعاتها منذ سنوات.',
      'من جهتها، قالت مديرية المياه في بيان إن فرقها تعمل على تشغيل آبار بديلة في محيط المدينة، وإن الضخ سيعود تدريجياً خلال الأيام المقبلة.',
      'شارك عشرات من السكان في وقفة أمام مبنى البلدية للمطالبة بحل دائم للأزمة، بحسب ما قال شهود عيان.',
      'ويخشى السكان أن تتفاقم الأزمة مع ارتفاع درجات الحرارة التي تجاوزت أربعين درجة مئوية هذا الأسبوع.',
    ]);
  });

  it('reads title, author, date, site and image from the head and JSON-LD', () => {
    expect(value).toMatchObject({
      title: 'شح المياه يدفع سكان أحياء في الحسكة إلى شراء الصهاريج',
      author: 'سلمى الخطيب',
      published: Date.UTC(2023, 7, 14, 6, 15),
      siteName: 'شبكة النهر',
      imageUrl: 'https://river.example/images/2023/08/water-tanks.jpg',
    });
  });

  it('trusts the Arabic letters over a template lang="en"', () => {
    expect(value?.lang).toBe('ar');
  });

  it('skips a canonical that points to the Arabic edition home page and takes og:url', () => {
    expect(value?.canonicalUrl).toBe(
      'https://river.example/ar/news/2023/08/14/%D8%B4%D8%AD-%D8%A7%D9%84%D9%85%D9%8A%D8%A7%D9%87',
    );
  });
});

describe('extractArticle on an English page with every kind of boilerplate', () => {
  const result = extractArticle(fixture('english-article.html'), 'https://www.ledger.example/world/x');
  const value = result.ok ? result.value : null;

  it('returns exactly the article paragraphs, in order', () => {
    expect(value?.paragraphs).toEqual([
      'A convoy of forty trucks carrying wheat reached Mosul on Thursday, two days later than planned, after heavy rain closed a section of the highway north of Baghdad.',
      'Local officials said the grain would be distributed to mills in the city over the coming week, easing a shortage that had pushed up bread prices in several districts.',
      'The drivers waited near Tikrit while engineers cleared mud from the road. One of them said the delay had cost him two days of pay but that the cargo arrived undamaged.',
      'Aid groups have warned that storage capacity in the city remains limited, and that a second convoy planned for next month may have to wait until new silos are repaired.',
      'The provincial governor thanked the drivers in a statement and promised that the repaired road would reopen to heavy vehicles by the weekend.',
    ]);
  });

  it('reads the metadata, dropping the " - Site" suffix of og:title', () => {
    expect(value).toMatchObject({
      title: 'Grain convoy reaches Mosul after two-day delay',
      author: 'Daniel Ortiz',
      published: Date.UTC(2023, 2, 2, 14, 5),
      lang: 'en',
      siteName: 'The Daily Ledger',
      imageUrl: 'https://img.ledger.example/2023/convoy.jpg',
      canonicalUrl: 'https://www.ledger.example/world/2023/mar/02/grain-convoy-mosul?utm_source=rss',
    });
  });
});

describe('extractArticle failures are values', () => {
  it.each([
    ['an empty page', ''],
    ['a page with no text', '<html><body><img src="x.jpg"><script>1</script></body></html>'],
    [
      'a page that is only boilerplate',
      '<html><body><nav>Home</nav><p>اقرأ أيضاً</p><footer>© 2023</footer></body></html>',
    ],
    ['a page over the size limit', `<p>${'x'.repeat(MAX_PAGE_CHARS)}</p>`],
  ])('%s', (_name, html) => {
    const result = extractArticle(html, 'https://x.example/a');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain('https://x.example/a');
  });

  it('falls back to the page body when Readability finds no article', () => {
    const result = extractArticle('<p>Short note.</p>', 'https://x.example/a');
    expect(result).toMatchObject({ ok: true, value: { paragraphs: ['Short note.'], lang: 'en', title: '' } });
  });

  it.each([
    ['shallow: Readability', 20],
    ['deeper than Readability copes with: cleaned DOM body', 400],
    ['deeper than the DOM parser copes with: plain paragraphs', 5_000],
    ['100,000 levels', 100_000],
  ])('survives hostile nesting (%s) quickly, with a script in an attribute', (_name, depth) => {
    const html = `<html><body><nav>Home</nav>${'<div>'.repeat(depth)}<p title="<script>x</script>">Text that stays.<b>${'<i>'.repeat(depth / 2)}</body>`;
    const started = performance.now();
    const result = extractArticle(html, 'https://x.example/a');
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(result).toMatchObject({ ok: true, value: { paragraphs: ['Text that stays.'] } });
  });
});
