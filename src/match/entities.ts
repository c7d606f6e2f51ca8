// Entities for deduplication: the places (gazetteer ids), actors (alias group ids) and numbers an
// article mentions. Two reports of one event share them even when their wording differs.
import { DIG } from '../text/charmap';
import { createTokenizer, tokenKey } from '../text/tokenize';
import type { MatchContext } from './context';
import { createFormTableBuilder, type FormTable } from './form-table';
import { ACRONYM, isAcronym } from './forms';
import { createGeotagger } from './geotag';
import type { MatchArticle } from './matcher';
import { type RawHit, scanTokens } from './scan';

export interface Entities {
  readonly places: string[];
  readonly actors: string[];
  readonly numbers: string[];
}

function compileAliases(ctx: MatchContext): FormTable {
  const table = createFormTableBuilder();
  ctx.aliases.groups.forEach((g, slot) => {
    const caseSensitive = new Set(g.caseSensitiveAliases ?? []);
    for (const alias of new Set([g.nameEn, g.nameAr, ...g.aliases]))
      for (const f of ctx.nameForms(alias, isAcronym(alias) || caseSensitive.has(alias) ? ACRONYM : 0))
        table.add(f, slot);
  });
  return table.build();
}

export function createEntityExtractor(ctx: MatchContext): (article: MatchArticle) => Entities {
  const geotagger = createGeotagger(ctx);
  const aliases = compileAliases(ctx);
  const tokenizer = createTokenizer();
  return (article) => {
    const hits: RawHit[] = [];
    const numbers = new Set<string>();
    for (const [where, text] of [
      ['title', article.title],
      ['body', article.text],
    ] as const) {
      const t = tokenizer.run(text);
      scanTokens(text, t, aliases, where, hits);
      for (let i = 0; i < t.count; i++) if (t.kinds[i] === DIG) numbers.add(tokenKey(t, i).replace(/^0+(?=\d)/, ''));
    }
    const groups = hits.map((h) => ctx.aliases.groups[h.slot]!).filter((g) => g.kind === 'actor');
    const actors = [...new Set(groups.map((g) => g.id))].sort();
    const places = geotagger
      .tag(article)
      .map((p) => p.placeId)
      .sort();
    return { places, actors, numbers: [...numbers].sort() };
  };
}
