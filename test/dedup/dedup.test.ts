import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createDedup, type DedupArticle } from '../../src/dedup/dedup';
import { pruneArticles } from '../../src/dedup/retention';
import { loadStoryListing } from '../../src/dedup/stories-load';
import { formatStoriesText } from '../../src/dedup/stories-report';
import { openStore, type Store } from '../../src/store/db';

const H = 3_600_000;
const T0 = Date.UTC(2025, 2, 3, 8);

const WIRE = `A car bomb tore through a busy market in the northern Syrian town of Azaz on Monday morning, killing 8 civilians and wounding 25 others, rescuers said.
The civil defence group said the vehicle had been parked near vegetable stalls at the market entrance and exploded at the busiest hour of the day.
Azaz, near the Turkish border north of Aleppo, is held by Turkish-backed factions. No group claimed the attack; local officials blamed cells linked to the SDF.`;
const ARABIC = `قُتل ثمانية مدنيين وأصيب 25 آخرون جراء انفجار سيارة مفخخة وسط السوق الشعبي في مدينة اعزاز بريف حلب الشمالي، وهرعت فرق الدفاع المدني إلى المكان ونقلت الجرحى إلى المستشفى.`;
const OTHER = `Four members of the federal police were wounded when a bomb exploded next to their patrol in the Rashad subdistrict south of Kirkuk, a security source said, and forces cordoned off the village.`;

let store: Store;
afterEach(() => store?.close());

