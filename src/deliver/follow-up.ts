// The follow-up policy (src/dedup/policy decideAlert) applied at send time to the head alert's story:
// one top-level alert per story and chat; later reports reply to it, one per outlet, at most a few
// per hour, extra ones folded into "+n more reports: …"; a report from an outlet already shown is
// dropped. Reads the story's history from the outbox; decides nothing itself.
import { type AlertPolicy, DEFAULT_POLICY, decideAlert, foldedLine, type Report } from '../dedup/policy';
import type { Alert } from '../store/alerts-repo';
import type { Lang } from './sender';

export interface StoryHistorySource {
  ofStory(subscriberId: number, storyId: number): Alert[];
}

export type StoryStep =
  | {
      readonly kind: 'send';
      readonly alert: Alert;
      readonly asFollowUp: boolean;
      readonly replyTo: string | null;
      readonly folded: readonly Alert[];
      readonly note: string;
      readonly dropped: readonly Alert[];
    }
  | {
      readonly kind: 'hold';
      readonly until: number;
      readonly alerts: readonly Alert[];
      readonly dropped: readonly Alert[];
    }
  | { readonly kind: 'skip'; readonly alerts: readonly Alert[]; readonly reason: string };

export function storyStep(
  history: StoryHistorySource,
  outletOf: (a: Alert) => string,
  head: Alert,
  pending: readonly Alert[],
  lang: Lang,
  now: number,
  policy: AlertPolicy = DEFAULT_POLICY,
): StoryStep {
  const plain = {
    kind: 'send' as const,
    alert: head,
    asFollowUp: head.kind === 'follow-up',
    folded: [],
    note: '',
    dropped: [],
  };
  if (head.storyId === null) return { ...plain, replyTo: null };
  const storyId = head.storyId;
  const mine = pending.filter((a) => a.storyId === storyId && a.status !== 'sending');
  if (head.status === 'sending' || mine.length === 0) return { ...plain, replyTo: null };
  const byArticle = new Map(mine.map((a) => [a.articleId, a]));
  const reports: Report[] = mine.map((a) => ({
    articleId: a.articleId,
    outlet: outletOf(a),
    title: '',
    at: a.createdAt,
  }));
  const sent = history
    .ofStory(head.subscriberId, storyId)
    .filter((a) => a.status === 'sent' && a.messageId !== null)
    .map((a) => ({
      kind: a.kind === 'follow-up' ? ('follow-up' as const) : ('alert' as const),
      messageRef: a.messageId!,
      outlets: [outletOf(a)],
      at: a.sentAt ?? a.createdAt,
    }));
  const d = decideAlert({
    story: { id: storyId, pending: reports },
    subscriberHistory: { muted: false, sent },
    now,
    policy,
  });
  const pick = (ids: readonly number[]) => ids.map((id) => byArticle.get(id)!).filter(Boolean);
  switch (d.kind) {
    case 'alert':
      return { ...plain, alert: byArticle.get(d.report.articleId)!, asFollowUp: false, replyTo: null };
    case 'follow-up':
      return {
        kind: 'send',
        alert: byArticle.get(d.report.articleId)!,
        asFollowUp: true,
        replyTo: d.replyTo,
        folded: pick(d.folded.map((r) => r.articleId)),
        note: foldedLine(d.folded, lang),
        dropped: pick(d.dropped),
      };
    case 'hold': {
      const dropped = pick(d.dropped);
      return { kind: 'hold', until: d.until, alerts: mine.filter((a) => !dropped.includes(a)), dropped };
    }
    case 'skip':
      return { kind: 'skip', alerts: d.reason === 'nothing-pending' ? [] : pick(d.dropped), reason: d.reason };
  }
}
