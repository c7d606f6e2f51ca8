// The curated place table (config/places-curated.yaml): governorates, districts, sites and city
// quarters GeoNames lacks, plus patches to GeoNames towns (`gn:`) with better display names and
// the spellings news uses. Validation errors name the entry, so a bad edit says where it is.

import { parse } from 'yaml';
import { z } from 'zod';
import type { PlaceKind } from '../../src/match/places-types';
import type { Result } from '../../src/types';

const KINDS = [
  'country',
  'governorate',
  'district',
  'subdistrict',
  'city',
  'town',
  'village',
  'quarter',
  'site',
] as const satisfies readonly PlaceKind[];

const name = z.string().trim().min(1);

const entrySchema = z
  .strictObject({
    /** "sy:<slug>" / "iq:<slug>" for a new place; omitted when `gn` patches a GeoNames town. */
    id: z
      .string()
      .regex(/^[a-z]{2}:[a-z0-9-]+$/)
      .optional(),
    gn: z.number().int().positive().optional(),
    kind: z.enum(KINDS).optional(),
    en: name.optional(),
    ar: name.optional(),
    parent: z.string().optional(),
    cc: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
    /** GeoNames admin1 ("SY.01") or admin2 ("SY.01.173812") code: towns with it get this parent. */
    admin: z.string().optional(),
    /** geonameId of the district's seat town: that town's parent becomes this district. */
    seat: z.number().int().positive().optional(),
    names: z.array(name).default([]),
    ambiguous: z.array(name).default([]),
    lat: z.number().optional(),
    lon: z.number().optional(),
  })
  .refine((e) => (e.id === undefined) !== (e.gn === undefined), { message: 'give exactly one of id and gn' })
  .refine((e) => e.gn !== undefined || (e.kind && e.en && e.ar), { message: 'a new place needs kind, en and ar' })
  .refine((e) => e.gn !== undefined || e.kind === 'country' || e.parent, { message: 'needs a parent' });

export type CuratedEntry = z.infer<typeof entrySchema>;

export interface CuratedTable {
  /** Common words that are also place names (الباب "the door"): marked ambiguous on every place. */
  readonly commonWords: readonly string[];
  readonly places: readonly CuratedEntry[];
}

const tableSchema = z.strictObject({
  commonWords: z.array(name).default([]),
  places: z.array(entrySchema).min(1),
});

export function parseCurated(yamlText: string): Result<CuratedTable> {
  let doc: unknown;
  try {
    doc = parse(yamlText);
  } catch (err) {
    return { ok: false, error: `not valid YAML: ${(err as Error).message}` };
  }
  const parsed = tableSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, error: `${describePath(doc, issue.path)}: ${issue.message}` };
  }
  const seen = new Set<string>();
  for (const [i, e] of parsed.data.places.entries()) {
    const key = e.id ?? `gn:${e.gn}`;
    if (seen.has(key)) return { ok: false, error: `places[${i}] (${key}): duplicate id` };
    seen.add(key);
  }
  return { ok: true, value: parsed.data };
}

/** "places[12] (sy:hasakah).names[0]": the index plus the entry's id, when there is one. */
function describePath(doc: unknown, path: readonly PropertyKey[]): string {
  const parts = path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  const index = path[0] === 'places' && typeof path[1] === 'number' ? path[1] : -1;
  const entry = index >= 0 ? (doc as { places?: { id?: unknown; gn?: unknown }[] }).places?.[index] : undefined;
  const label = entry?.id ?? (entry?.gn !== undefined ? `gn:${entry.gn}` : undefined);
  const text = parts.replace(/^\./, '') || '(top level)';
  return label === undefined ? text : text.replace(`places[${index}]`, `places[${index}] (${String(label)})`);
}
