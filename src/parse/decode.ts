// Bytes to text for feeds and pages. Order (what the corpus expects, WHATWG-flavoured):
// 1. a BOM, then the UTF-16/32 byte shape of '<' (XML 1.0 appendix F): facts, they win;
// 2. a declaration: HTTP charset, then the XML prolog, then <meta charset> (searched in the first
//    64 KB, not only 1 KB: real pages put it late); for HTML, meta before prolog; JSON is UTF-8;
// 3. corrections: bytes that are valid UTF-8 and contain non-ASCII win over a declared legacy
//    charset (lying prologs are common, valid UTF-8 by accident is not); an unknown label decodes as
//    UTF-8; a UTF-8 declaration on bytes with no valid multi-byte sequence is treated as undeclared;
// 4. nothing declared and not UTF-8: guess windows-1256 / ISO-8859-6 / windows-1252 (arabic-guess.ts).
// Never throws; every correction is reported in `warnings`.
import iconv from 'iconv-lite';
import { guessSingleByte } from './arabic-guess';
import { canonicalCharset, charsetFromContentType, charsetFromMeta, charsetFromProlog, sniffUnicode } from './charset';

export type BodyKind = 'xml' | 'html' | 'json';

export interface DecodedBody {
  readonly text: string;
  readonly encoding: string;
  readonly warnings: string[];
}

const PROLOG_SCAN_BYTES = 1024;
const META_SCAN_BYTES = 64 * 1024;
const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Lossy = new TextDecoder('utf-8', { ignoreBOM: true });
const latin = new TextDecoder('windows-1252');

function decodeWith(bytes: Uint8Array, encoding: string): string {
  if (encoding === 'utf-8') return utf8Lossy.decode(bytes);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: false });
}

const exists = (name: string): boolean => iconv.encodingExists(name);

/** The declared charset label (not yet validated), by the precedence for this kind of body. */
export function sniffCharset(bytes: Uint8Array, opts: { contentType: string | null; kind: BodyKind }): string | null {
  const unicode = sniffUnicode(bytes);
  if (unicode) return unicode.encoding;
  const http = charsetFromContentType(opts.contentType);
  if (http || opts.kind === 'json') return http;
  const prolog = charsetFromProlog(latin.decode(bytes.subarray(0, PROLOG_SCAN_BYTES)));
  if (opts.kind === 'xml' && prolog) return prolog;
  return charsetFromMeta(latin.decode(bytes.subarray(0, META_SCAN_BYTES))) ?? prolog;
}

export function decodeBody(bytes: Uint8Array, opts: { contentType: string | null; kind: BodyKind }): DecodedBody {
  const warnings: string[] = [];
  const unicode = sniffUnicode(bytes);
  if (unicode) {
    const body = bytes.subarray(unicode.skip);
    if (unicode.encoding === 'utf-8' && strictUtf8(body) === null) warnings.push('invalid UTF-8 after a UTF-8 BOM');
    return { text: stripBom(decodeWith(body, unicode.encoding)), encoding: unicode.encoding, warnings };
  }
  const label = sniffCharset(bytes, opts);
  let declared = label ? canonicalCharset(label, exists) : null;
  if (label && !declared) warnings.push(`unknown charset "${label}", decoded as UTF-8`);
  if (label && !declared) declared = 'utf-8';
  if (!hasHighBytes(bytes))
    return { text: stripBom(decodeWith(bytes, declared ?? 'utf-8')), encoding: declared ?? 'utf-8', warnings };

  const asUtf8 = strictUtf8(bytes);
  if (asUtf8 !== null) {
    if (declared && declared !== 'utf-8')
      warnings.push(`declared ${label} but bytes are valid UTF-8; decoded as UTF-8`);
    return { text: stripBom(asUtf8), encoding: 'utf-8', warnings };
  }
  if (declared === 'utf-8') {
    const lossy = utf8Lossy.decode(bytes);
    if (hasDecodedNonAscii(lossy)) {
      warnings.push('invalid UTF-8 sequences replaced with U+FFFD');
      return { text: stripBom(lossy), encoding: 'utf-8', warnings };
    }
    declared = null;
  }
  if (declared) return { text: stripBom(decodeWith(bytes, declared)), encoding: declared, warnings };
  const guess = guessSingleByte(bytes, decodeWith);
  warnings.push(`no usable charset declared and bytes are not UTF-8; guessed ${guess}`);
  return { text: stripBom(decodeWith(bytes, guess)), encoding: guess, warnings };
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8Strict.decode(bytes);
  } catch {
    return null;
  }
}

function hasHighBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

/** True when at least one non-ASCII character decoded cleanly (not every high byte was garbage). */
function hasDecodedNonAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 && c !== 0xfffd) return true;
  }
  return false;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
