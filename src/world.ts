// The world the matcher knows: the gazetteer (data/gazetteer.json) and the alias groups
// (CONFIG_DIR/aliases.yaml, else the bundled config/aliases.yaml). A bad aliases file stops the
// program at start with a message naming the file and the entry. `openWorld` checks the files at
// start and builds the indexes (~30 MB) on first use, so what never matches (ingest only, `rased
// sources`, `rased parse`) never pays for them.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadAliasGroups } from './match/aliases';
import { createMatchContext, type MatchContext } from './match/context';
import { createEntityExtractor, type Entities } from './match/entities';
import { DEFAULT_GAZETTEER_PATH, loadGazetteer } from './match/gazetteer';
import { createGeotagger, type PlaceTag } from './match/geotag';
import type { MatchArticle } from './match/matcher';
import type { AliasGroup } from './match/places-types';
import type { Result } from './types';

export interface World {
  readonly ctx: MatchContext;
  readonly entities: (a: MatchArticle) => Entities;
  readonly geotag: (a: MatchArticle) => PlaceTag[];
}

export function loadWorld(configDir: string): Result<World> {
  const aliases = loadAliases(configDir);
  if (!aliases.ok) return aliases;
  let places: ReturnType<typeof loadGazetteer>;
  try {
    places = loadGazetteer();
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
  return { ok: true, value: buildWorld(places, aliases.value) };
}

/** Checks the files now (a bad one is an error at start); builds the indexes on first use. */
export function openWorld(configDir: string): Result<World> {
  const aliases = loadAliases(configDir);
  if (!aliases.ok) return aliases;
  if (!existsSync(DEFAULT_GAZETTEER_PATH)) {
    return {
      ok: false,
      error: `gazetteer not found: ${DEFAULT_GAZETTEER_PATH.pathname} (run npm run build:gazetteer)`,
    };
  }
  let world: World | null = null;
  const get = (): World => {
    world ??= buildWorld(loadGazetteer(), aliases.value);
    return world;
  };
  return {
    ok: true,
    value: {
      get ctx() {
        return get().ctx;
      },
      entities: (a) => get().entities(a),
      geotag: (a) => get().geotag(a),
    },
  };
}

function loadAliases(configDir: string) {
  const custom = join(configDir, 'aliases.yaml');
  return existsSync(custom) ? loadAliasGroups(custom) : loadAliasGroups();
}

function buildWorld(places: ReturnType<typeof loadGazetteer>, aliasGroups: readonly AliasGroup[]): World {
  const ctx = createMatchContext({ places, aliasGroups });
  const geotagger = createGeotagger(ctx);
  return { ctx, entities: createEntityExtractor(ctx), geotag: (a) => geotagger.tag(a) };
}
