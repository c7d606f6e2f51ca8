// What the command core needs to know about a chat and the person acting, and what it answers.
// Platform-neutral: Telegram and Slack adapters fill these in and render the reply.
import type { Platform } from '../../store/subscribers-repo';
import type { UiLang } from '../i18n';

export interface ChatRef {
  readonly platform: Platform;
  readonly chatId: string;
  /** private, group, supergroup, channel (Telegram) / slack. */
  readonly chatType: string;
  readonly title: string | null;
  /** Forum topic / thread the command was written in: a watch made there posts there. */
  readonly threadId: string | null;
}

export interface Actor {
  readonly userId: string | null;
  /** The platform's language code (Telegram language_code) for replies until /lang sets one. */
  readonly langCode: string | null;
  /** The permission decision, made by the platform adapter (getChatMember, channel post, DM). */
  readonly canEdit: boolean;
  /** A deployment administrator (may add global aliases). */
  readonly isDeploymentAdmin: boolean;
}

/** A button's meaning; platforms encode it (Telegram: ≤ 64-byte callback data). */
export type Action =
  | { readonly kind: 'mute'; readonly storyId: number }
  | { readonly kind: 'watch-place'; readonly placeId: string }
  | { readonly kind: 'lang'; readonly alertId: number; readonly lang: 'ar' | 'en' }
  | { readonly kind: 'unwatch'; readonly watchId: number }
  | { readonly kind: 'skip-missed' };

export interface Reply {
  readonly lang: UiLang;
  /** Plain text (platforms escape it). */
  readonly text: string;
  readonly buttons?: readonly (readonly { readonly text: string; readonly action: Action }[])[];
}

/** The answer to a button press: a short notice, and whether the alert must be re-rendered. */
export type ActionResult =
  | { readonly kind: 'notice'; readonly text: string; readonly alert?: boolean }
  | { readonly kind: 'relang'; readonly alertId: number; readonly lang: 'ar' | 'en' };
