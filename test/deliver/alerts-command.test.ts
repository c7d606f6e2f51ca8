import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { createAlertsRepo } from '../../src/store/alerts-repo';
import { openStore } from '../../src/store/db';
import { tempDir } from '../helpers/app';
import { seedAlerts } from './seed';

describe('rased alerts --failed', () => {
  it('lists failed alerts with the chat, headline and reason', async () => {
    const path = join(tempDir(), 'rased.db');
    const store = openStore(path);
    const [id] = seedAlerts(store.db, [{ chatId: '501', chatType: 'private' }], 1, { createdAt: Date.UTC(2024, 0, 1) });
    createAlertsRepo(store.db).markFailed(id!, 'Bad Request: can\'t parse entities: Unsupported start tag "p"');
    store.close();
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s) };
    expect(await main(['alerts', '--failed'], { DATABASE_PATH: path }, io)).toBe(0);
    expect(out[0]).toBe('1 failed alert');
    expect(out[1]).toContain('telegram:501');
    expect(out[1]).toContain("can't parse entities");
    expect(await main(['alerts', '--failed', '--json'], { DATABASE_PATH: path }, io)).toBe(0);
    expect(JSON.parse(out[2]!)[0]).toMatchObject({ id, chat_id: '501' });
    expect(await main(['alerts'], { DATABASE_PATH: path }, io)).toBe(2);
  });
});
