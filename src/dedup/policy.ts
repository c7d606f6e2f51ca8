// What a subscriber gets for a story (used by the chat stages), decided from stored facts only:
//   - one top-level alert per story per subscriber;
//   - later reports become follow-ups threaded under it, at most one per outlet (the alert's outlet
//     counts), at most `maxFollowUpsPerWindow` per story per window (default 3 an hour);
//   - when more reports wait than the window allows, the next follow-up folds the rest:
//     "+4 more reports: …";
//   - a muted story sends nothing more.

export interface AlertPolicy {
  readonly maxFollowUpsPerWindow: number;
  readonly windowMs: number;
}

export const DEFAULT_POLICY: AlertPolicy = { maxFollowUpsPerWindow: 3, windowMs: 3_600_000 };

export interface Report {
  readonly articleId: number;
  readonly outlet: string;
  readonly title: string;
  readonly at: number;
}

export interface SentMessage {
  readonly kind: 'alert' | 'follow-up';
  /** Platform reference to reply to (Telegram message id, Slack ts). */
  readonly messageRef: string;
  /** Outlets this message reported, folded ones included. */
  readonly outlets: readonly string[];
  readonly at: number;
}

export interface SubscriberStoryHistory {
  readonly muted: boolean;
  readonly sent: readonly SentMessage[];
}

export interface AlertInput {
  /** The story and its reports matched for this subscriber and not yet sent, folded or dropped. */
  readonly story: { readonly id: number; readonly pending: readonly Report[] };
  readonly subscriberHistory: SubscriberStoryHistory;
  readonly now: number;
  readonly policy?: AlertPolicy;
}

export type AlertDecision =
  | { kind: 'alert'; report: Report }
  | { kind: 'follow-up'; replyTo: string; report: Report; folded: Report[]; dropped: number[] }
  | { kind: 'hold'; until: number; dropped: number[] }
  | { kind: 'skip'; reason: 'muted' | 'nothing-pending' | 'outlet-already-reported'; dropped: number[] };

const byTime = (a: Report, b: Report) => a.at - b.at || a.articleId - b.articleId;

export function decideAlert(input: AlertInput): AlertDecision {
  const { story, subscriberHistory: h, now } = input;
  const policy = input.policy ?? DEFAULT_POLICY;
  const pending = [...story.pending].sort(byTime);
  const all = pending.map((r) => r.articleId);
  if (h.muted) return { kind: 'skip', reason: 'muted', dropped: all };
  if (pending.length === 0) return { kind: 'skip', reason: 'nothing-pending', dropped: [] };
  const alert = h.sent.find((m) => m.kind === 'alert');
  if (!alert) return { kind: 'alert', report: pending[0]! };

  const covered = new Set(h.sent.flatMap((m) => m.outlets));
  const eligible: Report[] = [];
  const dropped: number[] = [];
  for (const r of pending) {
    if (covered.has(r.outlet)) dropped.push(r.articleId);
    else {
      covered.add(r.outlet);
      eligible.push(r);
    }
  }
  if (eligible.length === 0) return { kind: 'skip', reason: 'outlet-already-reported', dropped };

  const recent = h.sent.filter((m) => m.kind === 'follow-up' && m.at > now - policy.windowMs);
  if (recent.length >= policy.maxFollowUpsPerWindow) {
    const oldest = Math.min(...recent.map((m) => m.at));
    return { kind: 'hold', until: oldest + policy.windowMs, dropped };
  }
  const budget = policy.maxFollowUpsPerWindow - recent.length;
  const [first, ...rest] = eligible;
  const folded = eligible.length > budget ? rest : [];
  return { kind: 'follow-up', replyTo: alert.messageRef, report: first!, folded, dropped };
}

const FOLDED_TEXT = {
  en: (n: number, outlets: string) => `+${n} more report${n === 1 ? '' : 's'}: ${outlets}`,
  ar: (n: number, outlets: string) => `+${n} تقارير أخرى: ${outlets}`,
} as const;

/** The line appended to a follow-up that folds other reports: "+4 more reports: A, B, C, D". */
export function foldedLine(folded: readonly Report[], lang: 'en' | 'ar' = 'en'): string {
  if (folded.length === 0) return '';
  return FOLDED_TEXT[lang](folded.length, folded.map((r) => r.outlet).join(lang === 'ar' ? '، ' : ', '));
}
