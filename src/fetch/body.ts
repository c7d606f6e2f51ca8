// Reading a response body within a size limit, undoing Content-Encoding on the way.
// The limit applies to the decoded bytes and is checked chunk by chunk, so a 10 KB gzip bomb that
// inflates to gigabytes is stopped after the first ~10 MB, not after it has filled memory.
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';

export type BodyRead =
  | { kind: 'ok'; body: Uint8Array }
  | { kind: 'too-large' }
  | { kind: 'bad-encoding'; what: string };

// Lenient flushing, as browsers and undici's fetch do: many servers truncate the final block.
const GZIP_OPTS = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };
const BROTLI_OPTS = {
  flush: zlib.constants.BROTLI_OPERATION_FLUSH,
  finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
};

/** Content-Encoding tokens we undo (RFC 9110 §8.4.1). */
const DECODERS: Readonly<Record<string, () => Transform>> = {
  gzip: () => zlib.createGunzip(GZIP_OPTS),
  'x-gzip': () => zlib.createGunzip(GZIP_OPTS),
  deflate: () => new DeflateDecoder(),
  br: () => zlib.createBrotliDecompress(BROTLI_OPTS),
};

/** Accept-Encoding to send: exactly what DECODERS handles. */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

/** Decoders for a Content-Encoding header, in the order to apply them, or the unsupported token. */
export function decodersFor(contentEncoding: string | null): Transform[] | string {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
  const decoders: Transform[] = [];
  // Codings are listed in the order they were applied, so they are undone last to first.
  for (const coding of codings.reverse()) {
    const make = DECODERS[coding];
    if (!make) return coding;
    decoders.push(make());
  }
  return decoders;
}

/** Reads `source` through `decoders`, giving up as soon as more than `maxBytes` come out. */
export async function readLimited(source: Readable, decoders: Transform[], maxBytes: number): Promise<BodyRead> {
  const chunks: Buffer[] = [];
  let total = 0;
  // A flag, not an error class: pipeline() may reject with an AbortError instead of the sink's error.
  let tooLarge = false;
  const sink = async (decoded: AsyncIterable<Buffer>) => {
    for await (const chunk of decoded) {
      total += chunk.length;
      if (total > maxBytes) {
        tooLarge = true;
        throw new Error('body too large');
      }
      chunks.push(chunk);
    }
  };
  try {
    // pipeline() accepts an async function as the last step at runtime, but its array overload's
    // types only list streams.
    await pipeline([source, ...decoders, sink as unknown as NodeJS.WritableStream]);
  } catch (err) {
    if (tooLarge) return { kind: 'too-large' };
    if (isZlibError(err)) return { kind: 'bad-encoding', what: (err as Error).message };
    throw err;
  }
  const body = Buffer.concat(chunks, total);
  return { kind: 'ok', body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength) };
}

function isZlibError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('Z_') || code.startsWith('ERR_BROTLI') || code === 'ERR__ERROR');
}

// "deflate" should be the zlib format (RFC 9110 §8.4.1.2) but some servers send raw deflate.
// Like browsers, look at the first byte: a zlib header has compression method 8 in its low nibble.
class DeflateDecoder extends Transform {
  private inner: zlib.Inflate | zlib.InflateRaw | null = null;

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    if (!this.inner) {
      this.inner = (chunk[0]! & 0x0f) === 0x08 ? zlib.createInflate(GZIP_OPTS) : zlib.createInflateRaw(GZIP_OPTS);
      this.inner.on('data', (out: Buffer) => this.push(out));
      this.inner.on('error', (err) => this.destroy(err));
    }
    this.inner.write(chunk, () => done());
  }

  override _flush(done: TransformCallback): void {
    if (!this.inner) {
      done();
      return;
    }
    this.inner.once('end', () => done());
    this.inner.end();
  }

  override _destroy(err: Error | null, done: (error: Error | null) => void): void {
    this.inner?.destroy();
    done(err);
  }
}
