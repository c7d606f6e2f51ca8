// LibreTranslate (self-hosted): POST {url}/translate {q, source, target, format: 'text', api_key?}
// → {translatedText}. Used to translate the extractive summary into the subscriber's other language;
// the result is labelled as a machine translation by the caller.
import { z } from 'zod';
import { numbersIn } from '../numbers';
import { textWords } from '../words';
import { type PostDeps, postJson } from './http';

export interface TranslateConfig {
  readonly url: string;
  readonly key: string | null;
}

export type TranslateResult =
  | { readonly kind: 'ok'; readonly text: string }
  | { readonly kind: 'failed'; readonly reason: string; readonly status?: number };

const answer = z.object({ translatedText: z.string().trim().min(1) });

export interface Translator {
  translate(
    q: string,
    source: 'ar' | 'en',
    target: 'ar' | 'en',
    signal: AbortSignal,
    remainingMs: () => number,
  ): Promise<TranslateResult>;
}

export function createTranslator(
  cfg: TranslateConfig,
  deps: PostDeps,
  opts: { retries: number; baseDelayMs: number },
): Translator {
  const url = `${cfg.url.replace(/\/+$/, '')}/translate`;
  return {
    async translate(q, source, target, signal, remainingMs) {
      const body = { q, source, target, format: 'text', ...(cfg.key ? { api_key: cfg.key } : {}) };
      const res = await postJson({ url, body, signal, remainingMs, ...opts }, deps);
      if (res.kind === 'failed') return res;
      const a = answer.safeParse(res.json);
      if (!a.success) return { kind: 'failed', reason: 'translation answer has no translatedText' };
      const allowed = numbersIn(q, textWords(q));
      const t = a.data.translatedText;
      const invented = [...numbersIn(t, textWords(t))].filter((n) => !allowed.has(n));
      if (invented.length > 0)
        return { kind: 'failed', reason: `translation has numbers not in the text: ${invented.join(', ')}` };
      return { kind: 'ok', text: t };
    },
  };
}
