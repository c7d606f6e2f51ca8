// Runs the labelled dedup evaluation and holds the quality targets of issue 4.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runDedupEval, SEEDS_DIR } from '../../../scripts/eval-dedup';

const haveSeeds = existsSync(SEEDS_DIR);
if (!haveSeeds) console.warn(`SKIPPING dedup eval: ${SEEDS_DIR} is missing (it ships with ../shared; CI has it)`);

describe.skipIf(!haveSeeds)('dedup evaluation set', () => {
  const r = runDedupEval();

  it('has at least 80 articles in at least 20 stories, seeds included', () => {
    expect(r.seeds).toBe(true);
    expect(r.articles).toBeGreaterThanOrEqual(80);
    expect(r.stories).toBeGreaterThanOrEqual(20);
  });

  it('same article: precision >= 0.99, recall >= 0.95', () => {
    expect(r.sameArticle.precision).toBeGreaterThanOrEqual(0.99);
    expect(r.sameArticle.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('same story: precision >= 0.95, recall >= 0.90', () => {
    expect(r.sameStory.precision).toBeGreaterThanOrEqual(0.95);
    expect(r.sameStory.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('puts the two seed reports (two outlets, one event) in one story', () => {
    expect(r.predicted.get('seed-000')!.story).toBe(r.predicted.get('seed-001')!.story);
  });

  it('keeps two attacks on the same town on different days apart', () => {
    expect(r.predicted.get('azaz1-ar-a')!.story).not.toBe(r.predicted.get('azaz2-ar-a')!.story);
    expect(r.predicted.get('idlib1-ar-a')!.story).not.toBe(r.predicted.get('idlib2-ar-a')!.story);
    expect(r.predicted.get('kirkuk1-ar-a')!.story).not.toBe(r.predicted.get('kirkuk2-ar-a')!.story);
  });
});
