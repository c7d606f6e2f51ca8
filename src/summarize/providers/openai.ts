// An OpenAI-compatible chat-completions provider (OpenAI, Azure, Ollama, vLLM, llama.cpp server,
// LM Studio): POST {base}/chat/completions. One call per story and language set returns both
// summaries as one JSON object. JSON mode (`response_format: {type: 'json_object'}`) is asked for;
// a server that rejects it with 400 is asked once more without it, and not asked again.
// The answer is checked, not trusted: it must parse, have the wanted fields, stay short, and contain
// no number that the source text does not (a cheap, honest check; other invented facts cannot be
// detected reliably).
import { z } from 'zod';
import { numbersIn } from '../numbers';
import { textWords } from '../words';
import { type PostDeps, postJson } from './http';

export interface LlmConfig {
  readonly baseUrl: string;
  readonly key: string | null;
  readonly model: string;
  /** Characters of article text sent at most. */
  readonly inputChars: number;
}

export interface LlmRequest {
  /** Article texts, the matched part first. */
  readonly sources: readonly { readonly outlet: string; readonly title: string; readonly text: string }[];
  readonly langs: readonly ('ar' | 'en')[];
  /** "English = Arabic" name spellings to use. */
  readonly glossary: readonly { readonly en: string; readonly ar: string }[];
  readonly maxChars: number;
}

export type LlmResult =
  | { readonly kind: 'ok'; readonly ar?: string; readonly en?: string }
  | { readonly kind: 'failed'; readonly reason: string; readonly status?: number };

const SYSTEM = [
  'You write short summaries of news reports for alert messages read on a phone.',
  'Use only facts stated in the text below. Never add facts, numbers, names, dates, causes or',
  'outcomes that the text does not state; when unsure, leave it out. Attribute claims as the text does.',
  'Answer with one JSON object and nothing else.',
].join(' ');

const LANG_NAMES = { ar: 'Arabic (Modern Standard Arabic)', en: 'English' } as const;

/** The source text cut to the budget: whole sources first, the last one cut at a word boundary. */
export function sourceText(req: LlmRequest, budget: number): string {
  let out = '';
  for (const [i, s] of req.sources.entries()) {
    const block = `[${i + 1}] ${s.outlet} — ${s.title}\n${s.text.trim()}\n\n`;
    if (out.length + block.length <= budget) out += block;
    else {
      const room = budget - out.length;
      if (room > 200) out += `${block.slice(0, block.lastIndexOf(' ', room))} …`;
      break;
    }
  }
  return out.trim();
}

export function buildMessages(req: LlmRequest, budget: number) {
  const keys = req.langs.map((l) => `"${l}": a summary in ${LANG_NAMES[l]}`).join(', ');
  const glossary = req.glossary.map((g) => `${g.en} = ${g.ar}`).join('\n');
  const user = [
    `Summarize the story in 2-3 sentences, at most ${req.maxChars} characters per summary.`,
    `Return JSON with exactly these keys: {${keys}}.`,
    glossary ? `Spell names exactly as in this glossary (English = Arabic):\n${glossary}` : '',
    `Text (report [1] is the part the reader asked about):\n${sourceText(req, budget)}`,
  ]
    .filter(Boolean)
    .join('\n\n');
  return [
    { role: 'system', content: SYSTEM },
    { role: 'user', content: user },
  ];
}

const completion = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().nullable() }) })).min(1),
});

/** Checks a chat-completions answer: shape, fields, length, numbers. */
export function parseAnswer(json: unknown, req: LlmRequest, source: string): LlmResult {
  const c = completion.safeParse(json);
  if (!c.success) return { kind: 'failed', reason: 'answer is not a chat completion' };
  const content = (c.data.choices[0]!.message.content ?? '').replace(/^\s*```(?:json)?\s*|\s*```\s*$/g, '');
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    return { kind: 'failed', reason: 'summary is not valid JSON' };
  }
  const field = z
    .string()
    .trim()
    .min(1)
    .max(req.maxChars * 2);
  const shape = z.object(Object.fromEntries(req.langs.map((l) => [l, field])));
  const r = shape.safeParse(parsed);
  if (!r.success)
    return {
      kind: 'failed',
      reason: `summary JSON: ${r.error.issues[0]!.path.join('.')} ${r.error.issues[0]!.message}`,
    };
  const allowed = numbersIn(source, textWords(source));
  for (const l of req.langs) {
    const text = r.data[l]!;
    const invented = [...numbersIn(text, textWords(text))].filter((n) => !allowed.has(n));
    if (invented.length > 0)
      return { kind: 'failed', reason: `summary (${l}) has numbers not in the text: ${invented.join(', ')}` };
  }
  return { kind: 'ok', ...(r.data as { ar?: string; en?: string }) };
}

export interface LlmClient {
  summarize(req: LlmRequest, signal: AbortSignal, remainingMs: () => number): Promise<LlmResult>;
}

export function createLlmClient(
  cfg: LlmConfig,
  deps: PostDeps,
  opts: { retries: number; baseDelayMs: number },
): LlmClient {
  let jsonMode = true;
  const url = `${cfg.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  const headers: Record<string, string> = cfg.key ? { authorization: `Bearer ${cfg.key}` } : {};
  return {
    async summarize(req, signal, remainingMs) {
      const messages = buildMessages(req, cfg.inputChars);
      const source = sourceText(req, cfg.inputChars);
      const call = () =>
        postJson(
          {
            url,
            headers,
            body: {
              model: cfg.model,
              temperature: 0,
              messages,
              ...(jsonMode ? { response_format: { type: 'json_object' } } : {}),
            },
            signal,
            remainingMs,
            ...opts,
          },
          deps,
        );
      let res = await call();
      if (res.kind === 'failed' && res.status === 400 && jsonMode && /response_format|json/i.test(res.reason)) {
        jsonMode = false;
        res = await call();
      }
      return res.kind === 'ok' ? parseAnswer(res.json, req, source) : res;
    },
  };
}
