// The source registry (file sources + chat-added ones in the real store) and `rased sources` reading
// the chat-added ones from the database.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourcesCommand } from '../../src/cli/sources-command';
import { createSourceRegistry } from '../../src/sources/admin';
import { parseSourcesConfig } from '../../src/sources/config';
import { openStore } from '../../src/store/db';
import { createSourcesRepo } from '../../src/store/sources-repo';
import { tempDir } from '../helpers/app';

const YAML = 'sources:\n  - { id: one, name: One, url: "https://one.example/feed" }\n';
const CHAT = { id: 'furat-post', name: 'فرات بوست', url: 'https://t.me/s/furatpost', kind: 'telegram', every: '10m' };

function fileSources() {
  const r = parseSourcesConfig(YAML, 'test.yaml');
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('createSourceRegistry', () => {
  it('file sources first, then chat-added; the same array until a change; file ids are read-only', () => {
    const repo = createSourcesRepo(openStore(':memory:').db);
    const skipped: string[] = [];
    repo.add({ ...CHAT, id: 'one' }, 'telegram:900', 1); // shadowed by the file
    const registry = createSourceRegistry({
      fileSources: fileSources(),
      store: repo,
      onSkipped: (r) => skipped.push(r),
    });
    const first = registry.all();
    expect(first.map((s) => s.id)).toEqual(['one']);
    expect(skipped).toEqual(['sources_dynamic (one): id also used in config/sources.yaml; the file wins']);
    expect(registry.all()).toBe(first);

    expect(registry.add(CHAT, 'telegram:900', 2)).toBe(true);
    expect(registry.all().map((s) => [s.id, s.kind])).toEqual([
      ['one', 'feed'],
      ['furat-post', 'telegram'],
    ]);
    expect([registry.origin('one'), registry.origin('furat-post'), registry.origin('x')]).toEqual([
      'file',
      'chat',
      null,
    ]);
    expect(registry.add(CHAT, 'telegram:900', 3)).toBe(false);

    expect(registry.remove('one')).toBe('read-only');
    expect(registry.remove('furat-post')).toBe('removed');
    expect(registry.remove('furat-post')).toBe('missing');
    expect(registry.all().map((s) => s.id)).toEqual(['one']);
  });
});

describe('rased sources', () => {
  it('lists chat-added sources after the file ones', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'sources.yaml'), YAML);
    const dbPath = join(dir, 'rased.db');
    const store = openStore(dbPath);
    createSourcesRepo(store.db).add(CHAT, 'slack:U1', 1);
    store.close();
    const out: string[] = [];
    const err: string[] = [];
    const code = sourcesCommand(
      [],
      { CONFIG_DIR: dir, DATABASE_PATH: dbPath },
      { out: (s) => out.push(s), err: (s) => err.push(s) },
    );
    expect(code).toBe(0);
    expect(out[0]).toMatch(/ok: 2 sources, 0 failing/);
    expect(out.join('\n')).toMatch(/furat-post\s+pending/);
    expect(err).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });
});
