// The contract every Sender (console, Telegram, Slack) must keep, run against each implementation:
//   runSenderContract('telegram', async () => ({ sender, chatId, delivered, close, ... }))
// Expected failures come back as values, never as exceptions; a sent message has a reference the
// next message can reply to; text is delivered as text (no markup from the content gets through).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertView, MessageView, Sender } from '../../src/deliver/sender';

export interface DeliveredMessage {
  readonly ref: string;
  /** What a reader sees (markup removed). */
  readonly text: string;
  readonly replyTo: string | null;
  readonly threadId: string | null;
}

export interface SenderFixture {
  readonly sender: Sender;
  /** A chat that accepts messages. */
  readonly chatId: string;
  readonly delivered: () => DeliveredMessage[];
  /** Optional provocations; a platform without the notion leaves them out. */
  readonly blockedChatId?: string;
  readonly rateLimitNext?: () => void;
  readonly serverErrorNext?: () => void;
  readonly close: () => Promise<void>;
}

export const sampleAlert = (over: Partial<AlertView> = {}): AlertView => ({
  alertId: 1,
  kind: 'alert',
  storyId: 7,
  title: 'اشتباكات قرب سجن غويران في الحسكة <b> & "quotes"',
  url: 'https://example.org/news/1?a=1&b=2',
  outlets: ['Enab Baladi', 'SANA'],
  publishedAt: Date.UTC(2022, 0, 21, 12, 30),
  summary: {
    ar: 'قالت مصادر محلية إن اشتباكات اندلعت قرب السجن. وأغلقت الطرق.',
    en: 'Clashes broke out near the prison.',
  },
  terms: ['الحسكة', 'Ghwayran'],
  places: [{ id: 'gn:173', name: 'Hasakah' }],
  storySize: 2,
  uiLang: 'en',
  summaryLang: 'both',
  ...over,
});

/** Bidi isolates (FSI…PDI) are invisible: compare what a reader sees. */
export const visible = (s: string) => s.replace(/[\u2066-\u2069]/g, '');

export function runSenderContract(name: string, setup: () => Promise<SenderFixture>): void {
  describe(`Sender contract: ${name}`, () => {
    let f: SenderFixture;
    beforeAll(async () => {
      f = await setup();
    });
    afterAll(async () => {
      await f.close();
    });
    const send = (
      view: MessageView,
      over: { replyTo?: string | null; chatId?: string; threadId?: string | null } = {},
    ) =>
      f.sender.send({
        chatId: over.chatId ?? f.chatId,
        threadId: over.threadId ?? null,
        replyTo: over.replyTo ?? null,
        view,
      });

    it('sends an alert and returns a message reference', async () => {
      const r = await send({ type: 'alert', ...sampleAlert() });
      expect(r.kind).toBe('sent');
      if (r.kind !== 'sent') return;
      expect(r.messageRef).not.toBe('');
      const got = { text: visible(f.delivered().find((m) => m.ref === r.messageRef)!.text) };
      expect(got.text).toContain('اشتباكات قرب سجن غويران');
      expect(got.text).toContain('<b> & "quotes"');
      expect(got.text).toContain('Clashes broke out near the prison.');
    });

    it('threads a follow-up under the reference of the first alert', async () => {
      const first = await send({ type: 'alert', ...sampleAlert() });
      if (first.kind !== 'sent') throw new Error(first.kind);
      const next = await send(
        { type: 'alert', ...sampleAlert({ kind: 'follow-up', alertId: 2 }) },
        { replyTo: first.messageRef },
      );
      if (next.kind !== 'sent') throw new Error(next.kind);
      expect(f.delivered().find((m) => m.ref === next.messageRef)!.replyTo).toBe(first.messageRef);
    });

    it('sends digests and plain texts', async () => {
      const d = await send({
        type: 'digest',
        reason: 'catch-up',
        uiLang: 'en',
        alertCount: 3,
        stories: [
          { title: 'Story <one>', url: null, outlets: ['A'], alerts: 2 },
          { title: 'Story two', url: null, outlets: [], alerts: 1 },
        ],
      });
      expect(d.kind).toBe('sent');
      const t = await send({ type: 'text', text: 'a < b && c > d' });
      expect(t.kind).toBe('sent');
      if (t.kind === 'sent') expect(f.delivered().find((m) => m.ref === t.messageRef)!.text).toBe('a < b && c > d');
    });

    it('answers a blocked chat with "gone", without throwing', async () => {
      if (!f.blockedChatId) return;
      const r = await send({ type: 'text', text: 'hello' }, { chatId: f.blockedChatId });
      expect(r.kind).toBe('gone');
    });

    it('answers a flood limit with "rate-limited" and the wait', async () => {
      if (!f.rateLimitNext) return;
      f.rateLimitNext();
      const r = await send({ type: 'text', text: 'hello' });
      expect(r.kind).toBe('rate-limited');
      if (r.kind === 'rate-limited') expect(r.retryAfterMs).toBeGreaterThan(0);
    });

    it('answers a server error with "retryable"', async () => {
      if (!f.serverErrorNext) return;
      f.serverErrorNext();
      const r = await send({ type: 'text', text: 'hello' });
      expect(r.kind).toBe('retryable');
    });
  });
}
