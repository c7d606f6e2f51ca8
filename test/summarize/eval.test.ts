// Summary quality on the dedup evaluation stories (scripts/eval-summaries.ts prints the details).
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runSummaryEval } from '../../scripts/eval-summaries';
import { SEEDS_DIR } from './fixtures';

const seeds = existsSync(SEEDS_DIR);
if (!seeds) console.warn('SKIPPED: the multi-story check needs ../shared/seeds (seed 000 is the multi-story article)');

describe('summary quality on the evaluation stories', () => {
  const r = runSummaryEval();

  it('the English brief names a labelled place and only labelled actors for >= 95% of stories', () => {
    expect(r.stories.length).toBeGreaterThanOrEqual(20);
    expect(r.placeAndActorsRate).toBeGreaterThanOrEqual(0.95);
  });

  it.skipIf(!seeds)('the Arabic summary comes from the matched part of every multi-story article', () => {
    expect(r.segments.length).toBeGreaterThanOrEqual(2);
    expect(r.segments.filter((s) => !s.ok)).toEqual([]);
  });
});
