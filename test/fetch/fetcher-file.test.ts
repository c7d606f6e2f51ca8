import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createFetcher } from '../../src/fetch/fetcher';

const dir = mkdtempSync(join(tmpdir(), 'rased-fetch-'));
const fileUrl = (name: string) => pathToFileURL(join(dir, name)).href;
const FEED = '<rss version="2.0"><channel><title>ملف محلي</title></channel></rss>';
writeFileSync(join(dir, 'feed.xml'), FEED);
writeFileSync(join(dir, 'big.xml'), Buffer.alloc(2048, 'x'));

const fetcher = createFetcher({ userAgent: 'Rased/0.1 (+test)', maxBodyBytes: 1024 });
afterAll(async () => {
  await fetcher.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('fetcher: file: URLs', () => {
  it('reads an existing file with the same result shape as HTTP', async () => {
    const result = await fetcher.fetch({ url: fileUrl('feed.xml') });
    expect(result).toMatchObject({
      kind: 'ok',
      url: fileUrl('feed.xml'),
      status: 200,
      contentType: 'application/xml',
      etag: null,
    });
    expect(result.kind === 'ok' && new TextDecoder().decode(result.body)).toBe(FEED);
  });

  it('uses the mtime as Last-Modified, so an unchanged file is not-modified', async () => {
    const first = await fetcher.fetch({ url: fileUrl('feed.xml') });
    const lastModified = first.kind === 'ok' ? first.lastModified : null;
    expect(lastModified).toMatch(/GMT$/);
    expect(await fetcher.fetch({ url: fileUrl('feed.xml'), lastModified })).toMatchObject({ kind: 'not-modified' });
  });

  it('fails on a missing file and names it', async () => {
    const result = await fetcher.fetch({ url: fileUrl('missing.xml') });
    expect(result).toMatchObject({
      kind: 'failed',
      reason: `file not found: ${join(dir, 'missing.xml')}`,
      status: null,
      retryable: false,
    });
  });

  it('applies the size limit to files', async () => {
    const result = await fetcher.fetch({ url: fileUrl('big.xml') });
    expect(result).toMatchObject({ kind: 'failed', reason: `body larger than 1 KB from ${fileUrl('big.xml')}` });
  });

  it('fails on a directory', async () => {
    const result = await fetcher.fetch({ url: pathToFileURL(dir).href });
    expect(result).toMatchObject({ kind: 'failed', retryable: false });
  });
});
