// A Telegram post that links an outlet's article is the same story as that article, whichever
// arrives first (issue 8): post after article → a 'linked' duplicate (never a second alert);
// article after post → a new report in the post's story (a follow-up for who got the post).
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createDedup, type DedupArticle } from '../../src/dedup/dedup';
import { loadStoryListing } from '../../src/dedup/stories-load';
import { formatStoriesText } from '../../src/dedup/stories-report';
import { loadMigrations, migrate, openStore, type Store } from '../../src/store/db';

const H = 3_600_000;
const T0 = Date.UTC(2025, 3, 10, 6);

const REPORT = `Gunmen on motorcycles killed two members of a local council in the town of Nawa in the western
Daraa countryside on Thursday evening, relatives said. The attackers opened fire on the men as they left a
mosque after prayers and fled towards the nearby farmland. The council had been mediating between families
over a land dispute for several weeks, and residents said threats had been made against its members.`;
const POST = `عاجل | مقتل عضوين في مجلس محلي برصاص مسلحين في مدينة نوى بريف درعا الغربي، التفاصيل في الرابط`;
const UNRELATED = `Heavy rain flooded tents in a displacement camp near Atmeh on Thursday, and aid groups said dozens of
families had to move to a school building while the water was pumped away from the camp roads.`;

const article = {
  outlet: 'southnews',
  urlKey: 'southnews.example/nawa-council',
  title: 'Two council members shot dead in Nawa',
  text: REPORT,
  lang: 'en',
  entities: { places: ['sy:nawa', 'sy:daraa-gov'], actors: [] },
};
const post = {
  outlet: 'hawran-channel',
  urlKey: 't.me/hawranchannel/812',
  title: 'مقتل عضوين في مجلس محلي في نوى',
  text: POST,
  lang: 'ar',
  linkedUrlKey: 'southnews.example/nawa-council',
  entities: { places: ['sy:nawa', 'sy:daraa-gov'], actors: [] },
};
const other = {
  outlet: 'northnews',
  urlKey: 'northnews.example/atmeh-rain',
  title: 'Rain floods Atmeh camp',
  text: UNRELATED,
  lang: 'en',
  entities: { places: ['sy:atmeh', 'sy:idlib-gov'], actors: [] },
};

type Input = Omit<DedupArticle, 'sourceId' | 'guid' | 'contentHash' | 'publishedAt'>;

let store: Store;
afterEach(() => store?.close());

/** What the pipeline does: store the row, classify it (with its id), record. */
function setup() {
  store = openStore(':memory:');
  let now = T0;
  const dedup = createDedup({ db: store.db, clock: () => now });
  const insert = store.db.prepare(
    `INSERT INTO articles (source_id, url_key, title, text, lang, published_at, fetched_at, updated_at, content_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const ingest = (a: Input, hours: number) => {
    now = T0 + hours * H;
    const contentHash = createHash('sha256').update(`${a.title}\n${a.text}`).digest('hex');
    const row = insert.run(a.outlet, a.urlKey, a.title, a.text, a.lang, now, now, now, contentHash);
    const id = Number(row.lastInsertRowid);
    const c = dedup.classify({ ...a, id, sourceId: a.outlet, guid: null, contentHash, publishedAt: now });
    return { id, decision: c.decision, ...dedup.record(id, c) };
  };
  return { ingest, db: store.db };
}

describe('posts that link an article', () => {
  it.each([
    {
      name: 'a post after the article it links is a linked duplicate in the article story',
      steps: [article, post],
      want: { kind: 'duplicate', reason: 'linked', of: 1, storyId: 1 },
      why: 'links article 1',
    },
    {
      name: 'the article after a post that linked it joins the post story as a new report',
      steps: [post, article],
      want: { kind: 'new', joined: 'existing', storyId: 1, linkedFrom: 1 },
      why: 'linked from article 1',
    },
    {
      name: 'a post whose link is not stored is decided on its text (a new story here)',
      steps: [other, { ...post, linkedUrlKey: 'elsewhere.example/x' }],
      want: { kind: 'new', joined: 'new-story' },
      why: 'first report',
    },
    {
      name: 'a post that copies the article text is a near-duplicate, not a link',
      steps: [article, { ...post, text: REPORT, title: 'Nawa: two council members killed', lang: 'en' }],
      want: { kind: 'duplicate', reason: 'near-duplicate', of: 1 },
      why: 'copy of article 1',
    },
  ])('$name', ({ steps, want, why }) => {
    const { ingest, db } = setup();
    const results = steps.map((s, i) => ingest(s as Input, i + 1));
    const last = results[results.length - 1]!;
    expect(last.decision).toMatchObject(want);
    const listed = loadStoryListing(db, T0).flatMap((s) => s.articles);
    expect(formatStoriesText(loadStoryListing(db, T0))).toContain(why);
    expect(listed).toHaveLength(steps.length);
  });
});

describe('links in the store', () => {
  it('keeps one story for the article, the post and a later copy, and records why', () => {
    const { ingest, db } = setup();
    const p = ingest(post, 1);
    const a = ingest(article, 2);
    const second = ingest(
      { ...post, outlet: 'other-channel', urlKey: 't.me/other/5', title: 'نوى', text: 'اغتيال في نوى، رابط الخبر' },
      3,
    );
    expect(second.decision).toMatchObject({ kind: 'duplicate', reason: 'linked', of: a.id });
    expect(new Set([p.storyId, a.storyId, second.storyId])).toEqual(new Set([p.storyId]));
    expect(db.prepare('SELECT article_id, url_key FROM article_links ORDER BY article_id').all()).toEqual([
      { article_id: p.id, url_key: article.urlKey },
      { article_id: second.id, url_key: article.urlKey },
    ]);
    expect(db.prepare('SELECT reason, original_id FROM article_copies').all()).toEqual([
      { reason: 'linked', original_id: a.id },
    ]);
    const story = loadStoryListing(db, T0)[0]!;
    expect(story.articleCount).toBe(3);
    expect(story.outlets).toEqual(['hawran-channel', 'southnews', 'other-channel']);
  });

  it('forgets a link with its post (retention deletes the row)', () => {
    const { ingest, db } = setup();
    const p = ingest(post, 1);
    db.prepare('DELETE FROM articles WHERE id = ?').run(p.id);
    expect(db.prepare('SELECT count(*) AS n FROM article_links').get()).toEqual({ n: 0 });
    expect(ingest(article, 2).decision).toMatchObject({ kind: 'new', joined: 'new-story' });
  });
});

describe('migration 0009', () => {
  it('keeps stored copy links and accepts the reason "linked"', () => {
    const db = new Database(':memory:');
    const all = loadMigrations();
    migrate(
      db,
      all.filter((m) => m.version < 9),
    );
    const art = db.prepare(
      `INSERT INTO articles (source_id, title, text, published_at, fetched_at, updated_at, content_hash)
       VALUES ('s', 't', 'x', 0, 0, 0, ?)`,
    );
    art.run('a');
    art.run('b');
    db.prepare("INSERT INTO article_copies VALUES (2, 1, 'hash', 1)").run();
    expect(() => db.prepare("INSERT INTO article_copies VALUES (1, 2, 'linked', 1)").run()).toThrow(/CHECK/);
    migrate(db, all);
    db.prepare("INSERT INTO article_copies VALUES (1, 2, 'linked', 1)").run();
    expect(db.prepare('SELECT * FROM article_copies ORDER BY article_id').all()).toEqual([
      { article_id: 1, original_id: 2, reason: 'linked', score: 1 },
      { article_id: 2, original_id: 1, reason: 'hash', score: 1 },
    ]);
    db.close();
  });
});
