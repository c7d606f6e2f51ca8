// The run loop: node-cron fires a tick every few seconds; each tick polls the sources that are
// due (each on its own `every`, with jitter), at most `concurrency` at a time, then lets the
// sinks deliver. Errors are caught per source: one broken source never stops the others. The source
// list is asked for on every tick, so sources added or removed from chat take effect without a restart.
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../observe/log';
import type { SourceStateRepo } from '../store/source-state-repo';
import type { Source } from '../types';
import { dueSources } from './due';
import type { PollReport } from './poll-source';

export interface SchedulerDeps<S extends Source = Source> {
  /** The sources to poll now (config file + chat-added). */
  sources: () => readonly S[];
  sourceState: SourceStateRepo;
  poll: (s: S) => Promise<PollReport>;
  /** Called after each tick that stored something (delivery of what is due). */
  afterTick: () => Promise<void>;
  clock: () => number;
  log: Logger;
  concurrency: number;
}

export function createScheduler<S extends Source>(deps: SchedulerDeps<S>) {
  const inFlight = new Set<string>();
  let ticking: Promise<void> | null = null;
  let task: ScheduledTask | null = null;

  async function pollGuarded(s: S): Promise<PollReport | null> {
    inFlight.add(s.id);
    try {
      return await deps.poll(s);
    } catch (err) {
      deps.log.error({ source_id: s.id, err }, 'poll crashed (bug): the source will be retried on the next tick');
      return null;
    } finally {
      inFlight.delete(s.id);
    }
  }

  async function runPolls(list: readonly S[]): Promise<PollReport[]> {
    const queue = [...list];
    const reports: PollReport[] = [];
    const worker = async () => {
      for (let s = queue.shift(); s; s = queue.shift()) {
        const r = await pollGuarded(s);
        if (r) reports.push(r);
      }
    };
    await Promise.all(Array.from({ length: Math.min(deps.concurrency, queue.length) }, worker));
    return reports;
  }

  async function tick(): Promise<void> {
    // dueSources filters and sorts the very objects it is given: they are still S.
    const due = dueSources(deps.sources(), deps.sourceState.all(), deps.clock(), inFlight) as S[];
    if (due.length === 0) return;
    await runPolls(due);
    await deps.afterTick();
  }

  return {
    /** Poll every enabled source once (ignoring schedules), then deliver: `rased run --once`. */
    async runOnce(): Promise<PollReport[]> {
      const reports = await runPolls(deps.sources().filter((s) => s.enabled));
      await deps.afterTick();
      return reports;
    },
    start(tickExpr = '*/5 * * * * *') {
      const fire = () => {
        if (ticking) return ticking; // the previous tick is still running; its sources are in flight
        ticking = tick()
          .catch((err) => deps.log.error({ err }, 'tick failed'))
          .finally(() => {
            ticking = null;
          });
        return ticking;
      };
      task = cron.schedule(tickExpr, fire, { name: 'rased-tick' });
      void fire();
    },
    async stop() {
      await task?.stop();
      await task?.destroy();
      task = null;
      await ticking;
    },
  };
}
