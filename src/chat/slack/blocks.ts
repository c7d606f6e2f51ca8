// Alert, digest and reply messages as Slack Block Kit (api.slack.com/reference/block-kit). Layout:
//   header   headline (plain_text, ≤ 150 characters; "↪ Follow-up:" first for follow-ups)
//   section  the summary, one per language shown (plain_text, ≤ 3000 characters each)
//   context  outlets · time · n outlets · places (≤ 10 elements)
//   actions  open article (url button), mute story, watch a place
// plus a short `text` fallback for notifications. Text objects are plain_text wherever Slack allows
// it, so feed text is never read as mrkdwn; the one mrkdwn use (digest links) escapes & < >. A whole
// message stays under 11k characters of block text (Slack answered msg_blocks_too_long at ~13k).
// Arabic lines isolate their Latin runs (UAX #9) so outlet names stay in place. Pure.
import { leadSentences } from '../../deliver/lead';
import type { AlertView, DigestView, MessageView, SummaryLang } from '../../deliver/sender';
import { t } from '../i18n';
import { isolateLine } from '../telegram/html';
import { formatTime } from '../telegram/render';

export const LIMITS = {
  blocks: 50,
  header: 150,
  section: 3000,
  context: 10,
  buttonText: 75,
  fallback: 300,
  /** Total block text budget per message. */
  total: 11_000,
} as const;

/** action_ids of the buttons; the app routes on them. */
export const ACTION = {
  open: 'rased_open',
  mute: 'rased_mute',
  watchPlace: 'rased_watch_place',
  /** Remove a watch from App Home (value "<channel>:<watch id>"). */
  unwatch: 'rased_unwatch',
  /** Buttons under a command reply: value is the core's Action as JSON. */
  reply: 'rased_reply',
} as const;

export type Block = Record<string, unknown>;
export interface SlackMessage {
  readonly text: string;
  readonly blocks: Block[];
}

/** The Telegram renderer's bidi rule, on one string: Latin runs in an Arabic line are isolated. */
export const isolateLatin = (s: string): string => isolateLine([{ text: s }])[0]!.text;

const plain = (text: string) => ({ type: 'plain_text', text, emoji: true });
/** Cuts to `max` characters (counted after isolation), at a sentence or word when it can. */
export function fitText(text: string, max: number): string {
  const iso = isolateLatin(text);
  if (iso.length <= max) return iso;
  let limit = max;
  for (;;) {
    const cut = isolateLatin(leadSentences(text, limit));
    if (cut.length <= max) return cut;
    if (limit < 20) return `${iso.slice(0, max - 1)}…`;
    limit -= cut.length - max + 1;
  }
}
/** mrkdwn needs only & < > escaped (api.slack.com/reference/surfaces/formatting#escaping). */
export const escapeMrkdwn = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const safeUrl = (u: string | null | undefined) => (u && /^https?:\/\/\S+$/i.test(u) && u.length <= 3000 ? u : null);

function summaries(view: AlertView, shown: SummaryLang): string[] {
  const { ar, en } = view.summary;
  if (shown === 'both') return [ar, en].filter((s): s is string => Boolean(s));
  const first = shown === 'ar' ? ar : en;
  return [first ?? ar ?? en ?? ''].filter(Boolean);
}

function button(text: string, actionId: string, value?: string, url?: string): Block {
  return {
    type: 'button',
    text: plain(fitText(text, LIMITS.buttonText)),
    action_id: actionId,
    ...(value !== undefined ? { value } : {}),
    ...(url ? { url } : {}),
  };
}

