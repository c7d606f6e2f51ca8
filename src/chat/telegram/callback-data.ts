// Callback data of the buttons the bot puts under its messages. Telegram allows 1–64 bytes, so the
// data is a short prefix and ids ("m:12", "w:gn:163808", "l:345:en"); anything that would not fit is
// not offered as a button at all. Pure.

import type { Action } from '../commands/types';

export const CALLBACK_MAX_BYTES = 64;

export type CallbackAction = Action;

const bytes = (s: string) => new TextEncoder().encode(s).length;

export function encodeCallback(a: CallbackAction): string | null {
  const data =
    a.kind === 'mute'
      ? `m:${a.storyId}`
      : a.kind === 'watch-place'
        ? `w:${a.placeId}`
        : a.kind === 'lang'
          ? `l:${a.alertId}:${a.lang}`
          : a.kind === 'unwatch'
            ? `u:${a.watchId}`
            : 'rs';
  return bytes(data) <= CALLBACK_MAX_BYTES ? data : null;
}

const int = (s: string | undefined) => (s && /^\d{1,15}$/.test(s) ? Number(s) : null);

/** null: data from an older version of the bot or forged; answered as a stale button. */
export function decodeCallback(data: string): CallbackAction | null {
  const [prefix, a, b] = data.split(':');
  const rest = data.slice(2);
  switch (prefix) {
    case 'm':
      return int(a) !== null ? { kind: 'mute', storyId: int(a)! } : null;
    case 'w':
      return rest.length > 0 ? { kind: 'watch-place', placeId: rest } : null;
    case 'l':
      return int(a) !== null && (b === 'ar' || b === 'en') ? { kind: 'lang', alertId: int(a)!, lang: b } : null;
    case 'u':
      return int(a) !== null ? { kind: 'unwatch', watchId: int(a)! } : null;
    case 'rs':
      return data === 'rs' ? { kind: 'skip-missed' } : null;
    default:
      return null;
  }
}
