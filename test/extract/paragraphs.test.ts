import { describe, expect, it } from 'vitest';
import { htmlToParagraphs, splitParagraphs } from '../../src/extract/paragraphs';

const ROWS: [name: string, html: string, paragraphs: string[]][] = [
  ['empty input', '', []],
  ['plain text', 'just text', ['just text']],
  ['one paragraph per <p>', '<p>one</p><p>two</p>', ['one', 'two']],
  ['inline elements join', '<p>a <b>bold</b> and <a href="#">link</a>.</p>', ['a bold and link.']],
  ['<br> breaks', 'line one<br>line two<br/>line three', ['line one', 'line two', 'line three']],
  [
    'block elements break',
    '<div>a<div>b</div>c</div><h2>d</h2><ul><li>e</li><li>f</li></ul>',
    ['a', 'b', 'c', 'd', 'e', 'f'],
  ],
  [
    'entities decoded',
    '<p>Tom &amp; Jerry &lt;3 &quot;q&quot; &#x627;&#1604; &nbsp;x</p>',
    ['Tom & Jerry <3 "q" ال x'],
  ],
  ['whitespace collapsed', '<p>  a \n\t b   </p>', ['a b']],
  ['zero-width spaces removed', '<p>a\u200Bb\uFEFF</p>', ['ab']],
  ['punctuation-only lines dropped', '<p>•</p><p>—</p><p>ok</p>', ['ok']],
  [
    'scripts, styles, iframes dropped',
    '<p>a</p><script>var x="<p>no</p>"</script><style>p{}</style><iframe src="x">no</iframe><p>b</p>',
    ['a', 'b'],
  ],
  ['noscript and templates dropped', '<noscript>enable js</noscript><template><p>t</p></template><p>ok</p>', ['ok']],
  ['nav, footer, aside dropped', '<nav>menu</nav><p>body</p><aside>side</aside><footer>foot</footer>', ['body']],
  [
    'boilerplate classes and ids dropped',
    '<div class="x share">s</div><div id="comments"><p>c</p></div><p>body</p>',
    ['body'],
  ],
  ['hidden elements dropped', '<span style="display:none">h</span><div hidden>h</div><p>body</p>', ['body']],
  ['Arabic paragraphs kept as written', '<p>قالت مصادر إنّ الهجوم وقع فجراً</p>', ['قالت مصادر إنّ الهجوم وقع فجراً']],
  [
    'boilerplate lines removed',
    '<p>الخبر الأول</p><p>اقرأ أيضاً: <a>خبر آخر</a></p><p>جميع الحقوق محفوظة © 2022</p><p>Read more: x</p>',
    ['الخبر الأول'],
  ],
  [
    'copyright notice with an obfuscated e-mail removed',
    '<p>النص</p><p>استعمال المضامين بموجب بند 27 أ لقانون الحقوق الأدبية لسنة 2007، يرجى ارسال رسالة الى:<br><a class="__cf_email__">[email&#160;protected]</a></p>',
    ['النص'],
  ],
];

describe('htmlToParagraphs', () => {
  it.each(ROWS)('%s', (_name, html, paragraphs) => {
    expect(htmlToParagraphs(html)).toEqual(paragraphs);
  });

  it('keeps boilerplate lines when asked for the raw split', () => {
    expect(splitParagraphs('<p>a</p><p>اقرأ أيضاً</p>')).toEqual(['a', 'اقرأ أيضاً']);
  });
});

/** Wall time of fn in ms. */
function timed(fn: () => unknown): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

describe('htmlToParagraphs on hostile HTML', () => {
  it('survives unclosed tags', () => {
    expect(htmlToParagraphs('<p>a<div>b<span>c<p>d<b>e')).toEqual(['a', 'bc', 'de']);
  });

  it('ignores <script> inside attribute values', () => {
    const html =
      '<p title="<script>alert(1)</script>">a<img alt="</p><script>" src="x">b</p><p onclick="<style>">c</p>';
    expect(htmlToParagraphs(html)).toEqual(['ab', 'c']);
  });

  it('drops an unclosed <script> to the end', () => {
    expect(htmlToParagraphs('<p>a</p><script>var p = "<p>no</p>";')).toEqual(['a']);
  });

  it('does not let a self-closed <svg/> swallow the page', () => {
    expect(htmlToParagraphs('<p>a<svg/>b</p><p>c</p>')).toEqual(['a', 'b', 'c']);
  });

  it('reads <iframe/> as browsers do: raw text up to </iframe>, never shown', () => {
    expect(htmlToParagraphs('<p>a<iframe/>b</p><p>c</p></iframe><p>d</p>')).toEqual(['a', 'd']);
    expect(htmlToParagraphs('<p>a</p><iframe/><p>never closed</p>')).toEqual(['a']);
  });

  it('ignores stray close tags', () => {
    expect(htmlToParagraphs(`${'</div>'.repeat(10_000)}<p>ok</p></p></span>`)).toEqual(['ok']);
  });

  it('handles 100,000 levels of nesting in linear time', () => {
    const html = `${'<div>'.repeat(100_000)}deep${'<span>x</span>'.repeat(100_000)}`;
    let out: string[] = [];
    expect(timed(() => (out = htmlToParagraphs(html)))).toBeLessThan(5_000);
    expect(out[0]?.startsWith('deepxxx')).toBe(true);
  });

  it('handles 5 MB of unclosed inline tags', () => {
    const html = '<b>word '.repeat(650_000);
    expect(html.length).toBeGreaterThan(5_000_000);
    let out: string[] = [];
    expect(timed(() => (out = htmlToParagraphs(html)))).toBeLessThan(10_000);
    expect(out).toHaveLength(1);
  });

  it('handles 5 MB of paragraphs', () => {
    const html = '<p>A sentence of some length, with <i>markup</i> &amp; entities.</p>'.repeat(80_000);
    let out: string[] = [];
    expect(timed(() => (out = htmlToParagraphs(html)))).toBeLessThan(10_000);
    expect(out).toHaveLength(80_000);
  });
});
