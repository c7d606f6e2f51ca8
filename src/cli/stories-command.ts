// `rased stories [--since 24h] [--json]`: stories with their articles (outlet, URL, time, language)
// and why each joined (score and shared features). Read-only: works while `rased run` is polling.
import { existsSync } from 'node:fs';
import { loadStoryListing } from '../dedup/stories-load';
import { formatStoriesJson, formatStoriesText } from '../dedup/stories-report';
import { parseDuration } from '../sources/schedule';
import { openStore } from '../store/db';
import { loadAll } from './load';
import type { CommandIO } from './parse-command';

const USAGE = 'usage: rased stories [--since 24h] [--json]';

export function storiesCommand(
  args: string[],
  env: Record<string, string | undefined>,
  io: CommandIO,
  now = Date.now(),
): number {
  let sinceMs = 24 * 3_600_000;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--json') json = true;
    else if (a === '--since') {
      const d = parseDuration(args[++i] ?? '');
      if (d === null) {
        io.err(`rased stories: --since needs a duration such as 6h, 24h or 7d\n${USAGE}`);
        return 2;
      }
      sinceMs = d;
    } else {
      io.err(`rased stories: unknown option ${a}\n${USAGE}`);
      return 2;
    }
  }
  const loaded = loadAll(env);
  if (!loaded.ok) {
    io.err(`rased: ${loaded.error}`);
    return 1;
  }
  const { config, sources } = loaded.value;
  if (!existsSync(config.databasePath)) {
    io.err(`rased stories: no database at ${config.databasePath} yet; run \`rased run\` first`);
    return 1;
  }
  const store = openStore(config.databasePath, { readonly: true });
  try {
    const names = new Map(sources.map((s) => [s.id, s.name]));
    const stories = loadStoryListing(store.db, now - sinceMs).map((s) => ({
      ...s,
      articles: s.articles.map((a) => ({ ...a, outlet: names.get(a.outlet) ?? a.outlet })),
    }));
    io.out(json ? formatStoriesJson(stories) : formatStoriesText(stories));
    return 0;
  } finally {
    store.close();
  }
}
