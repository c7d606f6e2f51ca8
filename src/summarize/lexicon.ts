// The bilingual event lexicon (config/event-lexicon.yaml), validated and compiled to phrase keys.
// Pure: the caller reads the file (./lexicon-file) and passes the text.
import { parse } from 'yaml';
import { z } from 'zod';
import { phraseKeys } from './words';

const bilingualWords = z.object({ en: z.array(z.string()).default([]), ar: z.array(z.string()).default([]) });
const named = { id: z.string().min(1), en: z.string().min(1), ar: z.string().min(1) };

const schema = z.object({
  events: z.array(
    z.object({
      ...named,
      priority: z.number().int().default(5),
      suppressedBy: z.array(z.string()).default([]),
      triggers: bilingualWords,
    }),
  ),
  counts: z.array(z.object({ ...named, triggers: bilingualWords })),
  subjects: z.array(z.object({ ...named, words: bilingualWords })),
  approx: z.array(z.object({ ...named, words: bilingualWords })),
});

export type LexiconFile = z.infer<typeof schema>;

/** An entry with display names and its trigger phrases as keys, longest first. */
export interface LexiconEntry {
  readonly id: string;
  readonly en: string;
  readonly ar: string;
  readonly phrases: readonly (readonly string[])[];
}

export interface EventEntry extends LexiconEntry {
  readonly priority: number;
  readonly suppressedBy: readonly string[];
}

export interface Lexicon {
  readonly events: readonly EventEntry[];
  readonly counts: readonly LexiconEntry[];
  readonly subjects: readonly LexiconEntry[];
  readonly approx: readonly LexiconEntry[];
}

function compilePhrases(w: { en: string[]; ar: string[] }): string[][] {
  const all = [...w.en, ...w.ar].map(phraseKeys).filter((k) => k.length > 0);
  const unique = new Map(all.map((k) => [k.join(' '), k]));
  return [...unique.values()].sort((a, b) => b.length - a.length);
}

/** Validates a lexicon object; throws with the first problem and where it is (a broken install). */
export function compileLexicon(raw: unknown, origin = 'event lexicon'): Lexicon {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${origin} is malformed at ${issue.path.join('.')}: ${issue.message}`);
  }
  const f = parsed.data;
  const entry = (e: { id: string; en: string; ar: string }, words: { en: string[]; ar: string[] }) => ({
    id: e.id,
    en: e.en,
    ar: e.ar,
    phrases: compilePhrases(words),
  });
  return {
    events: f.events.map((e) => ({ ...entry(e, e.triggers), priority: e.priority, suppressedBy: e.suppressedBy })),
    counts: f.counts.map((c) => entry(c, c.triggers)),
    subjects: f.subjects.map((s) => entry(s, s.words)),
    approx: f.approx.map((a) => entry(a, a.words)),
  };
}

export function parseLexicon(yamlText: string, origin?: string): Lexicon {
  return compileLexicon(parse(yamlText), origin);
}
