// A string from a buffer of UTF-16 code units. TextDecoder is several times faster than
// String.fromCharCode.apply for article-sized texts, but it replaces lone surrogates with U+FFFD, so
// a buffer that may hold them takes the exact path. Pure.

const utf16 = new TextDecoder('utf-16le');
const CHUNK = 8192;

/** The first `n` code units of `buf` as a string, exactly (lone surrogates kept). */
export function fromCodeUnits(buf: Uint16Array, n: number, mayHaveSurrogates: boolean): string {
  if (n === 0) return '';
  if (!mayHaveSurrogates) return utf16.decode(buf.subarray(0, n));
  let s = '';
  for (let i = 0; i < n; i += CHUNK)
    s += String.fromCharCode.apply(null, buf.subarray(i, Math.min(n, i + CHUNK)) as never);
  return s;
}

export const isSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdfff;
