// Telegram HTML from our own text (Bot API "HTML style"): every piece of text is escaped — only
// &lt; &gt; &amp; &quot; are needed — and only tags we write ourselves (b, i, a[href]) appear. Feed
// HTML is never passed through. Messages are measured as Telegram does, after entity parsing: the
// text without tags, in UTF-16 code units (JavaScript string length). Pure.

export const MESSAGE_MAX_CHARS = 4096;

export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const FSI = '\u2068';
const PDI = '\u2069';
const ARABIC = /\p{Script=Arabic}/u;
const LATIN_RUN = /\p{Script=Latin}(?:[\p{Script=Latin}\p{N}\s.,:'’&/-]*[\p{Script=Latin}\p{N}])?/gu;

/** One piece of a message: plain text, optionally inside a tag we control. */
export interface Piece {
  readonly text: string;
  readonly tag?: 'b' | 'i';
  readonly href?: string;
}

export type Line = readonly Piece[];

const safeHref = (url: string | null | undefined): string | undefined =>
  url && /^https?:\/\/[^\s]+$/i.test(url) ? url : undefined;

function pieceHtml(p: Piece): string {
  let html = escapeHtml(p.text);
  const href = safeHref(p.href);
  if (href) html = `<a href="${escapeHtml(href)}">${html}</a>`;
  if (p.tag) html = `<${p.tag}>${html}</${p.tag}>`;
  return html;
}

/** Plain length of lines joined by newlines, as Telegram counts it. */
export const plainLength = (lines: readonly Line[]): number =>
  lines.reduce((n, l) => n + l.reduce((m, p) => m + p.text.length, 0), 0) + Math.max(0, lines.length - 1);

export const toHtml = (lines: readonly Line[]): string => lines.map((l) => l.map(pieceHtml).join('')).join('\n');

/**
 * In a line with Arabic, each Latin run (an outlet name, "Reuters", "SDF") is wrapped in First Strong
 * Isolate … Pop Directional Isolate so the bidi algorithm keeps it in place (Unicode UAX #9). The
 * whole line decides (an English outlet piece next to an Arabic headline is isolated too).
 */
export function isolateLine(line: Line): Line {
  if (!line.some((p) => ARABIC.test(p.text))) return line;
  return line.map((p) => ({ ...p, text: p.text.replace(LATIN_RUN, (run) => `${FSI}${run}${PDI}`) }));
}
