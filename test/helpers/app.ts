// A real app (real SQLite file with the real migrations, real fetcher/parser/extractor) on a temp
// directory, for end-to-end pipeline tests against local servers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/observe/log';
import { parseSourcesConfig } from '../../src/sources/config';
import { loadWorld, type World } from '../../src/world';

export interface TestApp {
  readonly app: ReturnType<typeof createApp>;
  readonly lines: string[];
  readonly dir: string;
  /** Closes this app and opens a new one on the same database (a restart). */
  restart(): TestApp;
  close(): Promise<void>;
}

// One world per test file, built before the app starts (the app builds it on the first article
// otherwise, inside a poll, where its second or two would count against the fetch timeouts).
let sharedWorld: World | null = null;
function testWorld(): World {
  if (!sharedWorld) {
    const w = loadWorld('config');
    if (!w.ok) throw new Error(w.error);
    sharedWorld = w.value;
  }
  return sharedWorld;
}

export function tempDir(prefix = 'rased-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function startTestApp(
  sourcesYaml: string,
  opts: { dir?: string; env?: Record<string, string>; clock?: () => number; world?: World } = {},
): TestApp {
  const dir = opts.dir ?? tempDir();
  const sources = parseSourcesConfig(sourcesYaml, 'test-sources.yaml');
  if (!sources.ok) throw new Error(sources.error);
  const config = loadConfig({
    DATABASE_PATH: join(dir, 'rased.db'),
    FETCH_TIMEOUT_MS: '5000',
    ALLOW_PRIVATE_SOURCES: 'true',
    ...opts.env,
  });
  if (!config.ok) throw new Error(config.error);
  const lines: string[] = [];
  const app = createApp({
    config: config.value,
    sources: sources.value,
    log: silentLogger(),
    write: (l) => lines.push(l),
    random: () => 0,
    ...(opts.clock ? { clock: opts.clock } : {}),
    world: opts.world ?? testWorld(),
  });
  const self: TestApp = {
    app,
    lines,
    dir,
    restart() {
      app.store.close();
      return startTestApp(sourcesYaml, { ...opts, dir });
    },
    async close() {
      await app.close().catch(() => {});
      if (!opts.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
  return self;
}
