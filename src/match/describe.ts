// The query "as understood", shown when a watch is added: which places and alias groups each term
// stands for, so a user sees at once that الحسكة means the city and the governorate.
import type { Lang } from '../types';
import type { MatchContext } from './context';
import type { Place } from './places-types';
import type { Query, QueryNode, QueryTerm } from './query';

const KIND_AR: Readonly<Record<Place['kind'], string>> = {
  country: 'دولة',
  governorate: 'محافظة',
  district: 'منطقة',
  subdistrict: 'ناحية',
  city: 'مدينة',
  town: 'بلدة',
  village: 'قرية',
  quarter: 'حي',
  site: 'موقع',
};

const WORDS = {
  en: { and: ' AND ', or: ' OR ', not: 'NOT ', exact: 'exact', phrase: 'phrase', names: 'names' },
  ar: { and: ' و ', or: ' أو ', not: 'ليس ', exact: 'حرفياً', phrase: 'عبارة', names: 'أسماء' },
} as const;

function placeLabel(p: Place, lang: Lang): string {
  if (lang === 'ar') return p.nameAr.startsWith(KIND_AR[p.kind]) ? p.nameAr : `${p.nameAr} (${KIND_AR[p.kind]})`;
  return p.nameEn.toLowerCase().includes(p.kind) ? p.nameEn : `${p.nameEn} (${p.kind})`;
}

function describeTerm(t: QueryTerm, ctx: MatchContext, lang: Lang): string {
  const w = WORDS[lang];
  if (t.mode === 'exact') return `=${t.raw} (${w.exact})`;
  const parts: string[] = [];
  for (const id of t.placeIds) {
    const p = ctx.places.byId(id);
    if (p) parts.push(placeLabel(p, lang));
  }
  for (const id of t.aliasIds) {
    const g = ctx.aliases.byId(id);
    if (g) parts.push(`${lang === 'ar' ? g.nameAr : g.nameEn} (${g.aliases.length} ${w.names})`);
  }
  const shown = t.keys.length > 1 ? `“${t.raw}”` : t.raw;
  if (parts.length === 0) return t.keys.length > 1 ? `${shown} (${w.phrase})` : shown;
  return `${shown} → ${parts.join(', ')}`;
}

function describeNode(n: QueryNode, q: Query, ctx: MatchContext, lang: Lang, top: boolean): string {
  const w = WORDS[lang];
  if (n.kind === 'term') return describeTerm(q.terms[n.term]!, ctx, lang);
  if (n.kind === 'not') return `${w.not}${describeNode(n.child, q, ctx, lang, false)}`;
  const inner = n.children.map((c) => describeNode(c, q, ctx, lang, false)).join(n.kind === 'and' ? w.and : w.or);
  return top ? inner : `(${inner})`;
}

export function describeQuery(q: Query, ctx: MatchContext, lang: Lang = 'en'): string {
  return describeNode(q.root, q, ctx, lang, true);
}
