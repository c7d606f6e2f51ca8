import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/summarize/sentences';

describe('splitSentences', () => {
  const cases: [string, string, string[]][] = [
    ['Arabic full stop and question mark', 'قتل ثلاثة. هل انتهى القصف؟ لا.', ['قتل ثلاثة.', 'هل انتهى القصف؟', 'لا.']],
    ['line breaks end sentences', 'سطر أول بلا نقطة\nسطر ثان.', ['سطر أول بلا نقطة', 'سطر ثان.']],
    ['decimals do not split', 'The toll rose 2.5 times. Then it fell.', ['The toll rose 2.5 times.', 'Then it fell.']],
    [
      'abbreviations do not split',
      'U.S. forces and Dr. Smith arrived. They left.',
      ['U.S. forces and Dr. Smith arrived.', 'They left.'],
    ],
    ['initials do not split', 'Col. A. Haddad spoke. He left.', ['Col. A. Haddad spoke.', 'He left.']],
    ['closing quotes stay with the sentence', 'وقال: "انتهى الهجوم". ثم غادر.', ['وقال: "انتهى الهجوم".', 'ثم غادر.']],
    ['quote after the stop', 'He said "it is over." Then he left.', ['He said "it is over."', 'Then he left.']],
    [
      'lowercase after a stop is not a new sentence',
      'approx. twenty people came. Ok.',
      ['approx. twenty people came.', 'Ok.'],
    ],
    ['exclamation', 'Wow! Fine.', ['Wow!', 'Fine.']],
    ['Arabic abbreviation د. (doctor)', 'قال د. أحمد إن الوضع صعب. وغادر.', ['قال د. أحمد إن الوضع صعب.', 'وغادر.']],
  ];
  it.each(cases)('%s', (_name, text, expected) => {
    expect(splitSentences(text).map((s) => s.text)).toEqual(expected);
  });

  it('keeps offsets into the raw text and paragraph numbers', () => {
    const text = 'قتل ثلاثة.\n\nقصف عنيف. هدوء تام.';
    const s = splitSentences(text);
    expect(s.map((x) => text.slice(x.start, x.end))).toEqual(['قتل ثلاثة.', 'قصف عنيف.', 'هدوء تام.']);
    expect(s.map((x) => x.para)).toEqual([0, 1, 1]);
  });
});
