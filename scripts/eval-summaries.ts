// `npx tsx scripts/eval-summaries.ts`: summary quality on the dedup evaluation stories
// (test/eval/dedup, + the two seeds from ../shared/seeds when present).
//  1. Per story: the English automatic brief, built from the places and actors the real match stage
//     tags (src/match entities over the gazetteer and config/aliases.yaml), must name a labelled
//     place (headline area or site) and only labelled actors, at least one when the alias table
//     knows one. Labels are hand-written ids; they are compared with gazetteer names by slug and with
//     alias ids through LABEL_ACTORS below.
//  2. Per multi-story article (more than one segment): for a place watch on each segment's own
//     place, every sentence of the Arabic extractive summary lies inside that segment.
import { fileURLToPath } from 'node:url';
import { loadAliasGroups } from '../src/match/aliases';
import { createMatchContext } from '../src/match/context';
import { createEntityExtractor } from '../src/match/entities';
import { loadGazetteer } from '../src/match/gazetteer';
import type { Place } from '../src/match/places-types';
import { buildBrief } from '../src/summarize/brief';
import { extractiveSummary } from '../src/summarize/extractive';
import { loadLexicon } from '../src/summarize/lexicon-file';
import { buildNameIndex, findMentions } from '../src/summarize/mentions';
import { placeChain } from '../src/summarize/place-pick';
import { segmentText } from '../src/summarize/segments';
import { storyDocs } from '../src/summarize/summarize';
import { textWords } from '../src/summarize/words';
import { type EvalItem, loadEvalSet } from './eval-dedup';

/** Eval label ids → alias-table ids (the labels predate config/aliases.yaml). */
const LABEL_ACTORS: Record<string, string[]> = {
  regime: ['syrian-government-forces', 'fourth-division', 'ndf'],
  russia: ['russia-forces'],
  turkey: ['turkey-forces'],
  us: ['us-forces', 'coalition'],
  israel: ['israel-army'],
  'iraqi-army': ['iraqi-security-forces'],
  'federal-police': ['iraqi-security-forces'],
  'diyala-police': ['iraqi-security-forces'],
  'joint-operations': ['iraqi-security-forces'],
  'security-media-cell': ['iraqi-security-forces'],
  iran: ['irgc', 'iran-backed-militias'],
};

const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\b(governorate|province|gov)\b/g, '')
    .replace(/^(al|el|as|ad|ar|ash|at|az)[- ]/, '')
    .replace(/[^a-z0-9]/g, '');

const labelSlug = (id: string) => slug(id.split(':')[1]!.replace(/-gov$/, ''));

export interface StoryCheck {
  readonly story: string;
  readonly brief: string;
  readonly placeOk: boolean;
  readonly actorsOk: boolean;
}

export interface SegmentCheck {
  readonly article: string;
  readonly segment: number;
  readonly watch: string;
  readonly ok: boolean;
  readonly summary: string;
}

export interface SummaryEval {
  readonly stories: StoryCheck[];
  readonly segments: SegmentCheck[];
  readonly placeAndActorsRate: number;
  readonly segmentRate: number;
  readonly seeds: boolean;
}