export function renderAlert(view: AlertView): SlackMessage {
  const lang = view.uiLang;
  const prefix = view.kind === 'follow-up' ? `↪ ${t(lang, 'alert.followUp')}: ` : '';
  const headline = fitText(`${prefix}${view.title}`, LIMITS.header);
  const texts = summaries(view, view.summaryLang);
  const per = Math.min(LIMITS.section, Math.floor((LIMITS.total - 1000) / Math.max(1, texts.length)));
  const meta = [view.outlets.slice(0, 3).join(lang === 'ar' ? '، ' : ', '), formatTime(view.publishedAt)];
  if (view.storySize > 1) meta.push(t(lang, 'alert.outlets', { n: Math.max(view.storySize, view.outlets.length) }));
  const facts: string[] = [];
  if (view.places.length) facts.push(`${t(lang, 'alert.places')}: ${view.places.map((p) => p.name).join(', ')}`);
  if (view.terms.length) facts.push(`${t(lang, 'alert.terms')}: ${view.terms.slice(0, 8).join(', ')}`);

  const actions: Block[] = [];
  const url = safeUrl(view.url);
  if (url) actions.push(button(t(lang, 'alert.more'), ACTION.open, String(view.alertId), url));
  if (view.storyId !== null) actions.push(button(t(lang, 'button.mute'), ACTION.mute, String(view.storyId)));
  const place = view.places[0];
  if (place) actions.push(button(t(lang, 'button.watchPlace', { place: place.name }), ACTION.watchPlace, place.id));

  const blocks: Block[] = [
    { type: 'header', text: plain(headline) },
    ...texts.map((s) => ({ type: 'section', text: plain(fitText(s, per)) })),
    {
      type: 'context',
      elements: [meta.join(' · '), ...facts].slice(0, LIMITS.context).map((x) => plain(fitText(x, 2000))),
    },
    ...(actions.length ? [{ type: 'actions', block_id: `alert_${view.alertId}`, elements: actions }] : []),
  ];
  const fallback = fitText(`${prefix}${view.title} — ${view.outlets[0] ?? ''}`, LIMITS.fallback);
  return { text: fallback, blocks };
}

export function renderDigest(view: DigestView): SlackMessage {
  const lang = view.uiLang;
  const title = t(lang, `digest.title.${view.reason}`, { alerts: view.alertCount, stories: view.stories.length });
  const blocks: Block[] = [{ type: 'header', text: plain(fitText(title, LIMITS.header)) }];
  let used = title.length;
  let chunk: string[] = [];
  let shown = 0;
  const flush = () => {
    if (chunk.length) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: chunk.join('\n') } });
    chunk = [];
  };
  for (const s of view.stories) {
    const name = escapeMrkdwn(fitText(s.title, 300).replace(/\|/g, '¦'));
    const url = safeUrl(s.url);
    const extra = [s.outlets.slice(0, 3).join(', '), s.alerts > 1 ? `×${s.alerts}` : ''].filter(Boolean).join(' ');
    const line = `• ${url ? `<${url}|${name}>` : name}${extra ? ` — ${escapeMrkdwn(isolateLatin(extra))}` : ''}`;
    if (used + line.length > LIMITS.total - 200 || blocks.length >= LIMITS.blocks - 2) break;
    if ([...chunk, line].join('\n').length > LIMITS.section) flush();
    chunk.push(line);
    used += line.length + 1;
    shown++;
  }
  flush();
  if (shown < view.stories.length)
    blocks.push({
      type: 'context',
      elements: [plain(t(lang, 'digest.moreStories', { n: view.stories.length - shown }))],
    });
  return { text: fitText(title, LIMITS.fallback), blocks };
}

/** Plain text as sections of ≤ 3000 characters, split at lines. */
export function renderText(text: string): SlackMessage {
  const sections: string[] = [];
  let cur = '';
  for (const line of text.split('\n').map(isolateLatin)) {
    const piece = line.length > LIMITS.section ? fitText(line, LIMITS.section) : line;
    if (cur && cur.length + 1 + piece.length > LIMITS.section) {
      sections.push(cur);
      cur = piece;
    } else cur = cur ? `${cur}\n${piece}` : piece;
  }
  if (cur.trim()) sections.push(cur);
  const blocks = sections.slice(0, 3).map((s) => ({ type: 'section', text: plain(s) }));
  return { text: fitText(text.split('\n')[0] ?? text, LIMITS.fallback), blocks };
}

export function renderView(view: MessageView): SlackMessage {
  if (view.type === 'alert') return renderAlert(view);
  if (view.type === 'digest') return renderDigest(view);
  return renderText(view.text);
}
