// /source list|add|remove in the command core: parsing (Telegram and Slack), who may add and remove,
// each refusal with its reason in Arabic and English, and the chat-added store behind it (real SQLite
// with the real migrations, the real registry). Discovery is a fixed table of answers per URL.
import { describe, expect, it } from 'vitest';
import { createCommandCore } from '../../src/chat/commands/core';
import { parseCommand } from '../../src/chat/commands/parse';
import type { SourceAdmin } from '../../src/chat/commands/source';
import type { Actor, ChatRef } from '../../src/chat/commands/types';
import { parseSlash } from '../../src/chat/slack/slash';
import { createOutboxStore } from '../../src/deliver/outbox-store';
import { createSourceRegistry } from '../../src/sources/admin';
import { parseSourcesConfig } from '../../src/sources/config';
import type { DiscoveryReport } from '../../src/sources/discover';
import { createArticlesRepo } from '../../src/store/articles-repo';
import { type Db, openStore } from '../../src/store/db';
import { createSourcesRepo } from '../../src/store/sources-repo';
import type { Result } from '../../src/types';

const FILE = parseSourcesConfig(
  'sources:\n  - { id: outlet-one, name: Outlet One, url: "https://outlet-one.example/feed" }\n',
  'test.yaml',
);

const feed = (url: string, articles = 12): Result<DiscoveryReport> => ({
  ok: true,
  value: { found: { kind: 'feed', url, title: 'Deir ez-Zor 24', lang: 'ar', articles }, tried: [] },
});
const DISCOVERED: Record<string, Result<DiscoveryReport>> = {
  'https://deirezzor24.example/': feed('https://deirezzor24.example/feed'),
  'https://outlet-one.example/': feed('https://outlet-one.example/feed'),
  'https://empty.example/': { ok: true, value: { found: null, tried: [] } },
  'http://10.0.0.5/': {
    ok: false,
    error: 'refused http://10.0.0.5/: 10.0.0.5 is an internal address (private); only public addresses are fetched',
  },
};

function setup() {
  if (!FILE.ok) throw new Error(FILE.error);
  const { db } = openStore(':memory:');
  const registry = createSourceRegistry({ fileSources: FILE.value, store: createSourcesRepo(db) });
  const fetched: string[] = [];
  const admin: SourceAdmin = {
    list: () =>
      registry
        .all()
        .map((s) => ({ id: s.id, name: s.name, url: s.url, origin: registry.origin(s.id)!, ok: true, error: null })),
    discover: async (url) => {
      fetched.push(url);
      return DISCOVERED[url] ?? { ok: false, error: `no answer for ${url}` };
    },
    save: (entry, by) => registry.add(entry, by, 1_000),
    remove: (id) => registry.remove(id),
  };
  const core = coreOn(db, admin);
  const chat: ChatRef = { platform: 'telegram', chatId: '501', chatType: 'private', title: null, threadId: null };
  const run = (text: string, actor: Actor) => core.execute(parseCommand(text)!, chat, actor);
  return { registry, core, run, fetched };
}

const ADMIN: Actor = { userId: '900', langCode: 'en', canEdit: true, isDeploymentAdmin: true };
const ADMIN_AR: Actor = { ...ADMIN, langCode: 'ar' };
const READER: Actor = { userId: '501', langCode: 'en', canEdit: true, isDeploymentAdmin: false };
const READER_AR: Actor = { ...READER, langCode: 'ar' };

/** The command core on `db`, with /source wired to `admin` when given (no matching needed here). */
function coreOn(db: Db, admin?: SourceAdmin) {
  return createCommandCore({
    store: createOutboxStore(db),
    articles: createArticlesRepo(db),
    matchContext: () => {
      throw new Error('not needed');
    },
    sources: () => [],
    clock: () => 1_000,
    ...(admin ? { sourceAdmin: admin } : {}),
  });
}

