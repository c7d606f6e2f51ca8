// The summarizer the dispatcher calls when an alert goes out. Steps:
//  1. The built-in summary (pure, ./summarize): always computed, always the fallback.
//  2. Cached? (story, language set, article count) → the cached text; one call per story and
//     language set, shared by every subscriber; concurrent requests for one key share one call.
//  3. A provider, if configured and its breaker and the hourly cap allow: the LLM for both languages,
//     else LibreTranslate for the language the article is not in. One timeout bounds it all.
//  4. On any failure: the built-in summary. Cached either way, so a provider that is down costs
//     one timeout per story, not one per subscriber.
import type { SummaryRepo } from '../store/summary-repo';
import type { SummarizerConfig } from './config';
import type { Lexicon } from './lexicon';
import { type BreakerState, breakerAllows, breakerRecord, CLOSED } from './providers/breaker';
import { capAllows } from './providers/hourly-cap';
import { abortableSleep, type PostDeps } from './providers/http';
import { createTranslator } from './providers/libretranslate';
import { createLlmClient } from './providers/openai';
import { type Summary, type SummaryInput, storyDocs, summarizeForAlert, wantedLangs } from './summarize';

export const SOURCE_LABELS = {
  llm: { en: 'AI summary', ar: 'ملخص بالذكاء الاصطناعي' },
  translate: { en: 'Machine translation', ar: 'ترجمة آلية' },
} as const;

export interface SummarizerLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface SummarizerDeps {
  readonly config: SummarizerConfig;
  readonly lexicon: Lexicon;
  readonly repo?: SummaryRepo;
  readonly fetch?: typeof fetch;
  readonly clock: { now(): number };
  readonly log: SummarizerLog;
  /** Waits between retries (default: a real, abortable timer). */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Elapsed time for the timeout budget (default: performance.now). */
  readonly monotonic?: () => number;
}

export interface AlertSummaryInput extends SummaryInput {
  /** Reports in the story when the alert is dispatched (cache key; default: articles.length). */
  readonly articleCount?: number;
}

export interface Summarizer {
  summarize(input: AlertSummaryInput): Promise<Summary>;
}

type Provider = 'llm' | 'translate';

export function createSummarizer(deps: SummarizerDeps): Summarizer {
  const { config, lexicon, log } = deps;
  const breakers: Record<Provider, BreakerState> = { llm: CLOSED, translate: CLOSED };
  let calls: number[] = [];
  const inFlight = new Map<string, Promise<Summary>>();
  const mono = deps.monotonic ?? (() => performance.now());
  const post: PostDeps = {
    fetch: deps.fetch ?? fetch,
    now: () => deps.clock.now(),
    sleep: deps.sleep ?? abortableSleep,
    mayCall: () => {
      const c = capAllows(calls, deps.clock.now(), config.maxCallsPerHour);
      calls = c.calls;
      if (c.allow) calls.push(deps.clock.now());
      return c.allow;
    },
  };
  const opts = { retries: config.retries, baseDelayMs: config.baseDelayMs };
  const llm = config.llm ? createLlmClient(config.llm, post, opts) : null;
  const translator = config.translate ? createTranslator(config.translate, post, opts) : null;

  /** Runs one provider call through its breaker; null when the breaker is open or the call failed. */
  async function guarded<T>(p: Provider, storyId: unknown, run: () => Promise<{ kind: string; reason?: string } & T>) {
    const gate = breakerAllows(breakers[p], deps.clock.now(), config.breaker);
    breakers[p] = gate.state;
    if (!gate.allow) {
      log.info({ story_id: storyId, provider: p, breaker: gate.state.kind }, 'summary provider skipped: breaker open');
      return null;
    }
    const res = await run();
    const ok = res.kind === 'ok';
    breakers[p] = breakerRecord(breakers[p], ok, deps.clock.now(), config.breaker);
    if (!ok)
      log.warn(
        { story_id: storyId, provider: p, reason: res.reason, breaker: breakers[p].kind },
        'summary provider failed',
      );
    return ok ? res : null;
  }

  async function withProviders(input: AlertSummaryInput, builtin: Summary): Promise<Summary> {
    const langs = wantedLangs(input.langs);
    const other = langs.filter((l) => l !== input.matched.lang);
    if (!llm && !(translator && other.length > 0)) return builtin;
    const started = mono();
    const signal = AbortSignal.timeout(config.timeoutMs);
    const remainingMs = () => config.timeoutMs - (mono() - started);
    if (llm) {
      const { docs, articles } = storyDocs(input);
      const outlet = (i: number) => {
        const o = articles[i]?.outlet;
        return typeof o === 'string' ? o : (o?.en ?? '');
      };
      const sources = docs.map((d, i) => ({
        outlet: outlet(i),
        title: d.title,
        text: d.text.slice(d.range?.start ?? 0, d.range?.end),
      }));
      const glossary = [
        ...builtin.keys.placeIds.flatMap((id) => input.places.filter((p) => p.id === id)),
        ...input.actors.filter((g) => g.kind === 'actor'),
      ].map((x) => ({ en: x.nameEn, ar: x.nameAr }));
      const req = { sources, langs, glossary, maxChars: config.maxChars };
      const res = await guarded('llm', input.storyId, () => llm.summarize(req, signal, remainingMs));
      if (res && res.kind === 'ok') {
        const out: Summary = { source: 'llm', keys: builtin.keys };
        for (const l of langs) Object.assign(out, { [l]: `${SOURCE_LABELS.llm[l]}: ${res[l]}` });
        return out;
      }
    }
    const from = input.matched.lang;
    if (translator && other.length > 0 && (from === 'ar' || from === 'en') && !signal.aborted) {
      const original = builtin[from] ?? summarizeForAlert({ ...input, langs: from }, lexicon)[from]!;
      const out: Summary = { ...builtin, source: 'translate' };
      for (const to of other) {
        const res = await guarded('translate', input.storyId, () =>
          translator.translate(original, from, to, signal, remainingMs),
        );
        if (res?.kind !== 'ok') return builtin;
        Object.assign(out, { [to]: `${SOURCE_LABELS.translate[to]}: ${res.text}` });
      }
      return out;
    }
    return builtin;
  }

  return {
    async summarize(input) {
      const builtin = summarizeForAlert(input, lexicon);
      const news = builtin.whatsNew ? { whatsNew: builtin.whatsNew } : {};
      const storyId = typeof input.storyId === 'number' ? input.storyId : null;
      const key =
        storyId === null
          ? null
          : { storyId, langs: input.langs, articleCount: input.articleCount ?? input.articles.length };
      const cached = key && deps.repo ? deps.repo.get(key) : null;
      if (cached) return { ...stripNews(cached), ...news };
      const flightKey = key ? `${key.storyId}|${key.langs}|${key.articleCount}` : null;
      const pending = flightKey ? inFlight.get(flightKey) : undefined;
      if (pending) return { ...stripNews(await pending), ...news };
      const run = withProviders(input, stripNews(builtin)).then((s) => {
        if (key && deps.repo) deps.repo.put(key, s, deps.clock.now());
        return s;
      });
      if (flightKey) inFlight.set(flightKey, run);
      try {
        return { ...(await run), ...news };
      } finally {
        if (flightKey) inFlight.delete(flightKey);
      }
    },
  };
}

/** "What's new" depends on what each subscriber saw before: computed per call, never cached. */
function stripNews(s: Summary): Summary {
  const { whatsNew: _, ...rest } = s;
  return rest;
}
