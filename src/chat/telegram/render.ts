// Alert, digest and reply messages as Telegram HTML with their buttons. Layout of an alert:
//   [↪ Follow-up] headline (bold, linked to the article)
//   outlet(s) · time · n outlets
//   summary in the chat's language(s)
//   Matched: terms · Places: places
// At most 4096 characters after entity parsing: the summaries are cut at a sentence to fit. Pure.
import { leadSentences } from '../../deliver/lead';
import type { AlertView, DigestView, MessageView, SummaryLang } from '../../deliver/sender';
import { t } from '../i18n';
import { encodeCallback } from './callback-data';
import { isolateLine, type Line, MESSAGE_MAX_CHARS, plainLength, toHtml } from './html';

export interface Button {
  readonly text: string;
  readonly data: string;
}

export interface Rendered {
  readonly html: string;
  /** Plain length after entity parsing (≤ 4096). */
  readonly length: number;
  readonly buttons: readonly (readonly Button[])[];
}

const TITLE_MAX = 600;
const pad = (n: number) => String(n).padStart(2, '0');

export function formatTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

function summaries(view: AlertView, shown: SummaryLang): string[] {
  const { ar, en } = view.summary;
  if (shown === 'both') return [ar, en].filter((s): s is string => Boolean(s));
  const first = shown === 'ar' ? ar : en;
  return [first ?? ar ?? en ?? ''].filter(Boolean);
}

function finish(lines: Line[], buttons: Button[][]): Rendered {
  const isolated = lines.map(isolateLine);
  return { html: toHtml(isolated), length: plainLength(isolated), buttons };
}

/** `shown`: the summary language(s) to show (default the chat's; the language button changes it). */
export function renderAlert(view: AlertView, shown: SummaryLang = view.summaryLang): Rendered {
  const lang = view.uiLang;
  const title = view.title.length > TITLE_MAX ? leadSentences(view.title, TITLE_MAX) : view.title;
  const head: Line = [
    ...(view.kind === 'follow-up' ? [{ text: `↪ ${t(lang, 'alert.followUp')}: ` }] : []),
    { text: title, tag: 'b' as const, href: view.url ?? undefined },
  ];
  const meta = [view.outlets.slice(0, 3).join(lang === 'ar' ? '، ' : ', '), formatTime(view.publishedAt)];
  if (view.storySize > 1) meta.push(t(lang, 'alert.outlets', { n: Math.max(view.storySize, view.outlets.length) }));
  const tail: Line[] = [];
  if (view.note) tail.push([{ text: view.note, tag: 'i' }]);
  const facts: string[] = [];
  if (view.terms.length) facts.push(`${t(lang, 'alert.terms')}: ${view.terms.slice(0, 8).join(', ')}`);
  if (view.places.length) facts.push(`${t(lang, 'alert.places')}: ${view.places.map((p) => p.name).join(', ')}`);
  if (facts.length) tail.push([{ text: facts.join(' · '), tag: 'i' }]);

  const fixed: Line[] = [head, [{ text: meta.join(' · ') }], ...tail];
  const texts = summaries(view, shown);
  // Isolates add up to 2 characters per Latin run: measure the fixed part as it will be sent.
  const fixedLength = plainLength(fixed.map(isolateLine)) + texts.length * 2;
  const budget = Math.max(0, MESSAGE_MAX_CHARS - fixedLength - 64);
  const per = Math.floor(budget / Math.max(1, texts.length));
  const body: Line[] = texts.map((s) => [{ text: fitIsolated(s, per) }]);
  const lines = [fixed[0]!, fixed[1]!, ...body.flatMap((l) => [[{ text: '' }], l]), ...tail];
  return finish(lines, alertButtons(view, shown));
}

/** Cuts at a sentence so that the text, once its Latin runs are isolated, fits `max`. */
function fitIsolated(text: string, max: number): string {
  let limit = max;
  for (;;) {
    const cut = leadSentences(text, limit);
    const size = plainLength([isolateLine([{ text: cut }])]);
    if (size <= max || limit < 40) return cut;
    limit -= size - max;
  }
}

function alertButtons(view: AlertView, shown: SummaryLang): Button[][] {
  const lang = view.uiLang;
  const row: Button[] = [];
  const push = (text: string, data: string | null) => data && row.push({ text, data });
  if (view.storyId !== null) push(t(lang, 'button.mute'), encodeCallback({ kind: 'mute', storyId: view.storyId }));
  const place = view.places[0];
  if (place)
    push(
      t(lang, 'button.watchPlace', { place: place.name }),
      encodeCallback({ kind: 'watch-place', placeId: place.id }),
    );
  const other = shown === 'ar' ? 'en' : 'ar';
  if (view.summary[other] || shown === 'both')
    push(t(lang, `button.lang.${other}`), encodeCallback({ kind: 'lang', alertId: view.alertId, lang: other }));
  return row.length ? [row] : [];
}

export function renderDigest(view: DigestView): Rendered {
  const lang = view.uiLang;
  const head: Line = [
    {
      text: t(lang, `digest.title.${view.reason}`, { alerts: view.alertCount, stories: view.stories.length }),
      tag: 'b',
    },
  ];
  const lines: Line[] = [head, [{ text: '' }]];
  const reserve = 80;
  let shown = 0;
  for (const s of view.stories) {
    const extra = [s.outlets.slice(0, 3).join(', '), s.alerts > 1 ? `×${s.alerts}` : ''].filter(Boolean).join(' ');
    const line: Line = [
      { text: '• ' },
      { text: s.title.slice(0, TITLE_MAX), href: s.url ?? undefined },
      ...(extra ? [{ text: ` — ${extra}` }] : []),
    ];
    if (plainLength([...lines, line].map(isolateLine)) > MESSAGE_MAX_CHARS - reserve) break;
    lines.push(line);
    shown++;
  }
  if (shown < view.stories.length)
    lines.push([{ text: t(lang, 'digest.moreStories', { n: view.stories.length - shown }) }]);
  return finish(lines, []);
}

export function renderText(text: string): Rendered {
  const cut = text.length > MESSAGE_MAX_CHARS ? leadSentences(text, MESSAGE_MAX_CHARS - 8) : text;
  return finish(
    cut.split('\n').map((l) => [{ text: l }]),
    [],
  );
}

export function renderView(view: MessageView): Rendered {
  if (view.type === 'alert') return renderAlert(view);
  if (view.type === 'digest') return renderDigest(view);
  return renderText(view.text);
}
