// Name keys: how a place or alias name is looked up. Arabic keeps its article (الباب is not باب);
// Latin drops article tokens and hyphens (al-Hasakah = Hasakah, Deir ez-Zor = Deir Zor).
import { LAT } from '../text/charmap';
import { tokenize } from '../text/tokenize';
import { EN_ARTICLES } from './rules';

/** Normalized tokens of a name, Latin article tokens removed (unless nothing else is left). */
export function nameTokens(name: string): string[] {
  const t = tokenize(name);
  const kept = t.keys.filter((k, i) => !(t.kinds[i] === LAT && EN_ARTICLES.has(k)));
  return kept.length > 0 ? kept : t.keys;
}

export function nameKey(name: string): string {
  return nameTokens(name).join(' ');
}
