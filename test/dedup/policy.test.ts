import { describe, expect, it } from 'vitest';
import { type AlertDecision, decideAlert, foldedLine, type Report, type SentMessage } from '../../src/dedup/policy';

const H = 3_600_000;
const T0 = Date.UTC(2025, 2, 3, 8);
const r = (articleId: number, outlet: string, minutes: number): Report => ({
  articleId,
  outlet,
  title: `report ${articleId}`,
  at: T0 + minutes * 60_000,
});
const alert: SentMessage = { kind: 'alert', messageRef: 'm1', outlets: ['A'], at: T0 };
const fu = (minutes: number, outlet: string): SentMessage => ({
  kind: 'follow-up',
  messageRef: `f${minutes}`,
  outlets: [outlet],
  at: T0 + minutes * 60_000,
});

const cases: {
  name: string;
  pending: Report[];
  sent: SentMessage[];
  muted?: boolean;
  now: number;
  want: AlertDecision;
}[] = [
  {
    name: 'first report of a story: one top-level alert',
    pending: [r(2, 'B', 5), r(1, 'A', 0)],
    sent: [],
    now: T0 + 10 * 60_000,
    want: { kind: 'alert', report: r(1, 'A', 0) },
  },
  {
    name: 'a later report from another outlet: follow-up threaded under the alert',
    pending: [r(2, 'B', 5)],
    sent: [alert],
    now: T0 + 10 * 60_000,
    want: { kind: 'follow-up', replyTo: 'm1', report: r(2, 'B', 5), folded: [], dropped: [] },
  },
  {
    name: 'a second report from the alert outlet: nothing (one per outlet)',
    pending: [r(3, 'A', 20)],
    sent: [alert],
    now: T0 + H,
    want: { kind: 'skip', reason: 'outlet-already-reported', dropped: [3] },
  },
  {
    name: 'two pending from one new outlet: one follow-up, the other dropped',
    pending: [r(4, 'C', 30), r(5, 'C', 31)],
    sent: [alert],
    now: T0 + H,
    want: { kind: 'follow-up', replyTo: 'm1', report: r(4, 'C', 30), folded: [], dropped: [5] },
  },
  {
    name: 'three follow-ups in the last hour: hold until the oldest leaves the window',
    pending: [r(9, 'E', 40)],
    sent: [alert, fu(10, 'B'), fu(20, 'C'), fu(30, 'D')],
    now: T0 + 45 * 60_000,
    want: { kind: 'hold', until: T0 + 70 * 60_000, dropped: [] },
  },
  {
    name: 'more waiting than the budget allows: the next follow-up folds the rest',
    pending: [r(10, 'E', 40), r(11, 'F', 41), r(12, 'G', 42), r(13, 'H', 43), r(14, 'I', 44)],
    sent: [alert, fu(10, 'B'), fu(20, 'C')],
    now: T0 + 50 * 60_000,
    want: {
      kind: 'follow-up',
      replyTo: 'm1',
      report: r(10, 'E', 40),
      folded: [r(11, 'F', 41), r(12, 'G', 42), r(13, 'H', 43), r(14, 'I', 44)],
      dropped: [],
    },
  },
  {
    name: 'within budget: one report per follow-up, no folding',
    pending: [r(10, 'E', 40), r(11, 'F', 41)],
    sent: [alert],
    now: T0 + 50 * 60_000,
    want: { kind: 'follow-up', replyTo: 'm1', report: r(10, 'E', 40), folded: [], dropped: [] },
  },
  {
    name: 'follow-ups older than an hour do not count',
    pending: [r(9, 'E', 130)],
    sent: [alert, fu(10, 'B'), fu(20, 'C'), fu(30, 'D')],
    now: T0 + 131 * 60_000,
    want: { kind: 'follow-up', replyTo: 'm1', report: r(9, 'E', 130), folded: [], dropped: [] },
  },
  {
    name: 'a muted story sends nothing more',
    pending: [r(2, 'B', 5)],
    sent: [alert],
    muted: true,
    now: T0 + H,
    want: { kind: 'skip', reason: 'muted', dropped: [2] },
  },
  {
    name: 'a muted story sends not even its first alert',
    pending: [r(1, 'A', 0)],
    sent: [],
    muted: true,
    now: T0,
    want: { kind: 'skip', reason: 'muted', dropped: [1] },
  },
  {
    name: 'nothing pending',
    pending: [],
    sent: [alert],
    now: T0,
    want: { kind: 'skip', reason: 'nothing-pending', dropped: [] },
  },
];

describe('decideAlert', () => {
  it.each(cases)('$name', ({ pending, sent, muted, now, want }) => {
    const got = decideAlert({ story: { id: 1, pending }, subscriberHistory: { muted: muted ?? false, sent }, now });
    expect(got).toEqual(want);
  });

  it('honours a custom policy (1 follow-up per 30 minutes)', () => {
    const got = decideAlert({
      story: { id: 1, pending: [r(9, 'E', 40), r(10, 'F', 41)] },
      subscriberHistory: { muted: false, sent: [alert] },
      now: T0 + 45 * 60_000,
      policy: { maxFollowUpsPerWindow: 1, windowMs: 30 * 60_000 },
    });
    expect(got).toMatchObject({ kind: 'follow-up', folded: [r(10, 'F', 41)] });
  });
});

describe('foldedLine', () => {
  it.each([
    [[], 'en', ''],
    [[r(1, 'A', 0)], 'en', '+1 more report: A'],
    [[r(1, 'A', 0), r(2, 'B', 0), r(3, 'C', 0), r(4, 'D', 0)], 'en', '+4 more reports: A, B, C, D'],
    [[r(1, 'عنب بلدي', 0), r(2, 'الميادين', 0)], 'ar', '+2 تقارير أخرى: عنب بلدي، الميادين'],
  ] as const)('%j (%s) → %s', (folded, lang, want) => {
    expect(foldedLine(folded, lang)).toBe(want);
  });
});
