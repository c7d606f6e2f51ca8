// Source configuration: config/sources.yaml, validated once at start. Pure: text in, sources or
// a message out that names the file, the path inside it and what is wrong.
import { parseDocument } from 'yaml';
import { z } from 'zod';
import type { Result, Source } from '../types';
import { selectorError } from './html/dom';
import type { HtmlRules } from './html/rules';
import { parseSchedule } from './schedule';
import { normalizeTelegramUrl } from './telegram/channel-url';

const KINDS = ['feed', 'html', 'telegram'] as const;
/** Kinds this build can poll; the others are recognised but refused with a clear message. */
export const SUPPORTED_KINDS: ReadonlySet<string> = new Set(['feed', 'html', 'telegram']);

const selector = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .superRefine((s, ctx) => {
    const error = selectorError(s);
    if (error) ctx.addIssue({ code: 'custom', message: error });
  });
const patterns = z.array(z.string().min(1, 'must not be empty'), { message: 'must be a list of URL patterns' });

/** Rules for `kind: html` (see src/sources/html/rules.ts). */
const htmlRulesSchema = z.strictObject({
  linkSelector: selector.optional(),
  titleSelector: selector.optional(),
  dateSelector: selector.optional(),
  include: patterns.optional(),
  exclude: patterns.optional(),
});

/** A source as validated: `html` rules ride along until Source in src/types.ts has the field. */
export type ConfiguredSource = Source & { readonly html?: HtmlRules };

const sourceSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be a slug: lowercase letters, digits and dashes (e.g. "enab-baladi")'),
  name: z.string().trim().min(1, 'must not be empty'),
  url: z.string().min(1, 'must not be empty'),
  kind: z.enum(KINDS, { message: `must be one of: ${KINDS.join(', ')}` }).default('feed'),
  every: z.string().default('10m'),
  lang: z.enum(['ar', 'en', 'auto'], { message: 'must be ar, en or auto' }).default('auto'),
  fullText: z.boolean().default(false),
  enabled: z.boolean().default(true),
  backfill: z.number().int().min(0).max(100).default(0),
  html: htmlRulesSchema.optional(),
});

const fileSchema = z.strictObject({
  sources: z.array(z.unknown()),
});

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('') || '(top)';
}

function checkUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return `"${url}" is not an absolute URL (http://, https:// or file:)`;
  }
  if (!['http:', 'https:', 'file:'].includes(u.protocol))
    return `scheme "${u.protocol}" is not allowed (http, https, file)`;
  return null;
}

/** Parses and validates the text of a sources file; `file` is only used in messages. */
export function parseSourcesConfig(text: string, file: string): Result<ConfiguredSource[]> {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    return { ok: false, error: `${file}: YAML error: ${e.message.split('\n')[0]}` };
  }
  const data = doc.toJS() ?? {};
  if (typeof data !== 'object' || Array.isArray(data) || !('sources' in data)) {
    const keys = typeof data === 'object' && !Array.isArray(data) ? Object.keys(data).join(', ') : typeof data;
    return { ok: false, error: `${file}: no "sources:" list at the top level (found: ${keys || 'nothing'})` };
  }
  const top = fileSchema.safeParse(data);
  if (!top.success) {
    const issue = top.error.issues[0]!;
    return {
      ok: false,
      error: `${file}: ${formatPath(issue.path)}: ${issue.message} (expected "sources:" with a list)`,
    };
  }
  const sources: ConfiguredSource[] = [];
  const seen = new Map<string, number>();
  for (const [i, raw] of top.data.sources.entries()) {
    const where = `${file}: sources[${i}]`;
    const r = sourceSchema.safeParse(raw);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      return { ok: false, error: `${where}.${formatPath(issue.path)}: ${issue.message}` };
    }
    const at = `${file}: sources[${i}] (${r.data.id})`;
    if (seen.has(r.data.id)) {
      return { ok: false, error: `${at}.id: duplicate id, also used by sources[${seen.get(r.data.id)}]` };
    }
    seen.set(r.data.id, i);
    let s = r.data;
    if (s.kind === 'telegram') {
      const channel = normalizeTelegramUrl(s.url);
      if (!channel.ok) return { ok: false, error: `${at}.url: ${channel.error}` };
      s = { ...s, url: channel.value.previewUrl };
    }
    if (s.html && s.kind !== 'html') return { ok: false, error: `${at}.html: rules apply only to kind: html` };
    const urlError = checkUrl(s.url);
    if (urlError) return { ok: false, error: `${at}.url: ${urlError}` };
    if (!SUPPORTED_KINDS.has(s.kind)) {
      return { ok: false, error: `${at}.kind: "${s.kind}" sources are not supported yet by this version (use "feed")` };
    }
    const schedule = parseSchedule(s.every);
    if (!schedule.ok) return { ok: false, error: `${at}.every: ${schedule.error}` };
    sources.push(Object.freeze({ ...s, schedule: schedule.value }));
  }
  return { ok: true, value: sources };
}
