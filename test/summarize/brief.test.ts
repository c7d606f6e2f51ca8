import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAliasGroups } from '../../src/match/aliases';
import { loadGazetteer } from '../../src/match/gazetteer';
import { buildBrief } from '../../src/summarize/brief';
import { segmentText } from '../../src/summarize/segments';
import { ACTORS, lexicon, PLACES, placeById, SEEDS_DIR, TWO_STORIES_AR } from './fixtures';

const brief = (text: string, opts: { range?: { start: number; end: number }; outlets?: string[] } = {}) =>
  buildBrief({
    docs: [{ title: '', text, ...(opts.range ? { range: opts.range } : {}) }],
    lexicon,
    places: PLACES,
    actors: ACTORS,
    placeById,
    outlets: opts.outlets ?? [],
  });

describe('automatic brief', () => {
  const [raqqa, tafas] = segmentText(TWO_STORIES_AR);

  it('Raqqa story: place, site, events, actors, counts, outlets — in both languages, labelled', () => {
    const b = brief(TWO_STORIES_AR, { range: raqqa!, outlets: ['Raqqa Post'] });
    expect(b.en).toBe(
      'Automatic brief: Raqqa, Syria — car bomb, clashes and escape at Raqqa central prison; SDF, ISIS; 4 killed, about 15 prisoners escaped. Raqqa Post.',
    );
    expect(b.ar).toMatch(/^موجز آلي: الرقة، سوريا — سيارة مفخخة/);
    expect(b.ar).toContain('في سجن الرقة المركزي');
    expect(b.ar).toContain('قسد، داعش');
    expect(b.ar).toContain('مقتل 4');
    expect(b.ar).toContain('فرار نحو 15 من السجناء');
  });

  it('Tafas story of the same article: Daraa, shelling, 3 wounded, no Raqqa', () => {
    const b = brief(TWO_STORIES_AR, { range: tafas! });
    expect(b.en).toContain('Tafas, Daraa Governorate, Syria — shelling');
    expect(b.en).toContain('Syrian government forces');
    expect(b.en).toContain('3 civilians wounded');
    expect(b.en).not.toMatch(/Raqqa|ISIS|escaped/);
  });

  it('every item rests on a span of the text that names it', () => {
    const b = brief(TWO_STORIES_AR, { range: raqqa! });
    const f = b.facts;
    const slices = (spans: readonly { start: number; end: number }[]) =>
      spans.map((s) => TWO_STORIES_AR.slice(s.start, s.end));
    expect(slices(f.place!.spans)).toContain('سجن الرقة المركزي');
    expect(slices(f.actors.find((a) => a.id === 'actor:isis')!.spans)).toContain('داعش');
    expect(slices(f.events.find((e) => e.id === 'car-bomb')!.spans)).toContain('بسيارة مفخخة');
    expect(slices(f.counts.find((c) => c.id === 'killed')!.spans)).toEqual(['مقتل 4']);
    for (const group of [f.actors, f.events, f.counts])
      for (const x of group) expect(x.spans.length).toBeGreaterThan(0);
  });

  const nothingInvented: [string, string][] = [
    ['a year is not a count', 'Fighting resumed in Raqqa in 2019 after a pause.'],
    ['a resolution number is not a count', 'ISIS fighters near Raqqa cited resolution 2254.'],
    ['a number across a clause is not a count', 'Clashes in Raqqa, 40 trucks were stopped and nobody was killed.'],
  ];
  it.each(nothingInvented)('%s', (_n, text) => {
    const b = brief(text);
    expect(b.facts.counts).toEqual([]);
    expect(b.en).not.toMatch(/\d{2,}/);
  });

  it('a text with no known place or event still gets a labelled, honest line', () => {
    const b = brief('Nothing in particular happened today.');
    expect(b.en).toBe('Automatic brief: no details found.');
    expect(b.ar).toBe('موجز آلي: لا تفاصيل.');
  });
});

const seeds = existsSync(SEEDS_DIR);
describe.skipIf(!seeds)('brief on the seeds with the real gazetteer and alias table', () => {
  const aliases = loadAliasGroups();
  const gazetteer = loadGazetteer();
  const byId = new Map(gazetteer.map((p) => [p.id, p]));
  const text = readFileSync(new URL('000_4c626860a6bcd3a7.txt', SEEDS_DIR), 'utf8');
  const [hasakah, idlib] = segmentText(text);
  const run = (range: { start: number; end: number }) =>
    buildBrief({
      docs: [{ title: '', text, range }],
      lexicon,
      places: gazetteer,
      actors: aliases.ok ? aliases.value : [],
      placeById: (id) => byId.get(id),
      outlets: ['Al-Araby Al-Jadeed'],
    });

  it('the Hasakah part: Hasakah, the prison, ISIS and SDF, 20 prisoners escaped', () => {
    const b = run(hasakah!);
    expect(b.en).toMatch(/^Automatic brief: Al-Hasakah, Syria — .*car bomb.* at Ghwayran prison; /);
    expect(b.en).toContain('(ISIS)');
    expect(b.en).toContain('(SDF)');
    expect(b.en).toContain('20 prisoners escaped');
  });

  it('the Idlib part: Idlib, shelling, no Hasakah', () => {
    const b = run(idlib!);
    expect(b.en).toMatch(/^Automatic brief: Idlib/);
    expect(b.en).toContain('shelling');
    expect(b.en).not.toMatch(/Hasakah|ISIS|escaped/);
  });
});
