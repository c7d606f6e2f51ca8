// The world the matcher knows: the gazetteer (data/gazetteer.json) and the alias groups
// (CONFIG_DIR/aliases.yaml, else the bundled config/aliases.yaml). Loaded once at start; a bad
// aliases file stops the program with a message naming the file and the entry.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadAliasGroups } from './match/aliases';
import { createMatchContext, type MatchContext } from './match/context';
import { createEntityExtractor, type Entities } from './match/entities';
import { loadGazetteer } from './match/gazetteer';
import { createGeotagger, type PlaceTag } from './match/geotag';
import type { MatchArticle } from './match/matcher';
import type { Result } from './types';

export interface World {
  readonly ctx: MatchContext;
  readonly entities: (a: MatchArticle) => Entities;
  readonly geotag: (a: MatchArticle) => PlaceTag[];
}

export function loadWorld(configDir: string): Result<World> {
  const custom = join(configDir, 'aliases.yaml');
  const aliases = existsSync(custom) ? loadAliasGroups(custom) : loadAliasGroups();
  if (!aliases.ok) return aliases;
  let places: ReturnType<typeof loadGazetteer>;
  try {
    places = loadGazetteer();
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
  const ctx = createMatchContext({ places, aliasGroups: aliases.value });
  const geotagger = createGeotagger(ctx);
  return { ok: true, value: { ctx, entities: createEntityExtractor(ctx), geotag: (a) => geotagger.tag(a) } };
}
