// Chat-added sources (table sources_dynamic). Config-file sources are never written here.
import type { Db } from './db';

export interface DynamicSourceRow {
  readonly id: string;
  /** The config entry (id, name, url, kind, ...), as in config/sources.yaml. */
  readonly entry: Record<string, unknown>;
  readonly addedBy: string;
  readonly addedAt: number;
}

interface Row {
  id: string;
  entry: string;
  added_by: string;
  added_at: number;
}

export function createSourcesRepo(db: Db) {
  const insert = db.prepare(
    'INSERT INTO sources_dynamic (id, entry, added_by, added_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
  );
  const remove = db.prepare('DELETE FROM sources_dynamic WHERE id = ?');
  const list = db.prepare('SELECT id, entry, added_by, added_at FROM sources_dynamic ORDER BY added_at, id');
  return {
    /** False when the id is already taken. */
    add(entry: Record<string, unknown> & { id: string }, addedBy: string, now: number): boolean {
      return insert.run(entry.id, JSON.stringify(entry), addedBy, now).changes === 1;
    },
    /** False when there was no such chat-added source. */
    remove(id: string): boolean {
      return remove.run(id).changes === 1;
    },
    list(): DynamicSourceRow[] {
      return (list.all() as Row[]).map((r) => ({
        id: r.id,
        entry: JSON.parse(r.entry) as Record<string, unknown>,
        addedBy: r.added_by,
        addedAt: r.added_at,
      }));
    },
  };
}

export type SourcesRepo = ReturnType<typeof createSourcesRepo>;
