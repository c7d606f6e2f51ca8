// The Sender port: what the dispatcher needs from a chat platform (Telegram, Slack, the console).
// The dispatcher hands over a platform-neutral view of the message; each sender renders it (Telegram
// HTML, Slack blocks) and says what happened as a value, never by throwing for an expected failure.

export type Lang = 'ar' | 'en';
export type SummaryLang = 'ar' | 'en' | 'both';

/** One alert as shown to a chat: every field is plain text (senders escape it). */
export interface AlertView {
  readonly alertId: number;
  readonly kind: 'alert' | 'follow-up';
  readonly storyId: number | null;
  readonly title: string;
  readonly url: string | null;
  /** Outlets carrying the story (the first is this article's). */
  readonly outlets: readonly string[];
  /** Epoch ms the article was published. */
  readonly publishedAt: number;
  /** Summaries present for the languages wanted (at least one). */
  readonly summary: { readonly ar?: string; readonly en?: string };
  /** The watch terms that matched and the places mentioned (display names). */
  readonly terms: readonly string[];
  readonly places: readonly { readonly id: string; readonly name: string }[];
  /** Reports in the story (shows "n outlets" when > 1). */
  readonly storySize: number;
  /** Reports folded into this follow-up: "+3 more reports: A, B, C" (already in uiLang). */
  readonly note?: string;
  /** The language the chat reads and the summary languages it gets. */
  readonly uiLang: Lang;
  readonly summaryLang: SummaryLang;
}

/** Several alerts as one message: a digest period, or the backlog after an outage or a pause. */
export interface DigestView {
  readonly reason: 'catch-up' | 'hourly' | 'daily' | 'resume';
  readonly uiLang: Lang;
  readonly alertCount: number;
  readonly stories: readonly {
    readonly title: string;
    readonly url: string | null;
    readonly outlets: readonly string[];
    readonly alerts: number;
  }[];
}

export type MessageView =
  | ({ readonly type: 'alert' } & AlertView)
  | ({ readonly type: 'digest' } & DigestView)
  | { readonly type: 'text'; readonly text: string };

export interface OutgoingMessage {
  readonly chatId: string;
  /** Telegram forum topic / Slack thread the message belongs to. */
  readonly threadId: string | null;
  /** Platform reference of the message this one replies to (a story's first alert). */
  readonly replyTo: string | null;
  readonly view: MessageView;
}

/** How a send ended. Each kind maps to one dispatcher action (see ./outcome). */
export type SendResult =
  | { readonly kind: 'sent'; readonly messageRef: string }
  /** 429: nothing may be sent to this chat for retryAfterMs. */
  | { readonly kind: 'rate-limited'; readonly retryAfterMs: number; readonly reason: string }
  /** 5xx, timeout, connection refused: try again later with backoff. */
  | { readonly kind: 'retryable'; readonly reason: string }
  /** The request itself is wrong (400): retrying it would fail the same way. */
  | { readonly kind: 'failed'; readonly reason: string }
  /** The chat is gone for us (403 blocked/kicked, deactivated user, archived channel). */
  | { readonly kind: 'gone'; readonly reason: string }
  /** The group became a supergroup with a new id (Telegram 400 migrate_to_chat_id). */
  | { readonly kind: 'migrated'; readonly newChatId: string };

export type ChatKind = 'private' | 'group';

export interface Sender {
  readonly platform: 'telegram' | 'slack' | 'console';
  send(message: OutgoingMessage): Promise<SendResult>;
}
