import { describe, expect, it } from 'vitest';
import { summarizerConfigFromEnv } from '../../src/summarize/config';

describe('summarizerConfigFromEnv', () => {
  it('providers are off by default, with a 20 s timeout and 60 calls an hour', () => {
    const r = summarizerConfigFromEnv({});
    expect(r).toMatchObject({
      ok: true,
      value: { llm: null, translate: null, timeoutMs: 20_000, maxCallsPerHour: 60 },
    });
  });

  it.each([
    [{ SUMMARY_LLM_URL: 'http://localhost:11434/v1', SUMMARY_LLM_MODEL: 'qwen2.5:7b' }, true],
    [{ SUMMARY_LLM_URL: 'http://localhost:11434/v1' }, false],
    [{ SUMMARY_LLM_URL: 'not a url', SUMMARY_LLM_MODEL: 'm' }, false],
    [{ SUMMARY_TIMEOUT_MS: 'soon' }, false],
    [{ LIBRETRANSLATE_URL: 'http://127.0.0.1:5000', SUMMARY_MAX_CALLS_PER_HOUR: '10' }, true],
    [{ SUMMARY_LLM_URL: '' }, true],
  ])('%o → ok %s', (env, ok) => {
    const r = summarizerConfigFromEnv(env);
    expect(r.ok).toBe(ok);
    if (!r.ok) expect(r.error).toMatch(/^SUMMARY_/);
  });
});