describe('/source parsing', () => {
  it.each([
    ['/source list', { name: 'source', action: 'list' }],
    ['/source add https://x.example/', { name: 'source', action: 'add', url: 'https://x.example/' }],
    ['/source remove deirezzor24-example', { name: 'source', action: 'remove', id: 'deirezzor24-example' }],
    ['/source', { name: 'usage', usage: 'source.usage' }],
    ['/source add', { name: 'usage', usage: 'source.usage' }],
    ['/source add a b', { name: 'usage', usage: 'source.usage' }],
    ['/source remove Not_A_Slug', { name: 'usage', usage: 'source.usage' }],
    ['/source drop x', { name: 'usage', usage: 'source.usage' }],
  ])('%s', (text, want) => {
    expect(parseCommand(text)).toEqual(want);
  });

  it('Slack: /rased source add, with the link as Slack escapes it', () => {
    expect(parseSlash('source add <https://x.example/|x.example>')).toEqual({
      name: 'source',
      action: 'add',
      url: 'https://x.example/',
    });
    expect(parseSlash('source list')).toEqual({ name: 'source', action: 'list' });
  });
});

describe('/source in the command core', () => {
  it('needs no group-admin check (the gate is the deployment admin list)', () => {
    const { core } = setup();
    expect(core.needsPermission(parseCommand('/source add https://x.example/')!)).toBe(false);
  });

  it.each([
    ['non-admin add', READER, '/source add https://deirezzor24.example/', 'only the administrators of this Rased'],
    ['non-admin add (ar)', READER_AR, '/source add https://deirezzor24.example/', 'لمسؤولي هذا النشر'],
    ['non-admin remove', READER, '/source remove outlet-one', 'only the administrators of this Rased'],
    ['file: scheme', ADMIN, '/source add file:///etc/passwd', 'is not a web address'],
    ['javascript: scheme (ar)', ADMIN_AR, '/source add javascript:alert(1)', 'ليس عنوان ويب'],
    ['internal address', ADMIN, '/source add http://10.0.0.5/', 'is an internal address (private)'],
    ['nothing found', ADMIN, '/source add https://empty.example/', 'No feed and no list of article links'],
    ['already a source', ADMIN, '/source add https://outlet-one.example/', 'is already a source (outlet-one)'],
    ['config-file source', ADMIN, '/source remove outlet-one', 'comes from the configuration file'],
    ['no such source', ADMIN, '/source remove nope', 'There is no source nope'],
  ])('refuses: %s, and nothing changes', async (_, actor, text, reason) => {
    const { run, registry, fetched } = setup();
    const reply = await run(text, actor);
    expect(reply.text).toContain(reason);
    expect(registry.all().map((s) => s.id)).toEqual(['outlet-one']);
    if (!actor.isDeploymentAdmin || text.includes('file:') || text.includes('javascript:')) expect(fetched).toEqual([]);
  });

  it('an admin adds a feed: the reply says what was found and how to remove it; it is listed and removable', async () => {
    const { run, registry } = setup();
    const added = await run('/source add https://deirezzor24.example/', ADMIN);
    expect(added.text).toBe(
      'Source deirezzor24-example added: feed "Deir ez-Zor 24" (https://deirezzor24.example/feed), 12 articles found now. It is polled from now on; remove it with /source remove deirezzor24-example',
    );
    expect(registry.all().map((s) => s.id)).toEqual(['outlet-one', 'deirezzor24-example']);
    expect(registry.origin('deirezzor24-example')).toBe('chat');

    const again = await run('/source add https://deirezzor24.example/', ADMIN);
    expect(again.text).toContain('is already a source (deirezzor24-example)');

    const list = await run('/source list', READER);
    expect(list.text.split('\n')).toEqual([
      'Sources:',
      '✅ outlet-one — Outlet One',
      '✅ deirezzor24-example — Deir ez-Zor 24 (added from chat)',
    ]);

    expect((await run('/source remove deirezzor24-example', READER)).text).toContain('only the administrators');
    expect((await run('/source remove deirezzor24-example', ADMIN_AR)).text).toBe(
      'حُذف المصدر deirezzor24-example: لن يُتابَع بعد الآن.',
    );
    expect(registry.all().map((s) => s.id)).toEqual(['outlet-one']);
  });

  it('without a source admin (a setup that does not pass one) /source says so', async () => {
    const { db } = openStore(':memory:');
    const core = coreOn(db);
    const chat: ChatRef = { platform: 'slack', chatId: 'C1', chatType: 'channel', title: null, threadId: null };
    const reply = await core.execute({ name: 'source', action: 'list' }, chat, READER);
    expect(reply.text).toContain('cannot be changed from this chat');
  });
});
