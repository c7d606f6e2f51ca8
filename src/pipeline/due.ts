// Which sources are due for a poll. Pure.
import type { SourceState } from '../store/source-state-repo';
import type { Source } from '../types';

export function dueSources(
  sources: readonly Source[],
  states: ReadonlyMap<string, SourceState>,
  now: number,
  inFlight: ReadonlySet<string>,
): Source[] {
  return sources
    .filter((s) => s.enabled && !inFlight.has(s.id))
    .filter((s) => {
      const next = states.get(s.id)?.nextPollAt ?? null;
      return next === null || next <= now;
    })
    .sort((a, b) => (states.get(a.id)?.nextPollAt ?? 0) - (states.get(b.id)?.nextPollAt ?? 0));
}
