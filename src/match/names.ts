// Name keys: how a place or alias name is looked up. Arabic keeps its article (الباب is not باب);
// Latin drops article tokens and hyphens (al-Hasakah = Hasakah, Deir ez-Zor = Deir Zor).
import { LAT } from '../text/charmap';
import { tokenize } from '../text/tokenize';
import { EN_ARTICLES } from './rules';

/** Normalized tokens of a name, Latin article tokens removed (unless nothing else is left). */
export function nameTokens(name: string): string[] {
  const t = tokenize(name);
  return nameTokensOf(t.keys, t.kinds);
}

/** nameTokens of a name already tokenized: its keys and their classes (../text/charmap). */
export function nameTokensOf(keys: readonly string[], kinds: readonly number[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < keys.length; i++) if (!(kinds[i] === LAT && EN_ARTICLES.has(keys[i]!))) kept.push(keys[i]!);
  return kept.length > 0 ? kept : keys.slice();
}

export function nameKey(name: string): string {
  return nameTokens(name).join(' ');
}
