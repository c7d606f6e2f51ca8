// A public Telegram channel's web preview (https://t.me/s/<channel>) to posts. Pure: text in, posts
// or the reason the preview is not available out. Markup (t.me, as in the corpus tme_s_preview):
//   .tgme_widget_message[data-post="channel/123"]        one post; the id is after the slash
//     .tgme_widget_message_text                          text; <br> is a line break (nested once in albums)
//     .tgme_widget_message_forwarded_from_name[href]     forwarded-from
//     a.tgme_widget_message_link_preview[href]           link preview (.link_preview_title, _description)
//     .tgme_widget_message_date time[datetime]           date (the media duration is also a <time>)
//     .tgme_widget_message_from_author                   signature of a signed post
//   .js-messages_more[data-before]                       cursor for older posts
// Rules: a post without text, poll question or link preview (a sticker, a bare photo) is skipped;
// the text is followed by the link preview's title and description (a post that is only a URL reads
// as its preview); the post's own URL is the article URL; the outlet link it carries is `linkedUrl`
// (link preview first, then the first link in the text that leaves Telegram), so dedup can join it
// to that article.
import type { ParsedArticle, Result } from '../../types';
import { all, type DomDocument, type DomElement, type DomNode, ELEMENT_NODE, parseDom, textOf } from '../html/dom';
import { postUrl } from './channel-url';

export interface LinkPreview {
  readonly url: string;
  readonly siteName: string | null;
  readonly title: string | null;
  readonly description: string | null;
}

/** A post as an article, plus what only Telegram has. */
export interface TelegramArticle extends ParsedArticle {
  readonly postId: number;
  /** The outlet article this post shares, if any: the same story as that article. */
  readonly linkedUrl: string | null;
  /** Every http(s) link in the text, in order. */
  readonly links: readonly string[];
  readonly forwardedFrom: { readonly name: string; readonly url: string | null } | null;
  readonly linkPreview: LinkPreview | null;
}

export interface TelegramPage {
  readonly channel: string;
  readonly title: string;
  /** In page order: oldest first. */
  readonly posts: readonly TelegramArticle[];
  /** Posts on the page that carry nothing to read (stickers, bare media). */
  readonly skipped: number;
  /** Id to ask `?before=` for older posts; null at the start of the channel. */
  readonly before: number | null;
}

const TELEGRAM_HOSTS = new Set(['t.me', 'telegram.me', 'telegram.org', 'www.t.me']);
const TITLE_CHARS = 140;

/** `url` is the final URL after redirects: t.me sends channels without a preview to /<channel>. */
export function parseTelegramPreview(html: string, url: string): Result<TelegramPage> {
  const path = URL.parse(url)?.pathname ?? '';
  if (!path.startsWith('/s/')) {
    return unavailable(`redirected to the channel's info page (${url}): the channel has no public preview`);
  }
  const doc = parseDom(html);
  const nodes = all(doc, '.tgme_widget_message[data-post]');
  if (nodes.length === 0) {
    if (!doc.querySelector('.tgme_channel_history') && doc.querySelector('.tgme_page')) {
      return unavailable(`${url} is a channel info page, not the message preview`);
    }
    if (!doc.querySelector('.tgme_channel_history, .tgme_channel_info')) {
      return unavailable(`${url} is not a Telegram channel preview page`);
    }
    return unavailable(`no messages in the preview at ${url} (empty, restricted or blocked channel)`);
  }
  const posts: TelegramArticle[] = [];
  for (const node of nodes) {
    const post = readPost(node, url);
    if (post) posts.push(post);
  }
  const channel = nodes[0]!.getAttribute('data-post')!.split('/')[0]!;
  return {
    ok: true,
    value: {
      channel,
      title: channelTitle(doc) ?? channel,
      posts,
      skipped: nodes.length - posts.length,
      before: cursor(doc),
    },
  };
}

function unavailable(why: string): Result<never> {
  return { ok: false, error: `telegram preview not available: ${why}` };
}

function readPost(node: DomElement, pageUrl: string): TelegramArticle | null {
  const [channel, idText] = (node.getAttribute('data-post') ?? '').split('/');
  const postId = Number(idText);
  if (!channel || !Number.isSafeInteger(postId)) return null;
  const textEl = innermostText(node);
  const lines = textEl ? linesOf(textEl) : pollLines(node);
  const links = textEl ? textLinks(textEl) : [];
  const preview = linkPreview(node);
  // A post that is only a link reads as its preview: the outlet's headline and lead.
  const paragraphs = toParagraphs(lines).filter((p) => !/^\S+:\/\/\S+$/.test(p));
  const body = [...paragraphs, ...[preview?.title, preview?.description].filter((s): s is string => !!s)];
  if (body.length === 0) return null;
  const datetime = node.querySelector('.tgme_widget_message_date time[datetime]')?.getAttribute('datetime');
  const published = datetime ? Date.parse(datetime) : Number.NaN;
  const signature = textOf(node.querySelector('.tgme_widget_message_from_author'));
  return {
    title: titleFrom(body),
    url: postUrl(pageUrl, channel, postId),
    guid: `${channel}/${postId}`,
    published: Number.isFinite(published) ? published : null,
    summary: body.join('\n\n'),
    contentHtml: body.map((p) => `<p>${escapeHtml(p).replaceAll('\n', '<br>')}</p>`).join(''),
    author: signature || textOf(node.querySelector('.tgme_widget_message_owner_name')) || null,
    imageUrl: backgroundUrl(node.querySelector('.tgme_widget_message_photo_wrap, .link_preview_image')),
    lang: null,
    postId,
    linkedUrl: [preview?.url, ...links].find((l): l is string => !!l && !isTelegram(l)) ?? null,
    links,
    forwardedFrom: forwardedFrom(node),
    linkPreview: preview,
  };
}

