// The automatic brief: a one-line account in either language built only from language-neutral facts
// (./facts) — place and site (gazetteer display names), actors (alias-group names), event types and
// counts (config/event-lexicon.yaml), outlets and time. It is labelled as an automatic brief, never
// as a translation, and says nothing that is not a fact with a span in the text:
//   Automatic brief: Al-Hasakah, Syria — car bomb, prison break and clashes at Ghwayran prison; ISIS, SDF;
//   20 prisoners escaped. Al-Araby Al-Jadeed, Al Mayadeen.
import type { AliasGroup, Place } from '../match/places-types';
import { type CountFact, collectFacts, type Doc, type Found, weight } from './facts';
import type { Lexicon } from './lexicon';
import { buildNameIndex } from './mentions';
import { type PlaceById, type PlacePick, pickPlace } from './place-pick';

export const BRIEF_LABEL = { en: 'Automatic brief', ar: 'موجز آلي' } as const;
export type Outlet = string | { readonly en: string; readonly ar: string };

export interface BriefInput {
  readonly docs: readonly Doc[];
  readonly lexicon: Lexicon;
  /** Places the pipeline tagged (candidates; only those named in the read part count). */
  readonly places: readonly Place[];
  readonly actors: readonly AliasGroup[];
  /** Parents of places (the gazetteer); defaults to the candidates themselves. */
  readonly placeById?: PlaceById;
  readonly outlets?: readonly Outlet[];
  /** Epoch ms of the first report. */
  readonly at?: number | null;
  readonly maxActors?: number;
  readonly maxEvents?: number;
  readonly maxCounts?: number;
}

/** What the brief says, with the spans each item rests on (for tests and the what's-new diff). */
export interface BriefFacts {
  readonly place: PlacePick | null;
  readonly actors: readonly (Found & { group: AliasGroup })[];
  readonly events: readonly (Found & { en: string; ar: string })[];
  readonly counts: readonly CountFact[];
  readonly outlets: readonly Outlet[];
  /** Every place id named in the read part (for follow-ups: new places). */
  readonly placeIds: readonly string[];
}

export interface Brief {
  readonly en: string;
  readonly ar: string;
  readonly facts: BriefFacts;
}

const byWeight = <T extends { spans: readonly unknown[] }>(a: T, b: T) => b.spans.length - a.spans.length;

export function briefFacts(input: BriefInput): BriefFacts {
  const candidates = new Map(input.places.map((p) => [p.id, p]));
  const byId: PlaceById = input.placeById ?? ((id) => candidates.get(id));
  const actorGroups = input.actors.filter((g) => g.kind === 'actor');
  const facts = collectFacts(input.docs, input.lexicon, buildNameIndex(input.places, actorGroups));
  const groups = new Map(actorGroups.map((g) => [g.id, g]));
  const placeFound = facts.names.filter((f) => candidates.has(f.id));
  const actors = facts.names
    .filter((f) => groups.has(f.id))
    .map((f) => ({ ...f, group: groups.get(f.id)! }))
    .sort((a, b) => weight(b) - weight(a))
    .slice(0, input.maxActors ?? 3);
  const entries = new Map(input.lexicon.events.map((e) => [e.id, e]));
  const present = new Set(facts.events.map((e) => e.id));
  const events = facts.events
    .map((f) => ({ ...f, entry: entries.get(f.id)! }))
    .filter((f) => !f.entry.suppressedBy.some((s) => present.has(s)))
    .sort((a, b) => weight(b) * b.entry.priority - weight(a) * a.entry.priority)
    .slice(0, input.maxEvents ?? 3)
    .map(({ entry, ...f }) => ({ ...f, en: entry.en, ar: entry.ar }));
  const order = new Map(input.lexicon.counts.map((c, i) => [c.id, i]));
  const bestPerId = new Map<string, CountFact>();
  for (const c of [...facts.counts].sort(byWeight)) if (!bestPerId.has(c.id)) bestPerId.set(c.id, c);
  const counts = [...bestPerId.values()]
    .sort((a, b) => order.get(a.id)! - order.get(b.id)!)
    .slice(0, input.maxCounts ?? 2);
  return {
    place: pickPlace(placeFound, byId),
    actors,
    events,
    counts,
    outlets: input.outlets ?? [],
    placeIds: placeFound.map((f) => f.id),
  };
}

const enList = (xs: readonly string[]) =>
  xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
const arList = (xs: readonly string[]) => xs.join(' و');
export const outletName = (o: Outlet, lang: 'en' | 'ar') => (typeof o === 'string' ? o : o[lang]);

export function countText(c: Omit<CountFact, 'spans'>, lexicon: Lexicon, lang: 'en' | 'ar'): string {
  const entry = lexicon.counts.find((e) => e.id === c.id)!;
  if (lang === 'en') return [c.approx?.en, String(c.value), c.subject?.en, entry.en].filter(Boolean).join(' ');
  return [entry.ar, c.approx?.ar, String(c.value), c.subject ? `من ${c.subject.ar}` : null].filter(Boolean).join(' ');
}

export function headline(p: PlacePick, lang: 'en' | 'ar'): string {
  const name = (x: Place) => (lang === 'en' ? x.nameEn : x.nameAr);
  const parts = [name(p.area)];
  if (p.governorate && !name(p.governorate).includes(name(p.area))) parts.push(name(p.governorate));
  if (p.country) parts.push(name(p.country));
  return parts.join(lang === 'en' ? ', ' : '، ');
}

function utc(at: number): string {
  return `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function renderBrief(f: BriefFacts, lexicon: Lexicon, lang: 'en' | 'ar', at?: number | null): string {
  const en = lang === 'en';
  const events = (en ? enList : arList)(f.events.map((e) => (en ? e.en : e.ar)));
  const site = f.place?.site ? (en ? f.place.site.nameEn : f.place.site.nameAr) : '';
  const what = events && site ? `${events} ${en ? 'at' : 'في'} ${site}` : events || site;
  const head = f.place ? headline(f.place, lang) : '';
  const main = head && what ? `${head} — ${what}` : head || what;
  const parts = [
    main,
    f.actors.map((a) => (en ? a.group.nameEn : a.group.nameAr)).join(en ? ', ' : '، '),
    f.counts.map((c) => countText(c, lexicon, lang)).join(en ? ', ' : '، '),
  ].filter((p) => p !== '');
  const label = en ? BRIEF_LABEL.en : BRIEF_LABEL.ar;
  let text = `${label}: ${parts.length > 0 ? parts.join(en ? '; ' : '؛ ') : en ? 'no details found' : 'لا تفاصيل'}.`;
  const tail = [...f.outlets.map((o) => outletName(o, lang)), ...(at ? [utc(at)] : [])];
  if (tail.length > 0) text += ` ${tail.join(en ? ', ' : '، ')}.`;
  return text;
}

export function buildBrief(input: BriefInput): Brief {
  const facts = briefFacts(input);
  return {
    en: renderBrief(facts, input.lexicon, 'en', input.at),
    ar: renderBrief(facts, input.lexicon, 'ar', input.at),
    facts,
  };
}
