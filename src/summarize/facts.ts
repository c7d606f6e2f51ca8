// Language-neutral facts of a story, each with the spans of text it comes from: places and actors
// (ids of the gazetteer and alias tables), event types and counts (config/event-lexicon.yaml).
// Only the part of an article that the brief is about is read: the matched segment of the matched
// article, the lead segment of the others (see ./segments).
import { type Count, findCounts } from './counts';
import type { EventEntry, Lexicon } from './lexicon';
import { findMentions, type NameIndex } from './mentions';
import { matchesAt, textWords } from './words';

export interface Doc {
  readonly title: string;
  readonly text: string;
  /** The part of `text` to read (default: all). */
  readonly range?: { readonly start: number; readonly end: number };
  /** Whether the title belongs to that part (not when the match is a later story of the article). */
  readonly useTitle?: boolean;
}

export interface FactSpan {
  readonly doc: number;
  readonly where: 'title' | 'body';
  readonly start: number;
  readonly end: number;
}

export interface Found {
  readonly id: string;
  readonly spans: FactSpan[];
}

export interface CountFact extends Omit<Count, 'start' | 'end'> {
  readonly spans: FactSpan[];
}

export interface StoryFacts {
  readonly names: readonly Found[];
  readonly events: readonly Found[];
  readonly counts: readonly CountFact[];
}

function findEvents(words: ReturnType<typeof textWords>, events: readonly EventEntry[]) {
  const out: { id: string; start: number; end: number }[] = [];
  for (let i = 0; i < words.length; i++) {
    for (const e of events) {
      const p = e.phrases.find((ph) => matchesAt(words, i, ph));
      if (p) {
        out.push({ id: e.id, start: words[i]!.start, end: words[i + p.length - 1]!.end });
        i += p.length - 1;
        break;
      }
    }
  }
  return out;
}

function push(map: Map<string, Found>, id: string, span: FactSpan) {
  const f = map.get(id) ?? { id, spans: [] };
  f.spans.push(span);
  map.set(id, f);
}

export function collectFacts(docs: readonly Doc[], lex: Lexicon, names: NameIndex): StoryFacts {
  const nameMap = new Map<string, Found>();
  const eventMap = new Map<string, Found>();
  const countMap = new Map<string, CountFact>();
  docs.forEach((d, doc) => {
    const parts: { where: 'title' | 'body'; text: string; offset: number }[] = [];
    if (d.useTitle !== false && d.title.trim() !== '') parts.push({ where: 'title', text: d.title, offset: 0 });
    const r = d.range ?? { start: 0, end: d.text.length };
    parts.push({ where: 'body', text: d.text.slice(r.start, r.end), offset: r.start });
    for (const part of parts) {
      const words = textWords(part.text);
      const span = (s: { start: number; end: number }): FactSpan => ({
        doc,
        where: part.where,
        start: s.start + part.offset,
        end: s.end + part.offset,
      });
      for (const m of findMentions(part.text, words, names)) push(nameMap, m.id, span(m));
      for (const e of findEvents(words, lex.events)) push(eventMap, e.id, span(e));
      for (const c of findCounts(part.text, words, lex)) {
        const key = `${c.id}:${c.value}`;
        const prev = countMap.get(key);
        if (prev) prev.spans.push(span(c));
        else countMap.set(key, { id: c.id, value: c.value, approx: c.approx, subject: c.subject, spans: [span(c)] });
      }
    }
  });
  return { names: [...nameMap.values()], events: [...eventMap.values()], counts: [...countMap.values()] };
}

/** Weight of a fact: mentions, title mentions count twice. */
export const weight = (f: { spans: readonly FactSpan[] }) =>
  f.spans.reduce((n, s) => n + (s.where === 'title' ? 2 : 1), 0);
