// Loading what every command needs: .env (when present), the app config, the sources file.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AppConfig, loadConfig } from '../config';
import { parseSourcesConfig } from '../sources/config';
import type { Result, Source } from '../types';

export function loadDotEnv(path = '.env'): void {
  // Node >= 20.12 reads .env files itself; variables already set in the environment win.
  if (existsSync(path)) process.loadEnvFile(path);
}

export function loadAll(env: Record<string, string | undefined>): Result<{ config: AppConfig; sources: Source[] }> {
  const config = loadConfig(env);
  if (!config.ok) return config;
  const file = join(config.value.configDir, 'sources.yaml');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return {
      ok: false,
      error: `${file}: cannot read the sources file (${(err as NodeJS.ErrnoException).code}); set CONFIG_DIR or create it`,
    };
  }
  const sources = parseSourcesConfig(text, file);
  if (!sources.ok) return sources;
  return { ok: true, value: { config: config.value, sources: sources.value } };
}
