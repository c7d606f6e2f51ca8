// `rased stories [--since 24h] [--json]`: the pure part. Given stored rows, list stories with their
// articles (outlet, URL, time, language) and why each joined: the score and the shared features.

export interface ListedArticle {
  readonly id: number;
  readonly outlet: string;
  readonly url: string | null;
  readonly title: string;
  readonly publishedAt: number;
  readonly lang: string | null;
  readonly joined: 'new-story' | 'existing' | 'copy' | 'reopened';
  readonly score: number;
  /**
   * As stored by dedup: cosine, places, actors, numbers, decay; { copyOf } for a copy; { linkedTo } for a
   * post that links a stored article; { linkedFrom } for an article a stored post linked.
   */
  readonly shared: Readonly<Record<string, unknown>>;
}

export interface ListedStory {
  readonly id: number;
  readonly title: string;
  readonly firstSeen: number;
  readonly lastSeen: number;
  readonly outlets: readonly string[];
  readonly languages: readonly string[];
  readonly places: readonly string[];
  readonly previousStoryId: number | null;
  readonly articleCount: number;
  readonly articles: readonly ListedArticle[];
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
const list = (v: unknown) => (Array.isArray(v) && v.length ? v.join(', ') : '');

/** Why an article is in its story, in one line. */
export function joinReason(a: ListedArticle): string {
  const s = a.shared;
  if (a.joined === 'copy' && s['linkedTo'] !== undefined) return `links article ${String(s['linkedTo'])}`;
  if (a.joined === 'copy') return `copy of article ${String(s['copyOf'] ?? '?')}`;
  if (a.joined === 'new-story') return 'first report';
  if (s['linkedFrom'] !== undefined) return `linked from article ${String(s['linkedFrom'])}`;
  const parts = [`score ${a.score.toFixed(2)}`];
  if (typeof s['cosine'] === 'number') parts.push(`cosine ${s['cosine'].toFixed(2)}`);
  for (const k of ['places', 'actors', 'numbers'] as const) {
    const v = list(s[k]);
    if (v) parts.push(`${k} ${v}`);
  }
  return `${a.joined === 'reopened' ? 'reopened; ' : ''}${parts.join('; ')}`;
}

/** Human listing, newest story first. */
export function formatStoriesText(stories: readonly ListedStory[]): string {
  if (stories.length === 0) return 'No stories in this period.';
  const out: string[] = [];
  for (const s of [...stories].sort((a, b) => b.lastSeen - a.lastSeen)) {
    const prev = s.previousStoryId === null ? '' : ` (follows story ${s.previousStoryId})`;
    out.push(`story ${s.id}${prev}: ${s.title}`);
    out.push(
      `  ${iso(s.firstSeen)} → ${iso(s.lastSeen)} · ${s.articleCount} articles · ${s.outlets.join(', ')} · ${s.languages.join('/')}`,
    );
    if (s.places.length) out.push(`  places: ${s.places.join(', ')}`);
    for (const a of [...s.articles].sort((x, y) => x.publishedAt - y.publishedAt)) {
      out.push(`  - ${iso(a.publishedAt)} [${a.lang ?? '?'}] ${a.outlet}: ${a.title}`);
      if (a.url) out.push(`    ${a.url}`);
      out.push(`    ${joinReason(a)}`);
    }
  }
  return out.join('\n');
}

/** Stable JSON for `--json` and logs. */
export function formatStoriesJson(stories: readonly ListedStory[]): string {
  return JSON.stringify(
    [...stories]
      .sort((a, b) => b.lastSeen - a.lastSeen)
      .map((s) => ({
        ...s,
        firstSeen: new Date(s.firstSeen).toISOString(),
        lastSeen: new Date(s.lastSeen).toISOString(),
        articles: s.articles.map((a) => ({
          ...a,
          publishedAt: new Date(a.publishedAt).toISOString(),
          why: joinReason(a),
        })),
      })),
    null,
    2,
  );
}
