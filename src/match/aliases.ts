// Loads config/aliases.yaml. I/O edge; parsing and validation are pure (./alias-groups).

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Result } from '../types';
import { parseAliasGroups } from './alias-groups';
import type { AliasGroup } from './places-types';

export { GENERIC_WORDS, parseAliasGroups } from './alias-groups';

export const DEFAULT_ALIASES_PATH = new URL('../../config/aliases.yaml', import.meta.url);

/** The alias groups, or an error that names the file and the place in it. */
export function loadAliasGroups(path: string | URL = DEFAULT_ALIASES_PATH): Result<AliasGroup[], string> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    return { ok: false, error: `${shown(path)}: cannot read (${(err as Error).message})` };
  }
  const parsed = parseAliasGroups(text);
  return parsed.ok ? parsed : { ok: false, error: `${shown(path)}: ${parsed.error}` };
}

const shown = (p: string | URL): string => (p instanceof URL ? fileURLToPath(p) : p);
