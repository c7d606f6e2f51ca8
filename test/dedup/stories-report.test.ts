import { describe, expect, it } from 'vitest';
import {
  formatStoriesJson,
  formatStoriesText,
  joinReason,
  type ListedArticle,
  type ListedStory,
} from '../../src/dedup/stories-report';

const T = Date.UTC(2025, 2, 3, 8);
const art = (over: Partial<ListedArticle>): ListedArticle => ({
  id: 1,
  outlet: 'halab-today',
  url: 'https://halab.example/1',
  title: 'قتلى بانفجار في اعزاز',
  publishedAt: T,
  lang: 'ar',
  joined: 'new-story',
  score: 0,
  shared: {},
  ...over,
});
const story: ListedStory = {
  id: 7,
  title: 'قتلى بانفجار في اعزاز',
  firstSeen: T,
  lastSeen: T + 3_600_000,
  outlets: ['halab-today', 'levant'],
  languages: ['ar', 'en'],
  places: ['sy:azaz'],
  previousStoryId: null,
  articleCount: 3,
  articles: [
    art({}),
    art({
      id: 2,
      outlet: 'levant',
      lang: 'en',
      joined: 'existing',
      score: 0.61,
      shared: { cosine: 0, places: ['sy:azaz'], actors: ['actor:sdf'], numbers: ['25'] },
      publishedAt: T + 3_600_000,
    }),
    art({ id: 3, outlet: 'frontier', joined: 'copy', score: 1, shared: { copyOf: 2 }, publishedAt: T + 1_800_000 }),
  ],
};

describe('stories report', () => {
  it.each([
    [art({}), 'first report'],
    [story.articles[1]!, 'score 0.61; cosine 0.00; places sy:azaz; actors actor:sdf; numbers 25'],
    [story.articles[2]!, 'copy of article 2'],
    [art({ joined: 'copy', score: 1, shared: { linkedTo: 4 } }), 'links article 4'],
    [art({ joined: 'existing', score: 1, shared: { linkedFrom: 5 } }), 'linked from article 5'],
    [art({ joined: 'reopened', score: 0.7, shared: { places: ['sy:azaz'] } }), 'reopened; score 0.70; places sy:azaz'],
  ])('explains why an article joined: %#', (a, want) => {
    expect(joinReason(a)).toBe(want);
  });

  it('lists stories with outlet, URL, time and language of each article, oldest article first', () => {
    const text = formatStoriesText([story]);
    expect(text.split('\n')).toEqual([
      'story 7: قتلى بانفجار في اعزاز',
      '  2025-03-03 08:00 → 2025-03-03 09:00 · 3 articles · halab-today, levant · ar/en',
      '  places: sy:azaz',
      '  - 2025-03-03 08:00 [ar] halab-today: قتلى بانفجار في اعزاز',
      '    https://halab.example/1',
      '    first report',
      '  - 2025-03-03 08:30 [ar] frontier: قتلى بانفجار في اعزاز',
      '    https://halab.example/1',
      '    copy of article 2',
      '  - 2025-03-03 09:00 [en] levant: قتلى بانفجار في اعزاز',
      '    https://halab.example/1',
      '    score 0.61; cosine 0.00; places sy:azaz; actors actor:sdf; numbers 25',
    ]);
    expect(formatStoriesText([])).toBe('No stories in this period.');
  });

  it('gives the same data as JSON with ISO times and the reason', () => {
    const json = JSON.parse(formatStoriesJson([story]));
    expect(json[0]).toMatchObject({ id: 7, firstSeen: '2025-03-03T08:00:00.000Z' });
    expect(json[0].articles[2]).toMatchObject({ outlet: 'frontier', why: 'copy of article 2' });
  });
});
