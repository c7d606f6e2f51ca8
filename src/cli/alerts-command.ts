// `rased alerts --failed [--json] [--limit N]`: alerts the dispatcher gave up on (a 400 from the
// platform: not retried blindly), with the chat, the headline and the platform's reason.
import { existsSync } from 'node:fs';
import { openStore } from '../store/db';
import { loadAll } from './load';
import type { CommandIO } from './parse-command';

const USAGE = 'usage: rased alerts --failed [--json] [--limit N]';

interface FailedRow {
  id: number;
  platform: string;
  chat_id: string;
  title: string | null;
  kind: string;
  attempts: number;
  last_error: string | null;
  created_at: number;
}

export function alertsCommand(args: string[], env: Record<string, string | undefined>, io: CommandIO): number {
  const json = args.includes('--json');
  const limitAt = args.indexOf('--limit');
  const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : 50;
  const known = new Set(['--failed', '--json', '--limit', ...(limitAt >= 0 ? [args[limitAt + 1]] : [])]);
  const unknown = args.filter((a) => !known.has(a));
  if (!args.includes('--failed') || unknown.length || !Number.isInteger(limit) || limit < 1) {
    io.err(`rased alerts: ${unknown.length ? `unknown option ${unknown[0]}` : 'nothing to show'} (${USAGE})`);
    return 2;
  }
  const loaded = loadAll(env);
  if (!loaded.ok) {
    io.err(`rased: ${loaded.error}`);
    return 1;
  }
  const { config } = loaded.value;
  let rows: FailedRow[] = [];
  if (existsSync(config.databasePath)) {
    // Read-only and without the lock: works while `rased run` is delivering.
    const store = openStore(config.databasePath, { readonly: true });
    try {
      rows = store.db
        .prepare<[number], FailedRow>(
          `SELECT a.id, s.platform, s.chat_id, ar.title, a.kind, a.attempts, a.last_error, a.created_at
           FROM alerts a JOIN subscribers s ON s.id = a.subscriber_id LEFT JOIN articles ar ON ar.id = a.article_id
           WHERE a.status = 'failed' ORDER BY a.id DESC LIMIT ?`,
        )
        .all(limit);
    } finally {
      store.close();
    }
  }
  if (json) {
    io.out(JSON.stringify(rows, null, 2));
    return 0;
  }
  io.out(`${rows.length} failed alert${rows.length === 1 ? '' : 's'}`);
  for (const r of rows) {
    const when = new Date(r.created_at).toISOString().slice(0, 16).replace('T', ' ');
    io.out(`#${r.id}  ${when}  ${r.platform}:${r.chat_id}  ${r.kind}  "${r.title ?? '?'}"\n    ${r.last_error ?? ''}`);
  }
  return 0;
}
