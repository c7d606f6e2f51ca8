// Chat text → a command. Same grammar on every platform: "/name args", "/name@bot args" (Telegram
// groups address one bot). Usage mistakes are commands too ({ name: 'usage' }), answered with the
// right example; text that is not a command, or is for another bot, is null. Pure.
import type { MessageKey } from '../i18n';
import type { SourceCommand } from './source';

export type Command =
  | { readonly name: 'start' | 'help' | 'list' | 'pause' | 'resume' | 'sources' }
  | { readonly name: 'watch'; readonly query: string }
  | { readonly name: 'unwatch'; readonly watchId: number }
  | { readonly name: 'lang'; readonly lang: 'ar' | 'en' | 'both' }
  | { readonly name: 'digest'; readonly mode: 'off' | 'hourly' | 'daily' }
  | { readonly name: 'alias'; readonly alias: string; readonly canonical: string; readonly global: boolean }
  | SourceCommand
  | { readonly name: 'usage'; readonly usage: MessageKey }
  | { readonly name: 'unknown' };

const SIMPLE = new Set(['start', 'help', 'list', 'pause', 'resume', 'sources']);

/** Commands that change the chat: in groups only administrators may run them. */
export const EDITING = new Set<Command['name']>([
  'start',
  'watch',
  'unwatch',
  'lang',
  'pause',
  'resume',
  'digest',
  'alias',
]);

export function parseCommand(text: string, botUsername?: string): Command | null {
  const m = /^\/([A-Za-z_]+)(?:@([A-Za-z0-9_]+))?(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (!m) return null;
  const [, rawName, bot, rawArgs] = m;
  if (bot && botUsername && bot.toLowerCase() !== botUsername.toLowerCase()) return null;
  const name = rawName!.toLowerCase();
  const args = (rawArgs ?? '').trim();
  if (SIMPLE.has(name)) return { name } as Command;
  switch (name) {
    case 'watch':
      return args ? { name, query: args } : { name: 'usage', usage: 'watch.usage' };
    case 'unwatch': {
      const id = /^#?(\d{1,12})$/.exec(args);
      return id ? { name, watchId: Number(id[1]) } : { name: 'usage', usage: 'unwatch.usage' };
    }
    case 'lang':
      return args === 'ar' || args === 'en' || args === 'both'
        ? { name, lang: args }
        : { name: 'usage', usage: 'lang.usage' };
    case 'digest':
      return args === 'off' || args === 'hourly' || args === 'daily'
        ? { name, mode: args }
        : { name: 'usage', usage: 'digest.usage' };
    case 'alias': {
      const a = /^(global\s+)?(.+?)\s*=\s*(.+)$/.exec(args);
      if (!a || !a[2]!.trim() || !a[3]!.trim() || a[2]!.length > 100 || a[3]!.length > 100)
        return { name: 'usage', usage: 'alias.usage' };
      return { name, alias: a[2]!.trim(), canonical: a[3]!.trim(), global: Boolean(a[1]) };
    }
    case 'source':
      return parseSource(args);
    default:
      return { name: 'unknown' };
  }
}

/** `/source list`, `/source add <url>`, `/source remove <id>` (ids are config slugs). */
function parseSource(args: string): Command {
  const [action = '', rest = '', extra] = args.split(/\s+/).filter(Boolean);
  const usage: Command = { name: 'usage', usage: 'source.usage' };
  if (extra !== undefined) return usage;
  if (action === 'list' && !rest) return { name: 'source', action: 'list' };
  if (action === 'add' && rest)
    return { name: 'source', action: 'add', url: rest.replace(/^<([^|>]*)(?:\|[^>]*)?>$/, '$1') };
  if (action === 'remove' && /^[a-z0-9][a-z0-9-]{0,62}$/.test(rest))
    return { name: 'source', action: 'remove', id: rest };
  return usage;
}
