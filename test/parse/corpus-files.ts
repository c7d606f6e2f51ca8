// Reading the shared corpus (/work/shared/corpus, never copied into the repo) and its EXPECTATIONS.tsv.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CORPUS_DIR = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
export const FEEDS_DIR = `${CORPUS_DIR}feeds/`;
export const corpusPresent = existsSync(FEEDS_DIR);

export type Row = Record<string, string>;

/** TSV with a header line; fields may be "quoted" with "" escapes. */
export function readExpectations(corpus: string): Row[] {
  const lines = readFileSync(`${FEEDS_DIR}${corpus}/EXPECTATIONS.tsv`, 'utf8').split(/\r?\n/).filter(Boolean);
  const header = lines[0]!.split('\t');
  return lines.slice(1).map((line) => {
    const fields = line.split('\t').map(unquote);
    return Object.fromEntries(header.map((h, i) => [h, fields[i] ?? '']));
  });
}

function unquote(field: string): string {
  return field.startsWith('"') && field.endsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field;
}

export function feedCorpora(): string[] {
  return corpusPresent ? readdirSync(FEEDS_DIR).sort() : [];
}

export function corpusBytes(relative: string): Uint8Array {
  return new Uint8Array(readFileSync(`${CORPUS_DIR}${relative}`));
}

export function corpusJson(relative: string): unknown {
  return JSON.parse(readFileSync(`${CORPUS_DIR}${relative}`, 'utf8'));
}

/** feedparser's simulated_http_headers column: "Name:value" (one header per row in this corpus). */
export function simulatedHeaders(cell: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!cell) return out;
  const at = cell.indexOf(':');
  if (at > 0) out[cell.slice(0, at).trim().toLowerCase()] = cell.slice(at + 1).trim();
  return out;
}
