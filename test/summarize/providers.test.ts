// The summarizer against real HTTP servers on 127.0.0.1 speaking the chat-completions and
// LibreTranslate APIs, through the real client code. Retry waits are recorded, not slept.
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/db';
import { createSummaryRepo } from '../../src/store/summary-repo';
import type { SummarizerConfig } from '../../src/summarize/config';
import { type AlertSummaryInput, createSummarizer } from '../../src/summarize/summarizer';
import { startLibreTranslateServer } from '../helpers/libretranslate-server';
import { type Reply, type ScriptedServer, startOpenAiServer } from '../helpers/openai-server';
import { ACTORS, lexicon, PLACES, placeById, TWO_STORIES_AR } from './fixtures';

const GOOD: Reply = {
  kind: 'summary',
  en: 'ISIS attacked Raqqa central prison with a car bomb, killing 4 guards; about 15 prisoners escaped.',
  ar: 'هاجم داعش سجن الرقة المركزي بسيارة مفخخة ما أدى إلى مقتل 4 حراس وفرار نحو 15 سجيناً.',
};

const hits = [...TWO_STORIES_AR.matchAll(/الرقة/g)].map((m) => ({
  start: m.index,
  end: m.index + 5,
  where: 'body' as const,
}));
const input = (storyId: number, over: Partial<AlertSummaryInput> = {}): AlertSummaryInput => ({
  storyId,
  articles: [{ title: 'هجوم على سجن الرقة', text: TWO_STORIES_AR, lang: 'ar', outlet: 'Raqqa Post' }],
  matched: { title: 'هجوم على سجن الرقة', text: TWO_STORIES_AR, lang: 'ar', outlet: 'Raqqa Post' },
  hits,
  langs: 'both',
  places: PLACES,
  actors: ACTORS,
  placeById,
  ...over,
});

let servers: ScriptedServer[] = [];
let stores: Store[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  for (const s of stores) s.close();
  servers = [];
  stores = [];
});