function setup() {
  store = openStore(':memory:');
  let now = T0;
  const dedup = createDedup({ db: store.db, clock: () => now });
  const insert = store.db.prepare(
    `INSERT INTO articles (source_id, url, url_key, guid, title, text, lang, published_at, fetched_at, updated_at, content_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  /** What the pipeline does: classify, store the row, record. */
  const ingest = (a: Omit<DedupArticle, 'contentHash' | 'guid' | 'sourceId'> & { url: string }) => {
    now = a.publishedAt;
    const full: DedupArticle = {
      ...a,
      sourceId: a.outlet,
      guid: null,
      contentHash: createHash('sha256').update(`${a.title}\n${a.text}`).digest('hex'),
    };
    const c = dedup.classify(full);
    if (c.decision.kind === 'edited') {
      store.db.prepare('UPDATE articles SET title = ?, text = ? WHERE id = ?').run(a.title, a.text, c.decision.of);
      return { c, id: c.decision.of, ...dedup.record(c.decision.of, c) };
    }
    if (c.decision.kind === 'duplicate' && (c.decision.reason === 'url' || c.decision.reason === 'guid')) {
      return { c, id: c.decision.of, storyId: c.decision.storyId };
    }
    const id = Number(
      insert.run(full.sourceId, a.url, a.urlKey, null, a.title, a.text, a.lang, now, now, now, full.contentHash)
        .lastInsertRowid,
    );
    return { c, id, ...dedup.record(id, c) };
  };
  return { dedup, ingest, db: store.db };
}

const azaz = {
  outlet: 'levant',
  url: 'https://levant.example/azaz',
  urlKey: 'levant.example/azaz',
  title: 'Car bomb kills 8 in Azaz market',
  text: WIRE,
  lang: 'en',
  publishedAt: T0,
  entities: { places: ['sy:azaz', 'sy:aleppo-gov'], actors: ['actor:sdf'] },
};

describe('createDedup', () => {
  it('links a syndicated copy to its original, in the original story, and says "also published by"', () => {
    const { ingest, db } = setup();
    const first = ingest(azaz);
    const copy = ingest({
      ...azaz,
      outlet: 'frontier',
      url: 'https://frontier.example/x',
      urlKey: 'frontier.example/x',
      title: 'Eight dead in Syrian border town',
      text: `AZAZ, Syria (Reuters) - ${WIRE}\n© 2025 Frontier. All rights reserved.`,
      publishedAt: T0 + H,
    });
    expect(copy.c.decision).toMatchObject({ kind: 'duplicate', of: first.id, reason: 'near-duplicate' });
    expect(copy.storyId).toBe(first.storyId);
    expect(db.prepare('SELECT original_id FROM article_copies WHERE article_id = ?').get(copy.id)).toEqual({
      original_id: first.id,
    });
    expect(JSON.parse((db.prepare('SELECT outlets FROM stories').get() as { outlets: string }).outlets)).toEqual([
      'levant',
      'frontier',
    ]);
  });

  it('treats the same text under the same URL as the same row, and a changed headline as an edit', () => {
    const { ingest, dedup } = setup();
    const first = ingest(azaz);
    expect(ingest({ ...azaz, publishedAt: T0 + 60_000 }).c.decision).toMatchObject({
      kind: 'duplicate',
      reason: 'url',
    });
    const edit = ingest({ ...azaz, title: 'Azaz car bomb: toll rises', publishedAt: T0 + H });
    expect(edit.c.decision).toEqual({ kind: 'edited', of: first.id, reason: 'url' });
    expect(edit.storyId).toBe(first.storyId);
    // Called again for the stored row (the pipeline's onUpdated): still an edit, never new.
    const again = dedup.classify({ ...azaz, id: first.id, sourceId: 'levant', guid: null, contentHash: 'x' });
    expect(again.decision).toEqual({ kind: 'edited', of: first.id, reason: 'stored' });
  });

  it('joins an Arabic report of the same event to the English story, keeps another event apart', () => {
    const { ingest } = setup();
    const en = ingest(azaz);
    const ar = ingest({
      ...azaz,
      outlet: 'halab',
      url: 'https://halab.example/1',
      urlKey: 'halab.example/1',
      title: 'قتلى بانفجار سيارة مفخخة في اعزاز',
      text: ARABIC,
      lang: 'ar',
      publishedAt: T0 + 2 * H,
      entities: { places: ['sy:azaz', 'sy:aleppo-gov'], actors: ['actor:white-helmets'] },
    });
    expect(ar.c.decision).toMatchObject({ kind: 'new', joined: 'existing', storyId: en.storyId });
    const other = ingest({
      ...azaz,
      outlet: 'isb',
      url: 'https://isb.example/k',
      urlKey: 'isb.example/k',
      title: 'Four police wounded near Kirkuk',
      text: OTHER,
      publishedAt: T0 + 3 * H,
      entities: { places: ['iq:kirkuk-gov', 'iq:rashad'], actors: ['actor:federal-police'] },
    });
    expect(other.c.decision).toMatchObject({ kind: 'new', joined: 'new-story' });
    expect(other.storyId).not.toBe(en.storyId);
  });

  it('opens a new story linked to the old one when a story comes back after the window', () => {
    const { ingest, db } = setup();
    const first = ingest(azaz);
    const back = ingest({
      ...azaz,
      url: 'https://levant.example/azaz-anniversary',
      urlKey: 'levant.example/azaz-anniversary',
      title: 'Azaz market bomb: families still wait for answers',
      text: 'Families of the 8 people killed by the car bomb in the Azaz market still wait for answers, and local officials say the investigation into the SDF-linked cell has stalled.',
      publishedAt: T0 + 5 * 24 * H,
    });
    expect(back.c.decision).toMatchObject({ kind: 'new', joined: 'reopened', previousStoryId: first.storyId });
    expect(db.prepare('SELECT previous_story_id FROM stories WHERE id = ?').get(back.storyId)).toEqual({
      previous_story_id: first.storyId,
    });
  });

  it('stores every article in a story and lists why each joined', () => {
    const { ingest, db } = setup();
    ingest(azaz);
    ingest({
      ...azaz,
      outlet: 'f',
      url: 'https://f.example/1',
      urlKey: 'f.example/1',
      publishedAt: T0 + H,
      text: `${WIRE}\nFollow us on Telegram.`,
    });
    ingest({
      ...azaz,
      outlet: 'isb',
      url: 'https://isb.example/k',
      urlKey: 'isb.example/k',
      text: OTHER,
      title: 'Kirkuk',
      publishedAt: T0 + 2 * H,
      entities: { places: ['iq:rashad'], actors: [] },
    });
    const counts = db
      .prepare('SELECT (SELECT count(*) FROM articles) AS a, (SELECT count(*) FROM article_story) AS s')
      .get();
    expect(counts).toEqual({ a: 3, s: 3 });
    const text = formatStoriesText(loadStoryListing(db, T0 - H));
    expect(text).toContain('copy of article 1');
    expect(text).toContain('https://isb.example/k');
  });

  it('drops stories quiet for longer than the reopen horizon from the candidate index', () => {
    const { ingest, db } = setup();
    ingest(azaz);
    const keys = () => (db.prepare('SELECT count(*) AS n FROM story_keys WHERE story_id = 1').get() as { n: number }).n;
    expect(keys()).toBeGreaterThan(0);
    ingest({
      ...azaz,
      outlet: 'isb',
      url: 'https://isb.example/k',
      urlKey: 'isb.example/k',
      text: OTHER,
      title: 'Kirkuk',
      publishedAt: T0 + 30 * 24 * H,
      entities: { places: ['iq:rashad'], actors: [] },
    });
    expect(keys()).toBe(0);
  });
});

describe('pruneArticles', () => {
  it('removes old articles with their LSH rows and signatures; the story keeps a summary row', () => {
    const { ingest, db } = setup();
    ingest(azaz);
    ingest({
      ...azaz,
      outlet: 'isb',
      url: 'https://isb.example/k',
      urlKey: 'isb.example/k',
      text: OTHER,
      title: 'Kirkuk',
      publishedAt: T0 + 100 * 24 * H,
      entities: { places: ['iq:rashad'], actors: [] },
    });
    const n = (t: string) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    const lshBefore = n('dedup_lsh');
    const result = pruneArticles(db, 90 * 24 * H, T0 + 100 * 24 * H);
    expect(result.articles).toBe(1);
    expect(n('articles')).toBe(1);
    expect(n('dedup_signatures')).toBe(1);
    expect(n('dedup_lsh')).toBe(lshBefore - result.lshRows);
    expect(n('dedup_lsh')).toBe(40);
    expect(db.prepare('SELECT first_article_id, title FROM stories WHERE id = 1').get()).toEqual({
      first_article_id: null,
      title: azaz.title,
    });
  });
});
