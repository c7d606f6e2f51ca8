import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToPlain, stripControlChars } from '../../src/parse/text';

describe('decodeEntities (one strict pass)', () => {
  it.each([
    ['XML entities', 'a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;', 'a & b <c> "d" \'e\''],
    ['HTML named entities inside XML', 'wait&hellip; &nbsp;x', 'wait\u2026 \u00a0x'],
    ['numeric, decimal and hex (either case of x)', '&#65;&#x42;&#X43;', 'ABC'],
    ['undefined entity kept literally', 'testing &doesnotexist; entity', 'testing &doesnotexist; entity'],
    ['bare ampersand kept', 'Tom & Jerry', 'Tom & Jerry'],
    ['legacy entity without semicolon kept (query strings)', '?page=1&copy=2', '?page=1&copy=2'],
    ['decodes once only', '&amp;lt;', '&lt;'],
    ['Windows-1252 numeric refs map like HTML', 'don&#146;t', 'don\u2019t'],
  ])('%s', (_name, input, want) => {
    expect(decodeEntities(input)).toBe(want);
  });
});

describe('htmlToPlain', () => {
  it.each([
    ['strips tags, block tags become spaces', '<p>One</p><p>Two<br/>three</p>', 'One Two three'],
    ['inline tags vanish', 'Ex<b>am</b>ple', 'Example'],
    ['drops script and style contents', 'safe<script>alert(1)</script> <style>p{}</style>text', 'safe text'],
    ['drops comments', 'a<!-- hidden -->b', 'ab'],
    ['decodes entities after stripping', '&lt;b&gt; is bold &amp; fine', '<b> is bold & fine'],
    ['keeps a lone less-than', 'a < b and c > d', 'a < b and c > d'],
    ['quoted > inside an attribute', '<img alt="a>b" src="x">after', 'after'],
    ['unbalanced quote falls back to next >', '<a href=http://x/">example</a>', 'example'],
    ['collapses ASCII whitespace, keeps NBSP and ZWNJ', ' a \n\t b\u00a0c\u200cd ', 'a b\u00a0c\u200cd'],
    ['Arabic text passes through', '<p>سوريا: <b>خبر</b> عاجل</p>', 'سوريا: خبر عاجل'],
  ])('%s', (_name, input, want) => {
    expect(htmlToPlain(input)).toBe(want);
  });
});

describe('stripControlChars', () => {
  it('removes C0 controls except tab/newline and maps C1 to windows-1252', () => {
    expect(stripControlChars('a\x08b\tc\nd\x92e\x81f')).toBe('ab\tc\nd\u2019ef');
  });
});
