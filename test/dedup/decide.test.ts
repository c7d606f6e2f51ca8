import { describe, expect, it } from 'vitest';
import { decideExact, type ExactFacts } from '../../src/dedup/decide';
import { bestNearDuplicate, needsExactCheck } from '../../src/dedup/near-dup';
import { DEFAULT_PARAMS } from '../../src/dedup/params';
import { decideStory, type StoryFacts } from '../../src/dedup/story-score';
import { keyed, packed } from '../../src/dedup/tfidf';

const none: ExactFacts = {
  selfId: null,
  selfRecorded: false,
  contentHash: 'h1',
  byUrl: undefined,
  byGuid: undefined,
  byHash: undefined,
};

describe('decideExact', () => {
  it.each([
    ['nothing known: not decided here', none, null],
    [
      'own row already recorded: an edit',
      { ...none, selfId: 7, selfRecorded: true },
      { kind: 'edited', of: 7, reason: 'stored' },
    ],
    [
      'same URL key, same content: duplicate',
      { ...none, byUrl: { id: 3, content_hash: 'h1' } },
      { kind: 'duplicate', of: 3, reason: 'url', score: 1 },
    ],
    [
      'same URL key, new headline: edited',
      { ...none, byUrl: { id: 3, content_hash: 'old' } },
      { kind: 'edited', of: 3, reason: 'url' },
    ],
    [
      'same GUID in source, same content',
      { ...none, byGuid: { id: 4, content_hash: 'h1' } },
      { kind: 'duplicate', of: 4, reason: 'guid', score: 1 },
    ],
    ['URL row is the article itself: ignored', { ...none, selfId: 3, byUrl: { id: 3, content_hash: 'h1' } }, null],
    ['same content hash elsewhere', { ...none, byHash: 9 }, { kind: 'duplicate', of: 9, reason: 'hash', score: 1 }],
  ] as const)('%s', (_n, facts, want) => {
    expect(decideExact(facts)).toEqual(want);
  });
});

const sig = (values: number[]) => Uint32Array.from(values);
const p = DEFAULT_PARAMS;
const n = p.bands * p.rows;
const base = Array.from({ length: n }, (_, i) => i + 1);
const withEqual = (k: number) => sig(base.map((v, i) => (i < k ? v : v + 1000)));

describe('near duplicate', () => {
  const me = { shingleCount: 200, signature: sig(base), lead: sig([1, 2, 3]) };
  it.each([
    ['Jaccard estimate above threshold', withEqual(Math.ceil(n * 0.6)), undefined, { measure: 'jaccard' }],
    ['Jaccard estimate below threshold, no containment', withEqual(Math.floor(n * 0.2)), undefined, null],
    [
      'excerpt: low Jaccard, full containment',
      withEqual(5),
      { jaccard: 0.1, containment: 1 },
      { measure: 'containment', score: 1 },
    ],
    ['partial containment below threshold', withEqual(5), { jaccard: 0.1, containment: 0.5 }, null],
  ] as const)('%s', (_n, other, exact, want) => {
    const got = bestNearDuplicate(
      me,
      [{ articleId: 5, shingleCount: 20, signature: other, lead: sig([1, 2, 3]), ...(exact ? { exact } : {}) }],
      p,
    );
    if (want === null) expect(got).toBeNull();
    else expect(got).toMatchObject(want);
  });
  it('asks for an exact check only for lopsided sizes with a similar lead', () => {
    const small = { articleId: 5, shingleCount: 20, signature: withEqual(0), lead: sig([1, 2, 3]) };
    expect(needsExactCheck(me, small, p)).toBe(true);
    expect(needsExactCheck(me, { ...small, shingleCount: 190 }, p)).toBe(false);
    expect(needsExactCheck(me, { ...small, shingleCount: 5 }, p)).toBe(false);
    expect(needsExactCheck(me, { ...small, lead: sig([7, 8, 9]) }, p)).toBe(false);
  });
});

const H = 3_600_000;
const T = Date.UTC(2025, 0, 10);
const story = (id: number, over: Partial<StoryFacts> = {}): StoryFacts => ({
  id,
  centroid: packed(
    new Map([
      ['مفخخه', 0.6],
      ['سوق', 0.5],
      ['اعزاز', 0.6],
    ]),
  ),
  places: ['sy:azaz', 'sy:aleppo-gov'],
  actors: ['actor:white-helmets'],
  numbers: ['25'],
  firstSeen: T - 2 * H,
  lastSeen: T - H,
  ...over,
});
const article = (over: Partial<Parameters<typeof decideStory>[0]> = {}) => ({
  vector: keyed(new Map<string, number>()),
  places: ['sy:azaz'],
  actors: ['actor:white-helmets'],
  numbers: ['25'],
  publishedAt: T,
  entityWeight: () => 0.9,
  ...over,
});

describe('decideStory', () => {
  it.each([
    [
      'an English report sharing places, actors and numbers joins the Arabic story',
      article(),
      [story(1)],
      { kind: 'join', storyId: 1 },
    ],
    ['no candidates: new story', article(), [], { kind: 'open', previousStoryId: null }],
    [
      'same town, nothing else shared, two days later: new story',
      article({ actors: [], numbers: ['3'], publishedAt: T + 48 * H }),
      [story(1)],
      { kind: 'open', previousStoryId: null },
    ],
    [
      'story quiet longer than the window and a strong match: new story linked to it',
      article({
        places: ['sy:azaz', 'sy:aleppo-gov'],
        vector: keyed(new Map([['اعزاز', 1]])),
        publishedAt: T + 100 * H,
      }),
      [story(1)],
      { kind: 'open', previousStoryId: 1 },
    ],
    [
      'picks the better of two open stories',
      article({ places: ['sy:azaz', 'sy:aleppo-gov'] }),
      [story(1, { places: ['sy:aleppo-gov'] }), story(2)],
      { kind: 'join', storyId: 2 },
    ],
  ] as const)('%s', (_n, a, candidates, want) => {
    expect(decideStory(a, candidates, p)).toMatchObject(want);
  });
});
