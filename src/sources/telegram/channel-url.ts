// Telegram channel addresses. A source names a public channel as `https://t.me/s/<channel>`, as
// `https://t.me/<channel>`, as `t.me/<channel>`, `@channel` or just `channel`; all become the web
// preview URL `https://t.me/s/<channel>`. An explicit http(s) URL on another host keeps its host
// (mirrors, and test servers on 127.0.0.1) but must have the `/s/<channel>` or `/<channel>` path.
// Pure.
import type { Result } from '../../types';

/** Telegram usernames: 5–32 of [A-Za-z0-9_], starting with a letter; older channels are shorter. */
const CHANNEL = /^[A-Za-z][A-Za-z0-9_]{2,31}$/;
const TME_HOSTS = new Set(['t.me', 'telegram.me', 'www.t.me', 'www.telegram.me']);

export interface TelegramChannel {
  /** The channel's username as written (Telegram matches it case-insensitively). */
  readonly channel: string;
  /** The web preview URL, e.g. https://t.me/s/deirezzor24. */
  readonly previewUrl: string;
}

/** Normalizes what a user wrote for a Telegram source into the preview URL. */
export function normalizeTelegramUrl(input: string): Result<TelegramChannel> {
  const raw = input.trim();
  const bare = raw.replace(/^@/, '');
  if (CHANNEL.test(bare)) return ok(bare, 'https://t.me');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  const url = URL.parse(withScheme);
  if (!url) return { ok: false, error: `"${input}" is neither a channel name nor a t.me URL` };
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, error: `scheme "${url.protocol}" is not allowed for a Telegram channel (https)` };
  }
  const parts = url.pathname.split('/').filter(Boolean);
  const name = parts[0] === 's' ? parts[1] : parts[0];
  const extra = parts.length - (parts[0] === 's' ? 2 : 1);
  if (!name || !CHANNEL.test(name) || extra > 0) {
    return {
      ok: false,
      error: `"${input}" does not name a public channel (expected https://t.me/s/<channel> or the channel name)`,
    };
  }
  const origin = TME_HOSTS.has(url.hostname) ? 'https://t.me' : url.origin;
  return ok(name, origin);
}

function ok(channel: string, origin: string): Result<TelegramChannel> {
  return { ok: true, value: { channel, previewUrl: `${origin}/s/${channel}` } };
}

/** The preview page with the posts older than `before` (Telegram's own "load more" link). */
export function pageBefore(previewUrl: string, before: number): string {
  const url = new URL(previewUrl);
  url.search = '';
  url.searchParams.set('before', String(before));
  return url.toString();
}

/** The public URL of one post, https://t.me/<channel>/<id>, on the preview's origin (mirrors, tests). */
export function postUrl(previewUrl: string, channel: string, id: number): string {
  return `${new URL(previewUrl).origin}/${channel}/${id}`;
}
