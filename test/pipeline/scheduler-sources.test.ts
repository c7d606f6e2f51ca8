// The scheduler asks for its sources on every tick: a source added from chat is polled on the next
// tick and a removed one is not, without a restart. Real SQLite state; polls are recorded.
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/observe/log';
import type { PollReport } from '../../src/pipeline/poll-source';
import { createScheduler } from '../../src/pipeline/scheduler';
import { parseSourcesConfig } from '../../src/sources/config';
import { openStore } from '../../src/store/db';
import { createSourceStateRepo } from '../../src/store/source-state-repo';
import type { Source } from '../../src/types';

const parsed = parseSourcesConfig(
  'sources:\n  - { id: one, name: One, url: "https://one.example/feed" }\n  - { id: two, name: Two, url: "https://two.example/feed" }\n',
  'test.yaml',
);

describe('scheduler with a changing source list', () => {
  it('polls what the list holds at each tick and run', async () => {
    if (!parsed.ok) throw new Error(parsed.error);
    const [one, two] = parsed.value as [Source, Source];
    let list: Source[] = [one];
    const polled: string[] = [];
    const scheduler = createScheduler({
      sources: () => list,
      sourceState: createSourceStateRepo(openStore(':memory:').db),
      poll: async (s) => {
        polled.push(s.id);
        const report: PollReport = {
          sourceId: s.id,
          outcome: 'ok',
          fetched: 0,
          new: 0,
          updated: 0,
          announced: 0,
          nextPollAt: 2_000,
        };
        return report;
      },
      afterTick: async () => {},
      clock: () => 1_000,
      log: silentLogger(),
      concurrency: 2,
    });
    await scheduler.runOnce();
    expect(polled).toEqual(['one']);

    list = [one, two]; // added from chat
    polled.length = 0;
    scheduler.start('0 0 1 1 *'); // the first tick fires at once; the cron one not during the test
    await scheduler.stop();
    expect(polled.sort()).toEqual(['one', 'two']);

    list = [one]; // removed from chat
    polled.length = 0;
    await scheduler.runOnce();
    expect(polled).toEqual(['one']);
  });
});
