// `npm run demo`: the whole pipeline offline. Serves the bundled sample feeds and pages from a local
// server, polls them into a temporary database, prints what it found, polls again (nothing new:
// 304s and stored keys), prints source health, exits.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../app';
import { loadConfig } from '../config';
import { createLogger } from '../observe/log';
import { parseSourcesConfig } from '../sources/config';
import { formatHealthLines } from '../sources/health';
import { startDemoSite } from './demo-site';
import type { CommandIO } from './parse-command';

const SAMPLES = fileURLToPath(new URL('../../data/samples', import.meta.url));

/** What a monitoring team might follow: a place (Arabic), an actor alias (English), a topic phrase. */
const DEMO_WATCHES = ['الحسكة', 'place:Idlib', 'ISIS "prison break"'];

export async function demoCommand(
  _args: string[],
  env: Record<string, string | undefined>,
  io: CommandIO,
): Promise<number> {
  const site = await startDemoSite(SAMPLES);
  const dir = mkdtempSync(join(tmpdir(), 'rased-demo-'));
  try {
    const yaml = `sources:\n${site.sources
      .map((s) => `  - { id: ${s.id}, name: "${s.name}", url: "${s.url}", lang: ${s.lang}, every: 5m, backfill: 20 }`)
      .join('\n')}\n`;
    writeFileSync(join(dir, 'sources.yaml'), yaml);
    const sources = parseSourcesConfig(yaml, join(dir, 'sources.yaml'));
    // The sample sites are served on 127.0.0.1, an address the fetcher refuses unless told otherwise.
    const config = loadConfig({
      ...env,
      CONFIG_DIR: dir,
      DATABASE_PATH: join(dir, 'rased.db'),
      PORT: '',
      ALLOW_PRIVATE_SOURCES: 'true',
    });
    if (!sources.ok || !config.ok) throw new Error(`demo configuration is broken: ${!sources.ok ? sources.error : ''}`);
    const log = createLogger({ level: env.LOG_LEVEL ?? 'warn' });
    const app = createApp({ config: config.value, sources: sources.value, log, write: io.out });

    io.out(`Rased demo — ${site.sources.length} sample sources served offline at ${site.origin}\n`);
    // A terminal subscriber with watches in both languages; its alerts go through the real outbox,
    // story threading, summaries and dispatcher, printed by the console sender.
    const now = Date.now();
    const me = app.subscribers.ensure({ platform: 'console', chatId: 'demo', uiLang: 'en' }, now);
    app.subscribers.setSummaryLang(me.id, 'both');
    for (const q of DEMO_WATCHES) {
      const w = app.subscribers.addWatch(me.id, q, {}, now);
      io.out(`watch #${w.id}: ${q}`);
    }
    io.out('\nRound 1: first poll (backfill on, so the sample articles are announced), then the alerts:\n');
    const first = await app.scheduler.runOnce();
    io.out(`\n→ ${first.reduce((n, r) => n + r.new, 0)} new articles stored from ${first.length} sources`);

    io.out('\nRound 2: poll again (conditional GET; stored keys prevent duplicates):');
    const before = site.requests.length;
    const second = await app.scheduler.runOnce();
    const notModified = site.requests.slice(before).filter((r) => r.status === 304).length;
    io.out(
      `→ ${second.reduce((n, r) => n + r.new, 0)} new articles; ${notModified} of ${second.length} feeds answered 304 Not Modified\n`,
    );

    io.out('Source health (rased sources):');
    for (const line of formatHealthLines(app.health().sources, Date.now())) io.out(`  ${line}`);
    await app.close();
    return 0;
  } finally {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
