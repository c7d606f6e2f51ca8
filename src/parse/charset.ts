// Where a document says what its charset is, and what charset names mean. Rules:
// - Byte order marks and the UTF-16/32 shape of "<" (XML 1.0 appendix F) are facts about the bytes;
// - declarations (HTTP charset, XML prolog encoding=, HTML <meta charset> / http-equiv) are claims;
// - labels follow the WHATWG Encoding Standard: ISO-8859-1, latin1 and US-ASCII mean windows-1252,
//   GB2312/GBK mean GB18030; a UTF-16/32 label on ASCII-shaped bytes means UTF-8.

export interface Sniffed {
  readonly encoding: string;
  /** Bytes to skip (the BOM). */
  readonly skip: number;
}

/** BOM first (UTF-32 before UTF-16: FF FE 00 00 starts both), then the byte shape of '<'. */
export function sniffUnicode(b: Uint8Array): Sniffed | null {
  const [b0, b1, b2, b3] = [b[0], b[1], b[2], b[3]];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0xfe && b3 === 0xff) return { encoding: 'utf-32be', skip: 4 };
  if (b0 === 0xff && b1 === 0xfe && b2 === 0x00 && b3 === 0x00) return { encoding: 'utf-32le', skip: 4 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', skip: 2 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0x00 && b3 === 0x3c) return { encoding: 'utf-32be', skip: 0 };
  if (b0 === 0x3c && b1 === 0x00 && b2 === 0x00 && b3 === 0x00) return { encoding: 'utf-32le', skip: 0 };
  if (b0 === 0x00 && b1 === 0x3c && b2 === 0x00) return { encoding: 'utf-16be', skip: 0 };
  if (b0 === 0x3c && b1 === 0x00 && b2 !== 0x00 && b3 === 0x00) return { encoding: 'utf-16le', skip: 0 };
  return null;
}

const LABEL = /^\s*["']?\s*([A-Za-z0-9._:()+-]+)/;

/** charset parameter of a Content-Type header value, e.g. `text/xml; charset="gb2312"`. */
export function charsetFromContentType(contentType: string | null): string | null {
  if (!contentType) return null;
  const at = contentType.search(/charset\s*=/i);
  if (at === -1) return null;
  const rest = contentType.slice(at).replace(/^charset\s*=/i, '');
  return LABEL.exec(rest)?.[1] ?? null;
}

const PROLOG = /<\?xml\s[^>]*?encoding\s*=\s*["']\s*([A-Za-z0-9._:()+-]+)/;
const META = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:()+-]+)/i;

/** encoding= of the XML declaration, read from the first 1 KB as ASCII. */
export function charsetFromProlog(head: string): string | null {
  return PROLOG.exec(head.slice(0, 1024))?.[1] ?? null;
}

/** <meta charset> or <meta http-equiv content="...; charset=">, anywhere in the given head. */
export function charsetFromMeta(head: string): string | null {
  return META.exec(head)?.[1] ?? null;
}

// WHATWG label -> the decoder we use (iconv-lite names).
const ALIASES: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  iso88591: 'windows-1252',
  iso_8859_1: 'windows-1252',
  'iso_8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'latin-1': 'windows-1252',
  l1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  cp1252: 'windows-1252',
  cp819: 'windows-1252',
  utf8: 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
  chinese: 'gb18030',
  'euc-cn': 'gb18030',
  csgb2312: 'gb18030',
  'x-sjis': 'shift_jis',
  sjis: 'shift_jis',
  'shift-jis': 'shift_jis',
  ms_kanji: 'shift_jis',
  'x-euc-jp': 'euc-jp',
  'ks_c_5601-1987': 'euc-kr',
  korean: 'euc-kr',
  'iso-8859-8-i': 'iso-8859-8',
  'tis-620': 'windows-874',
  'iso-8859-11': 'windows-874',
  'x-mac-cyrillic': 'maccyrillic',
  cp1256: 'windows-1256',
  'iso-8859-6-i': 'iso-8859-6',
  arabic: 'iso-8859-6',
};

const UNICODE_WIDE = /^(?:utf-?16|utf-?32|ucs-?2|ucs-?4|unicode)/;

/**
 * The decoder name for a declared label, 'utf-8' for UTF-16/32 labels on ASCII-shaped bytes, or null
 * when the label is unknown. `exists` asks the decoding library (passed in to keep this file pure).
 */
export function canonicalCharset(label: string, exists: (name: string) => boolean): string | null {
  const key = label.trim().toLowerCase();
  if (UNICODE_WIDE.test(key)) return 'utf-8';
  const alias = ALIASES[key];
  if (alias) return alias;
  return exists(key) ? key : null;
}
