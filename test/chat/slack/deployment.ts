// A whole Slack deployment for tests: the real app (SQLite file, pipeline with alerting) polling a
// local feed server, the Web API stand-in, and the Slack service (Bolt HTTP receiver + dispatcher).
import { createSlackService, type SlackService } from '../../../src/chat/slack/service';
import type { DeliveryEvent } from '../../../src/deliver/outcome';
import type { Limits } from '../../../src/deliver/pacer';
import { silentLogger } from '../../../src/observe/log';
import type { World } from '../../../src/world';
import { startTestApp, type TestApp } from '../../helpers/app';
import { startServer, type TestServer } from '../../helpers/http-server';
import { type SlackStandIn, type SlackStandInOptions, startSlackStandIn } from '../../helpers/slack-api-server';
import { waitFor } from '../../helpers/wait';
import { SECRET } from './harness';

export interface SlackDeployment {
  readonly t: TestApp;
  readonly api: SlackStandIn;
  readonly svc: SlackService;
  readonly url: string;
  readonly events: DeliveryEvent[];
  /** Adds an item to a feed, polls, and wakes the dispatcher. */
  publish(feed: '/one' | '/two', item: string): Promise<void>;
  close(): Promise<void>;
}

export const rssItem = (id: string, title: string, link: string, ageMin: number, body: string) =>
  `<item><title>${title}</title><link>${link}</link><guid isPermaLink="false">${id}</guid>` +
  `<pubDate>${new Date(Date.now() - ageMin * 60_000).toUTCString()}</pubDate>` +
  `<content:encoded><![CDATA[${body}]]></content:encoded></item>`;
const rss = (items: string[]) =>
  `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title>${items.join('')}</channel></rss>`;

export async function startSlackDeployment(
  world: World,
  o: { limits: Limits; standIn?: SlackStandInOptions; dir?: string; feeds?: Record<string, string[]> },
): Promise<SlackDeployment> {
  const feeds: Record<string, string[]> = o.feeds ?? { '/one': [], '/two': [] };
  const server: TestServer = await startServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(feeds[req.url ?? ''] ?? []));
  });
  const yaml = `sources:\n  - { id: one, name: Outlet One, url: "${server.url}/one" }\n  - { id: two, name: Outlet Two, url: "${server.url}/two" }\n`;
  const t = startTestApp(yaml, { world, ...(o.dir ? { dir: o.dir } : {}) });
  await t.app.scheduler.runOnce();
  const api = await startSlackStandIn({
    channels: { C1: { name: 'newsroom' } },
    users: { U1: { name: 'editor' } },
    ...o.standIn,
  });
  const events: DeliveryEvent[] = [];
  const names: Record<string, string> = { one: 'Outlet One', two: 'Outlet Two' };
  const svc = createSlackService({
    botToken: 'xoxb-test-token',
    appToken: null,
    signingSecret: SECRET,
    apiUrl: api.apiUrl,
    port: 0,
    adminIds: [],
    db: t.app.store.db,
    articles: t.app.articles,
    matchContext: () => world.ctx,
    sourceName: (id) => names[id] ?? id,
    sources: () => [{ name: 'Outlet One', ok: true, error: null }],
    limits: o.limits,
    clock: Date.now,
    random: () => 0.5,
    log: silentLogger(),
    onWatchesChanged: () => t.app.alerting.invalidate(),
    onEvent: (e) => events.push(e),
    scanEveryMs: 20,
  });
  const started = await svc.start();
  if (started.kind !== 'started' || started.mode !== 'http')
    throw new Error(`slack did not start: ${JSON.stringify(started)}`);
  return {
    t,
    api,
    svc,
    url: `http://127.0.0.1:${started.port}`,
    events,
    async publish(feed, item) {
      feeds[feed] = [...(feeds[feed] ?? []), item];
      await t.app.scheduler.runOnce();
      svc.dispatcher.wake();
    },
    async close() {
      await svc.stop();
      await api.close();
      await t.close();
      await server.close();
    },
  };
}

export { waitFor };
