// file: URLs, for local feeds and the demo. Same result shape as HTTP; the file's mtime plays the
// part of Last-Modified so conditional polling works the same way.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readLimited } from './body';
import { formatBytes } from './format';
import type { FetchRequest, FetchResult } from './types';

/** Content-Type by file extension; anything else is left for the parser to sniff. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.xml': 'application/xml',
  '.rss': 'application/rss+xml',
  '.atom': 'application/atom+xml',
  '.json': 'application/json',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.txt': 'text/plain',
};

export async function fetchFile(
  request: FetchRequest,
  maxBodyBytes: number,
  elapsed: () => number,
): Promise<FetchResult> {
  const url = new URL(request.url);
  const failed = (reason: string, retryable: boolean): FetchResult => ({
    kind: 'failed',
    reason,
    status: null,
    retryable,
    elapsedMs: elapsed(),
  });
  let path: string;
  try {
    path = fileURLToPath(url);
  } catch (err) {
    return failed(`cannot read ${request.url}: ${(err as Error).message}`, false);
  }
  try {
    const info = await stat(path);
    if (!info.isFile()) return failed(`${request.url} is not a file`, false);
    const lastModified = info.mtime.toUTCString();
    if (request.lastModified === lastModified)
      return { kind: 'not-modified', minNextPollMs: null, elapsedMs: elapsed() };
    if (info.size > maxBodyBytes) return failed(tooLarge(request.url, maxBodyBytes), false);
    // Limit the read as well: the file may grow between stat and read.
    const read = await readLimited(createReadStream(path), [], maxBodyBytes);
    if (read.kind !== 'ok') return failed(tooLarge(request.url, maxBodyBytes), false);
    return {
      kind: 'ok',
      url: url.href,
      status: 200,
      body: read.body,
      contentType: CONTENT_TYPES[extname(path).toLowerCase()] ?? null,
      etag: null,
      lastModified,
      contentLocation: null,
      minNextPollMs: null,
      elapsedMs: elapsed(),
    };
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ENOENT') return failed(`file not found: ${path}`, false);
    if (code === 'EACCES') return failed(`permission denied reading ${path}`, false);
    return failed(`cannot read ${path}: ${(err as Error).message}`, false);
  }
}

function tooLarge(url: string, max: number): string {
  return `body larger than ${formatBytes(max)} from ${url}`;
}