export function runSummaryEval(): SummaryEval {
  const { items, seeds } = loadEvalSet();
  const gazetteer = loadGazetteer();
  const aliases = loadAliasGroups();
  if (!aliases.ok) throw new Error(aliases.error);
  const byId = new Map(gazetteer.map((p) => [p.id, p]));
  const groups = new Map(aliases.value.map((g) => [g.id, g]));
  const lexicon = loadLexicon();
  const entities = createEntityExtractor(createMatchContext({ places: gazetteer, aliasGroups: aliases.value }));
  const originals = items.filter((i) => i.kind === 'original' || i.kind === 'seed');
  const tags = new Map(originals.map((a) => [a.id, entities({ title: a.title, text: a.text })]));

  const stories: StoryCheck[] = [];
  for (const story of [...new Set(originals.map((a) => a.story))]) {
    const arts = originals.filter((a) => a.story === story);
    const lead = arts[0]!;
    const placeIds = new Set(arts.flatMap((a) => tags.get(a.id)!.places));
    const actorIds = new Set(arts.flatMap((a) => tags.get(a.id)!.actors));
    const alert = {
      articles: arts.map((a) => ({ title: a.title, text: a.text, lang: a.lang })),
      matched: { title: lead.title, text: lead.text, lang: lead.lang },
      langs: 'en' as const,
      places: [...placeIds].map((id) => byId.get(id)!),
      actors: [...actorIds].map((id) => groups.get(id)!),
    };
    const b = buildBrief({
      docs: storyDocs(alert).docs,
      lexicon,
      places: alert.places,
      actors: alert.actors,
      placeById: (id) => byId.get(id),
      outlets: [...new Set(arts.map((a) => a.outlet))],
    });
    const labels = new Set(arts.flatMap((a) => a.places).map(labelSlug));
    const named = (p: Place | null | undefined) =>
      !!p && [p.nameEn, ...p.names].some((n) => /[a-z]/i.test(n) && labels.has(slug(n)));
    const pick = b.facts.place;
    const placeOk =
      !!pick && (named(pick.area) || named(pick.site) || placeChain(pick.area, (id) => byId.get(id)).some(named));
    const allowed = new Set(
      arts
        .flatMap((a) => a.actors)
        .flatMap((id) => {
          const s = id.split(':')[1]!;
          return [`actor:${s}`, ...(LABEL_ACTORS[s] ?? []).map((x) => `actor:${x}`)];
        }),
    );
    const knowable = [...allowed].some((id) => actorIds.has(id));
    const shown = b.facts.actors.map((a) => a.id);
    const actorsOk = shown.every((id) => allowed.has(id)) && (!knowable || shown.length > 0);
    stories.push({ story, brief: b.en, placeOk, actorsOk });
  }

  const segments: SegmentCheck[] = [];
  for (const a of originals.filter((x) => x.lang === 'ar')) {
    const segs = segmentText(a.text);
    if (segs.length < 2) continue;
    segments.push(
      ...checkSegments(
        a,
        segs,
        tags.get(a.id)!.places.map((id) => byId.get(id)!),
      ),
    );
  }
  const ok = stories.filter((s) => s.placeOk && s.actorsOk).length;
  return {
    stories,
    segments,
    placeAndActorsRate: stories.length ? ok / stories.length : 0,
    segmentRate: segments.length ? segments.filter((s) => s.ok).length / segments.length : 1,
    seeds,
  };
}

/** For each segment: a watch on the place named most in it (and least elsewhere); summary in it? */
function checkSegments(a: EvalItem, segs: ReturnType<typeof segmentText>, places: Place[]): SegmentCheck[] {
  const mentions = findMentions(a.text, textWords(a.text), buildNameIndex(places, []));
  const inSeg = (k: number, x: { start: number }) => x.start >= segs[k]!.start && x.start < segs[k]!.end;
  return segs.map((_, k) => {
    const score = new Map<string, number>();
    for (const m of mentions) score.set(m.id, (score.get(m.id) ?? 0) + (inSeg(k, m) ? 1 : -1));
    const [watch] = [...score.entries()].sort((x, y) => y[1] - x[1])[0] ?? ['', 0];
    const hits = mentions.filter((m) => m.id === watch);
    const s = extractiveSummary({ title: a.title, text: a.text, lang: 'ar', hits });
    const ok = s.spans.length > 0 && s.spans.every((sp) => inSeg(k, sp));
    return { article: a.id, segment: k, watch, ok, summary: s.text };
  });
}

function main() {
  const r = runSummaryEval();
  if (!r.seeds) console.warn('seeds not found (../shared/seeds): evaluated without them');
  for (const s of r.stories)
    if (!s.placeOk || !s.actorsOk)
      console.log(`MISS ${s.story}: place ${s.placeOk} actors ${s.actorsOk}\n  ${s.brief}`);
  for (const s of r.segments)
    console.log(`segment ${s.article}#${s.segment} watch ${s.watch}: ${s.ok ? 'ok' : 'WRONG'}\n  ${s.summary}`);
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  console.log(
    `stories: ${r.stories.length}; English brief names a labelled place and only labelled actors: ${pct(r.placeAndActorsRate)}`,
  );
  console.log(
    `  place ok: ${r.stories.filter((s) => s.placeOk).length}/${r.stories.length}, actors ok: ${r.stories.filter((s) => s.actorsOk).length}/${r.stories.length}`,
  );
  console.log(
    `multi-story articles: ${new Set(r.segments.map((s) => s.article)).size}; Arabic summary from the matched part: ${pct(r.segmentRate)} (${r.segments.filter((s) => s.ok).length}/${r.segments.length} segments)`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
