import { describe, expect, it } from 'vitest';
import { CALLBACK_MAX_BYTES, decodeCallback, encodeCallback } from '../../src/chat/telegram/callback-data';
import { classifyFailure } from '../../src/chat/telegram/errors';
import { escapeHtml, isolateLine } from '../../src/chat/telegram/html';
import { renderAlert, renderDigest } from '../../src/chat/telegram/render';
import { sampleAlert } from '../deliver/sender-contract';
import { checkTelegramHtml } from '../helpers/telegram-html';

const FSI = '\u2068';
const PDI = '\u2069';

describe('Telegram HTML check (the stand-in is as strict as the Bot API)', () => {
  it.each([
    ['<b>bold</b> &amp; <a href="https://x.org/?a=1&amp;b=2">link</a>', 'bold & link'],
    ['a &lt; b &gt; c &quot;d&quot; &#1575;', 'a < b > c "d" ا'],
  ])('accepts %s', (html, text) => {
    expect(checkTelegramHtml(html)).toEqual({ ok: true, text });
  });
  it.each([
    ['<p>para</p>', 'Unsupported start tag "p"'],
    ['a < b', 'Unexpected "<"'],
    ['a & b', 'unescaped "&"'],
    ['a > b', 'Unexpected ">"'],
    ['<b>open', "Can't find end tag"],
    ['<b><i>x</b></i>', "Can't find end tag"],
    ['&nbsp;', 'Unsupported HTML entity'],
    ['<a>no href</a>', 'must have "href"'],
  ])('refuses %s', (html, why) => {
    const r = checkTelegramHtml(html);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toContain("Bad Request: can't parse entities");
      expect(r.error).toContain(why);
    }
  });
});

describe('alert rendering', () => {
  it('escapes every piece of text and passes the Bot API check', () => {
    const r = renderAlert(sampleAlert({ title: '<script>alert(1)</script> & <b>', summary: { en: 'x < y & z > w' } }));
    expect(r.html).not.toContain('<script>');
    const checked = checkTelegramHtml(r.html);
    expect(checked.ok).toBe(true);
    if (checked.ok) {
      expect(checked.text).toContain('<script>alert(1)</script> & <b>');
      expect(checked.text.length).toBe(r.length);
    }
  });

  it('links the headline to the article, escaping the URL', () => {
    const r = renderAlert(sampleAlert({ url: 'https://example.org/a?x=1&y="2"' }));
    expect(r.html).toContain('<a href="https://example.org/a?x=1&amp;y=&quot;2&quot;">');
  });

  it('never links a non-http URL (javascript:)', () => {
    expect(renderAlert(sampleAlert({ url: 'javascript:alert(1)' })).html).not.toContain('<a ');
  });

  it('wraps Latin runs of Arabic lines in FSI…PDI and leaves English lines alone', () => {
    expect(isolateLine([{ text: 'قصف في Deir ez-Zor اليوم' }])[0]!.text).toBe(`قصف في ${FSI}Deir ez-Zor${PDI} اليوم`);
    expect(isolateLine([{ text: 'Shelling in Deir ez-Zor' }])[0]!.text).toBe('Shelling in Deir ez-Zor');
  });

  it('cuts a huge summary at a sentence to stay within 4096 characters after entity parsing', () => {
    const sentence = 'قالت مصادر محلية إن الاشتباكات مستمرة قرب سجن غويران & <Ghwayran> منذ الصباح. ';
    const r = renderAlert(sampleAlert({ summary: { ar: sentence.repeat(200), en: 'Clashes. '.repeat(900) } }));
    const checked = checkTelegramHtml(r.html);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.text.length).toBeLessThanOrEqual(4096);
    expect(checked.text.length).toBe(r.length);
    const arLine = checked.text.split('\n').find((l) => l.startsWith('قالت'))!;
    expect(arLine.endsWith('الصباح.')).toBe(true);
  });

  it('shows "n outlets", the folded reports and a follow-up marker', () => {
    const r = renderAlert(sampleAlert({ kind: 'follow-up', storySize: 4, note: '+2 more reports: A, B' }));
    expect(r.html).toContain('4 outlets');
    expect(r.html).toContain('Follow-up');
    expect(r.html).toContain('+2 more reports: A, B');
  });

  it('offers mute, watch-a-place and language buttons with callback data ≤ 64 bytes', () => {
    const r = renderAlert(sampleAlert({ summaryLang: 'en' }), 'en');
    const data = r.buttons.flat().map((b) => b.data);
    expect(data).toEqual(['m:7', 'w:gn:173', 'l:1:ar']);
  });

  it('a digest lists stories and stays under the limit', () => {
    const stories = Array.from({ length: 400 }, (_, i) => ({
      title: `Story ${i} ${'x'.repeat(60)}`,
      url: `https://e.org/${i}`,
      outlets: ['A'],
      alerts: 2,
    }));
    const r = renderDigest({ reason: 'catch-up', uiLang: 'en', alertCount: 800, stories });
    const checked = checkTelegramHtml(r.html);
    expect(checked.ok && checked.text.length <= 4096).toBe(true);
    expect(r.html).toContain('While delivery was paused: 800 alerts on 400 stories');
    expect(r.html).toMatch(/… and \d+ more stories/);
  });

  it('escapeHtml escapes the four characters', () => {
    expect(escapeHtml(`<a href="x">&</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
  });
});

describe('callback data', () => {
  it.each([
    [{ kind: 'mute', storyId: 12 }, 'm:12'],
    [{ kind: 'watch-place', placeId: 'gn:163808' }, 'w:gn:163808'],
    [{ kind: 'lang', alertId: 345, lang: 'en' }, 'l:345:en'],
    [{ kind: 'unwatch', watchId: 3 }, 'u:3'],
    [{ kind: 'skip-missed' }, 'rs'],
  ] as const)('%o ↔ %s', (action, data) => {
    expect(encodeCallback(action)).toBe(data);
    expect(decodeCallback(data)).toEqual(action);
  });
  it('refuses data over 64 bytes and unknown data', () => {
    expect(encodeCallback({ kind: 'watch-place', placeId: 'ش'.repeat(CALLBACK_MAX_BYTES) })).toBeNull();
    expect(decodeCallback('zz:1')).toBeNull();
    expect(decodeCallback('l:1:fr')).toBeNull();
  });
});

describe('Bot API failures', () => {
  it.each([
    [
      { errorCode: 429, description: 'Too Many Requests: retry after 14', parameters: { retry_after: 14 } },
      'rate-limited',
    ],
    [
      {
        errorCode: 400,
        description: 'Bad Request: group chat was upgraded to a supergroup chat',
        parameters: { migrate_to_chat_id: -100123 },
      },
      'migrated',
    ],
    [{ errorCode: 403, description: 'Forbidden: bot was blocked by the user' }, 'gone'],
    [{ errorCode: 403, description: 'Forbidden: user is deactivated' }, 'gone'],
    [{ errorCode: 400, description: 'Bad Request: chat not found' }, 'gone'],
    [{ errorCode: 400, description: "Bad Request: can't parse entities: Unsupported start tag" }, 'failed'],
    [{ errorCode: 502, description: 'Bad Gateway' }, 'retryable'],
    [{ errorCode: 401, description: 'Unauthorized' }, 'retryable'],
  ])('%o → %s', (failure, kind) => {
    expect(classifyFailure(failure).kind).toBe(kind);
  });
  it('429 waits exactly retry_after', () => {
    expect(classifyFailure({ errorCode: 429, description: '', parameters: { retry_after: 14 } })).toMatchObject({
      retryAfterMs: 14_000,
    });
  });
});
