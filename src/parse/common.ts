// Field rules shared by the RSS and Atom adapters: article image, author names, summary fallback.
import { child, childrenNamed } from './nodes';
import { htmlToPlain, htmlToPlainPrefix } from './text';
import { resolveUrl } from './urls';
import type { XmlElement } from './xml';

/** Longest summary kept, in characters. */
export const SUMMARY_MAX_CHARS = 1000;

const IMAGE_EXT = /\.(?:jpe?g|png|gif|webp|avif|bmp|svg)(?:[?#]|$)/i;
const IMG_SRC = /<img\b[^>]*?\ssrc\s*=\s*["']([^"']+)["']/i;

function isImage(type: string | undefined, medium: string | undefined, url: string): boolean {
  if (medium) return medium.toLowerCase() === 'image';
  if (type) return type.toLowerCase().startsWith('image/');
  return IMAGE_EXT.test(url);
}

/**
 * The article's picture, in order of intent: media:content/thumbnail (also inside media:group), an
 * image enclosure, itunes:image, then the first <img> of the content or description.
 */
export function imageOf(el: XmlElement, htmlFallbacks: readonly (string | null)[]): string | null {
  const groups = [el, ...childrenNamed(el, 'media:group')];
  for (const g of groups) {
    for (const m of childrenNamed(g, 'media:content')) {
      const url = m.attrs['url'];
      if (url && isImage(m.attrs['type'], m.attrs['medium'], url)) return resolveUrl(url, m.base);
    }
  }
  for (const g of groups) {
    const thumb = child(g, 'media:thumbnail');
    if (thumb?.attrs['url']) return resolveUrl(thumb.attrs['url'], thumb.base);
  }
  for (const enc of [...childrenNamed(el, 'enclosure'), ...linksWithRel(el, 'enclosure')]) {
    const url = enc.attrs['url'] ?? enc.attrs['href'];
    if (url && isImage(enc.attrs['type'], undefined, url)) return resolveUrl(url, enc.base);
  }
  const itunes = child(el, 'itunes:image');
  if (itunes?.attrs['href']) return resolveUrl(itunes.attrs['href'], itunes.base);
  for (const html of htmlFallbacks) {
    const src = html ? IMG_SRC.exec(html)?.[1] : undefined;
    if (src) return resolveUrl(src.replace(/&amp;/g, '&'), el.base);
  }
  return null;
}

function linksWithRel(el: XmlElement, rel: string): XmlElement[] {
  return el.children.filter(
    (c): c is XmlElement => 'name' in c && (c.name === 'link' || c.name === 'atom:link') && c.attrs['rel'] === rel,
  );
}

/** RSS author is often "email (Name)": keep the name; a bare address or name stays as written. */
export function cleanAuthor(raw: string | null): string | null {
  if (!raw) return null;
  const plain = htmlToPlain(raw);
  const named = /^\S+@\S+\s*\((.+)\)$/.exec(plain);
  return (named ? named[1]!.trim() : plain) || null;
}

/**
 * Plain summary: the description, else the start of the content, cut at a word boundary after
 * SUMMARY_MAX_CHARS (full-content descriptions exist; contentHtml keeps everything).
 */
export function summaryOf(descriptionHtml: string | null, contentHtml: string | null): string {
  const source = descriptionHtml?.trim() ? descriptionHtml : contentHtml;
  if (!source) return '';
  const plain = htmlToPlainPrefix(source, SUMMARY_MAX_CHARS);
  if (plain.length <= SUMMARY_MAX_CHARS) return plain;
  const cut = plain.lastIndexOf(' ', SUMMARY_MAX_CHARS);
  return `${plain.slice(0, cut > SUMMARY_MAX_CHARS / 2 ? cut : SUMMARY_MAX_CHARS)}…`;
}
