// A message view as plain text: the console sender's output and a base for platforms' fallback text
// (Slack's notification `text`). Pure.
import type { AlertView, DigestView, MessageView } from './sender';

const time = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

function alertText(v: AlertView): string {
  const lines = [`${v.kind === 'follow-up' ? '↪ ' : ''}${v.title}`];
  lines.push(
    [v.outlets.slice(0, 3).join(', '), `${time(v.publishedAt)} UTC`, v.storySize > 1 ? `${v.storySize} outlets` : '']
      .filter(Boolean)
      .join(' · '),
  );
  if (v.url) lines.push(v.url);
  for (const s of [v.summary.ar, v.summary.en]) if (s) lines.push(s);
  if (v.terms.length) lines.push(`matched: ${v.terms.join(', ')}`);
  return lines.join('\n');
}

function digestText(v: DigestView): string {
  const head = `${v.reason}: ${v.alertCount} alerts on ${v.stories.length} stories`;
  return [head, ...v.stories.map((s) => `• ${s.title}${s.outlets.length ? ` — ${s.outlets.join(', ')}` : ''}`)].join(
    '\n',
  );
}

export function plainText(view: MessageView): string {
  if (view.type === 'alert') return alertText(view);
  if (view.type === 'digest') return digestText(view);
  return view.text;
}