/** Albums nest a second .tgme_widget_message_text inside the first; replies quote another post. */
function innermostText(node: DomElement): DomElement | null {
  const texts = all(node, '.tgme_widget_message_text').filter((el) => !el.closest('.tgme_widget_message_reply'));
  return texts.find((el) => !el.querySelector('.tgme_widget_message_text')) ?? null;
}

/** Text as lines: <br> ends a line, whitespace inside a line collapses (markup is pretty-printed). */
function linesOf(el: DomElement): string[] {
  const lines: string[] = [''];
  const walk = (n: DomNode) => {
    if (n.nodeType !== ELEMENT_NODE) {
      lines[lines.length - 1] += n.textContent ?? '';
      return;
    }
    const e = n as DomElement;
    if (e.localName === 'br') lines.push('');
    else for (const c of Array.from(e.childNodes)) walk(c);
  };
  walk(el);
  return lines.map((l) => l.replace(/[\s\u00a0]+/g, ' ').trim());
}

function pollLines(node: DomElement): string[] {
  const question = textOf(node.querySelector('.tgme_widget_message_poll_question'));
  const options = all(node, '.tgme_widget_message_poll_option_text').map((o) => textOf(o));
  return question ? [question, ...options] : [];
}

/** An empty line (two <br>) separates paragraphs; single breaks stay as "\n" inside one. */
function toParagraphs(lines: readonly string[]): string[] {
  const out: string[] = [];
  let current: string[] = [];
  for (const line of [...lines, '']) {
    if (line) current.push(line);
    else if (current.length) {
      out.push(current.join('\n'));
      current = [];
    }
  }
  return out;
}

function titleFrom(paragraphs: readonly string[]): string {
  const first = paragraphs[0]?.split('\n')[0] ?? '';
  if (first.length <= TITLE_CHARS) return first;
  const cut = first.lastIndexOf(' ', TITLE_CHARS);
  return `${first.slice(0, cut > TITLE_CHARS / 2 ? cut : TITLE_CHARS)}…`;
}

function textLinks(el: DomElement): string[] {
  const out: string[] = [];
  for (const a of all(el, 'a[href]')) {
    const raw = a.getAttribute('href') ?? '';
    // Hashtags and cashtags link to the channel's own search (?q=%23tag): not a link the post shares.
    if (raw.startsWith('?q=')) continue;
    const href = absolute(raw);
    if (href && !out.includes(href)) out.push(href);
  }
  return out;
}

function linkPreview(node: DomElement): LinkPreview | null {
  const a = node.querySelector('a.tgme_widget_message_link_preview[href]');
  const url = absolute(a?.getAttribute('href'));
  if (!a || !url) return null;
  const field = (cls: string) => textOf(a.querySelector(cls)) || null;
  return {
    url,
    siteName: field('.link_preview_site_name'),
    title: field('.link_preview_title'),
    description: field('.link_preview_description'),
  };
}

function forwardedFrom(node: DomElement): TelegramArticle['forwardedFrom'] {
  const el = node.querySelector('.tgme_widget_message_forwarded_from_name');
  if (!el) return null;
  return { name: textOf(el), url: absolute(el.getAttribute('href')) };
}

function channelTitle(doc: DomDocument): string | null {
  const header = textOf(doc.querySelector('.tgme_channel_info_header_title'));
  return header || doc.querySelector('meta[property="og:title"]')?.getAttribute('content')?.trim() || null;
}

function cursor(doc: DomDocument): number | null {
  const more = Number(doc.querySelector('.js-messages_more[data-before]')?.getAttribute('data-before'));
  if (Number.isSafeInteger(more) && more > 0) return more;
  const prev = doc.querySelector('link[rel="prev"][href]')?.getAttribute('href') ?? '';
  const before = Number(new URLSearchParams(prev.split('?')[1] ?? '').get('before'));
  return Number.isSafeInteger(before) && before > 0 ? before : null;
}

function backgroundUrl(el: DomElement | null): string | null {
  const m = /background-image:\s*url\(['"]?([^'")]+)['"]?\)/.exec(el?.getAttribute('style') ?? '');
  return m ? absolute(m[1]) : null;
}

function absolute(href: string | null | undefined): string | null {
  if (!href) return null;
  const u = URL.parse(href, 'https://t.me/');
  return u && (u.protocol === 'https:' || u.protocol === 'http:') ? u.toString() : null;
}

function isTelegram(url: string): boolean {
  return TELEGRAM_HOSTS.has(new URL(url).hostname);
}

function escapeHtml(s: string): string {
  return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
