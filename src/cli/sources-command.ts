// `rased sources [--json]`: each configured source with its health.
import { existsSync } from 'node:fs';
import { formatHealthLines, healthReport } from '../sources/health';
import { openStore } from '../store/db';
import { createSourceStateRepo, type SourceState } from '../store/source-state-repo';
import { loadAll } from './load';
import type { CommandIO } from './parse-command';

export function sourcesCommand(
  args: string[],
  env: Record<string, string | undefined>,
  io: CommandIO,
  now = Date.now(),
): number {
  const json = args.includes('--json');
  const unknown = args.filter((a) => a !== '--json');
  if (unknown.length) {
    io.err(`rased sources: unknown option ${unknown[0]} (usage: rased sources [--json])`);
    return 2;
  }
  const loaded = loadAll(env);
  if (!loaded.ok) {
    io.err(`rased: ${loaded.error}`);
    return 1;
  }
  const { config, sources } = loaded.value;
  let states = new Map<string, SourceState>();
  if (existsSync(config.databasePath)) {
    // Read-only and without the lock: works while `rased run` is polling.
    const store = openStore(config.databasePath, { readonly: true });
    try {
      states = createSourceStateRepo(store.db).all();
    } finally {
      store.close();
    }
  }
  const report = healthReport(sources, states);
  if (json) io.out(JSON.stringify(report, null, 2));
  else {
    io.out(
      `${report.status === 'ok' ? 'ok' : 'degraded'}: ${report.sources_total} sources, ${report.sources_failing} failing`,
    );
    for (const line of formatHealthLines(report.sources, now)) io.out(line);
  }
  return 0;
}
