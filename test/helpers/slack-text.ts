// What a Slack reader sees of a Block Kit message: the text of headers, sections, context elements
// and buttons, one per line, with mrkdwn links shown as their labels and & < > unescaped.
type Block = Record<string, unknown>;
type Text = { type?: string; text?: string };

const unMrkdwn = (s: string) =>
  s
    .replace(/<([^|>]+)\|([^>]*)>/g, '$2')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const show = (t: Text | undefined) => (t?.text === undefined ? [] : [t.type === 'mrkdwn' ? unMrkdwn(t.text) : t.text]);

export function slackVisibleText(blocks: readonly Block[] | undefined): string {
  const lines: string[] = [];
  for (const b of blocks ?? []) {
    lines.push(...show(b.text as Text | undefined));
    for (const e of (b.elements as (Block & Text)[] | undefined) ?? [])
      lines.push(...(e.type === 'button' ? show(e.text as Text) : show(e)));
    const acc = b.accessory as Block | undefined;
    if (acc) lines.push(...show(acc.text as Text));
  }
  return lines.join('\n');
}

/** Bidi isolates (FSI…PDI) are invisible: compare what a reader sees. */
export const visible = (s: string) => s.replace(/[\u2066-\u2069]/g, '');
