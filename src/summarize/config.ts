// Summary settings from the environment, validated once (main passes the result in). Providers are
// off unless their URL is set.
import { z } from 'zod';
import type { BreakerOptions } from './providers/breaker';
import type { TranslateConfig } from './providers/libretranslate';
import type { LlmConfig } from './providers/openai';

export interface SummarizerConfig {
  readonly llm: LlmConfig | null;
  readonly translate: TranslateConfig | null;
  /** The most an alert waits for a provider, retries included. */
  readonly timeoutMs: number;
  readonly maxCallsPerHour: number;
  readonly retries: number;
  readonly baseDelayMs: number;
  readonly breaker: BreakerOptions;
  readonly maxChars: number;
}

const int = (def: number, min = 0) => z.coerce.number().int().min(min).default(def);
const url = z
  .string()
  .url()
  .optional()
  .or(z.literal('').transform(() => undefined));

const envSchema = z.object({
  SUMMARY_LLM_URL: url,
  SUMMARY_LLM_KEY: z.string().optional(),
  SUMMARY_LLM_MODEL: z.string().optional(),
  SUMMARY_LLM_INPUT_CHARS: int(6000, 500),
  LIBRETRANSLATE_URL: url,
  LIBRETRANSLATE_KEY: z.string().optional(),
  SUMMARY_TIMEOUT_MS: int(20_000, 100),
  SUMMARY_MAX_CALLS_PER_HOUR: int(60),
  SUMMARY_RETRIES: int(2),
  SUMMARY_BREAKER_FAILURES: int(5, 1),
  SUMMARY_BREAKER_COOLDOWN_MS: int(300_000),
});

/** The summary config, or an error naming the variable to fix. */
export function summarizerConfigFromEnv(
  env: Record<string, string | undefined>,
): { ok: true; value: SummarizerConfig } | { ok: false; error: string } {
  const r = envSchema.safeParse(env);
  if (!r.success) {
    const i = r.error.issues[0]!;
    return { ok: false, error: `${i.path.join('.')}: ${i.message}` };
  }
  const e = r.data;
  if (e.SUMMARY_LLM_URL && !e.SUMMARY_LLM_MODEL)
    return { ok: false, error: 'SUMMARY_LLM_MODEL: set the model name when SUMMARY_LLM_URL is set' };
  return {
    ok: true,
    value: {
      llm: e.SUMMARY_LLM_URL
        ? {
            baseUrl: e.SUMMARY_LLM_URL,
            key: e.SUMMARY_LLM_KEY || null,
            model: e.SUMMARY_LLM_MODEL!,
            inputChars: e.SUMMARY_LLM_INPUT_CHARS,
          }
        : null,
      translate: e.LIBRETRANSLATE_URL ? { url: e.LIBRETRANSLATE_URL, key: e.LIBRETRANSLATE_KEY || null } : null,
      timeoutMs: e.SUMMARY_TIMEOUT_MS,
      maxCallsPerHour: e.SUMMARY_MAX_CALLS_PER_HOUR,
      retries: e.SUMMARY_RETRIES,
      baseDelayMs: 500,
      breaker: { failures: e.SUMMARY_BREAKER_FAILURES, cooldownMs: e.SUMMARY_BREAKER_COOLDOWN_MS },
      maxChars: 400,
    },
  };
}