function setup(opts: { llm?: ScriptedServer; lt?: ScriptedServer; config?: Partial<SummarizerConfig> }) {
  const store = openStore(':memory:');
  stores.push(store);
  const clock = { t: 1_700_000_000_000, now: () => clock.t };
  const sleeps: number[] = [];
  const warnings: object[] = [];
  const config: SummarizerConfig = {
    llm: opts.llm ? { baseUrl: opts.llm.baseUrl, key: 'sk-test', model: 'test-model', inputChars: 4000 } : null,
    translate: opts.lt ? { url: opts.lt.url, key: 'lt-key' } : null,
    timeoutMs: 1500,
    maxCallsPerHour: 60,
    retries: 2,
    baseDelayMs: 10,
    breaker: { failures: 2, cooldownMs: 60_000 },
    maxChars: 400,
    ...opts.config,
  };
  const summarizer = createSummarizer({
    config,
    lexicon,
    repo: createSummaryRepo(store.db),
    clock,
    log: { info: () => {}, warn: (o) => warnings.push(o) },
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
  return { summarizer, clock, sleeps, warnings, store };
}

async function llmServer(replies: Reply[]) {
  const s = await startOpenAiServer(replies);
  servers.push(s);
  return s;
}

describe('OpenAI-compatible provider', () => {
  it('a good answer gives both summaries from one call, labelled, with the glossary and JSON mode asked for', async () => {
    const server = await llmServer([GOOD]);
    const { summarizer } = setup({ llm: server });
    const s = await summarizer.summarize(input(1));
    expect(s.source).toBe('llm');
    expect(s.en).toBe(`AI summary: ${GOOD.kind === 'summary' ? GOOD.en : ''}`);
    expect(s.ar).toMatch(/^ملخص بالذكاء الاصطناعي: هاجم داعش/);
    expect(server.requests).toHaveLength(1);
    const req = server.requests[0]!;
    expect(req.path).toBe('/v1/chat/completions');
    expect(req.headers.authorization).toBe('Bearer sk-test');
    const body = req.body as { model: string; response_format: unknown; messages: { content: string }[] };
    expect(body.model).toBe('test-model');
    expect(body.response_format).toEqual({ type: 'json_object' });
    expect(body.messages[0]!.content).toMatch(/Never add facts/);
    expect(body.messages[1]!.content).toContain('Raqqa central prison = سجن الرقة المركزي');
    expect(body.messages[1]!.content).toContain('ISIS = داعش');
    expect(body.messages[1]!.content).not.toContain('طفس'); // the other story of the article is not sent
  });

  const failing: { name: string; replies: Reply[]; requests: number }[] = [
    {
      name: 'malformed JSON in the answer',
      replies: [{ kind: 'content', content: '{"en": "ISIS attacked' }],
      requests: 1,
    },
    { name: 'JSON missing a wanted field', replies: [{ kind: 'summary', en: 'Only English.' }], requests: 1 },
    {
      name: 'a number that is not in the text',
      replies: [{ kind: 'summary', en: '12 killed in Raqqa.', ar: 'مقتل 12.' }],
      requests: 1,
    },
    {
      name: 'a body that is not a chat completion',
      replies: [{ kind: 'status', status: 200, body: 'not json' }],
      requests: 1,
    },
    { name: '500 on every try', replies: [{ kind: 'status', status: 500 }], requests: 3 },
    { name: '401 (not retried)', replies: [{ kind: 'status', status: 401 }], requests: 1 },
    { name: 'connection reset every time', replies: [{ kind: 'reset' }], requests: 3 },
  ];
  it.each(failing)('$name → the built-in summary', async ({ replies, requests }) => {
    const server = await llmServer(replies);
    const { summarizer, warnings } = setup({ llm: server });
    const s = await summarizer.summarize(input(2));
    expect(s.source).toBe('builtin');
    expect(s.ar).toContain('سجن الرقة المركزي'); // extractive, article language
    expect(s.en).toMatch(/^Automatic brief: Raqqa/);
    expect(server.requests).toHaveLength(requests);
    expect(warnings).toHaveLength(1);
  });

  it('a slow answer: the built-in summary within the timeout', async () => {
    const server = await llmServer([{ kind: 'slow', ms: 3000, reply: GOOD }]);
    const { summarizer } = setup({ llm: server, config: { timeoutMs: 300 } });
    const t0 = performance.now();
    const s = await summarizer.summarize(input(3));
    expect(s.source).toBe('builtin');
    expect(performance.now() - t0).toBeLessThan(1500);
  });

  it('429 with Retry-After: waits as told, then succeeds', async () => {
    const server = await llmServer([{ kind: 'status', status: 429, headers: { 'retry-after': '1' } }, GOOD]);
    const { summarizer, sleeps } = setup({ llm: server });
    const s = await summarizer.summarize(input(4));
    expect(s.source).toBe('llm');
    expect(sleeps).toEqual([1000]);
    expect(server.requests).toHaveLength(2);
  });

  it('429 asking for a wait past the timeout: gives up at once', async () => {
    const server = await llmServer([{ kind: 'status', status: 429, headers: { 'retry-after': '120' } }, GOOD]);
    const { summarizer, sleeps } = setup({ llm: server });
    expect((await summarizer.summarize(input(5))).source).toBe('builtin');
    expect(sleeps).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('500 then a reset then a good answer: retried with backoff', async () => {
    const server = await llmServer([{ kind: 'status', status: 500 }, { kind: 'reset' }, GOOD]);
    const { summarizer, sleeps } = setup({ llm: server });
    expect((await summarizer.summarize(input(6))).source).toBe('llm');
    expect(sleeps).toEqual([10, 20]);
  });

  it('a server that rejects JSON mode is asked again without it', async () => {
    const server = await llmServer([
      { kind: 'status', status: 400, body: '{"error":{"message":"response_format is not supported"}}' },
      GOOD,
    ]);
    const { summarizer } = setup({ llm: server });
    expect((await summarizer.summarize(input(7))).source).toBe('llm');
    expect((server.requests[1]!.body as Record<string, unknown>).response_format).toBeUndefined();
  });

  it('the breaker opens after 2 failed stories, skips the provider, and half-opens after the cooldown', async () => {
    const server = await llmServer([{ kind: 'status', status: 401 }, { kind: 'status', status: 401 }, GOOD]);
    const { summarizer, clock } = setup({ llm: server });
    await summarizer.summarize(input(10));
    await summarizer.summarize(input(11));
    expect(server.requests).toHaveLength(2);
    expect((await summarizer.summarize(input(12))).source).toBe('builtin');
    expect(server.requests).toHaveLength(2); // open: no call
    clock.t += 60_000;
    expect((await summarizer.summarize(input(13))).source).toBe('llm'); // the half-open probe
    expect(server.requests).toHaveLength(3);
  });

  it('the hourly cap: no call past it until the hour has passed', async () => {
    const server = await llmServer([GOOD]);
    const { summarizer, clock } = setup({ llm: server, config: { maxCallsPerHour: 1 } });
    expect((await summarizer.summarize(input(20))).source).toBe('llm');
    expect((await summarizer.summarize(input(21))).source).toBe('builtin');
    expect(server.requests).toHaveLength(1);
    clock.t += 60 * 60 * 1000;
    expect((await summarizer.summarize(input(22))).source).toBe('llm');
    expect(server.requests).toHaveLength(2);
  });

  it('cache: a thousand subscribers of one story cost one call; a new report makes a new summary', async () => {
    const server = await llmServer([GOOD]);
    const { summarizer, store } = setup({ llm: server });
    const first = await Promise.all([summarizer.summarize(input(30)), summarizer.summarize(input(30))]);
    const again = await summarizer.summarize(input(30));
    expect(server.requests).toHaveLength(1);
    expect(again).toEqual(first[0]);
    expect(first[1]).toEqual(first[0]);
    expect(store.db.prepare('SELECT count(*) AS n FROM summaries').get()).toEqual({ n: 1 });
    await summarizer.summarize(input(30, { articleCount: 2 }));
    expect(server.requests).toHaveLength(2);
  });
});

describe('LibreTranslate provider', () => {
  async function ltServer(replies: Reply[]) {
    const s = await startLibreTranslateServer(replies);
    servers.push(s);
    return s;
  }

  it('translates the extractive summary into the other language, labelled as a machine translation', async () => {
    const server = await ltServer([
      { kind: 'content', content: 'ISIS gunmen attacked Raqqa central prison, killing 4 guards.' },
    ]);
    const { summarizer } = setup({ lt: server });
    const s = await summarizer.summarize(input(40));
    expect(s.source).toBe('translate');
    expect(s.en).toBe('Machine translation: ISIS gunmen attacked Raqqa central prison, killing 4 guards.');
    expect(s.ar).toContain('سجن الرقة المركزي');
    const body = server.requests[0]!.body as Record<string, string>;
    expect(body).toMatchObject({ source: 'ar', target: 'en', format: 'text', api_key: 'lt-key' });
    expect(body.q).toBe(s.ar);
  });

  it.each([
    { name: '500', reply: { kind: 'status', status: 500 } as Reply },
    { name: 'no translatedText', reply: { kind: 'summary', en: 'x' } as Reply },
    { name: 'an invented number', reply: { kind: 'content', content: '99 killed.' } as Reply },
  ])('$name → built-in brief', async ({ reply }) => {
    const server = await ltServer([reply]);
    const { summarizer } = setup({ lt: server });
    const s = await summarizer.summarize(input(41));
    expect(s.source).toBe('builtin');
    expect(s.en).toMatch(/^Automatic brief/);
  });

  it('no call when the subscriber reads the article language only', async () => {
    const server = await ltServer([{ kind: 'content', content: 'x' }]);
    const { summarizer } = setup({ lt: server });
    const s = await summarizer.summarize(input(42, { langs: 'ar' }));
    expect(s.source).toBe('builtin');
    expect(s.en).toBeUndefined();
    expect(server.requests).toHaveLength(0);
  });
});

describe('no provider configured', () => {
  it('gives the built-in summary without any network', async () => {
    const { summarizer } = setup({});
    const s = await summarizer.summarize(input(50, { langs: 'en' }));
    expect(s).toMatchObject({ source: 'builtin' });
    expect(s.en).toMatch(/^Automatic brief: Raqqa, Syria/);
    expect(s.ar).toBeUndefined();
  });
});
