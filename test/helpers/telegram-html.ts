// Telegram's HTML parse mode as the Bot API checks it (https://core.telegram.org/bots/api#html-style),
// for the Bot API stand-in: supported tags only, properly nested and closed; every <, >, & outside a
// tag escaped; only &lt; &gt; &amp; &quot; and numeric entities. Returns the plain text (what
// Telegram counts against 4096 characters) or the error Telegram would answer.

const SUPPORTED = new Set([
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ins',
  's',
  'strike',
  'del',
  'span',
  'tg-spoiler',
  'a',
  'tg-emoji',
  'tg-time',
  'code',
  'pre',
  'blockquote',
]);
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

export type HtmlCheck = { ok: true; text: string } | { ok: false; error: string };

const fail = (what: string, at: number): HtmlCheck => ({
  ok: false,
  error: `Bad Request: can't parse entities: ${what} at byte offset ${at}`,
});

function entity(html: string, i: number): { text: string; end: number } | null {
  const m = /^&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]+);/.exec(html.slice(i, i + 12));
  if (!m) return null;
  const name = m[1]!;
  if (name.startsWith('#x'))
    return { text: String.fromCodePoint(Number.parseInt(name.slice(2), 16)), end: i + m[0].length };
  if (name.startsWith('#')) return { text: String.fromCodePoint(Number(name.slice(1))), end: i + m[0].length };
  const v = NAMED[name];
  return v === undefined ? null : { text: v, end: i + m[0].length };
}

export function checkTelegramHtml(html: string): HtmlCheck {
  const stack: string[] = [];
  let text = '';
  let i = 0;
  while (i < html.length) {
    const c = html[i]!;
    if (c === '&') {
      const e = entity(html, i);
      if (!e) return fail('Unsupported HTML entity or unescaped "&"', i);
      text += e.text;
      i = e.end;
      continue;
    }
    if (c === '>') return fail('Unexpected ">"; use &gt;', i);
    if (c !== '<') {
      text += c;
      i++;
      continue;
    }
    const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+(?:="[^"<>]*"|='[^'<>]*')?)*)\s*>/.exec(html.slice(i));
    if (!m) return fail('Unexpected "<"; use &lt;', i);
    const [whole, slash, rawName, attrs] = m;
    const name = rawName!.toLowerCase();
    if (!SUPPORTED.has(name)) return fail(`Unsupported ${slash ? 'end' : 'start'} tag "${name}"`, i);
    if (slash) {
      if (stack.pop() !== name) return fail(`Can't find end tag corresponding to start tag "${name}"`, i);
    } else {
      if (name === 'a' && !/\shref=["'][^"']+["']/.test(attrs ?? '')) return fail('Tag "a" must have "href"', i);
      if ((stack.includes('pre') || stack.includes('code')) && name !== 'code')
        return fail('Nested entities in code', i);
      if (name === 'blockquote' && stack.includes('blockquote')) return fail('Nested blockquotes', i);
      stack.push(name);
    }
    i += whole!.length;
  }
  if (stack.length)
    return fail(`Can't find end tag corresponding to start tag "${stack[stack.length - 1]}"`, html.length);
  return { ok: true, text };
}
