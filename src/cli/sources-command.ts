// `rased sources [--json]`: each source with its health: the config file's, then those added from chat
// (/source add, table sources_dynamic) validated by the same rules.
import { existsSync } from 'node:fs';
import { dynamicSources } from '../sources/admin';
import type { ConfiguredSource } from '../sources/config';
import { formatHealthLines, healthReport } from '../sources/health';
import { openStore } from '../store/db';
import { createSourceStateRepo, type SourceState } from '../store/source-state-repo';
import { createSourcesRepo } from '../store/sources-repo';
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
  const { config } = loaded.value;
  let sources: readonly ConfiguredSource[] = loaded.value.sources;
  let states = new Map<string, SourceState>();
  if (existsSync(config.databasePath)) {
    // Read-only and without the lock: works while `rased run` is polling.
    const store = openStore(config.databasePath, { readonly: true });
    try {
      states = createSourceStateRepo(store.db).all();
      sources = [...sources, ...chatAdded(store.db, sources, io)];
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

/** Chat-added sources; none in a database not yet migrated (read-only opens do not migrate). */
function chatAdded(db: Parameters<typeof createSourcesRepo>[0], file: readonly ConfiguredSource[], io: CommandIO) {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sources_dynamic'").get();
  if (!hasTable) return [];
  const entries = createSourcesRepo(db)
    .list()
    .map((r) => r.entry);
  const { sources, skipped } = dynamicSources(entries, new Set(file.map((s) => s.id)));
  for (const reason of skipped) io.err(`rased sources: skipped a chat-added source: ${reason}`);
  return sources;
}
