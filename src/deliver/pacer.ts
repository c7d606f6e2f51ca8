// Pacing under the platform's flood limits (Telegram: ~1 msg/s per chat, 20/min per group or
// channel, ~30/s overall; see shared/reference/platform-limits.md). Smooth pacing, not bursts:
//   - overall: one send per 1000/globalPerSec ms, booked as numbered slots so a chat that must wait
//     does not hold back the others;
//   - per chat: one per 1000/perChatPerSec ms in private chats, one per 60000/perGroupPerMin ms in
//     groups and channels ("pace them at one per 3 s");
//   - a 429 blocks its chat until retry_after has elapsed, exactly.
// Pure state machine: time is passed in.
import type { ChatKind } from './sender';

export interface Limits {
  readonly perChatPerSec: number;
  readonly perGroupPerMin: number;
  readonly globalPerSec: number;
}

export const TELEGRAM_LIMITS: Limits = { perChatPerSec: 1, perGroupPerMin: 20, globalPerSec: 25 };

export interface Pacer {
  /** Books the earliest moment ≥ now at which this chat may send, and returns it. */
  book(chat: string, kind: ChatKind, now: number): number;
  /** Nothing goes to this chat before `until` (a 429's retry_after). */
  block(chat: string, until: number): void;
  /** When this chat could send next, ignoring the overall limit. */
  chatReadyAt(chat: string): number;
  /**
   * How long to hold a send that is due now so that no 1-second window ever carries more than
   * globalPerSec sends. Booked slots are smooth, but a busy event loop fires late sends together.
   */
  overallWaitMs(now: number): number;
  /** A send went out at `now`: the chat's next one is paced from this real moment. */
  fired(chat: string, kind: ChatKind, now: number): void;
}

export function chatSpacingMs(limits: Limits, kind: ChatKind): number {
  const perChat = 1000 / limits.perChatPerSec;
  return kind === 'group' ? Math.max(perChat, 60_000 / limits.perGroupPerMin) : perChat;
}

export function createPacer(limits: Limits): Pacer {
  const spacing = 1000 / limits.globalPerSec;
  const chatNext = new Map<string, number>();
  const booked = new Set<number>();
  let floor = 0;
  const window: number[] = [];

  const prune = (now: number) => {
    const current = Math.floor(now / spacing);
    if (current - floor < 1000) return;
    for (const k of booked) if (k < current) booked.delete(k);
    floor = current;
  };

  return {
    book(chat, kind, now) {
      prune(now);
      const earliest = Math.max(now, chatNext.get(chat) ?? 0);
      let k = Math.ceil(earliest / spacing);
      while (booked.has(k)) k++;
      booked.add(k);
      const at = Math.max(earliest, k * spacing);
      chatNext.set(chat, at + chatSpacingMs(limits, kind));
      return at;
    },
    block(chat, until) {
      chatNext.set(chat, Math.max(chatNext.get(chat) ?? 0, until));
    },
    chatReadyAt: (chat) => chatNext.get(chat) ?? 0,
    overallWaitMs(now) {
      while (window.length && window[0]! <= now - 1000) window.shift();
      return window.length < limits.globalPerSec ? 0 : window[0]! + 1000 - now;
    },
    fired(chat, kind, now) {
      window.push(now);
      chatNext.set(chat, Math.max(chatNext.get(chat) ?? 0, now + chatSpacingMs(limits, kind)));
    },
  };
}
