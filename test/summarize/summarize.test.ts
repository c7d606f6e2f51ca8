import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/db';
import { createSummaryRepo } from '../../src/store/summary-repo';
import { type SummaryInput, summarizeForAlert } from '../../src/summarize/summarize';
import { ACTORS, lexicon, PLACES, placeById } from './fixtures';

const first = 'هاجم مسلحون من داعش سجن الرقة المركزي بسيارة مفخخة، ما أدى إلى مقتل 4 من الحراس.';
const later = 'ارتفعت حصيلة الهجوم على سجن الرقة المركزي إلى مقتل 9 من الحراس، وامتدت الاشتباكات إلى بلدة معدان.';
const base = (text: string, outlet: string): SummaryInput => ({
  articles: [{ title: '', text, lang: 'ar', outlet }],
  matched: { title: '', text, lang: 'ar', outlet },
  langs: 'both',
  places: PLACES,
  actors: ACTORS,
  placeById,
});

describe('summarizeForAlert (built in)', () => {
  it.each([
    { langs: 'ar' as const, ar: true, en: false },
    { langs: 'en' as const, ar: false, en: true },
    { langs: 'both' as const, ar: true, en: true },
  ])('langs $langs: extractive in the article language, brief in the other', ({ langs, ar, en }) => {
    const s = summarizeForAlert({ ...base(first, 'Raqqa Post'), langs }, lexicon);
    expect(s.source).toBe('builtin');
    expect(s.ar !== undefined).toBe(ar);
    expect(s.en !== undefined).toBe(en);
    if (s.ar) expect(s.ar).toBe(first);
    if (s.en)
      expect(s.en).toMatch(
        /^Automatic brief: Raqqa, Syria — car bomb at Raqqa central prison; ISIS; 4 killed\. Raqqa Post\.$/,
      );
  });

  it('a follow-up says what is new: the higher toll, the new place, the new outlet', () => {
    const prev = summarizeForAlert(base(first, 'Raqqa Post'), lexicon);
    const s = summarizeForAlert({ ...base(later, 'Furat FM'), previous: { keys: prev.keys } }, lexicon);
    expect(s.whatsNew?.en).toBe("What's new: 9 killed; also Maadan; now also reported by Furat FM.");
    expect(s.whatsNew?.ar).toBe('الجديد: مقتل 9؛ أيضاً معدان؛ أوردته أيضاً Furat FM.');
  });

  it('a follow-up with nothing new has no what-is-new line', () => {
    const prev = summarizeForAlert(base(first, 'Raqqa Post'), lexicon);
    const s = summarizeForAlert({ ...base(first, 'Raqqa Post'), previous: { keys: prev.keys } }, lexicon);
    expect(s.whatsNew).toBeUndefined();
  });
});

describe('summary repo (real SQLite, real migrations)', () => {
  it('stores per story, language set and article count; latest is the newest count', () => {
    const store = openStore(':memory:');
    const repo = createSummaryRepo(store.db);
    const s = summarizeForAlert(base(first, 'Raqqa Post'), lexicon);
    repo.put({ storyId: 7, langs: 'both', articleCount: 1 }, s, 1000);
    repo.put({ storyId: 7, langs: 'both', articleCount: 2 }, { ...s, source: 'llm' }, 2000);
    repo.put({ storyId: 7, langs: 'both', articleCount: 2 }, { ...s, source: 'translate' }, 3000);
    expect(repo.get({ storyId: 7, langs: 'both', articleCount: 1 })).toEqual(s);
    expect(repo.get({ storyId: 7, langs: 'en', articleCount: 1 })).toBeNull();
    expect(repo.latest(7, 'both')).toMatchObject({ source: 'translate', articleCount: 2 });
    expect(repo.prune(2500)).toBe(1);
    store.close();
  });
});
