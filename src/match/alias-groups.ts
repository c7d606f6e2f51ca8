// Alias groups (config/aliases.yaml): names that stand for one actor, one spelling or one topic in
// both languages, so a watch on "ISIS" also matches داعش. Pure: parses and validates text.
// Rules enforced here, each with an error naming where it is ("groups[3] (actor:isis).aliases[2]"):
// - ids are "<kind>:<slug>" and unique;
// - caseSensitive (short Latin acronyms like "IS", which folded is the verb "is") lists aliases of
//   the same group;
// - never a bare generic word as an alias (الدولة "the state", التنظيم "the organization",
//   النظام, الجيش ...): it would tie half of all news to one actor. Use the full name instead.

import { parse } from 'yaml';
import { z } from 'zod';
import type { Result } from '../types';
import type { AliasGroup } from './places-types';

export const GENERIC_WORDS: readonly string[] = [
  'الدولة',
  'التنظيم',
  'النظام',
  'الجيش',
  'القوات',
  'الحكومة',
  'الجماعة',
  'الفصائل',
  'state',
  'the state',
  'army',
  'forces',
  'government',
  'regime',
  'group',
];

const text = z.string().trim().min(1);
const groupSchema = z.strictObject({
  id: z.string().regex(/^(actor|spelling|topic):[a-z0-9-]+$/, 'expected "<actor|spelling|topic>:<slug>"'),
  kind: z.enum(['actor', 'spelling', 'topic']),
  nameEn: text,
  nameAr: text,
  aliases: z.array(text).min(1),
  caseSensitive: z.array(text).optional(),
});
const fileSchema = z.strictObject({ groups: z.array(groupSchema) });

export function parseAliasGroups(yamlText: string): Result<AliasGroup[], string> {
  let doc: unknown;
  try {
    doc = parse(yamlText);
  } catch (err) {
    return { ok: false, error: `not valid YAML: ${(err as Error).message}` };
  }
  const parsed = fileSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, error: `${where(doc, issue.path)}: ${issue.message}` };
  }
  const groups: AliasGroup[] = [];
  const ids = new Set<string>();
  for (const [i, g] of parsed.data.groups.entries()) {
    const at = `groups[${i}] (${g.id})`;
    const problem = checkGroup(g, ids);
    if (problem) return { ok: false, error: `${at}${problem}` };
    ids.add(g.id);
    const { caseSensitive, ...rest } = g;
    groups.push(caseSensitive ? { ...rest, caseSensitiveAliases: caseSensitive } : rest);
  }
  return { ok: true, value: groups };
}

function checkGroup(g: z.infer<typeof groupSchema>, ids: ReadonlySet<string>): string | null {
  if (ids.has(g.id)) return '.id: duplicate id';
  if (!g.id.startsWith(`${g.kind}:`)) return `.kind: "${g.kind}" does not match the id prefix`;
  const generic = new Set(GENERIC_WORDS.map(fold));
  for (const [j, alias] of g.aliases.entries()) {
    if (generic.has(fold(alias))) return `.aliases[${j}]: "${alias}" is a generic word; use the full name`;
    if (g.aliases.indexOf(alias) !== j) return `.aliases[${j}]: "${alias}" is listed twice`;
  }
  for (const [j, cs] of (g.caseSensitive ?? []).entries()) {
    if (!g.aliases.includes(cs)) return `.caseSensitive[${j}]: "${cs}" is not one of the aliases`;
  }
  return null;
}

/** Enough folding to catch a generic word however it is written (الدوله, The State). */
function fold(s: string): string {
  return s
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .toLowerCase()
    .trim();
}

function where(doc: unknown, path: readonly PropertyKey[]): string {
  const text = path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  const index = path[0] === 'groups' && typeof path[1] === 'number' ? path[1] : -1;
  const id = index >= 0 ? (doc as { groups?: { id?: unknown }[] }).groups?.[index]?.id : undefined;
  const label = text.replace(/^\./, '') || '(top level)';
  return typeof id === 'string' ? label.replace(`groups[${index}]`, `groups[${index}] (${id})`) : label;
}
